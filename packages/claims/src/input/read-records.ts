import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { csvRecords } from './csv-records.js';
import { jsonDocumentRecords } from './json-document.js';
import { jsonLinesRecords } from './jsonl-records.js';
import { ClaimFileError } from './record-item.js';
import { ByteCheck, invalidUtf8Message } from './checked-bytes.js';
import type { RecordFormat, RecordItem } from './record-item.js';
import { reason, type ReasonRef } from '@policy/engine';

/**
 * Records from a file, standard input (`-`) or a string, in file order. Every record comes
 * out, readable or not; only a file that cannot be read at all throws, as a ClaimFileError.
 */

const FORMATS: Readonly<Record<string, RecordFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

/** The format a claim file's extension names (`.json` is read as JSON Lines). */
export function recordFormatOf(path: string): RecordFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new ClaimFileError(path, reason('claims.file.unknown-format', { file: path, extensions: SUPPORTED_EXTENSIONS.join(', ') }));
  }
  return format;
}

export interface ReadRecordsOptions {
  /** Overrides the extension. Default for `-`: JSON Lines. `json` reads the whole input first. */
  readonly format?: RecordFormat;
  /** Where `-` reads from; default process.stdin. */
  readonly stdin?: Readable;
  /** Told the size of every chunk of input read (for progress). */
  readonly onBytes?: (bytes: number) => void;
}

/**
 * Streams the records of a claim file (`-` = standard input). The format is settled at once,
 * so a bad extension throws before anything is read; open and read errors surface, as
 * ClaimFileError, from the iteration.
 */
export function readRecords(path: string, options: ReadRecordsOptions = {}): AsyncIterable<RecordItem> {
  const stdin = path === '-';
  const format = options.format ?? (stdin ? 'jsonl' : recordFormatOf(path));
  const file = stdin ? 'standard input' : path;
  return {
    [Symbol.asyncIterator]: () =>
      fileErrorsNamed(file, () => {
        const source = stdin ? (options.stdin ?? process.stdin) : createReadStream(path);
        const onBytes = options.onBytes;
        if (onBytes) (source as Readable).on('data', (chunk: Buffer | string) => onBytes(chunk.length));
        // Ours to close when the reader stops early; standard input is not.
        return { source, close: () => (stdin ? undefined : source.destroy()) };
      }, format),
  };
}

/** The same records from text in memory (tests, `policy eval`). */
export function readRecordsFromText(text: string, format: RecordFormat): AsyncIterable<RecordItem> {
  return { [Symbol.asyncIterator]: () => recordsOf(Readable.from([text]), format, 'the text') };
}

async function* recordsOf(source: Readable, format: RecordFormat, file: string): AsyncGenerator<RecordItem> {
  // Every byte passes the UTF-16 and UTF-8 checks on its way to the parser (checked-bytes.ts).
  const check = new ByteCheck(file);
  const bytes = check.pass(source as AsyncIterable<Buffer | string>);
  if (format === 'csv') yield* csvRecords(Readable.from(bytes, { objectMode: false }), file, check);
  else if (format === 'jsonl') yield* jsonLinesRecords(bytes, check, file);
  else yield* jsonDocumentRecords(await readAll(bytes, check, file));
}

/** A whole JSON document (policy eval): one invalid byte refuses it, naming the line. */
async function readAll(source: AsyncIterable<Buffer>, check: ByteCheck, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  const bad = check.badIn(1, Number.MAX_SAFE_INTEGER);
  if (bad) throw new ClaimFileError(file, reason('claims.file.problem', { file, problem: invalidUtf8Message(bad) }));
  return Buffer.concat(chunks).toString('utf8');
}

/** Why a file cannot be read, for the common system errors (others: the system's message). */
export const FS_REASONS: Readonly<Record<string, ReasonRef>> = {
  ENOENT: reason('claims.fs.no-such-file'),
  EISDIR: reason('claims.fs.directory'),
  EACCES: reason('claims.fs.permission'),
  EPERM: reason('claims.fs.permission'),
};

async function* fileErrorsNamed(
  file: string,
  open: () => { source: Readable; close: () => void },
  format: RecordFormat,
): AsyncGenerator<RecordItem> {
  const { source, close } = open();
  try {
    yield* recordsOf(source, format, file);
  } catch (error) {
    if (error instanceof ClaimFileError) throw error;
    const code = (error as { code?: unknown }).code;
    const why = (typeof code === 'string' ? FS_REASONS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
    throw new ClaimFileError(file, reason('claims.file.cannot-read', { file, reason: why }));
  } finally {
    close();
  }
}
