import { COVERAGE_KINDS, coveragePermille, type CoverageKind, type CoverageKindName, type CoverageReport } from '@policy/engine';
import { UsageError } from '../errors.js';
import { ref, t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { padEndWidth } from './pad.js';

/**
 * `policy test --coverage`: the coverage of one policy, for people, and the minimums of
 * `--min-coverage` (`N` for rules, or `rules=N,conditions=N,rows=N`).
 */

export type Minimums = Partial<Record<CoverageKindName, number>>;


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

export function coverageLines(path: string, c: CoverageReport, lang: Lang = currentLang()): string[] {
  const summary = COVERAGE_KINDS.map((k) => `${t(lang, `cmd.coverage.kind.${k}`)} ${c[k].covered}/${c[k].total} ${percentText(c[k])}`).join(', ');
  const out = [t(lang, 'cmd.coverage.summary', { path, summary })];
  for (const r of c.rules.uncovered) out.push(`  ${padEndWidth(t(lang, 'cmd.coverage.rule-never'), 23)} ${r.file}:${r.line}  ${r.rule}`);
  for (const x of c.conditions.uncovered) {
    const what = t(lang, x.seen === 'never' ? 'cmd.coverage.condition-never-reached' : x.seen === 'true' ? 'cmd.coverage.condition-never-false' : 'cmd.coverage.condition-never-true');
    const within = t(lang, x.kind === 'when' ? 'cmd.coverage.in-rule' : 'cmd.coverage.in', { name: x.in });
    out.push(`  ${padEndWidth(what, 23)} ${x.file}:${x.line}:${x.column}  ${x.kind === 'when' ? `when ${x.text}` : x.text} ${within}`);
  }
  for (const r of c.rows.uncovered) out.push(`  ${padEndWidth(t(lang, 'cmd.coverage.row-never'), 23)} ${r.file}:${r.line}  ${r.table}[${r.key}]`);
  return out;
}

/** The kinds below their minimum, as `rule coverage 92.3% is below the minimum 100%`. */
export function belowMinimums(c: CoverageReport, min: Minimums, meets: (k: CoverageKind<unknown>, n: number) => boolean, lang: Lang = currentLang()): { kind: CoverageKindName; message: string }[] {
  return COVERAGE_KINDS.flatMap((k) => {
    const n = min[k];
    if (n === undefined || meets(c[k], n)) return [];
    return [{ kind: k, message: t(lang, `cmd.coverage.below.${k}`, { percent: percentText(c[k]), min: n }) }];
  });
}
