import { Decimal, LAYERS, PAYING_LAYERS, ZERO, formatMoney, type LayerName } from '@policy/dsl';
import { CompiledAudits, KpiTally, settleBatch, type Claim, type ClaimItem, type CompiledPolicy, type KpiValue, type SettledClaim } from '@policy/engine';
import type { RosterView } from '@policy/claims';
import { comparePersons } from '../batch/person-order.js';
import { UsageError } from '../errors.js';
import { openClaims } from '../io/open-claims.js';
import type { InFormat } from '../options.js';
import { ref } from '@policy/dsl';

/**
 * The numbers of `policy report` (docs/reports.md): what the HTML shows and `--format json`
 * prints. The claims settle in-process person by person (buildReport), the kpis by the same
 * KpiTally as `batch --summary-json`, the findings by the same audits as `policy audit`.
 */

export const GROUPINGS = ['category', 'level', 'region', 'month'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ReportInput {
  readonly in: string;
  /** Each person's records together, persons ascending: one person in memory at a time. */
  readonly presorted?: boolean;
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

/**
 * Reads, settles and tallies the claims one person at a time: each person's claims settle as a
 * batch of their own (accumulators are per person and year, so that is how batch settles them),
 * are added to the tally and audited, then let go. With `presorted` the input holds each person's
 * records together (persons ascending, a person out of order stops the run), so one person is in
 * memory at a time; without it every claim is kept until the input ends, then persons in order.
 */
export async function buildReport(policy: CompiledPolicy, input: ReportInput, by: readonly Grouping[]): Promise<ReportData> {
  const opened = await openClaims(input.in, { inFormat: input.inFormat, policyPath: input.policyPath, ...(input.mapping ? { mapping: input.mapping } : {}) });
  const tally = new ReportTally(policy, by);
  const file = input.in === '-' ? 'standard input' : input.in;
  const persons = new Map<string, ClaimItem[]>();
  let current: ClaimItem[] = [];
  for await (const r of opened.claims(input.roster)) {
    tally.read++;
    if (r.kind !== 'claim') {
      tally.rejected++;
      continue;
    }
    if (!input.presorted) {
      const list = persons.get(r.claim.personId);
      if (list) list.push(r);
      else persons.set(r.claim.personId, [r]);
      continue;
    }
    const last = current[0]?.claim.personId;
    if (last !== undefined && last !== r.claim.personId) {
      if (comparePersons(r.claim.personId, last) < 0) {
        throw new UsageError(ref('cmd.usage.presorted-order', { file, line: r.location.line, person: JSON.stringify(r.claim.personId), last: JSON.stringify(last) }));
      }
      tally.person(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) tally.person(current);
  for (const p of [...persons.keys()].sort(comparePersons)) tally.person(persons.get(p) as ClaimItem[]);
  return tally.data();
}

interface TopClaim {
  readonly s: SettledClaim;
  readonly share: Decimal;
}

/** Orders claims by patient share, then patient amount, then id: the first TOP are shown. */
function topOrder(a: TopClaim, b: TopClaim): number {
  return b.share.comparedTo(a.share) || b.s.layers.patient.comparedTo(a.s.layers.patient) || (a.s.claim.id < b.s.claim.id ? -1 : a.s.claim.id > b.s.claim.id ? 1 : 0);
}

/** The report's sums, added to one settled claim at a time (memory: the groups, the top claims, one person's claims). */
export class ReportTally {
  read = 0;
  rejected = 0;
  private settled = 0;
  private total = ZERO;
  private readonly layerSums = new Map<LayerName, Decimal>(LAYERS.map((l) => [l, ZERO]));
  private readonly kpis: KpiTally;
  private readonly audits: CompiledAudits;
  private readonly findingCounts: Map<string, number>;
  private readonly buckets = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, claims: 0 }));
  private readonly groups: { by: Grouping; rows: Map<string, { claims: number; total: Decimal; paid: Decimal }> }[];
  private top: TopClaim[] = [];

  constructor(
    private readonly policy: CompiledPolicy,
    by: readonly Grouping[],
  ) {
    this.kpis = new KpiTally(policy);
    this.audits = new CompiledAudits(policy);
    this.findingCounts = new Map(this.audits.audits.map((a) => [a.name, 0]));
    this.groups = by.map((g) => ({ by: g, rows: new Map() }));
  }

  /** One person's claims: settled together, added, audited (the findings counted). */
  person(items: readonly ClaimItem[]): void {
    const settled: SettledClaim[] = [];
    for (const o of settleBatch(this.policy, items)) {
      if (o.kind === 'settled') settled.push(o.settlement);
      else this.rejected++;
    }
    for (const s of settled) this.add(s);
    if (this.audits.audits.length > 0) {
      for (const f of this.audits.auditPerson(settled.map((s) => s.claim))) this.findingCounts.set(f.audit, (this.findingCounts.get(f.audit) ?? 0) + 1);
    }
  }

  private add(s: SettledClaim): void {
    this.settled++;
    this.total = this.total.plus(s.claim.total);
    for (const l of LAYERS) this.layerSums.set(l, (this.layerSums.get(l) as Decimal).plus(s.layers[l]));
    this.kpis.add(s);
    const paid = paidOf(s);
    if (!s.claim.total.isZero()) {
      const tenth = Math.min(9, paid.dividedBy(s.claim.total).times(10).floor().toNumber());
      (this.buckets[tenth] as { claims: number }).claims++;
      const t = { s, share: s.layers.patient.dividedBy(s.claim.total) };
      if (this.top.length < TOP || topOrder(t, this.top[this.top.length - 1] as TopClaim) < 0) {
        this.top.push(t);
        this.top.sort(topOrder);
        if (this.top.length > TOP) this.top.length = TOP;
      }
    }
    for (const g of this.groups) {
      for (const key of groupKeys(s.claim, g.by)) {
        const row = g.rows.get(key) ?? { claims: 0, total: ZERO, paid: ZERO };
        row.claims++;
        row.total = row.total.plus(s.claim.total);
        row.paid = row.paid.plus(paid);
        g.rows.set(key, row);
      }
    }
  }

  data(): ReportData {
    const policy = this.policy;
    const layerSums = this.layerSums;
    const total = this.total;
    const paying = [...layerSums].filter(([l]) => PAYING.has(l)).reduce((sum, [, v]) => sum.plus(v), ZERO);
    return {
      policy: policy.name,
      title: policy.title,
      records: { read: this.read, settled: this.settled, rejected: this.rejected },
      total: formatMoney(total),
      layers: policy.layers.map((l) => ({ layer: l, amount: formatMoney(layerSums.get(l) as Decimal), share: fraction(layerSums.get(l) as Decimal, total) })),
      effectiveRatio: fraction(paying, total),
      distribution: this.buckets,
      groups: this.groups.map((g) => ({
        by: g.by,
        rows: [...g.rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, r]) => ({ key, claims: r.claims, total: formatMoney(r.total), paid: formatMoney(r.paid), ratio: fraction(r.paid, r.total) })),
      })),
      kpis: this.kpis.values(),
      findings: this.audits.audits.map((a) => ({ audit: a.name, result: a.result, cites: a.cites, count: this.findingCounts.get(a.name) ?? 0 })),
      topPatientShare: this.top.map(({ s, share }) => ({ id: s.claim.id, personId: s.claim.personId, total: formatMoney(s.claim.total), patient: formatMoney(s.layers.patient), share: share.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toString() })),
    };
  }
}
