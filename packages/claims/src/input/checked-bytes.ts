import { isUtf8 } from 'node:buffer';
import { ClaimFileError } from './record-item.js';
import { reason, type ReasonRef } from '@policy/engine';

/**
 * The bytes of a claim file on their way to a parser, passed on unchanged, with two checks that
 * a decoder would otherwise skip in silence:
 *
 * - **UTF-16** (a byte order mark FF FE or FE FF, as Excel's "Unicode text" and some Windows
 *   tools write): the file is refused at once, saying how to save it. Decoding it as UTF-8 would
 *   turn every record into noise.
 * - **Invalid UTF-8** (a GBK / GB18030 file from an older hospital system, a cut multi-byte
 *   character): the lines holding such bytes are noted, with the byte's position, so that the
 *   reader rejects those records naming the field, instead of settling them with "�" in place of
 *   the characters (a disease name that no longer matches its set). Lines are counted by "\n".
 *
 * Checking costs one native `isUtf8` per chunk and a count of its line ends; only a chunk that
 * fails is looked at line by line. A character cut by a chunk boundary is carried to the next
 * chunk (at most 3 bytes), so the work stays linear however long a line is.
 */
export class ByteCheck {
  /** 1-based line → 1-based byte column of the first invalid byte on it. */
  readonly badLines = new Map<number, number>();
  private line = 1;
  /** Bytes since the start of the current line (for the column of a bad byte). */
  private column = 0;
  private first = true;
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly file: string) {}

  /** The bad byte on one of lines [from, to], if any: its line and column. */
  badIn(from: number, to: number): { line: number; column: number } | undefined {
    if (this.badLines.size === 0) return undefined;
    if (to - from < 64) {
      for (let l = from; l <= to; l++) {
        const column = this.badLines.get(l);
        if (column !== undefined) return { line: l, column };
      }
      return undefined;
    }
    let found: { line: number; column: number } | undefined;
    for (const [l, column] of this.badLines) if (l >= from && l <= to && (!found || l < found.line)) found = { line: l, column };
    return found;
  }

  async *pass(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
    for await (const c of chunks) {
      const chunk = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
      if (this.first && chunk.length > 0) {
        this.first = false;
        this.refuseUtf16(chunk);
      }
      this.check(chunk, false);
      yield chunk;
    }
    this.check(Buffer.alloc(0), true);
  }

  private refuseUtf16(chunk: Buffer): void {
    const [a, b] = [chunk[0], chunk[1]];
    const bom = a === 0xff && b === 0xfe ? reason('claims.bom.utf16-le') : a === 0xfe && b === 0xff ? reason('claims.bom.utf16-be') : undefined;
    if (bom) throw new ClaimFileError(this.file, reason('claims.file.utf16', { file: this.file, bom }));
  }

  private check(chunk: Buffer, final: boolean): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = final ? bytes.length : completeUpTo(bytes);
    const whole = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    this.carry = cut === bytes.length ? Buffer.alloc(0) : Buffer.from(bytes.subarray(cut));
    if (!isUtf8(whole)) this.findBad(whole);
    this.advance(whole);
  }

  /** Counts the line ends of bytes already checked. */
  private advance(bytes: Buffer): void {
    let last = -1;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
      this.line++;
      last = i;
    }
    this.column = last === -1 ? this.column + bytes.length : bytes.length - last - 1;
  }

  /** The slow path, for a chunk that is not valid UTF-8: which of its lines are not. */
  private findBad(bytes: Buffer): void {
    let line = this.line;
    let start = 0;
    let offset = this.column;
    for (;;) {
      const end = bytes.indexOf(10, start);
      const part = bytes.subarray(start, end === -1 ? bytes.length : end);
      if (!isUtf8(part) && !this.badLines.has(line)) this.badLines.set(line, offset + firstBad(part) + 1);
      if (end === -1) break;
      start = end + 1;
      line++;
      offset = 0;
    }
  }
}

/** The end of the last complete UTF-8 character (a lead byte whose sequence the chunk cuts off is left out). */
function completeUpTo(bytes: Buffer): number {
  const n = bytes.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = bytes[n - back] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** The offset of the first byte that makes `bytes` invalid UTF-8: character by character, each checked by `isUtf8`. */
function firstBad(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (!isUtf8(bytes.subarray(i, i + len)) || i + len > bytes.length) return i;
    i += len;
  }
  return bytes.length;
}

/** The message of a record holding invalid UTF-8 (its field is named by the caller). */
export function invalidUtf8Message(bad: { line: number; column: number }): ReasonRef {
  return reason('claims.utf8.invalid', { line: bad.line, column: bad.column });
}

/** The first key of a parsed record whose text holds U+FFFD where a byte could not be decoded. */
export function replacedField(record: Readonly<Record<string, unknown>>): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (key.includes('\uFFFD')) return undefined; // the name itself is broken: no field to name
    if (typeof value === 'string' && value.includes('\uFFFD')) return key;
    if (Array.isArray(value)) {
      const i = value.findIndex((v) => typeof v === 'string' && v.includes('\uFFFD'));
      if (i >= 0) return `${key}[${i}]`;
    }
  }
  return undefined;
}
