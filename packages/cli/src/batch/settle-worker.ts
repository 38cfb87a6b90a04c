import { parentPort, workerData } from 'node:worker_threads';
import {
  AccumulatorStore,
  claimResult,
  compareClaims,
  CsvRecord,
  settleBatch,
  settleItem,
  settlementToCsvCells,
  settlementToJson,
  type Claim,
  type ClaimItem,
  type CompiledPolicy,
  type Outcome,
  type RecordItem,
} from '@policy/engine';
import { csvLine } from '../io/csv-line.js';
import { loadCompiled } from '../policy-paths.js';
import { FenSums, type SumsMessage } from './fen-sums.js';
import type { FromWorker, Result, ToWorker, Unit, WorkerSetup } from './protocol.js';

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

/** A record as it crossed postMessage: a CSV row arrives as its cells only (its prototype stays behind). */
function received(item: RecordItem): RecordItem {
  if ('rejection' in item || 'raw' in item) return item;
  const row = item as { location: RecordItem['location']; source: Record<string, string> };
  return new CsvRecord(row.location, row.source);
}

class SettleWorker {
  private readonly kept: ClaimItem[] = [];
  private readonly keptRejections: Result[] = [];
  private pending: Result[] = [];
  private sent = 0;
  private sums = new FenSums();
  private extraKeys: string[] | undefined;

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly setup: WorkerSetup,
    private readonly send: (m: FromWorker) => void,
  ) {}

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
    if (m.type === 'finish') {
      this.pending = this.settleKept();
      return;
    }
    const chunk = this.pending.slice(this.sent, this.sent + CHUNK);
    this.sent += chunk.length;
    const last = this.sent >= this.pending.length;
    if (last) this.pending = [];
    this.send({ type: 'results', results: chunk, sums: this.takeSums(), ...this.extra(), last });
  }

  private extra(): { extraKeys?: readonly string[] } {
    return this.extraKeys ? { extraKeys: this.extraKeys } : {};
  }

  private takeSums(): SumsMessage {
    const m = this.sums.toMessage();
    this.sums = new FenSums();
    return m;
  }

  private validate(units: readonly Unit[], claims: ClaimItem[], rejections: Result[]): void {
    for (const u of units) {
      const r = claimResult(received(u.item), u.index, u.duplicate);
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
    const settled = settleBatch(this.policy, claims).map((o, i) => this.result((claims[i] as ClaimItem).index, o, (claims[i] as ClaimItem).claim));
    return this.merge(settled, rejections);
  }

  private keep(units: readonly Unit[]): void {
    this.validate(units, this.kept, this.keptRejections);
  }

  /**
   * Everything kept, settled person-year by person-year in (date, id) order. Each settlement is
   * turned into its output line at once and its claim let go: at the peak a worker holds lines,
   * not claims and settlements both.
   */
  private settleKept(): Result[] {
    const kept = this.kept;
    const store = new AccumulatorStore(this.policy.accumulatorScales);
    const order = kept.map((_, i) => i).sort((a, b) => compareClaims((kept[a] as ClaimItem).claim, (kept[b] as ClaimItem).claim));
    const settled = new Array<Result>(kept.length);
    let person = '';
    for (const i of order) {
      const item = kept[i] as ClaimItem;
      // Persons are independent: a new person starts with an empty store.
      if (item.claim.personId !== person) {
        person = item.claim.personId;
        store.clear();
      }
      settled[i] = this.result(item.index, settleItem(this.policy, item, store), item.claim);
      (kept as (ClaimItem | undefined)[])[i] = undefined;
    }
    const results = this.merge(settled, this.keptRejections);
    this.kept.length = 0;
    this.keptRejections.length = 0;
    return results;
  }

  /** Results of claims and rejections of records, each in input order, merged into input order. */
  private merge(settled: readonly Result[], rejections: readonly Result[]): Result[] {
    const out: Result[] = [];
    let r = 0;
    for (const s of settled) {
      while (r < rejections.length && (rejections[r] as Result).index < s.index) out.push(rejections[r++] as Result);
      out.push(s);
    }
    while (r < rejections.length) out.push(rejections[r++] as Result);
    return out;
  }

  private result(index: number, o: Outcome, claim: Claim): Result {
    if (o.kind === 'rejected') {
      return this.setup.lateColumns ? { index, rejection: o.rejection, keys: Object.keys(claim.extra) } : { index, rejection: o.rejection };
    }
    const s = o.settlement;
    this.sums.add(s);
    if (this.setup.output === 'jsonl') return { index, line: `${JSON.stringify(settlementToJson(s))}\n` };
    if (this.setup.lateColumns) return { index, cells: settlementToCsvCells(s), extra: s.claim.extra };
    return { index, line: csvLine(settlementToCsvCells(s, Object.keys(s.claim.extra))) };
  }
}
