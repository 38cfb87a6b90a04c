import { Worker } from 'node:worker_threads';
import { LAYERS } from '@policy/dsl';
import type { SumsMessage } from './fen-sums.js';
import type { FromWorker, Result, ToWorker, Unit, WorkerSetup } from './protocol.js';

export type ResultSink = (results: readonly Result[], sums: SumsMessage, extraKeys: readonly string[] | undefined) => Promise<void>;

/** Batches a worker may have in hand before the reader waits: memory stays bounded. */
const IN_FLIGHT = 4;

class Settler {
  inFlight = 0;
  private queue: Result[] = [];
  private pos = 0;
  /** Chunks received after `finish`, not yet taken into `queue`. */
  private readonly waiting: Result[][] = [];
  /** `more` requests sent and not yet answered (at most one). */
  private asked = 0;
  done = false;
  private fill: { resolve: () => void; reject: (e: Error) => void } | undefined;
  extraKeys: readonly string[] | undefined;

  constructor(readonly worker: Worker) {}

  post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  private ask(): void {
    if (this.asked > 0 || this.done) return;
    this.asked++;
    this.post({ type: 'more' });
  }

  /** After `finish`: the next result in this worker's input order, or undefined when it has no more. */
  async head(): Promise<Result | undefined> {
    while (this.pos >= this.queue.length) {
      const next = this.waiting.shift();
      if (next !== undefined) {
        this.queue = next;
        this.pos = 0;
        continue;
      }
      if (this.done) break;
      await new Promise<void>((resolve, reject) => {
        this.fill = { resolve, reject };
        this.ask();
      });
    }
    return this.queue[this.pos];
  }

  take(): void {
    this.pos++;
  }

  /**
   * A chunk of results after `finish`. The next one is asked for at once, so that the worker
   * settles it while this thread writes this one (one chunk ahead: memory stays bounded).
   */
  chunk(results: readonly Result[], last: boolean): void {
    this.asked--;
    this.waiting.push(results as Result[]);
    this.done = last;
    this.ask();
    const f = this.fill;
    this.fill = undefined;
    f?.resolve();
  }

  /** The pool failed: whoever waits for this worker's results hears it. */
  abort(e: Error): void {
    const f = this.fill;
    this.fill = undefined;
    f?.reject(e);
  }
}

/**
 * The settlement workers, seen from the main thread. Presorted input goes out in batches of whole
 * persons to whichever worker has least in hand and comes back, batch by batch, in input order.
 * Other input goes to the worker of its person (by a hash of personId) and is kept there until
 * `finish`; then the workers' results, each in input order, are merged back into input order.
 */
export class WorkerPool {
  private readonly settlers: Settler[];
  private seq = 0;
  private nextSeq = 0;
  private readonly finished = new Map<number, { results: readonly Result[]; sums: SumsMessage; extraKeys?: readonly string[] }>();
  private writing: Promise<void> = Promise.resolve();
  /** Sums of the chunks received after `finish`, not yet passed on with their results. */
  private readonly finishedSums: SumsMessage[] = [];
  private room: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    count: number,
    script: string,
    setup: WorkerSetup,
    private readonly sink: ResultSink,
  ) {
    this.settlers = Array.from({ length: count }, () => {
      const s = new Settler(new Worker(script, { workerData: setup }));
      s.worker.on('message', (m: FromWorker) => this.receive(s, m));
      s.worker.on('error', (e) => this.stop(e));
      s.worker.on('exit', (code) => {
        if (code !== 0) this.stop(new Error(`a settlement worker stopped (exit ${code})`));
      });
      return s;
    });
  }

  private stop(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.room?.();
    for (const s of this.settlers) s.abort(e);
  }

  private receive(s: Settler, m: FromWorker): void {
    if (m.type === 'error') {
      const e = new Error(m.message);
      if (m.stack) e.stack = m.stack;
      this.stop(e);
      return;
    }
    if (m.type === 'ack') {
      s.inFlight--;
      this.room?.();
      return;
    }
    if (m.extraKeys && !s.extraKeys) s.extraKeys = m.extraKeys;
    if (m.seq === undefined) {
      // A chunk after `finish`: its sums are counted as its results are written.
      this.finishedSums.push(m.sums);
      s.chunk(m.results, m.last === true);
      return;
    }
    s.inFlight--;
    this.finished.set(m.seq, { results: m.results, sums: m.sums, ...(m.extraKeys ? { extraKeys: m.extraKeys } : {}) });
    this.writing = this.writing.then(() => this.writeInOrder());
    this.writing.catch((e: Error) => this.stop(e));
  }

  private async writeInOrder(): Promise<void> {
    for (let b = this.finished.get(this.nextSeq); b; b = this.finished.get(this.nextSeq)) {
      this.finished.delete(this.nextSeq++);
      await this.sink(b.results, b.sums, b.extraKeys);
    }
    this.room?.();
  }

  private async waitForRoom(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      // Woken by a result, an acknowledgement or a failure (never a race with a promise that
      // lives as long as the pool: each race would leave a reaction on it).
      await new Promise<void>((resolve) => (this.room = resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Presorted input: a batch of whole persons. */
  async settleBatch(units: readonly Unit[]): Promise<void> {
    const pending = (): number => this.seq - this.nextSeq;
    await this.waitForRoom(() => pending() < IN_FLIGHT * this.settlers.length);
    const s = this.settlers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    s.inFlight++;
    s.post({ type: 'batch', seq: this.seq++, units });
  }

  /** Other input: records for worker `w` to keep. */
  async keep(w: number, units: readonly Unit[]): Promise<void> {
    const s = this.settlers[w] as Settler;
    await this.waitForRoom(() => s.inFlight < IN_FLIGHT);
    s.inFlight++;
    s.post({ type: 'batch', seq: this.seq++, units });
  }

  get size(): number {
    return this.settlers.length;
  }

  /** Every record is sent: wait for (presorted) or merge (otherwise) the rest of the results. */
  async finish(presorted: boolean): Promise<void> {
    if (presorted) {
      await this.waitForRoom(() => this.nextSeq === this.seq);
      await this.writing;
      return;
    }
    await this.waitForRoom(() => this.settlers.every((s) => s.inFlight === 0));
    for (const s of this.settlers) s.post({ type: 'finish' });
    const extraKeys = (): readonly string[] | undefined => this.settlers.find((s) => s.extraKeys)?.extraKeys;
    const batch: Result[] = [];
    for (;;) {
      let next: Settler | undefined;
      let head: Result | undefined;
      for (const s of this.settlers) {
        const h = await s.head();
        if (h && (!head || h.index < head.index)) (head = h), (next = s);
      }
      if (!next || !head) break;
      next.take();
      batch.push(head);
      if (batch.length >= 1000) await this.flush(batch, extraKeys());
    }
    await this.flush(batch, extraKeys());
  }

  private async flush(batch: Result[], extraKeys: readonly string[] | undefined): Promise<void> {
    const sums = this.finishedSums.splice(0);
    for (const [i, m] of sums.entries()) await this.sink(i === 0 ? batch.splice(0) : [], m, extraKeys);
    if (batch.length > 0) await this.sink(batch.splice(0), EMPTY_SUMS, extraKeys);
  }

  async close(): Promise<void> {
    await Promise.all(this.settlers.map((s) => s.worker.terminate()));
  }
}

const EMPTY_SUMS: SumsMessage = { settled: 0, fixed: 0, total: '0', layers: LAYERS.map(() => '0') };
