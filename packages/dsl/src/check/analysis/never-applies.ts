import { related, warning } from '../../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../../messages/index.js';
import type { Span } from '../../source.js';
import type { TExpr } from '../ir.js';
import { childExprs } from '../ir-walk.js';
import type { Analysis } from './analysis.js';
import { satisfy } from './query.js';
import type { VersionView } from './versions.js';

/**
 * W602: a condition no valid claim meets, in any version where it is in force — a rule's
 * `when`, a branch of an `if` in a rule, a flag's `when`, a modifier's or a yearly cap's
 * condition. Contradictory comparisons, a value outside a field's values (level 5), a disease
 * set disjoint from the one tested. Said only when the search decides every branch.
 */
export function checkNeverApplies(a: Analysis): void {
  const never = (inForce: (v: VersionView) => boolean, conds: readonly (TExpr | undefined)[]): boolean => {
    let any = false;
    for (const view of a.views) {
      if (!inForce(view)) continue;
      any = true;
      if (satisfy(view, conds).status !== 'unsat') return false;
    }
    return any;
  };
  for (const r of a.rules) {
    const inForce = (v: VersionView) => v.inForce(r);
    if (r.when && never(inForce, [r.when])) {
      a.report(warning('W602', r.nameSpan, ref('analysis.rule-never', { rule: r.name, versions: versions(a) }), { related: [related(r.when.span, ref('analysis.the-condition'))] }));
      continue;
    }
    for (const s of r.body) {
      if (s.k === 'flag' && s.when && never(inForce, [r.when, s.when])) {
        a.report(warning('W602', s.when.span, ref('analysis.flag-never', { rule: r.name }), { related: [related(r.nameSpan, ref('analysis.rule', { rule: r.name }))] }));
      }
      const expr = s.k === 'flag' ? undefined : s.expr;
      if (!expr) continue;
      for (const b of branches(expr, [])) {
        if (never(inForce, [r.when, ...b.path])) {
          a.report(warning('W602', b.span, ref('analysis.branch-never', { rule: r.name }), { related: [related(r.nameSpan, ref('analysis.rule', { rule: r.name })), related(b.cond, ref('analysis.deciding-condition'))] }));
        }
      }
    }
  }
  for (const m of a.modifiers) {
    if (m.when && never((v) => v.inForce(m), [m.when])) {
      a.report(warning('W602', m.span, ref('analysis.modifier-never', { kind: m.oneLine ? 'adjust' : 'modifier', name: m.name, versions: versions(a) }), { related: [related(m.when.span, ref('analysis.the-condition'))] }));
    }
  }
  for (const c of a.caps) {
    if (c.when && never((v) => v.inForce(c), [c.when])) {
      a.report(warning('W602', c.span, ref('analysis.cap-never', { name: c.name, versions: versions(a) }), { related: [related(c.when.span, ref('analysis.the-condition'))] }));
    }
  }
}

function versions(a: Analysis): MessageRef | '' {
  return a.views.length > 1 ? ref('analysis.in-any-version') : '';
}

interface Branch {
  readonly path: readonly TExpr[];
  readonly span: Span;
  readonly cond: Span;
}

/** Each branch of every `if` in an expression, with the conditions that lead to it. */
function branches(e: TExpr, path: readonly TExpr[], depth = 0): Branch[] {
  if (depth > 64) return [];
  if (e.k === 'if') {
    const neg: TExpr = { k: 'not', type: 'bool', operand: e.cond, span: e.cond.span };
    const thenPath = [...path, e.cond];
    const elsePath = [...path, neg];
    return [
      { path: thenPath, span: e.then.span, cond: e.cond.span },
      { path: elsePath, span: e.else.span, cond: e.cond.span },
      ...branches(e.cond, path, depth + 1),
      ...branches(e.then, thenPath, depth + 1),
      ...branches(e.else, elsePath, depth + 1),
    ];
  }
  return childExprs(e).flatMap((c) => branches(c, path, depth + 1));
}
