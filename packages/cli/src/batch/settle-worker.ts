import { parentPort, workerData } from 'node:worker_threads';
import { AccumulatorStore, compareClaims, settleBatch, settleItem, type Claim, type SettleOptions, type SettledClaim, type ClaimItem, type CompiledPolicy, type Outcome } from '@policy/engine';
import { applyRoster, nhsaOutputPlan, settlementToCsvCells, settlementToLabelledJson, settlementToNhsaCsvCells, settlementToNhsaJson, RosterIndex, type ClaimResult, type NhsaOutputPlan, type RosterView, csvLine } from '@policy/claims';
import { loadCompiled } from '../policy-paths.js';
import { FenSums, type SumsMessage } from './fen-sums.js';
import { KpiTally } from '@policy/engine';
import type { FromWorker, Result, ToWorker, Unit, WorkerSetup } from './protocol.js';
import { recordToClaim, type RecordToClaim } from './record-to-claim.js';
import { received } from './received.js';
import { KpiView } from './kpi-view.js';

/**
 * A settlement worker: validates the records it is sent, settles each person's claims in
 * (date, id) order, formats the output lines and sends them back in input order with the sums
 * of what it settled. Persons never straddle workers, so a worker's results depend only on
 * its persons' records: the output is the same for any number of workers.
 */
const CHUNK = 5_000;

export function runSettleWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as WorkerSetup;
  const send = (m: FromWorker): void => port.postMessage(m);
  try {
    const policy = loadCompiled(setup.policy, { engine: setup.engine });
    const worker = new SettleWorker(policy, setup, send);
    port.on('message', (m: ToWorker) => {
      try {
        worker.receive(m);
      } catch (e) {
        const err = e as Error;
        send({ type: 'error', message: err.message ?? String(e), ...(err.stack ? { stack: err.stack } : {}) });
      }
    });
  } catch (e) {
    const err = e as Error;
    send({ type: 'error', message: err.message ?? String(e), ...(err.stack ? { stack: err.stack } : {}) });
  }
}

class SettleWorker {
  /** Without --presorted: every record kept, in input order (claims, or the rejections of records that are not). */
  private readonly kept: (ClaimItem | Result | undefined)[] = [];
  /** Positions in `kept` of each person's claims not settled yet. */
  private readonly byPerson = new Map<string, number[]>();
  private readonly ready = new Map<number, Result>();
  private next = 0;
  private readonly store: AccumulatorStore;
  private sums = new FenSums();
  private readonly kpis: KpiTally;
  private readonly kpiView = new KpiView();
  private extraKeys: string[] | undefined;
  private readonly toClaim: RecordToClaim;
  private readonly roster: RosterView | undefined;
  /** The nhsa output's plan (its probed lets go to the settlement). */
  private readonly plan: NhsaOutputPlan | undefined;
  private readonly options: SettleOptions;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly setup: WorkerSetup,
    private readonly send: (m: FromWorker) => void,
  ) {
    this.store = new AccumulatorStore(policy.accumulatorScales);
    this.kpis = new KpiTally(policy);
    this.toClaim = recordToClaim(setup.input, setup.mapping);
    this.roster = setup.roster ? { index: RosterIndex.fromShared(setup.roster.buffer), mode: setup.roster.mode } : undefined;
    this.plan = setup.shape === 'nhsa' && setup.mapping ? nhsaOutputPlan(policy, setup.mapping) : undefined;
    this.options = this.plan?.probe ? { probe: this.plan.probe } : {};
  }

  /**
   * A record as a claim or a rejection: platform records through the mapping first; then the
   * roster's categories on the claim's date, when there is a roster.
   */
  private claimOf(u: Unit): ClaimResult {
    const r = this.toClaim(received(u.item), u.index, u.duplicate);
    return r.kind === 'claim' && this.roster ? { ...r, claim: applyRoster(r.claim, this.roster) } : r;
  }

  receive(m: ToWorker): void {
    if (m.type === 'batch') {
      if (this.setup.presorted) {
        const results = this.settle(m.units);
        this.send({ type: 'results', seq: m.seq, results, sums: this.takeSums(), ...this.extra() });
        return;
      }
      this.keep(m.units);
      this.send({ type: 'ack', seq: m.seq });
      return;
    }
    if (m.type === 'finish') return;
    const results = this.nextResults();
    this.send({ type: 'results', results, sums: this.takeSums(), ...this.extra(), last: this.next >= this.kept.length });
  }

  private extra(): { extraKeys?: readonly string[] } {
    return this.extraKeys ? { extraKeys: this.extraKeys } : {};
  }

  private takeSums(): SumsMessage {
    const m = this.sums.toMessage();
    this.sums = new FenSums();
    return this.kpis.empty ? m : { ...m, kpis: this.kpis.take() };
  }

  private validate(units: readonly Unit[], claims: ClaimItem[], rejections: Result[]): void {
    for (const u of units) {
      const r = this.claimOf(u);
      if (r.kind === 'rejected') {
        rejections.push({ index: r.index, rejection: r.rejection });
        continue;
      }
      if (!this.extraKeys) this.extraKeys = Object.keys(r.claim.extra);
      claims.push(r);
    }
  }

  /** Whole persons: settled at once. */
  private settle(units: readonly Unit[]): Result[] {
    const claims: ClaimItem[] = [];
    const rejections: Result[] = [];
    this.validate(units, claims, rejections);
    const settled = settleBatch(this.policy, claims, this.options).map((o, i) => this.result((claims[i] as ClaimItem).index, o, (claims[i] as ClaimItem).claim));
    return merge(settled, rejections);
  }

  private keep(units: readonly Unit[]): void {
    for (const u of units) {
      const r = this.claimOf(u);
      if (r.kind === 'rejected') {
        this.kept.push({ index: r.index, rejection: r.rejection });
        continue;
      }
      if (!this.extraKeys) this.extraKeys = Object.keys(r.claim.extra);
      const positions = this.byPerson.get(r.claim.personId);
      if (positions) positions.push(this.kept.length);
      else this.byPerson.set(r.claim.personId, [this.kept.length]);
      this.kept.push(r);
    }
  }

  /**
   * The next results in input order. A claim's result needs its whole person settled: the
   * first time a person is needed, all its claims are settled, in (date, id) order, and turned
   * into lines; each claim is let go as it settles and each line as it is sent. So the worker
   * never holds every claim and every line at once.
   */
  private nextResults(): Result[] {
    const out: Result[] = [];
    while (out.length < CHUNK && this.next < this.kept.length) {
      const pos = this.next++;
      const entry = this.kept[pos];
      if (entry !== undefined && 'claim' in entry) this.settlePerson(entry.claim.personId);
      const result = this.ready.get(pos) ?? (entry !== undefined && !('claim' in entry) ? entry : undefined);
      this.ready.delete(pos);
      this.kept[pos] = undefined;
      if (result) out.push(result);
    }
    return out;
  }

  private settlePerson(person: string): void {
    const positions = this.byPerson.get(person);
    if (!positions) return;
    this.byPerson.delete(person);
    const items = positions.map((p) => this.kept[p] as ClaimItem);
    const order = items.map((_, i) => i).sort((a, b) => compareClaims((items[a] as ClaimItem).claim, (items[b] as ClaimItem).claim));
    this.store.clear();
    for (const i of order) {
      const item = items[i] as ClaimItem;
      const pos = positions[i] as number;
      this.ready.set(pos, this.result(item.index, settleItem(this.policy, item, this.store, this.options), item.claim));
      this.kept[pos] = undefined;
    }
  }

  private result(index: number, o: Outcome, claim: Claim): Result {
    if (o.kind === 'rejected') {
      return this.setup.lateColumns ? { index, rejection: o.rejection, keys: Object.keys(claim.extra) } : { index, rejection: o.rejection };
    }
    // The platform's records, and a kpi whose closures read the layers, read them as Decimals: shared ones (kpi-view.ts).
    const s = this.plan || this.kpis.readsLayers ? this.kpiView.of(o.settlement) : o.settlement;
    this.sums.add(s);
    this.kpis.add(s);
    if (this.setup.output === 'jsonl') return { index, line: `${JSON.stringify(this.json(s))}\n` };
    if (this.setup.lateColumns) return { index, cells: this.cells(s), extra: s.claim.extra };
    return { index, line: csvLine(this.cells(s, Object.keys(s.claim.extra))) };
  }

  private json(s: SettledClaim): Record<string, unknown> {
    return this.plan ? settlementToNhsaJson(s, this.plan) : settlementToLabelledJson(s, this.setup.labels);
  }

  private cells(s: SettledClaim, extraColumns?: readonly string[]): string[] {
    return this.plan ? settlementToNhsaCsvCells(s, this.plan, extraColumns) : settlementToCsvCells(s, extraColumns);
  }
}

/** Results of claims and rejections of records, each in input order, merged into input order. */
function merge(settled: readonly Result[], rejections: readonly Result[]): Result[] {
  const out: Result[] = [];
  let r = 0;
  for (const s of settled) {
    while (r < rejections.length && (rejections[r] as Result).index < s.index) out.push(rejections[r++] as Result);
    out.push(s);
  }
  while (r < rejections.length) out.push(rejections[r++] as Result);
  return out;
}
