import { Presets, SingleBar } from 'cli-progress';

/**
 * The progress bar of `policy batch` on stderr (cli-progress), only when stderr is a terminal:
 * input read (with time left, when the input is a file of known size), records, rate. Without
 * --presorted the records are settled once all are read: a second bar counts them out.
 */
export class Progress {
  private readonly bar: SingleBar | undefined;
  private records = 0;
  private settling = false;
  private readonly started = performance.now();

  constructor(totalBytes: number | undefined) {
    if (!process.stderr.isTTY) return;
    this.bar = new SingleBar(
      {
        stream: process.stderr,
        format: totalBytes ? ' {phase} [{bar}] {percentage}% | {records} records | {rate}/s | ETA {eta_formatted}' : ' {phase} {records} records | {rate}/s',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    this.bar.start(totalBytes ?? 0, 0, { phase: 'reading', records: 0, rate: 0 });
  }

  private rate(n: number): number {
    return Math.round(n / Math.max((performance.now() - this.started) / 1000, 1e-3));
  }

  /** Bytes of input read so far, and records. */
  read(bytes: number, records: number): void {
    this.records = records;
    this.bar?.update(bytes, { records, rate: this.rate(records) });
  }

  /** After the input: records written out of `total`. */
  writing(total: number): void {
    if (!this.bar) return;
    this.settling = true;
    this.bar.setTotal(total);
    this.bar.update(0, { phase: 'settling', records: this.records });
  }

  /** Records written so far: the bar's value once the input is read (before, it counts bytes). */
  written(done: number): void {
    if (this.settling) this.bar?.update(done, { records: done, rate: this.rate(done) });
  }

  stop(): void {
    this.bar?.stop();
  }
}
