import { StringDecoder } from 'node:string_decoder';
import { BOM, jsonLineItem } from './json-text.js';
import type { RecordItem } from './record-item.js';

/**
 * JSON Lines, streamed: one line in memory at a time. A line ends at "\n", and a "\r" before
 * it is dropped (CRLF files); the last line needs no newline. A UTF-8 byte order mark at the
 * start is dropped. Blank lines are not records but still count for line numbers.
 */

/** The lines of a stream of bytes or text, without their line ends. */
export async function* splitLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string> {
  // A multi-byte character can straddle two chunks; the decoder holds its first bytes back.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let first = true;
  const take = function* (final: boolean): Generator<string> {
    if (first && (pending.length > 0 || final)) {
      if (pending.startsWith(BOM)) pending = pending.slice(1);
      first = false;
    }
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      yield withoutCr(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
    if (final && pending !== '') yield withoutCr(pending);
  };
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    yield* take(false);
  }
  pending += decoder.end();
  yield* take(true);
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export async function* jsonLinesRecords(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<RecordItem> {
  let line = 0;
  for await (const text of splitLines(chunks)) {
    line++;
    const item = jsonLineItem(text, line);
    if (item !== undefined) yield item;
  }
}
