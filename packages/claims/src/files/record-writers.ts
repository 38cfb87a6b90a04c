import { extname } from 'node:path';
import { type Rejection, type SettledClaim } from '@policy/engine';
import { settlementToCsvCells } from '../output/settlement-csv.js';
import { settlementColumns, settlementToLabelledJson, type Labels } from '../output/settlement-labels.js';
import { OutputFileError } from './file-error.js';
import type { AtomicFile } from './atomic-file.js';
import { csvLine } from './csv-line.js';

export type OutputFormat = 'csv' | 'jsonl';

export function outputFormatOf(path: string): OutputFormat {
  if (path === '-') return 'jsonl';
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  throw new OutputFileError(path, `${path}: cannot tell the output format from its name; use .csv or .jsonl`);
}


/** Settlements as CSV (the contract's columns, then extra input columns) or JSON Lines. */
export class SettlementWriter {
  private headerWritten = false;

  constructor(
    private readonly file: AtomicFile,
    private readonly format: OutputFormat,
    private readonly extraColumns: readonly string[] = [],
    private readonly labels: Labels = 'codes',
  ) {}

  async write(s: SettledClaim): Promise<void> {
    if (this.format === 'jsonl') {
      await this.file.write(`${JSON.stringify(settlementToLabelledJson(s, this.labels))}\n`);
      return;
    }
    if (!this.headerWritten) await this.header();
    await this.file.write(csvLine(settlementToCsvCells(s, this.extraColumns)));
  }

  async header(): Promise<void> {
    if (this.format !== 'csv' || this.headerWritten) return;
    this.headerWritten = true;
    await this.file.write(csvLine([...settlementColumns(this.labels), ...this.extraColumns]));
  }
}

export function rejectionToJson(r: Rejection): Record<string, unknown> {
  return {
    line: r.location.line,
    ...(r.location.row !== undefined ? { row: r.location.row } : {}),
    id: r.id ?? null,
    field: r.field ?? null,
    error: r.message,
    ...(r.record !== undefined ? { record: r.record } : {}),
  };
}

/** Rejected records with their reasons: JSON Lines, or CSV with the record as JSON text. */
export class RejectionWriter {
  private headerWritten = false;

  constructor(
    private readonly file: AtomicFile,
    private readonly format: OutputFormat,
  ) {}

  async write(r: Rejection): Promise<void> {
    if (this.format === 'jsonl') {
      await this.file.write(`${JSON.stringify(rejectionToJson(r))}\n`);
      return;
    }
    await this.header();
    await this.file.write(
      csvLine([
        String(r.location.line),
        r.location.row === undefined ? '' : String(r.location.row),
        r.id ?? '',
        r.field ?? '',
        r.message,
        r.record === undefined ? '' : JSON.stringify(r.record),
      ]),
    );
  }

  async header(): Promise<void> {
    if (this.format !== 'csv' || this.headerWritten) return;
    this.headerWritten = true;
    await this.file.write(csvLine(['line', 'row', 'id', 'field', 'error', 'record']));
  }
}
