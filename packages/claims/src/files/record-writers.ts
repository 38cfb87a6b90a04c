import { extname } from 'node:path';
import { reason, textIn, type Rejection, type SettledClaim } from '@policy/engine';
import type { Lang } from '@policy/dsl';
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
  throw new OutputFileError(path, reason('claims.output.unknown-format', { file: path }));
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

/** A rejection as a JSON object; `error` in `lang` (anything but 'zh', e.g. a map index, is English). */
export function rejectionToJson(r: Rejection, lang?: Lang | number): Record<string, unknown> {
  return {
    line: r.location.line,
    ...(r.location.row !== undefined ? { row: r.location.row } : {}),
    id: r.id ?? null,
    field: r.field ?? null,
    error: textIn(r, lang === 'zh' ? 'zh' : 'en'),
    ...(r.record !== undefined ? { record: r.record } : {}),
  };
}

/** Rejected records with their reasons: JSON Lines, or CSV with the record as JSON text. */
export class RejectionWriter {
  private headerWritten = false;

  constructor(
    private readonly file: AtomicFile,
    private readonly format: OutputFormat,
    /** `lang`: the language of the reasons (the `error` column); default English. Columns and codes stay as they are. */
    private readonly options: { readonly lang?: Lang } = {},
  ) {}

  async write(r: Rejection): Promise<void> {
    const lang = this.options.lang ?? 'en';
    if (this.format === 'jsonl') {
      await this.file.write(`${JSON.stringify(rejectionToJson(r, lang))}\n`);
      return;
    }
    await this.header();
    await this.file.write(
      csvLine([
        String(r.location.line),
        r.location.row === undefined ? '' : String(r.location.row),
        r.id ?? '',
        r.field ?? '',
        textIn(r, lang),
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
