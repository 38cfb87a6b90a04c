import { LAYERS } from '@policy/dsl';
import { KpiTally, settleBatch, type ClaimItem, type KpiValue, type Outcome, type Rejection } from '@policy/engine';
import { openClaims } from '../io/open-claims.js';
import type { Side } from './load-side.js';
import type { DiffReport, KpiChange, LayerChange, SideSummary, StatusChange } from './report.js';
import { ruleChanges } from './rule-changes.js';
import { DiffTally, topChanges, type SideTally } from './tally.js';

export interface DiffOptions {
  /** Claims: CSV or JSON Lines by extension, `-` = standard input (JSON Lines). */
  readonly input: string;
  /** How many of the claims that changed most to show (and of the settled ↔ rejected ones). */
  readonly top: number;
}

/** A claims file read for a diff: the valid claims, and each record's place among them. */
export interface DiffClaims {
  readonly items: readonly ClaimItem[];
  /** Per record in input order: its position in `items`, or -1 for an invalid record. */
  readonly positions: readonly number[];
  /** The first three records that are not valid claims. */
  readonly invalid: readonly Rejection[];
}

/** Reads and validates the claims of `input` (contract records, CSV or JSON Lines by extension). */
export async function readDiffClaims(input: string): Promise<DiffClaims> {
  const items: ClaimItem[] = [];
  const positions: number[] = [];
  const invalid: Rejection[] = [];
  for await (const r of (await openClaims(input, { inFormat: 'contract' })).claims()) {
    if (r.kind === 'claim') {
      positions.push(items.length);
      items.push(r);
    } else {
      positions.push(-1);
      if (invalid.length < 3) invalid.push(r.rejection);
    }
  }
  return { items, positions, invalid };
}

/**
 * Settles the claims of `input` under both sides and compares them. Each side settles the
 * whole file once, without a trace (one pass, when both sides have the same source); then
 * only the persons of the top claims are settled again, with the trace, to name the rules
 * that fired differently.
 */
export async function runDiff(base: Side, head: Side, options: DiffOptions): Promise<DiffReport> {
  return diffClaims(base, head, await readDiffClaims(options.input), options);
}

/** runDiff over claims already read (the studio keeps its corpus between edits). */
export function diffClaims(base: Side, head: Side, claims: DiffClaims, options: DiffOptions): DiffReport {
  const { items, positions, invalid } = claims;
  const sameSource = base.fingerprint === head.fingerprint;
  const before = settleBatch(base.policy, items);
  const after = sameSource ? before : settleBatch(head.policy, items);
  const tally = new DiffTally();
  for (const p of positions) {
    if (p < 0) tally.invalidRecord();
    else tally.claim(items[p] as ClaimItem, before[p] as Outcome, after[p] as Outcome);
  }

  const top = topChanges(tally.layerChanges, options.top);
  explainRules(base, head, items, top);
  const layers = LAYERS.filter((l) => base.policy.layers.includes(l) || head.policy.layers.includes(l));
  const touched = LAYERS.filter((_, i) => tally.layerChanges.some((c) => c.delta[i] !== 0n) || tally.statusChanges.some((c) => layerOf(c.base, i) !== layerOf(c.head, i)));
  return {
    input: options.input,
    base: summary(base, tally.base),
    head: summary(head, tally.head),
    sameSource,
    layers,
    touched,
    records: tally.records,
    invalid: tally.invalid,
    invalidSamples: invalid,
    settledBoth: tally.settledBoth,
    rejectedBoth: tally.rejectedBoth,
    changedClaims: tally.changedClaims,
    layersChanged: tally.layerChanges.length,
    statusChanged: tally.statusChanges.length,
    flagsChanged: tally.flagsChanged,
    groups: tally.groups.filter((g) => g.claims > 0),
    top,
    topLimit: options.top,
    statusChanges: tally.statusChanges.slice(0, options.top),
    kpis: kpiChanges(kpisOf(base, before), kpisOf(head, after)),
    flags: tally.flags.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)),
  };
}

/**
 * Fills in `rules` of the top claims: their persons' claims of the year (the accumulators a
 * claim reads) are settled again on both sides with the trace, and the traces compared.
 */
function explainRules(base: Side, head: Side, items: readonly ClaimItem[], top: readonly LayerChange[]): void {
  if (top.length === 0) return;
  const personYear = (personId: string, date: string) => `${personId}\0${date.slice(0, 4)}`;
  const wanted = new Set(top.map((c) => personYear(c.personId, c.date)));
  const subset = items.filter((it) => wanted.has(personYear(it.claim.personId, it.claim.date)));
  const traced = (side: Side) => new Map(settleBatch(side.policy, subset, { trace: true }).map((o) => [o.index, o]));
  const b = traced(base);
  const h = traced(head);
  for (const c of top) {
    const x = b.get(c.index);
    const y = h.get(c.index);
    if (x?.kind !== 'settled' || y?.kind !== 'settled' || !x.settlement.trace || !y.settlement.trace) continue;
    c.rules = ruleChanges(x.settlement.trace, y.settlement.trace);
  }
}

function summary(side: Side, t: SideTally): SideSummary {
  const p = side.policy;
  return {
    path: side.path,
    ...(side.rev !== undefined ? { rev: side.rev } : {}),
    label: side.label,
    policy: p.name,
    title: p.title,
    versions: p.versions.map((v) => v.date),
    versionsUsed: new Map([...t.versions].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
    settled: t.sums.settled,
    rejected: t.rejected,
    total: t.sums.totalFen,
    layers: LAYERS.map((_, i) => t.sums.layerFen(i)),
  };
}

/** A side's kpis over the claims it settled, as `batch --summary-json` computes them. */
function kpisOf(side: Side, outcomes: readonly Outcome[]): KpiValue[] {
  const t = new KpiTally(side.policy);
  if (t.empty) return [];
  for (const o of outcomes) if (o.kind === 'settled') t.add(o.settlement);
  return t.values();
}

/** The kpis of both sides paired by name: the base's order, then the head's new ones. */
function kpiChanges(base: readonly KpiValue[], head: readonly KpiValue[]): KpiChange[] {
  const byName = new Map(head.map((k) => [k.name, k]));
  const out: KpiChange[] = base.map((b) => {
    const h = byName.get(b.name);
    return { name: b.name, base: b, ...(h ? { head: h } : {}) };
  });
  const seen = new Set(base.map((k) => k.name));
  for (const h of head) if (!seen.has(h.name)) out.push({ name: h.name, head: h });
  return out;
}

function layerOf(side: StatusChange['base'], i: number): bigint {
  return 'layers' in side ? (side.layers[i] as bigint) : 0n;
}
