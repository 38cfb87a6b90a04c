import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteCheck } from './checked-bytes.js';
import { csvRecords } from './csv-records.js';

/**
 * The fast CSV reader (plain split of quote-free UTF-8 lines) against csv-parse alone
 * (`fast: false`): the same records, locations, rejections and errors, for any input cut into
 * any chunks.
 */

async function read(chunks: readonly Buffer[], fast: boolean): Promise<unknown> {
  const check = new ByteCheck('f.csv');
  const source = Readable.from(check.pass(Readable.from(chunks.map((c) => Buffer.from(c)), { objectMode: true }) as AsyncIterable<Buffer>), { objectMode: false });
  const out: unknown[] = [];
  try {
    for await (const item of csvRecords(source, 'f.csv', check, { fast })) {
      out.push('rejection' in item ? { location: item.location, rejection: item.rejection } : { location: item.location, source: (item as { source?: unknown }).source, raw: item.raw });
    }
  } catch (e) {
    out.push({ error: (e as Error).message, name: (e as Error).name });
  }
  return out;
}

/** Cuts bytes at the given offsets. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    parts.push(bytes.subarray(from, p));
    from = p;
  }
  parts.push(bytes.subarray(from));
  return parts.filter((p) => p.length > 0);
}

const HEADER = ['id,personId,date,total,note', 'id,personId,total', '总费用,id,note', 'id,id', '{"id":1}', '', 'id,,note'];
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('C1', 'C2', 'P1', '', ' ', '2018-03-01', '12.50', '食道癌', 'a b', 'x\ry', '\uFEFFx', '\uFFFD') },
  { weight: 1, arbitrary: fc.constantFrom('"q"', '"a,b"', '"line\nbreak"', '5 "inch"', '"un', '""', '"a""b"', '"x"y') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\r\n', '\n\n', '');
const text = fc.record({
  bom: fc.boolean(),
  header: fc.constantFrom(...HEADER),
  rows: fc.array(fc.tuple(fc.array(cell, { minLength: 0, maxLength: 6 }), lineEnd), { maxLength: 12 }),
  last: fc.constantFrom('', '\n', '\r', '\r\n'),
});
const badBytes = fc.option(fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xe6, 0xb5], [0xc0, 0x80], [0xed, 0xa0, 0x80])), { nil: undefined });

describe('csvRecords: the fast reader equals csv-parse', () => {
  it('on arbitrary CSV text, with or without a BOM, invalid bytes and quotes, in arbitrary chunks', async () => {
    await fc.assert(
      fc.asyncProperty(text, badBytes, fc.array(fc.nat(), { maxLength: 6 }), async (t, bad, at) => {
        let body = `${t.header}\n${t.rows.map(([cells, end]) => cells.join(',') + end).join('')}${t.last}`;
        if (t.bom) body = `\uFEFF${body}`;
        let bytes = Buffer.from(body, 'utf8');
        if (bad) {
          const p = bad[0] % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, p), Buffer.from(bad[1]), bytes.subarray(p)]);
        }
        const chunks = cut(bytes, at);
        expect(await read(chunks, true)).toEqual(await read(chunks, false));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads a plain file whole through the fast reader, a quoted row later through csv-parse', async () => {
    const lines = ['id,note', ...Array.from({ length: 50 }, (_, i) => `C${i},n${i}`), 'C50,"a,\nb"', 'C51,x'];
    const bytes = Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
    const chunks = cut(bytes, [1, 2, 7, 100, 333]);
    const fast = (await read(chunks, true)) as { location: unknown; source: Record<string, string> }[];
    expect(fast).toEqual(await read(chunks, false));
    expect(fast.length).toBe(52);
    expect(fast[50]?.source).toEqual({ id: 'C50', note: 'a,\nb' });
    expect(fast[51]?.location).toEqual({ line: 54, row: 52 });
  });
});
