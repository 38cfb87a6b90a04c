import { StringDecoder } from 'node:string_decoder';
import { BOM, jsonLineItem } from './json-text.js';
import { ClaimFileError, unreadable, type RecordItem, type RecordRead } from './record-item.js';
import { invalidUtf8Message, replacedField, type ByteCheck } from './checked-bytes.js';
import { reason } from '@policy/engine';

/**
 * JSON Lines, streamed: one line in memory at a time. A line ends at "\n", and a "\r" before
 * it is dropped (CRLF files); the last line needs no newline. A UTF-8 byte order mark at the
 * start is dropped. Blank lines are not records but still count for line numbers.
 */

/**
 * The lines of a stream of bytes or text, without their line ends. Linear in the input however
 * long a line is: a line still open at the end of a chunk is kept as pieces, and each chunk is
 * searched for "\n" once (joining the text seen so far and searching it again for every chunk
 * made a single line of 200 MB take minutes).
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string> {
  // A multi-byte character can straddle two chunks; the decoder holds its first bytes back.
  const decoder = new StringDecoder('utf8');
  let open: string[] = []; // pieces of the line not yet ended
  let first = true;
  const take = function* (text: string): Generator<string> {
    if (first && text.length > 0) {
      first = false;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end);
      if (open.length > 0) {
        open.push(piece);
        yield withoutCr(open.join(''));
        open = [];
      } else {
        yield withoutCr(piece);
      }
      start = end + 1;
    }
    if (start < text.length) open.push(text.slice(start));
  };
  for await (const chunk of chunks) yield* take(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  yield* take(decoder.end());
  if (open.length > 0) {
    const last = open.join('');
    if (last !== '') yield withoutCr(last);
  }
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** `check`: the bytes' UTF-8 check (checked-bytes.ts); a line holding invalid UTF-8 is rejected, naming the field. */
export async function* jsonLinesRecords(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  check?: ByteCheck,
  file?: string,
): AsyncGenerator<RecordItem> {
  let line = 0;
  let first = true;
  for await (const text of splitLines(chunks)) {
    line++;
    const item = jsonLineItem(text, line);
    if (item === undefined) continue;
    if (first && file !== undefined) refuseCsv(item, text, line, file);
    first = false;
    const bad = check?.badIn(line, line);
    yield bad && !('rejection' in item) ? invalidUtf8Item(item, bad) : item;
  }
}

function invalidUtf8Item(item: RecordRead, bad: { line: number; column: number }): RecordItem {
  const raw = item.raw as Record<string, unknown>;
  const field = replacedField(raw);
  const id = typeof raw['id'] === 'string' && !raw['id'].includes('\uFFFD') ? raw['id'] : undefined;
  const rejection = unreadable(item.location, invalidUtf8Message(bad), raw, id);
  return { ...rejection, rejection: { ...rejection.rejection, ...(field !== undefined ? { field } : {}) } };
}

/**
 * A file named .jsonl whose first line is no JSON but reads as a CSV header (`id,personId,…`)
 * is refused with that cause, instead of every line rejected as broken JSON.
 */
function refuseCsv(item: RecordItem, text: string, line: number, file: string): void {
  const start = text.trimStart();
  if (!('rejection' in item) || /^[{["]/.test(start) || !start.includes(',')) return;
  throw new ClaimFileError(file, reason('claims.file.csv-not-jsonl', { file, line, start: `${JSON.stringify(start.slice(0, 40))}${start.length > 40 ? '…' : ''}` }));
}
