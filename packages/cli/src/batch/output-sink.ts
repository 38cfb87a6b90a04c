import { currentLang } from '../lang.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { SETTLEMENT_COLUMNS, rejectedLine, AtomicFile, csvLine, type RejectionWriter } from '@policy/claims';
import type { BatchSummary } from '../render/summary.js';
import type { SumsMessage } from './fen-sums.js';
import type { Result } from './protocol.js';

/** Settlement lines per write. */
const LINES = 1_000;

/**
 * Where results go, in input order: settlements to the output (CSV header first, written when
 * its extra columns are known), rejects to their file or to stderr, and everything counted in
 * the summary. CSV output from JSON Lines input has one column per extra field any claim has:
 * known only at the end, so rows wait in a temporary file beside the output until then.
 */
export class OutputSink {
  private headerWritten = false;
  private extraKeys: readonly string[] | undefined;
  private readonly lateKeys = new Set<string>();
  private readonly spill: AtomicFile | undefined;

  constructor(
    private readonly out: AtomicFile,
    private readonly format: 'csv' | 'jsonl',
    lateColumns: boolean,
    private readonly rejects: RejectionWriter | undefined,
    private readonly summary: BatchSummary,
    private readonly onWritten: (n: number) => void,
    /** The output's own columns (the contract's, or the platform's setlinfo), before the extra ones. */
    private readonly columns: readonly string[] = SETTLEMENT_COLUMNS,
  ) {
    this.spill = lateColumns ? new AtomicFile(`${out.path}.rows`) : undefined;
  }

  readonly take = async (results: readonly Result[], sums: SumsMessage, extraKeys: readonly string[] | undefined): Promise<void> => {
    if (extraKeys && !this.extraKeys) this.extraKeys = extraKeys;
    this.summary.addSums(sums);
    // Settlement lines go out LINES at a time, one write each.
    let lines: string[] = [];
    for (const r of results) {
      if ('rejection' in r) {
        // Settlements and rejections may share a stream (standard output): the lines before first.
        if (lines.length > 0) {
          await this.writeLines(lines);
          lines = [];
        }
        this.summary.addRejected(r.rejection);
        if (r.keys) for (const k of r.keys) this.lateKeys.add(k);
        if (this.rejects) await this.rejects.write(r.rejection);
        else process.stderr.write(`${rejectedLine(r.rejection, currentLang())}\n`);
      } else if ('line' in r) {
        lines.push(r.line);
        if (lines.length >= LINES) {
          await this.writeLines(lines);
          lines = [];
        }
      } else {
        for (const k of Object.keys(r.extra)) this.lateKeys.add(k);
        await this.spill?.write(`${JSON.stringify([r.cells, r.extra])}\n`);
      }
    }
    if (lines.length > 0) await this.writeLines(lines);
    this.onWritten(results.length);
  };

  private async writeLines(lines: readonly string[]): Promise<void> {
    await this.header();
    await this.out.write(lines.join(''));
  }

  private async header(): Promise<void> {
    if (this.format !== 'csv' || this.headerWritten) return;
    this.headerWritten = true;
    await this.out.write(csvLine([...this.columns, ...(this.extraKeys ?? [])]));
  }

  /** Writes what waited for the end: the header of an output with no settlement, spilled rows. */
  async end(): Promise<void> {
    if (!this.spill) return this.header();
    await this.spill.close();
    const columns = [...this.lateKeys];
    this.extraKeys = columns;
    await this.header();
    const lines = createInterface({ input: createReadStream(this.spill.tempPath), crlfDelay: Infinity });
    for await (const line of lines) {
      const [cells, extra] = JSON.parse(line) as [string[], Record<string, unknown>];
      for (const col of columns) {
        const v = extra[col];
        cells.push(v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
      }
      await this.out.write(csvLine(cells));
    }
    this.spill.abort();
  }

  abort(): void {
    this.spill?.abort();
  }
}
