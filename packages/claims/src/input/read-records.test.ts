import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords, readRecordsFromText } from './read-records.js';
import { ClaimFileError } from './record-item.js';
import type { RecordItem } from './record-item.js';

/** Reading only (no validation): formats, sources, line numbers, streaming, file errors. */

const dir = mkdtempSync(join(tmpdir(), 'claims-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function all(items: AsyncIterable<RecordItem>): Promise<RecordItem[]> {
  const out: RecordItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Each item as [line, id or the rejection message]. */
function brief(items: readonly RecordItem[]): [number, string][] {
  return items.map((item) => [
    item.location.line,
    'rejection' in item ? item.rejection.message : String((item.raw as { id?: unknown }).id),
  ]);
}

/** A stream that gives its text one byte at a time: every character and CRLF split across chunks. */
function byteByByte(text: string): Readable {
  return Readable.from([...Buffer.from(text)].map((b) => Buffer.from([b])));
}

const CSV = '\uFEFFid,disease\r\nA,"食道癌,\r\n晚期"\r\n\r\nB,肝癌\r\nC,胃癌';
const JSONL = '\uFEFF{"id":"A","d":"食道癌"}\r\n\r\n{"id":"B"}\r\n{"id":"C"}';

describe('readRecords', () => {
  it('streams a CSV file: byte order mark, CRLF, a quoted line break, a blank line, no final newline', async () => {
    const items = await all(readRecords(file('c.csv', Buffer.from(CSV))));
    expect(brief(items)).toEqual([
      [2, 'A'],
      [5, 'B'],
      [6, 'C'],
    ]);
    expect(items.map((i) => i.location.row)).toEqual([1, 2, 3]);
    expect((items[0] as { raw: unknown }).raw).toEqual({ id: 'A', disease: '食道癌,\r\n晚期' });
  });

  it('streams JSON Lines files by extension (.jsonl, .ndjson, .json, any case)', async () => {
    for (const name of ['c.jsonl', 'c.ndjson', 'c.json', 'C.JSONL']) {
      expect(brief(await all(readRecords(file(name, JSONL))))).toEqual([
        [1, 'A'],
        [3, 'B'],
        [4, 'C'],
      ]);
    }
  });

  it('reads standard input for "-", JSON Lines unless told otherwise', async () => {
    expect(brief(await all(readRecords('-', { stdin: Readable.from([JSONL]) })))).toHaveLength(3);
    const csv = await all(readRecords('-', { stdin: Readable.from([CSV]), format: 'csv' }));
    expect(brief(csv).map(([, id]) => id)).toEqual(['A', 'B', 'C']);
  });

  it('gives the same records whatever the chunks (multi-byte characters and CRLF split)', async () => {
    const csv = await all(readRecords('-', { stdin: byteByByte(CSV), format: 'csv' }));
    expect(csv).toEqual(await all(readRecordsFromText(CSV, 'csv')));
    const jsonl = await all(readRecords('-', { stdin: byteByByte(JSONL) }));
    expect(jsonl).toEqual(await all(readRecordsFromText(JSONL, 'jsonl')));
    expect((jsonl[0] as { raw: unknown }).raw).toEqual({ id: 'A', d: '食道癌' });
  });

  it('streams: the first record comes out long before the input ends', async () => {
    for (const format of ['csv', 'jsonl'] as const) {
      let pulled = 0;
      const chunks = function* (): Generator<string> {
        if (format === 'csv') yield 'id,total\n';
        for (let i = 0; i < 50_000; i++) {
          pulled++;
          yield format === 'csv' ? `C${i},1.00\n` : `{"id":"C${i}"}\n`;
        }
      };
      for await (const item of readRecords('-', { stdin: Readable.from(chunks()), format })) {
        expect(item.location.line).toBe(format === 'csv' ? 2 : 1);
        break;
      }
      // Stream buffers hold a few kilobytes; the whole input would be 50 000 records.
      expect(pulled).toBeLessThan(5000);
    }
  });

  it('refuses an unknown extension at once, naming the file and the supported ones', () => {
    expect(() => readRecords('claims.xlsx')).toThrow(ClaimFileError);
    expect(() => readRecords('claims.xlsx')).toThrow('claims.xlsx: cannot tell the format of this claim file from its name; use one of .csv, .jsonl, .ndjson, .json');
    expect(() => readRecords('claims')).toThrow(ClaimFileError);
  });

  it('turns a missing file or a directory into a ClaimFileError', async () => {
    const missing = join(dir, 'missing.csv');
    await expect(all(readRecords(missing))).rejects.toBeInstanceOf(ClaimFileError);
    await expect(all(readRecords(missing))).rejects.toThrow(`cannot read ${missing}: no such file`);
    const folder = join(dir, 'folder.jsonl');
    mkdirSync(folder);
    await expect(all(readRecords(folder))).rejects.toThrow(new ClaimFileError(folder, `cannot read ${folder}: it is a directory`));
  });
});

describe('CSV reading', () => {
  it('reads nothing from an empty file or a header alone', async () => {
    expect(await all(readRecordsFromText('', 'csv'))).toEqual([]);
    expect(await all(readRecordsFromText('id,total\r\n\r\n', 'csv'))).toEqual([]);
  });

  it('refuses a header that names a column twice', async () => {
    await expect(all(readRecordsFromText('id,total,id\nA,1,A\n', 'csv'))).rejects.toThrow(
      'the text: column "id" appears twice in the header (columns 1 and 3)',
    );
  });

  it('ignores a column without a name while its cells are empty', async () => {
    const items = await all(readRecordsFromText('id,total,\nA,1,\nB,2,x\n', 'csv'));
    expect(brief(items)).toEqual([
      [2, 'A'],
      [3, 'column 3 has a value but no name in the header'],
    ]);
    expect((items[0] as { raw: unknown }).raw).toEqual({ id: 'A', total: '1' });
  });

  it('reads stray quotes inside a field as written, without losing the rows after', async () => {
    const items = await all(readRecordsFromText('id,disease\nA,5 "inch" stone\nB,"x"y\nC,z\n', 'csv'));
    expect(brief(items).map(([, id]) => id)).toEqual(['A', 'B', 'C']);
    expect((items[0] as { raw: { disease: string } }).raw.disease).toBe('5 "inch" stone');
  });

  it('refuses a file with a quote that never closes, naming the line of its row, instead of losing the rows after it', async () => {
    // Read as rows, B's open quote would swallow C: records read would no longer be the rows of the file.
    await expect(all(readRecordsFromText('id,disease\r\nA,x\r\nB,"open\r\nC,y\r\n', 'csv'))).rejects.toThrow(
      'the text: line 3: a quoted field in the row starting here is never closed (a missing "), so the rest of the file cannot be read as rows; nothing was settled',
    );
  });

  it('refuses JSON Lines in a file read as CSV, once, naming the cause', async () => {
    await expect(all(readRecordsFromText('{"id":"A","total":"1.00"}\n{"id":"B"}\n', 'csv'))).rejects.toThrow(
      'the text: holds JSON Lines, not CSV as its name says (line 1 starts with "{")',
    );
  });
});

describe('encodings', () => {
  const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const fromBytes = (b: Buffer, format: 'csv' | 'jsonl', chunk = b.length): AsyncIterable<RecordItem> => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < b.length; i += chunk) chunks.push(b.subarray(i, i + chunk));
    return readRecords('-', { format, stdin: Readable.from(chunks) });
  };
  // 肺炎 in GB18030 is C3 CE D1 D7: not UTF-8 (C3 must be followed by a byte 80–BF).
  const gbk = [0xc3, 0xce, 0xd1, 0xd7];

  it('rejects a CSV row holding bytes that are not UTF-8, naming the column, and settles the rows around it', async () => {
    for (const chunk of [1, 2, 3, 7, 1 << 16]) {
      const items = await all(fromBytes(bytes('id,disease,total\nA,肺炎,1\nB,', gbk, ',2\nC,肺炎,3\n'), 'csv', chunk));
      expect(items.map((i) => ('rejection' in i ? [i.rejection.id, i.rejection.field, i.rejection.message.split(';')[0]] : 'ok'))).toEqual([
        'ok',
        ['B', 'disease', 'is not valid UTF-8 (line 3, byte 3)'],
        'ok',
      ]);
      expect((items[2] as { raw: { disease: string } }).raw.disease).toBe('肺炎');
    }
  });

  it('rejects a JSON line holding bytes that are not UTF-8, naming the field', async () => {
    for (const chunk of [1, 5, 1 << 16]) {
      const items = await all(fromBytes(bytes('{"id":"A","disease":"肺炎"}\n{"id":"B","disease":"', gbk, '"}\n{"id":"C"}\n'), 'jsonl', chunk));
      expect(items.map((i) => ('rejection' in i ? [i.location.line, i.rejection.id, i.rejection.field, i.rejection.message.split(';')[0]] : 'ok'))).toEqual([
        'ok',
        // byte 22: {"id":"B","disease":" is 21 bytes, the bad byte comes next
        [2, 'B', 'disease', 'is not valid UTF-8 (line 2, byte 22)'],
        'ok',
      ]);
    }
  });

  it('keeps a multi-byte character cut by a chunk boundary, and a valid U+FFFD as written', async () => {
    const items = await all(fromBytes(bytes('{"id":"A","disease":"恶性肿瘤\uFFFD"}\n'), 'jsonl', 1));
    expect((items[0] as { raw: { disease: string } }).raw.disease).toBe('恶性肿瘤\uFFFD');
  });

  it('refuses a CSV header that is not UTF-8', async () => {
    await expect(all(fromBytes(bytes('id,', gbk, '\nA,1\n'), 'csv'))).rejects.toThrow('standard input: the header is not valid UTF-8 (line 1, byte 4)');
  });

  it('refuses UTF-16 with its byte order mark, CSV and JSON Lines alike, saying how to convert it', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,total\nA,1\n', 'utf16le')]);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x7b]);
    await expect(all(fromBytes(le, 'csv'))).rejects.toThrow('standard input: is encoded as UTF-16 (byte order mark FF FE, UTF-16 little-endian); claim files are UTF-8');
    await expect(all(fromBytes(be, 'jsonl'))).rejects.toThrow('(byte order mark FE FF, UTF-16 big-endian)');
  });
});

describe('JSON Lines reading', () => {
  it('gives the parser reason and column of a broken line, and the id when it can be seen', async () => {
    const [item] = await all(readRecordsFromText('{"id": "B7", "total": 1.0.0}', 'jsonl'));
    if (item === undefined || !('rejection' in item)) throw new Error('expected a rejection');
    expect(item.rejection.id).toBe('B7');
    expect(item.rejection.message).toMatch(/^not valid JSON: .* at column 26$/);
    expect(item.rejection.record).toBe('{"id": "B7", "total": 1.0.0}');
  });

  it('keeps a broken line as written, without the CR of its CRLF', async () => {
    const items = await all(readRecordsFromText('{"id": "A"}\r\n{"id": "B",\r\n{"id": "C"}\r\n', 'jsonl'));
    expect(items.map((i) => ('rejection' in i ? i.rejection.record : i.raw))).toEqual([{ id: 'A' }, '{"id": "B",', { id: 'C' }]);
  });

  it('treats a pretty-printed object as broken lines (one record per line)', async () => {
    const items = await all(readRecordsFromText('{\n"id": "A"\n}', 'jsonl'));
    expect(items.map((i) => ('rejection' in i ? i.location.line : 0))).toEqual([1, 2, 3]);
  });
});

describe('the JSON text of policy eval', () => {
  it('reads one pretty-printed object at the line it starts on', async () => {
    const items = await all(readRecordsFromText('\uFEFF\n\n{\n  "id": "A",\n  "total": "1.00"\n}\n', 'json'));
    expect(brief(items)).toEqual([[3, 'A']]);
  });

  it('reads an array of objects, each at its own line, and refuses elements that are not objects', async () => {
    const text = '[\n  {"id": "A", "note": {"x": "]},"}},\n  {\n    "id": "B"\n  },\n  7, {"id": "C"}\n]';
    expect(brief(await all(readRecordsFromText(text, 'json')))).toEqual([
      [2, 'A'],
      [3, 'B'],
      [6, 'a claim is a JSON object (got a number 7)'],
      [6, 'C'],
    ]);
  });

  it('reads JSON Lines, a broken line among them rejected alone', async () => {
    const items = await all(readRecordsFromText('{"id": "A"}\n{"id": "B",\n{"id": "C"}', 'json'));
    expect(brief(items).map(([line]) => line)).toEqual([1, 2, 3]);
    expect('rejection' in (items[1] as RecordItem)).toBe(true);
  });

  it('rejects a broken pretty-printed object once, with the line and column of the fault', async () => {
    const items = await all(readRecordsFromText('\n{\n  "id": "B1",\n  "total": "1.00"\n  "level": 2\n}\n', 'json'));
    expect(items).toHaveLength(1);
    const [item] = items;
    if (item === undefined || !('rejection' in item)) throw new Error('expected a rejection');
    expect(item.location.line).toBe(2);
    expect(item.rejection.id).toBe('B1');
    expect(item.rejection.message).toMatch(/^not valid JSON: .* at line 5, column 3$/);
  });

  it('rejects a broken array once', async () => {
    const items = await all(readRecordsFromText('[\n{"id": "A"},\n{"id": "B"}\n', 'json'));
    expect(items).toHaveLength(1);
    expect('rejection' in (items[0] as RecordItem)).toBe(true);
  });

  it('reads nothing from blank text', async () => {
    expect(await all(readRecordsFromText(' \n\r\n', 'json'))).toEqual([]);
  });
});
