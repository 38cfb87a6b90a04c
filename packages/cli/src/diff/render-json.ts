import { LAYERS, type LayerName } from '@policy/dsl';
import { money } from './fen.js';
import { LAYER_INDEX, paying, percent } from './render-common.js';
import type { DiffReport, GroupRow, SideSummary, StatusChange } from './report.js';
import { GROUPS } from './tally.js';

/** Money in JSON: a string with exactly 2 decimals, `-` when negative, as the contract writes it. */
const m = (fen: bigint) => money(fen);

function byLayer(layers: readonly LayerName[], values: readonly bigint[]): Record<string, string> {
  return Object.fromEntries(layers.map((l) => [l, m(values[LAYER_INDEX[l]] as bigint)]));
}

function side(s: SideSummary, layers: readonly LayerName[]): Record<string, unknown> {
  return {
    path: s.path,
    rev: s.rev ?? null,
    policy: s.policy,
    title: s.title,
    versions: s.versions,
    versionsUsed: Object.fromEntries(s.versionsUsed),
    settled: s.settled,
    rejected: s.rejected,
    total: m(s.total),
    layers: byLayer(layers, s.layers),
  };
}

function group(g: GroupRow, layers: readonly LayerName[]): Record<string, unknown> {
  return { group: g.group, claims: g.claims, changed: g.changed, paying: m(paying(g.delta)), delta: byLayer(layers, g.delta) };
}

function status(s: StatusChange['base'], layers: readonly LayerName[]): Record<string, unknown> {
  return 'layers' in s ? { settled: true, layers: byLayer(layers, s.layers) } : { settled: false, rejected: s.rejected };
}

/**
 * `--format json`: the whole report for machines. `settled` counts the claims settled on both
 * sides (the ones compared layer by layer); `layers` has, per layer, the totals before and
 * after over the claims each side settled, their difference and the difference in % of before
 * (`"new"` when before is 0, null when both are).
 */
export function renderJson(r: DiffReport): string {
  const layers: Record<string, unknown> = {};
  for (const l of r.layers) {
    const i = LAYER_INDEX[l];
    const b = r.base.layers[i] as bigint;
    const a = r.head.layers[i] as bigint;
    layers[l] = { before: m(b), after: m(a), delta: m(a - b), deltaPercent: percent(b, a) };
  }
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  const json = {
    input: r.input,
    base: side(r.base, r.layers),
    head: side(r.head, r.layers),
    sameSource: r.sameSource,
    records: r.records,
    invalid: r.invalid,
    settled: r.settledBoth,
    rejectedBoth: r.rejectedBoth,
    changedClaims: r.changedClaims,
    layersChanged: r.layersChanged,
    statusChanged: r.statusChanged,
    flagsChanged: r.flagsChanged,
    layers,
    paying: { before: m(bp), after: m(ap), delta: m(ap - bp), deltaPercent: percent(bp, ap) },
    total: { before: m(r.base.total), after: m(r.head.total), delta: m(r.head.total - r.base.total) },
    breakdown: Object.fromEntries(
      Object.keys(GROUPS).map((d) => [d, r.groups.filter((g) => g.dimension === d).map((g) => group(g, r.layers))]),
    ),
    top: r.top.map((c) => ({
      id: c.id,
      personId: c.personId,
      date: c.date,
      line: c.location.line,
      ...(c.location.row !== undefined ? { row: c.location.row } : {}),
      delta: byLayer(
        LAYERS.filter((l) => c.delta[LAYER_INDEX[l]] !== 0n),
        c.delta,
      ),
      before: byLayer(r.layers, c.before),
      after: byLayer(r.layers, c.after),
      rules: c.rules ?? [],
    })),
    statusChanges: r.statusChanges.map((c) => ({
      id: c.id,
      line: c.location.line,
      ...(c.location.row !== undefined ? { row: c.location.row } : {}),
      base: status(c.base, r.layers),
      head: status(c.head, r.layers),
    })),
    flags: r.flags,
    kpis: r.kpis.map((k) => ({ name: k.name, before: k.base ?? null, after: k.head ?? null })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
