import { Decimal, LAYERS, PAYING_LAYERS, ZERO, formatMoney, type LayerName } from '@policy/dsl';
import { CompiledAudits, KpiTally, compareClaims, settleBatch, type Claim, type ClaimItem, type CompiledPolicy, type KpiValue, type SettledClaim } from '@policy/engine';
import type { RosterView } from '@policy/claims';
import { openClaims } from '../io/open-claims.js';
import type { InFormat } from '../options.js';

/**
 * The numbers of `policy report` (docs/reports.md): what the HTML shows and `--format json`
 * prints. The claims settle as one batch in-process (every claim in memory: a report is read by
 * people, over a county's claims, not a province's), the kpis by the same KpiTally as
 * `batch --summary-json`, the findings by the same audits as `policy audit`.
 */

export const GROUPINGS = ['category', 'level', 'region', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ReportInput {
  readonly in: string;
  readonly inFormat: InFormat;
  readonly policyPath: string;
  readonly mapping?: string;
  readonly roster?: RosterView;
}

export interface GroupRow {
  readonly key: string;
  readonly claims: number;
  readonly total: string;
  readonly paid: string;
  /** paid ÷ total, as a fraction with 4 decimals; null when the total is 0. */
  readonly ratio: string | null;
}

export interface ReportData {
  readonly policy: string;
  readonly title: string;
  readonly records: { readonly read: number; readonly settled: number; readonly rejected: number };
  readonly total: string;
  readonly layers: readonly { readonly layer: LayerName; readonly amount: string; readonly share: string | null }[];
  readonly effectiveRatio: string | null;
  /** Claims by effective ratio in tenths: [0, 10%), [10%, 20%) … [90%, 100%]. */
  readonly distribution: readonly { readonly from: number; readonly to: number; readonly claims: number }[];
  readonly groups: readonly { readonly by: Grouping; readonly rows: readonly GroupRow[] }[];
  readonly kpis: readonly KpiValue[];
  readonly findings: readonly { readonly audit: string; readonly result: string; readonly cites: readonly string[]; readonly count: number }[];
  readonly topPatientShare: readonly { readonly id: string; readonly personId: string; readonly total: string; readonly patient: string; readonly share: string }[];
}

const TOP = 10;
const PAYING = new Set<LayerName>(PAYING_LAYERS);

const paidOf = (s: SettledClaim): Decimal => PAYING_LAYERS.reduce((sum, l) => sum.plus(s.layers[l]), ZERO);
const fraction = (a: Decimal, b: Decimal): string | null => (b.isZero() ? null : a.dividedBy(b).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString());

function groupKeys(c: Claim, by: Grouping): string[] {
  switch (by) {
    case 'category':
      return c.categories.size === 0 ? ['ordinary'] : [...c.categories].sort();
    case 'level':
      return [String(c.level)];
    case 'region':
      return [c.region];
    default:
      return [c.date.slice(0, 7)];
  }
}

export async function buildReport(policy: CompiledPolicy, input: ReportInput, by: readonly Grouping[]): Promise<ReportData> {
  const opened = await openClaims(input.in, { inFormat: input.inFormat, policyPath: input.policyPath, ...(input.mapping ? { mapping: input.mapping } : {}) });
  const items: ClaimItem[] = [];
  let read = 0;
  let rejected = 0;
  for await (const r of opened.claims(input.roster)) {
    read++;
    if (r.kind === 'claim') items.push(r);
    else rejected++;
  }
  const settled: SettledClaim[] = [];
  for (const o of settleBatch(policy, items)) {
    if (o.kind === 'settled') settled.push(o.settlement);
    else rejected++;
  }
  return summarise(policy, settled, { read, rejected }, by);
}

export function summarise(policy: CompiledPolicy, settled: readonly SettledClaim[], counts: { read: number; rejected: number }, by: readonly Grouping[]): ReportData {
  const layerSums = new Map<LayerName, Decimal>(LAYERS.map((l) => [l, ZERO]));
  let total = ZERO;
  const kpis = new KpiTally(policy);
  const buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, claims: 0 }));
  const groups = by.map((g) => ({ by: g, rows: new Map<string, { claims: number; total: Decimal; paid: Decimal }>() }));
  for (const s of settled) {
    total = total.plus(s.claim.total);
    for (const l of LAYERS) layerSums.set(l, (layerSums.get(l) as Decimal).plus(s.layers[l]));
    kpis.add(s);
    const paid = paidOf(s);
    if (!s.claim.total.isZero()) {
      const tenth = Math.min(9, paid.dividedBy(s.claim.total).times(10).floor().toNumber());
      (buckets[tenth] as { claims: number }).claims++;
    }
    for (const g of groups) {
      for (const key of groupKeys(s.claim, g.by)) {
        const row = g.rows.get(key) ?? { claims: 0, total: ZERO, paid: ZERO };
        row.claims++;
        row.total = row.total.plus(s.claim.total);
        row.paid = row.paid.plus(paid);
        g.rows.set(key, row);
      }
    }
  }
  const paying = [...layerSums].filter(([l]) => PAYING.has(l)).reduce((sum, [, v]) => sum.plus(v), ZERO);
  const findings = auditCounts(policy, settled.map((s) => s.claim));
  const top = [...settled]
    .filter((s) => !s.claim.total.isZero())
    .map((s) => ({ s, share: s.layers.patient.dividedBy(s.claim.total) }))
    .sort((a, b) => b.share.comparedTo(a.share) || b.s.layers.patient.comparedTo(a.s.layers.patient) || (a.s.claim.id < b.s.claim.id ? -1 : 1))
    .slice(0, TOP)
    .map(({ s, share }) => ({ id: s.claim.id, personId: s.claim.personId, total: formatMoney(s.claim.total), patient: formatMoney(s.layers.patient), share: share.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString() }));
  return {
    policy: policy.name,
    title: policy.title,
    records: { read: counts.read, settled: settled.length, rejected: counts.rejected },
    total: formatMoney(total),
    layers: policy.layers.map((l) => ({ layer: l, amount: formatMoney(layerSums.get(l) as Decimal), share: fraction(layerSums.get(l) as Decimal, total) })),
    effectiveRatio: fraction(paying, total),
    distribution: buckets,
    groups: groups.map((g) => ({
      by: g.by,
      rows: [...g.rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, r]) => ({ key, claims: r.claims, total: formatMoney(r.total), paid: formatMoney(r.paid), ratio: fraction(r.paid, r.total) })),
    })),
    kpis: kpis.values(),
    findings,
    topPatientShare: top,
  };
}

function auditCounts(policy: CompiledPolicy, claims: readonly Claim[]): ReportData['findings'] {
  const audits = new CompiledAudits(policy);
  const counts = new Map(audits.audits.map((a) => [a.name, 0]));
  const byPerson = new Map<string, Claim[]>();
  for (const c of claims) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  for (const list of byPerson.values()) {
    list.sort(compareClaims);
    for (const f of audits.auditPerson(list)) counts.set(f.audit, (counts.get(f.audit) ?? 0) + 1);
  }
  return audits.audits.map((a) => ({ audit: a.name, result: a.result, cites: a.cites, count: counts.get(a.name) ?? 0 }));
}
