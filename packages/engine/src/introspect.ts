import { childExprs, type ResolvedPolicy, type TExpr } from '@policy/dsl';

/**
 * The text values a policy tests claims against (disease names in its sets, table keys,
 * strings in its rules): what a generator of test or benchmark claims should draw from so
 * that the policy's own branches are exercised.
 */
export function policyTextConstants(policy: ResolvedPolicy): string[] {
  const out = new Set<string>();
  const visit = (e: TExpr | undefined): void => {
    if (!e) return;
    if (e.k === 'const' && e.type === 'text' && typeof e.value === 'string') out.add(e.value);
    childExprs(e).forEach(visit);
  };
  for (const s of policy.sets) for (const el of s.elements) if (typeof el.value === 'string') out.add(el.value);
  for (const t of policy.tables) for (const r of t.rows) if (typeof r.key === 'string' && t.keyType === 'text') out.add(r.key);
  for (const l of policy.lets) visit(l.expr);
  for (const r of policy.rules) {
    visit(r.when);
    for (const s of r.body) {
      if (s.k === 'flag') visit(s.when);
      else visit(s.expr);
    }
  }
  return [...out].sort();
}
