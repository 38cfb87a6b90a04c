import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { fieldCode } from './chinese-names.js';
import { csvRowToRaw } from './csv-row.js';
import { ownField } from './own-field.js';
import { ClaimFileError, unreadable } from './record-item.js';
import { invalidUtf8Message, type ByteCheck } from './checked-bytes.js';
import type { RecordItem, RecordRead } from './record-item.js';
import { reason, type ReasonRef, type RecordLocation } from '@policy/engine';

/**
 * CSV, streamed through csv-parse: the first non-blank row is the header (column names),
 * each later row a record located by the line it starts on and its data row number.
 *
 * Choices, and why:
 * - Records come as arrays of cells (not objects keyed by the header) and with
 *   `relax_column_count`, so a row with too many or too few cells reaches us whole, in its
 *   place in the stream, and becomes a rejection that shows its cells.
 * - Line numbers are counted here: csv-parse's own `info.lines` counts a CRLF inside a quoted
 *   field as two lines. Blank lines are kept as (empty) records so every line is seen.
 * - `relax_quotes`: a stray quote inside a field (`5 "inch"`) is read as written. Strict
 *   quoting loses its place after such a quote and swallows the rows that follow.
 * - Line ends are CRLF or LF, never a lone CR, so a file mixing both reads the same.
 * - The one error left is a quote opened and never closed: the parser would take the rest of
 *   the input as one record, so the rows after it would vanish from the accounting. The file
 *   is refused (ClaimFileError, exit 2) naming the line of the row where the quote opened:
 *   nothing is settled from a file that cannot be read in full.
 * - A file that is JSON Lines by its content (its first line starts with `{` or `[`) is refused
 *   with that cause, instead of one "header" of JSON fragments and every row rejected.
 * - Bytes that are not UTF-8 (checked-bytes.ts): the row is rejected naming the column, or the
 *   file refused when they are in the header.
 */

function lineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/** A row with no data at all (blank line, or only separators): not a record. */
function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The header's column names, a contract field's Chinese name (医疗总费用, 人群类别 …) read as the
 * field's code: the rows are then the same as under a header in codes.
 */
function readHeader(cells: readonly string[], file: string): string[] {
  const written = cells.map((cell) => cell.trim());
  const names = written.map(fieldCode);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    const before = seen.get(name);
    if (before !== undefined) {
      const as = (j: number): string | ReasonRef => (written[j] === name ? '' : reason('claims.csv.column-as', { written: JSON.stringify(written[j]) }));
      const columns = { file, name, first: before + 1, second: i + 1 };
      if (written[before] === written[i]) throw new ClaimFileError(file, reason('claims.csv.column-twice', columns));
      throw new ClaimFileError(file, reason('claims.csv.column-twice-as', { ...columns, firstAs: as(before), secondAs: as(i) }));
    }
    seen.set(name, i);
  });
  return names;
}

/** CsvError carries the parser's counters; `records` = records emitted before the error. */
function recordsBefore(error: CsvError | undefined): number {
  const records = error?.records;
  return typeof records === 'number' ? records : 0;
}

function skipMessage(error: CsvError): ReasonRef {
  return reason('claims.csv.row-unreadable', { reason: error.message });
}

export interface CsvReadOptions {
  /**
   * Read quote-free lines of valid UTF-8 with a plain split (default true): see `csvRecords`.
   * False: every byte through csv-parse (the reference the fast reader is tested against).
   */
  readonly fast?: boolean;
}

const QUOTE = 0x22;
const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Bytes without a line end after which the fast reader hands over to csv-parse. */
const LONG_LINE = 1 << 20;

/**
 * The records of a CSV stream. While the input is quote-free valid UTF-8, whole lines are read
 * with a plain split on "\n" and "," (a line's "\r\n" end as its "\n"): csv-parse reads such
 * lines into exactly those cells, so nothing changes but the cost. From the first run of lines
 * holding a quote or a byte that is not UTF-8, and for a last line with no line end, the rest of
 * the input goes through csv-parse as before, with every rule above. csv-records.test.ts checks
 * the two readers equal on arbitrary inputs cut into arbitrary chunks.
 */
export async function* csvRecords(source: Readable, file: string, check?: ByteCheck, options: CsvReadOptions = {}): AsyncGenerator<RecordItem> {
  let line = 1; // the line the next record starts on
  let row = 0;
  let header: string[] | undefined;

  /** One record's cells, read from the line `line`: a record, or undefined (header, blank line). */
  function take(cells: string[]): RecordItem | undefined {
    const location = { line, row: row + 1 };
    line += 1 + lineBreaks(cells);
    if (isBlank(cells)) return undefined;
    const bad = check?.badIn(location.line, line - 1);
    if (header === undefined) {
      if (bad) throw new ClaimFileError(file, reason('claims.csv.header-utf8', { file, problem: invalidUtf8Message(bad) }));
      refuseJsonLines(cells, file, location.line);
      header = readHeader(cells, file);
      return undefined;
    }
    row++;
    return bad ? invalidUtf8Row(cells, header, location, bad) : rowItem(cells, header, location);
  }

  let chunks: AsyncIterator<Buffer | string> | undefined;
  let carry: Buffer = Buffer.alloc(0);
  /** Whether the start of the input has been looked at for a byte order mark. */
  let bomSeen = false;
  let rest: Buffer | undefined;
  if (options.fast !== false) {
    chunks = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      if (!bomSeen) {
        // A byte order mark may come cut into chunks: wait for three bytes.
        if (bytes.length < BOM.length && BOM.subarray(0, bytes.length).equals(bytes)) {
          carry = bytes;
          continue;
        }
        bomSeen = true;
        if (bytes.subarray(0, BOM.length).equals(BOM)) bytes = bytes.subarray(BOM.length);
      }
      const end = bytes.lastIndexOf(LF);
      if (end === -1) {
        // A line longer than a chunk or so: csv-parse reads it (joining ever longer parts here would not be linear).
        if (bytes.length > LONG_LINE) {
          rest = bytes;
          break;
        }
        carry = bytes;
        continue;
      }
      const whole = bytes.subarray(0, end + 1);
      if (whole.indexOf(QUOTE) !== -1 || !isUtf8(whole)) {
        rest = bytes;
        break;
      }
      carry = end + 1 === bytes.length ? Buffer.alloc(0) : Buffer.from(bytes.subarray(end + 1));
      const lines = whole.toString('utf8').split('\n');
      lines.pop(); // after the last "\n"
      for (const text of lines) {
        const item = take((text.endsWith('\r') ? text.slice(0, -1) : text).split(','));
        if (item) yield item;
      }
    }
    // What is left (a last line with no line end, or the input from its first quote) goes to csv-parse.
    if (rest === undefined && carry.length === 0) return;
    rest ??= carry;
  }

  const skipped: CsvError[] = [];
  const parser = parse({
    bom: !bomSeen,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) skipped.push(error);
      return undefined;
    },
  });
  const input = rest === undefined || chunks === undefined ? source : Readable.from(restOf(rest, chunks), { objectMode: false });
  input.once('error', (error) => parser.destroy(error));
  input.pipe(parser);

  let parsed = 0; // records csv-parse has handed us, blank ones included

  // A skipped record sits between the records csv-parse emitted before and after it:
  // its `records` count says where.
  function* skippedBefore(limit: number): Generator<RecordItem> {
    while (skipped.length > 0 && recordsBefore(skipped[0]) <= limit) {
      const error = skipped.shift() as CsvError;
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
        throw new ClaimFileError(file, reason('claims.csv.quote-not-closed', { file, line }));
      }
      if (header === undefined) throw new ClaimFileError(file, reason('claims.csv.header-unreadable', { file, reason: error.message }));
      row++;
      yield unreadable({ line, row }, skipMessage(error), undefined);
    }
  }

  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield* skippedBefore(parsed);
      parsed++;
      const item = take(cells);
      if (item) yield item;
    }
    yield* skippedBefore(Number.POSITIVE_INFINITY);
  } finally {
    input.unpipe(parser);
    parser.destroy();
  }
}

/** The bytes the fast reader left, then the rest of the input. */
async function* restOf(first: Buffer, chunks: AsyncIterator<Buffer | string>): AsyncGenerator<Buffer | string> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return;
    yield next.value;
  }
}

function refuseJsonLines(cells: readonly string[], file: string, line: number): void {
  const first = (cells[0] ?? '').trimStart();
  if (first.startsWith('{') || first.startsWith('[')) {
    throw new ClaimFileError(file, reason('claims.file.jsonl-not-csv', { file, line, char: first[0] as string }));
  }
}

/** A row with bytes that are not UTF-8: rejected, naming the first column whose text lost characters. */
function invalidUtf8Row(cells: readonly string[], header: readonly string[], location: { line: number; row: number }, bad: { line: number; column: number }): RecordItem {
  const i = cells.findIndex((c) => c.includes('\uFFFD'));
  const name = i >= 0 ? header[i] : undefined;
  const idColumn = header.indexOf('id');
  const idCell = idColumn >= 0 ? cells[idColumn] : undefined;
  const id = idCell && !idCell.includes('\uFFFD') ? idCell : undefined;
  const item = unreadable(location, invalidUtf8Message(bad), cells, id);
  return name ? { ...item, rejection: { ...item.rejection, field: name } } : item;
}

function rowItem(cells: readonly string[], header: readonly string[], location: { line: number; row: number }): RecordItem {
  const idColumn = header.indexOf('id');
  const id = idColumn >= 0 && cells[idColumn] ? cells[idColumn] : undefined;
  if (cells.length !== header.length) {
    return unreadable(location, reason('claims.csv.cell-count', { cells: cells.length, columns: header.length }), cells, id);
  }
  const unnamed = header.findIndex((name, i) => name === '' && (cells[i] ?? '').trim() !== '');
  if (unnamed >= 0) {
    return unreadable(location, reason('claims.csv.unnamed-column', { column: unnamed + 1 }), cells, id);
  }
  return CsvRecord.ofCells(location, header, cells);
}

/** Column name → position, per header (one header serves every row of a file, or of a batch sent to a worker). */
const columnsOf = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

export function columnIndex(names: readonly string[]): ReadonlyMap<string, number> {
  let index = columnsOf.get(names);
  if (index === undefined) {
    const m = new Map<string, number>();
    names.forEach((name, i) => {
      if (name !== '') m.set(name, i);
    });
    index = m;
    columnsOf.set(names, index);
  }
  return index;
}

/**
 * A readable CSV row: `source` is the row as written (column → text); `raw`, the claim object
 * csv-row.ts makes of it, is made when first read. A reader that only needs the id or the person
 * (`recordId`, the batch's router) never pays for it. A row read from a file keeps its header's
 * names (shared by every row) and its cells, and makes `source` only when asked: a row crosses
 * to a worker thread as one array of cells, and the fast path (fast-csv-claim.ts) reads the cells.
 */
export class CsvRecord implements RecordRead {
  private made: Record<string, unknown> | undefined = undefined;
  private row: Readonly<Record<string, string>> | undefined;
  /** The header's column names ('' for a column without one) and this row's cells, one per column; or undefined, when made from `source`. */
  readonly names: readonly string[] | undefined;
  readonly cells: readonly string[] | undefined;

  constructor(
    readonly location: RecordLocation,
    source: Readonly<Record<string, string>> | undefined,
    names?: readonly string[],
    cells?: readonly string[],
  ) {
    this.row = source;
    this.names = names;
    this.cells = cells;
  }

  /** A row of as many cells as the header has names (the columns without a name left out of `source`). */
  static ofCells(location: RecordLocation, names: readonly string[], cells: readonly string[]): CsvRecord {
    return new CsvRecord(location, undefined, names, cells);
  }

  get source(): Readonly<Record<string, string>> {
    if (this.row === undefined) {
      const names = this.names as readonly string[];
      const cells = this.cells as readonly string[];
      const record: Record<string, string> = {};
      for (let i = 0; i < names.length; i++) {
        const name = names[i] as string;
        if (name !== '') ownField(record, name, cells[i] ?? '');
      }
      this.row = record;
    }
    return this.row;
  }

  /** The text of column `name`, undefined when the row has no such column. */
  cell(name: string): string | undefined {
    if (this.row !== undefined || this.names === undefined) {
      const row = this.source;
      return Object.hasOwn(row, name) ? row[name] : undefined;
    }
    const i = columnIndex(this.names).get(name);
    return i === undefined ? undefined : ((this.cells as readonly string[])[i] ?? '');
  }

  get raw(): unknown {
    return (this.made ??= csvRowToRaw(this.source));
  }
}
