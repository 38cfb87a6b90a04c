import { Decimal, LAYERS, PAYING_LAYERS, VOCABULARY, type LayerName } from '@policy/dsl';
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
export function percentText(before: bigint, after: bigint): string {
  const p = percent(before, after);
  if (p === null) return '—';
  if (p === 'new') return 'new';
  const d = after - before;
  const digits = p.replace(/^-/, '');
  return `${d > 0n ? '+' : d < 0n ? '-' : ''}${digits}%`;
}

/** The sum of the paying layers (all but hospital and patient) of a per-layer array. */
export function paying(layers: readonly bigint[]): bigint {
  return PAYING.reduce((s, i) => s + (layers[i] as bigint), 0n);
}

export function sideLine(s: SideSummary): string {
  const n = s.versions.length;
  return `${s.label} (${s.policy}, version${n === 1 ? '' : 's'} ${s.versions.join(', ')})`;
}

export function versionsUsed(s: SideSummary): string {
  if (s.versionsUsed.size === 0) return 'none';
  return [...s.versionsUsed].map(([v, n]) => `${v} (${n} claim${n === 1 ? '' : 's'})`).join(', ');
}

export function changedLine(r: DiffReport): string {
  if (r.changedClaims === 0) return `no claim changed${r.sameSource ? ' (both sides are built from the same source files)' : ''}`;
  return `${r.changedClaims} claim${r.changedClaims === 1 ? '' : 's'} changed: layers ${r.layersChanged}, settled ↔ rejected ${r.statusChanged}, flags ${r.flagsChanged}`;
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

function where(base: RuleSide | undefined, head: RuleSide | undefined): string {
  if (base && head) return at(base.at) === at(head.at) ? at(head.at) : `base ${at(base.at)}, head ${at(head.at)}`;
  return at((base ?? head)?.at as TraceLocation);
}

function otherSide(name: 'base' | 'head', s: RuleSide | undefined): string {
  if (!s) return `not in force in ${name}`;
  return `${name}: not applied${s.failed !== undefined ? ` (${s.failed} is false)` : ''}, ${at(s.at)}`;
}

/** One line per rule that fired differently, for people. */
export function ruleLine(r: RuleChange): string {
  const { base, head } = r;
  if (base?.applied && head?.applied) {
    const layers = [...new Set([...Object.keys(base.layers), ...Object.keys(head.layers)])];
    const moves = layers
      .filter((l) => base.layers[l] !== head.layers[l])
      .map((l) => `${l} ${base.layers[l] ?? '—'} → ${head.layers[l] ?? '—'}`);
    return `${r.rule}: ${moves.join(', ')} (${where(base, head)})`;
  }
  if (head?.applied) return `${r.rule}: applied in head only (${at(head.at)}${assigned(head)}); ${otherSide('base', base)}`;
  return `${r.rule}: applied in base only (${at((base as RuleSide).at)}${assigned(base as RuleSide)}); ${otherSide('head', head)}`;
}

function assigned(s: RuleSide): string {
  const parts = Object.entries(s.layers).map(([l, a]) => `${l} ${a}`);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}

/** A settled ↔ rejected claim for people. */
export function statusLine(c: StatusChange): string {
  const side = (name: string, s: StatusChange['base']) =>
    'layers' in s ? `${name} settled (patient ${money(s.layers[LAYER_INDEX.patient] as bigint)})` : `${name} rejected: ${s.rejected}`;
  return `${c.id} (line ${c.location.line}): ${side('base', c.base)}; ${side('head', c.head)}`;
}

/** The dimension headings of the breakdowns. */
export const DIMENSION_TITLE = { category: 'category', visit: 'visit', level: 'level', region: 'region' } as const;

/** A kpi's value for people: `90.12%`, `—` without claims or on a side that does not declare it. */
export function kpiValueText(k: KpiChange['base']): string {
  if (!k) return '(not declared)';
  return k.value === null ? '—' : k.value;
}

/** `met`, `not met`, or '' without a target. */
export function kpiMetText(k: KpiChange['base']): string {
  if (!k || k.met === undefined) return '';
  return k.met ? 'met' : 'not met';
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
