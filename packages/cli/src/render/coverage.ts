import { COVERAGE_KINDS, coveragePermille, type CoverageKind, type CoverageKindName, type CoverageReport } from '@policy/engine';
import { UsageError } from '../errors.js';
import { ref } from '@policy/dsl';

/**
 * `policy test --coverage`: the coverage of one policy, for people, and the minimums of
 * `--min-coverage` (`N` for rules, or `rules=N,conditions=N,rows=N`).
 */

export type Minimums = Partial<Record<CoverageKindName, number>>;

const KIND_LABEL: Readonly<Record<CoverageKindName, string>> = { rules: 'rules', conditions: 'conditions', rows: 'table rows' };

export function percentText(k: CoverageKind<unknown>): string {
  const pm = coveragePermille(k);
  return pm === 1000 ? '100%' : `${Math.floor(pm / 10)}.${pm % 10}%`;
}

/** The percentage as a JSON number (one decimal, rounded down). */
export function percentNumber(k: CoverageKind<unknown>): number {
  return coveragePermille(k) / 10;
}

export function parseMinimums(spec: string): Minimums {
  const number = (text: string): number => {
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > 100) {
      throw new UsageError(ref('cmd.usage.min-coverage', { value: JSON.stringify(spec) }));
    }
    return Number(text);
  };
  if (!spec.includes('=')) return { rules: number(spec.trim()) };
  const out: Minimums = {};
  for (const part of spec.split(',')) {
    const [kind, value, extra] = part.split('=').map((s) => s.trim());
    if (!COVERAGE_KINDS.includes(kind as CoverageKindName) || value === undefined || extra !== undefined) {
      throw new UsageError(ref('cmd.usage.min-coverage-part', { part: JSON.stringify(part) }));
    }
    out[kind as CoverageKindName] = number(value);
  }
  return out;
}

export function coverageLines(path: string, c: CoverageReport): string[] {
  const summary = COVERAGE_KINDS.map((k) => `${KIND_LABEL[k]} ${c[k].covered}/${c[k].total} ${percentText(c[k])}`).join(', ');
  const out = [`coverage ${path}: ${summary}`];
  for (const r of c.rules.uncovered) out.push(`  rule never applied      ${r.file}:${r.line}  ${r.rule}`);
  for (const x of c.conditions.uncovered) {
    const what = x.seen === 'never' ? 'condition never reached' : `condition never ${x.seen === 'true' ? 'false' : 'true'}`;
    out.push(`  ${what.padEnd(23)} ${x.file}:${x.line}:${x.column}  ${x.kind === 'when' ? `when ${x.text}` : x.text} (${x.kind === 'when' ? 'rule' : 'in'} ${x.in})`);
  }
  for (const r of c.rows.uncovered) out.push(`  table row never read    ${r.file}:${r.line}  ${r.table}[${r.key}]`);
  return out;
}

/** The kinds below their minimum, as `rule coverage 92.3% is below the minimum 100%`. */
export function belowMinimums(c: CoverageReport, min: Minimums, meets: (k: CoverageKind<unknown>, n: number) => boolean): { kind: CoverageKindName; message: string }[] {
  return COVERAGE_KINDS.flatMap((k) => {
    const n = min[k];
    if (n === undefined || meets(c[k], n)) return [];
    return [{ kind: k, message: `${k === 'rows' ? 'table row' : k.slice(0, -1)} coverage ${percentText(c[k])} is below the minimum ${n}%` }];
  });
}
