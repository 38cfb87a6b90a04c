import { Worker } from 'node:worker_threads';
import type { Unit } from '../batch/protocol.js';
import type { PersonsAudited } from './audit-persons.js';
import type { AuditSetup, FromAuditWorker } from './audit-protocol.js';

/** Groups a worker may have in hand before the reader waits: memory stays bounded. */
const IN_FLIGHT = 4;

/**
 * The audit workers, seen from the main thread: groups of whole persons go to whichever worker
 * has least in hand, and their results are passed on in the order the groups were sent — the
 * order of persons, so the findings come out as one thread would write them.
 */
export class AuditPool {
  private readonly workers: { worker: Worker; inFlight: number }[];
  private seq = 0;
  private nextSeq = 0;
  private readonly done = new Map<number, PersonsAudited>();
  private writing: Promise<void> = Promise.resolve();
  private room: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    count: number,
    script: string,
    setup: AuditSetup,
    private readonly sink: (result: PersonsAudited) => Promise<void>,
  ) {
    this.workers = Array.from({ length: count }, () => {
      const w = { worker: new Worker(script, { workerData: setup }), inFlight: 0 };
      w.worker.on('message', (m: FromAuditWorker) => this.receive(w, m));
      w.worker.on('error', (e) => this.stop(e));
      w.worker.on('exit', (code) => {
        if (code !== 0) this.stop(new Error(`an audit worker stopped (exit ${code})`));
      });
      return w;
    });
  }

  private stop(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.room?.();
  }

  private receive(w: { inFlight: number }, m: FromAuditWorker): void {
    if (m.type === 'error') {
      const e = new Error(m.message);
      if (m.stack) e.stack = m.stack;
      this.stop(e);
      return;
    }
    w.inFlight--;
    this.done.set(m.seq, m.result);
    this.writing = this.writing.then(() => this.writeInOrder());
    this.writing.catch((e: Error) => this.stop(e));
  }

  private async writeInOrder(): Promise<void> {
    for (let r = this.done.get(this.nextSeq); r; r = this.done.get(this.nextSeq)) {
      this.done.delete(this.nextSeq++);
      await this.sink(r);
    }
    this.room?.();
  }

  private async waitFor(ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.room = resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Groups of whole persons, in the order their findings are to be written. */
  async send(groups: readonly (readonly Unit[])[]): Promise<void> {
    await this.waitFor(() => this.seq - this.nextSeq < IN_FLIGHT * this.workers.length);
    const w = this.workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
    w.inFlight++;
    w.worker.postMessage({ type: 'persons', seq: this.seq++, groups });
  }

  /** Every group is sent: wait until every result is passed on. */
  async finish(): Promise<void> {
    await this.waitFor(() => this.nextSeq === this.seq);
    await this.writing;
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
