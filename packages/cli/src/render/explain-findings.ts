import { RESULT_ZH, STAGE_ZH, displayWidth, type ClauseInfo } from '@policy/dsl';
import { CompiledAudits, type Claim, type CompiledPolicy, type Finding } from '@policy/engine';
import type { ExplainLang } from './explain-labels.js';
import { findingToJson } from '../audit/finding-writer.js';

/** The audit findings of `explain`: what the policy's audits found on a claim, with their clauses. */

const WORDS = {
  en: { heading: 'audit findings', none: '(none)', cites: 'cites', finding: 'finding', related: 'related', window: 'window', parameter: 'parameter', assumed: 'assumed', stage: { before: 'before', during: 'during', after: 'after' }, result: { suspect: 'suspect', certain: 'certain' } },
  zh: { heading: '审核发现', none: '(无)', cites: '依据', finding: '发现', related: '相关单据', window: '时间窗', parameter: '参数', assumed: '假定', stage: STAGE_ZH, result: RESULT_ZH },
} as const;

/** The findings on the given claims, by claim id: each person audited over every claim of theirs in `all`. */
export function findingsFor(policy: CompiledPolicy, all: readonly Claim[], persons: ReadonlySet<string>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (policy.resolved.audits.length === 0) return out;
  const audits = new CompiledAudits(policy);
  const byPerson = new Map<string, Claim[]>();
  for (const c of all) if (persons.has(c.personId)) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  for (const claims of byPerson.values()) {
    for (const f of audits.auditPerson(claims)) out.set(f.claimId, [...(out.get(f.claimId) ?? []), f]);
  }
  return out;
}

export function explainFindings(policy: CompiledPolicy, findings: readonly Finding[], lang: ExplainLang): string {
  if (policy.resolved.audits.length === 0) return '';
  const w = WORDS[lang];
  const lines: string[] = [w.heading];
  if (findings.length === 0) lines.push(`  ${w.none}`);
  for (const f of findings) {
    const ir = policy.resolved.audits.find((a) => a.name === f.audit);
    const file = ir ? policy.resolved.files.get(ir.nameSpan.file) : undefined;
    const at = ir && file ? ` · ${file.path}:${file.position(ir.nameSpan.start).line}` : '';
    lines.push(`  ${f.audit} · ${w.result[f.result]} · ${w.stage[f.stage]}${at}`);
    lines.push(`    ${pad(w.cites)}${f.cites.map((c) => clauseText(policy.resolved.clauses.get(c), c)).join(', ')}`);
    lines.push(`    ${pad(w.finding)}${f.message}`);
    if (f.related.length > 0) lines.push(`    ${pad(w.related)}${f.related.join(', ')}`);
    for (const p of f.parameters) {
      lines.push(`    ${pad(w.parameter)}${p.name} = ${p.value}${p.assumed !== undefined ? ` (${w.assumed}: ${p.assumed})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function clauseText(c: ClauseInfo | undefined, id: string): string {
  return c ? `${id} ${c.title}` : id;
}

/** The findings as `explain --format json` adds them to a settlement. */
export function findingsJson(findings: readonly Finding[]): Record<string, unknown>[] {
  return findings.map(findingToJson);
}

/** A label padded to 10 columns (a Chinese character takes two). */
function pad(label: string): string {
  let w = 0;
  for (const ch of label) w += displayWidth(ch);
  return label + ' '.repeat(Math.max(1, 10 - w));
}
