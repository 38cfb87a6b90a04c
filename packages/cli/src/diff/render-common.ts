import { Decimal, LAYERS, PAYING_LAYERS, VOCABULARY, t, type Lang, type LayerName } from '@policy/dsl';
import type { TraceLocation } from '@policy/engine';
import { money } from './fen.js';
import type { DiffReport, Dimension, KpiChange, LayerChange, SideSummary, StatusChange } from './report.js';
import type { RuleChange, RuleSide } from './rule-changes.js';

/** What the table and Markdown views share: wording, percentages, the lines of a rule change. */

export const LAYER_INDEX: Readonly<Record<LayerName, number>> = Object.fromEntries(LAYERS.map((l, i) => [l, i])) as Record<LayerName, number>;
const PAYING = PAYING_LAYERS.map((l) => LAYER_INDEX[l]);

/** The change as a percentage of `before`, 2 decimals (half up): `6.25`; `new` when before is 0; null when both are 0. */
export function percent(before: bigint, after: bigint): string | null {
  if (before === 0n) return after === 0n ? null : 'new';
  const p = new Decimal((after - before).toString()).div(before.toString()).times(100).toFixed(2);
  // A decrease too small to show keeps its sign ("-0.00"); a zero change has none.
  return after < before && !p.startsWith('-') ? `-${p}` : p;
}

/** percent() for people: `+6.25%`, `new`, `—`. */
export function percentText(before: bigint, after: bigint, lang: Lang = 'en'): string {
  const p = percent(before, after);
  if (p === null) return '—';
  if (p === 'new') return t(lang, 'cmd.diff.new');
  const d = after - before;
  const digits = p.replace(/^-/, '');
  return `${d > 0n ? '+' : d < 0n ? '-' : ''}${digits}%`;
}

/** The sum of the paying layers (all but hospital and patient) of a per-layer array. */
export function paying(layers: readonly bigint[]): bigint {
  return PAYING.reduce((s, i) => s + (layers[i] as bigint), 0n);
}

export function sideLine(s: SideSummary, lang: Lang = 'en'): string {
  return t(lang, s.versions.length === 1 ? 'cmd.diff.side.one' : 'cmd.diff.side.many', { label: s.label, policy: s.policy, versions: s.versions.join(', ') });
}

export function versionsUsed(s: SideSummary, lang: Lang = 'en'): string {
  if (s.versionsUsed.size === 0) return t(lang, 'cmd.none');
  return [...s.versionsUsed].map(([v, n]) => t(lang, n === 1 ? 'cmd.diff.version-claims.one' : 'cmd.diff.version-claims.many', { version: v, n })).join(', ');
}

export function changedLine(r: DiffReport, lang: Lang = 'en'): string {
  if (r.changedClaims === 0) return `${t(lang, 'cmd.diff.no-change')}${r.sameSource ? t(lang, 'cmd.diff.same-source') : ''}`;
  return t(lang, r.changedClaims === 1 ? 'cmd.diff.changed.one' : 'cmd.diff.changed.many', { n: r.changedClaims, layers: r.layersChanged, status: r.statusChanged, flags: r.flagsChanged });
}

/**
 * The names a readable report uses (`--labels`): layers and the values of the breakdowns by
 * their codes, or by the vocabulary's Chinese names (基本医保, 住院, 县域内 …).
 */
export interface DiffLabels {
  layer(l: LayerName): string;
  group(dimension: Dimension, value: string): string;
}

export const CODE_LABELS: DiffLabels = { layer: (l) => l, group: (_d, v) => v };

export const ZH_LABELS: DiffLabels = {
  layer: (l) => VOCABULARY.layer.zh(l),
  group: (d, v) => (d === 'level' ? v : VOCABULARY[d].zh(v)),
};

/** The layers of a changed claim that moved: `basic 6000.00 → 6375.00 (+375.00)`. */
export function layerMoves(c: LayerChange, layers: readonly LayerName[], labels: DiffLabels = CODE_LABELS): string[] {
  const out: string[] = [];
  for (const l of layers) {
    const i = LAYER_INDEX[l];
    const d = c.delta[i] as bigint;
    if (d === 0n) continue;
    out.push(`${labels.layer(l)} ${money(c.before[i] as bigint)} → ${money(c.after[i] as bigint)} (${money(d, { sign: true })})`);
  }
  return out;
}

function at(l: TraceLocation): string {
  return `${l.file}:${l.line}`;
}

function where(base: RuleSide | undefined, head: RuleSide | undefined, lang: Lang): string {
  if (base && head) return at(base.at) === at(head.at) ? at(head.at) : t(lang, 'cmd.diff.rule-where', { base: at(base.at), head: at(head.at) });
  return at((base ?? head)?.at as TraceLocation);
}

function otherSide(name: 'base' | 'head', s: RuleSide | undefined, lang: Lang): string {
  if (!s) return t(lang, 'cmd.diff.rule-not-in-force', { side: name });
  if (s.failed !== undefined) return t(lang, 'cmd.diff.rule-not-applied-because', { side: name, failed: s.failed, at: at(s.at) });
  return t(lang, 'cmd.diff.rule-not-applied', { side: name, at: at(s.at) });
}

/** One line per rule that fired differently, for people. */
export function ruleLine(r: RuleChange, lang: Lang = 'en'): string {
  const { base, head } = r;
  if (base?.applied && head?.applied) {
    const layers = [...new Set([...Object.keys(base.layers), ...Object.keys(head.layers)])];
    const moves = layers
      .filter((l) => base.layers[l] !== head.layers[l])
      .map((l) => `${l} ${base.layers[l] ?? '—'} → ${head.layers[l] ?? '—'}`);
    return `${r.rule}: ${moves.join(', ')} (${where(base, head, lang)})`;
  }
  if (head?.applied) return t(lang, 'cmd.diff.rule-head-only', { rule: r.rule, at: at(head.at), assigned: assigned(head), other: otherSide('base', base, lang) });
  return t(lang, 'cmd.diff.rule-base-only', { rule: r.rule, at: at((base as RuleSide).at), assigned: assigned(base as RuleSide), other: otherSide('head', head, lang) });
}

function assigned(s: RuleSide): string {
  const parts = Object.entries(s.layers).map(([l, a]) => `${l} ${a}`);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

/** A settled ↔ rejected claim for people. */
export function statusLine(c: StatusChange, lang: Lang = 'en'): string {
  const side = (name: string, s: StatusChange['base']) =>
    'layers' in s ? t(lang, 'cmd.diff.status-settled', { side: name, patient: money(s.layers[LAYER_INDEX.patient] as bigint) }) : t(lang, 'cmd.diff.status-rejected', { side: name, reason: s.rejected });
  return t(lang, 'cmd.diff.status-line', { id: c.id, line: c.location.line, base: side('base', c.base), head: side('head', c.head) });
}

/** The dimension headings of the breakdowns. */
export const DIMENSION_TITLE = { category: 'category', visit: 'visit', level: 'level', region: 'region' } as const;

/** A dimension's heading in one language. */
export function dimensionTitle(d: Dimension, lang: Lang = 'en'): string {
  return t(lang, `cmd.diff.dim.${d}`);
}

/** A kpi's value for people: `90.12%`, `—` without claims or on a side that does not declare it. */
export function kpiValueText(k: KpiChange['base'], lang: Lang = 'en'): string {
  if (!k) return t(lang, 'cmd.diff.kpi-not-declared');
  return k.value === null ? '—' : k.value;
}

/** `met`, `not met`, or '' without a target. */
export function kpiMetText(k: KpiChange['base'], lang: Lang = 'en'): string {
  if (!k || k.met === undefined) return '';
  return t(lang, k.met ? 'cmd.diff.kpi-met' : 'cmd.diff.kpi-not-met');
}

/** The target as written: `>= 90%` (from whichever side declares one). */
export function kpiTargetText(k: KpiChange): string {
  const t = k.head?.target ?? k.base?.target;
  if (!t) return '';
  return `${t.op} ${t.value}`;
}

/** The kpis whose value or whose being met differs between the sides. */
export function kpiChanged(k: KpiChange): boolean {
  return k.base?.value !== k.head?.value || k.base?.met !== k.head?.met;
}
