import { statSync } from 'node:fs';
import { LAYERS } from '@policy/dsl';
import { settleBatch, type ClaimItem, type Outcome, type Rejection } from '@policy/engine';
import { detectRecords, readClaims, readRecords } from '@policy/claims';
import type { Side } from '../../../cli/src/diff/load-side.js';
import type { DiffReport, LayerChange, SideSummary, StatusChange } from '../../../cli/src/diff/report.js';
import { ruleChanges } from '../../../cli/src/diff/rule-changes.js';
import { DiffTally, topChanges, type SideTally } from '../../../cli/src/diff/tally.js';

/**
 * `policy diff`'s runDiff (packages/cli/src/diff/run-diff.ts) over claims read once: the studio
 * diffs the same corpus after every edit, and reading and validating the 1,000 claims costs
 * several times settling them. The corpus is kept while its size and mtime are unchanged. The
 * tally, the top changes and the rules that fired differently are the diff library's own; only
 * the few lines that drive them are repeated here (runDiff takes a path, not claims).
 */
interface Corpus {
  readonly stamp: string;
  readonly items: readonly ClaimItem[];
  /** Per record in input order: its position in `items`, or -1 for an invalid record. */
  readonly positions: readonly number[];
  readonly invalid: readonly Rejection[];
}

const corpora = new Map<string, Corpus>();

async function corpus(path: string): Promise<Corpus> {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const kept = corpora.get(path);
  if (kept && kept.stamp === stamp) return kept;
  const items: ClaimItem[] = [];
  const positions: number[] = [];
  const invalid: Rejection[] = [];
  for await (const r of readClaims((await detectRecords(readRecords(path, {}), 'contract', path)).records)) {
    if (r.kind === 'claim') {
      positions.push(items.length);
      items.push(r);
    } else {
      positions.push(-1);
      if (invalid.length < 3) invalid.push(r.rejection);
    }
  }
  const c = { stamp, items, positions, invalid };
  corpora.set(path, c);
  if (corpora.size > 8) corpora.delete(corpora.keys().next().value as string);
  return c;
}

export async function runChange(base: Side, head: Side, input: string, topN: number): Promise<DiffReport> {
  const { items, positions, invalid } = await corpus(input);
  const sameSource = base.fingerprint === head.fingerprint;
  const before = settleBatch(base.policy, items);
  const after = sameSource ? before : settleBatch(head.policy, items);
  const tally = new DiffTally();
  for (const p of positions) {
    if (p < 0) tally.invalidRecord();
    else tally.claim(items[p] as ClaimItem, before[p] as Outcome, after[p] as Outcome);
  }
  const top = topChanges(tally.layerChanges, topN);
  explainRules(base, head, items, top);
  const layers = LAYERS.filter((l) => base.policy.layers.includes(l) || head.policy.layers.includes(l));
  const touched = LAYERS.filter((_, i) => tally.layerChanges.some((c) => c.delta[i] !== 0n) || tally.statusChanges.some((c) => layerOf(c.base, i) !== layerOf(c.head, i)));
  return {
    input,
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
    topLimit: topN,
    statusChanges: tally.statusChanges.slice(0, topN),
    flags: tally.flags.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0)),
  };
}

/** The rules of the top claims: their persons' claims of the year settled again with the trace on both sides. */
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

function layerOf(side: StatusChange['base'], i: number): bigint {
  return 'layers' in side ? (side.layers[i] as bigint) : 0n;
}
