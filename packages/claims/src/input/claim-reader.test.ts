import { describe, expect, it } from 'vitest';
import type { Rejection } from '@policy/engine';
import { readClaims } from './claim-reader.js';
import type { ClaimResult } from './claim-reader.js';
import { readRecordsFromText } from './read-records.js';
import { describeRejection } from './record-item.js';
import type { RecordFormat } from './record-item.js';

/**
 * The rejection catalogue, end to end (text → records → claims): each bad record sits in a
 * file between good ones, and must come out as exactly one rejection naming its line (and
 * row), its id and its field, while every good record still comes through, in order.
 */

const base = {
  personId: 'P1',
  date: '2018-03-01',
  visit: 'outpatient',
  level: 1,
  region: 'county',
  total: '100.00',
  inCatalog: '80.00',
};
const stay = { visit: 'inpatient', admitted: '2018-02-20', discharged: '2018-03-01' };

function good(id: string, more: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, ...base, ...more });
}
function bad(patch: Record<string, unknown>): string {
  return JSON.stringify({ id: 'B1', ...base, ...patch });
}
/** A record whose `field` is written as raw JSON text, e.g. 1e999, which JSON.stringify cannot write. */
function badRaw(field: string, text: string): string {
  return bad({ [field]: '@@' }).replace('"@@"', text);
}

async function run(text: string, format: RecordFormat): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for await (const result of readClaims(readRecordsFromText(text, format))) results.push(result);
  return results;
}

function claimIds(results: readonly ClaimResult[]): string[] {
  return results.flatMap((r) => (r.kind === 'claim' ? [r.claim.id] : []));
}

/** The only rejection of the results; checks that the good ones all came through, in order. */
function onlyRejection(results: readonly ClaimResult[], goodIds: readonly string[]): Rejection {
  expect(results.map((r) => r.index)).toEqual(results.map((_, i) => i));
  expect(claimIds(results)).toEqual(goodIds);
  const rejected = results.flatMap((r) => (r.kind === 'rejected' ? [r.rejection] : []));
  expect(rejected).toHaveLength(1);
  return rejected[0] as Rejection;
}

interface Named {
  readonly line: number;
  readonly row?: number;
  readonly id: string | undefined;
  readonly field: string | undefined;
}

function expectNamed(rejection: Rejection, named: Named): void {
  expect(rejection.location.line).toBe(named.line);
  expect(rejection.location.row).toBe(named.row);
  expect(rejection.id).toBe(named.id);
  expect(rejection.field).toBe(named.field);
  const where = named.row !== undefined ? `line ${named.line} (row ${named.row})` : `line ${named.line}`;
  const id = named.id !== undefined ? ` id ${named.id}` : '';
  const field = named.field !== undefined ? `${named.field}: ` : '';
  expect(describeRejection(rejection)).toBe(`${where}${id}: ${field}${rejection.message}`);
  // The field is named once, by the renderer, not again by the message.
  if (named.field !== undefined) expect(rejection.message.startsWith(`${named.field}:`)).toBe(false);
}

type Case = readonly [name: string, line: string, field: string | undefined, message: string, id?: string | null];

/** it.each over objects keeps each field's own type (over tuples vitest widens them). */
function named(cases: readonly Case[]): { name: string; line: string; field: string | undefined; message: string; id: string | undefined }[] {
  return cases.map(([name, line, field, message, id]) => ({ name, line, field, message, id: id === null ? undefined : (id ?? 'B1') }));
}

const JSONL_CASES: readonly Case[] = [
  ['broken JSON', '{"id": "B1", "personId": "P1", "date": ', undefined, 'not valid JSON: Unexpected end of JSON input'],
  ['impossible date 2018-02-30', bad({ date: '2018-02-30' }), 'date', 'date: must be an existing date YYYY-MM-DD (got "2018-02-30")'],
  ['impossible date 2018-13-01', bad({ date: '2018-13-01' }), 'date', 'date: must be an existing date YYYY-MM-DD (got "2018-13-01")'],
  ['impossible stay date', bad({ ...stay, admitted: '2018-02-29' }), 'admitted', 'admitted: must be an existing date'],
  ['negative money (string)', bad({ total: '-5.00' }), 'total', 'total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "-5.00")'],
  ['negative money (number)', bad({ inCatalog: -5 }), 'inCatalog', 'inCatalog: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got -5)'],
  ['3-decimal money (string)', bad({ total: '12.345' }), 'total', 'total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "12.345")'],
  ['3-decimal money (number)', badRaw('total', '12.345'), 'total', '(got 12.345)'],
  ['float noise is not money', badRaw('total', '0.30000000000000004'), 'total', '(got 0.30000000000000004)'],
  ['money "NaN"', bad({ total: 'NaN' }), 'total', '(got "NaN")'],
  ['money "Infinity"', bad({ total: 'Infinity' }), 'total', '(got "Infinity")'],
  ['money 1e999', badRaw('total', '1e999'), 'total', '(got a JSON number out of range)'],
  ['money with an exponent', badRaw('total', '1e-7'), 'total', '(got 1e-7)'],
  ['huge JSON number', badRaw('total', '80000000000000.01'), 'total', 'write it as a string'],
  ['huger JSON number', badRaw('quota', '123456789012345678'), 'quota', 'quota: is a JSON number too large to be exact to the fen'],
  ['money as a boolean', bad({ total: true }), 'total', '(got true)'],
  ['unknown visit', bad({ visit: 'emergency_room' }), 'visit', 'visit: must be one of inpatient 住院, outpatient_chronic 门诊慢特病 / 慢性病门诊, outpatient_observation 门诊观察, outpatient 普通门诊 (got "emergency_room")'],
  ['unknown region', bad({ region: 'abroad' }), 'region', 'region: must be one of county 县域内, city 市级, province 省内市外, out_of_province 省外 (got "abroad")'],
  ['unknown referral', bad({ referral: 'self' }), 'referral', 'referral: must be one of referred 转诊, unreferred 未转诊, emergency 急诊 (got "self")'],
  ['unknown category', bad({ categories: ['dibao', 'rich'] }), 'categories[1]', 'categories[1]: must be one of registered_poor 建档立卡贫困人口, extreme_poor 特困人员, dibao 低保对象, dibao_edge 低保边缘家庭成员, monitored 防止返贫监测对象, hardship 刚性支出困难家庭患病成员 (got "rich")'],
  ['categories not a list', bad({ categories: 'dibao' }), 'categories', 'categories: must be a list of categories'],
  ['level 5', bad({ level: 5 }), 'level', 'level: must be one of 0, 1, 2, 3 (got 5)'],
  ['level "2.5"', bad({ level: '2.5' }), 'level', 'level: must be one of 0, 1, 2, 3 (got "2.5")'],
  ['level 2.5', bad({ level: 2.5 }), 'level', 'level: must be one of 0, 1, 2, 3 (got 2.5)'],
  ['designated "yes"', bad({ designated: 'yes' }), 'designated', 'designated: must be true or false (got "yes")'],
  ['diagnosis not a string', bad({ diagnoses: ['C15.9', 12] }), 'diagnoses[1]', 'diagnoses[1]: must be a string (got 12)'],
  ['inCatalog over total', bad({ total: '100.00', inCatalog: '100.01' }), 'inCatalog', 'inCatalog: the in-catalogue part cannot exceed total (got inCatalog "100.01", total "100.00")'],
  ['stay ends before it starts', bad({ ...stay, admitted: '2018-03-02' }), 'discharged', 'discharged: the stay ends before it starts (got admitted "2018-03-02", discharged "2018-03-01")'],
  ['inpatient without admitted', bad({ ...stay, admitted: undefined }), 'admitted', 'admitted: is required for an inpatient claim'],
  ['missing total', bad({ total: undefined }), 'total', 'total: is required'],
  ['empty id', bad({ id: '' }), 'id', 'id: must be a non-empty string (got "")', null],
  ['reserved field policy', bad({ policy: 'anyi' }), 'policy', 'policy: is a name reserved for the settlement output'],
  ['reserved field trace', bad({ trace: [] }), 'trace', 'trace: is a name reserved for the settlement output'],
  ['a JSON array', '[{"id": "B1"}]', undefined, 'a claim is a JSON object (got an array)', null],
  ['a JSON number', '42', undefined, 'a claim is a JSON object (got a number 42)', null],
  ['a JSON string', '"B1"', undefined, 'a claim is a JSON object (got a string "B1")', null],
  ['JSON null', 'null', undefined, 'a claim is a JSON object (got null)', null],
];

describe('JSON Lines: each bad record is one rejection, the good ones come through', () => {
  it.each(named(JSONL_CASES))('$name', async ({ line, field, message, id }) => {
    const results = await run([good('G1'), line, good('G2')].join('\n'), 'jsonl');
    const rejection = onlyRejection(results, ['G1', 'G2']);
    expectNamed(rejection, { line: 2, id, field });
    expect(describeRejection(rejection)).toContain(message);
    expect(results[1]?.index).toBe(1);
  });

  it('names every faulty field of a record, the first one in contract order as its field', async () => {
    const results = await run([bad({ total: '1.234', level: 9, visit: 'x' })].join('\n'), 'jsonl');
    const rejection = onlyRejection(results, []);
    expect(rejection.field).toBe('visit');
    expect(rejection.message).toMatch(/^must be one of .*; also wrong: level, total$/);
  });

  it('reads a byte order mark, CRLF line ends, blank lines and a last line without newline', async () => {
    const text = `\uFEFF${good('G1')}\r\n\r\n   \r\n${bad({ level: 7 })}\r\n\r\n${good('G2')}`;
    const results = await run(text, 'jsonl');
    expect(results).toHaveLength(3);
    expectNamed(onlyRejection(results, ['G1', 'G2']), { line: 4, id: 'B1', field: 'level' });
    expect(results.map((r) => (r.kind === 'claim' ? r.location.line : r.rejection.location.line))).toEqual([1, 4, 6]);
  });

  it('rejects the second and later uses of an id, naming the line of the first', async () => {
    const results = await run([good('G1'), good('G2'), '', good('G1'), good('G1')].join('\n'), 'jsonl');
    expect(claimIds(results)).toEqual(['G1', 'G2']);
    const rejected = results.flatMap((r) => (r.kind === 'rejected' ? [r.rejection] : []));
    expect(rejected).toHaveLength(2);
    expectNamed(rejected[0] as Rejection, { line: 4, id: 'G1', field: 'id' });
    expectNamed(rejected[1] as Rejection, { line: 5, id: 'G1', field: 'id' });
    expect(rejected[0]?.message).toBe('"G1" is already used by the record on line 1');
  });

  it('counts an id as used even when its first record was rejected', async () => {
    const results = await run([bad({ total: '-1' }), bad({})].join('\n'), 'jsonl');
    const rejected = results.flatMap((r) => (r.kind === 'rejected' ? [r.rejection] : []));
    expect(rejected.map((r) => r.field)).toEqual(['total', 'id']);
    expect(rejected[1]?.message).toBe('"B1" is already used by the record on line 1');
  });

  it('passes fields outside the contract through untouched, even one named __proto__', async () => {
    const line = good('G1', { note: { text: '复查', tags: [1, 'a'] }, batch: 7 }).replace(/}$/, ',"__proto__":{"polluted":true}}');
    const [result] = await run(line, 'jsonl');
    if (result?.kind !== 'claim') throw new Error(`expected a claim, got ${JSON.stringify(result)}`);
    expect(Object.keys(result.claim.extra).sort()).toEqual(['__proto__', 'batch', 'note']);
    expect(result.claim.extra['note']).toEqual({ text: '复查', tags: [1, 'a'] });
    expect(result.claim.extra['batch']).toBe(7);
    expect(Object.getPrototypeOf(result.claim.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

const HEADER = 'id,personId,date,visit,level,region,total,inCatalog,categories,designated,disease,note';
function row(id: string, cells: Partial<Record<'level' | 'total' | 'inCatalog' | 'categories' | 'designated' | 'date' | 'disease' | 'note', string>> = {}): string {
  const c = { date: '2018-03-01', level: '1', total: '100.00', inCatalog: '80.00', categories: '', designated: '', disease: '', note: '', ...cells };
  return [id, 'P1', c.date, 'outpatient', c.level, 'county', c.total, c.inCatalog, c.categories, c.designated, c.disease, c.note].join(',');
}

const CSV_CASES: readonly Case[] = [
  ['too many columns', `${row('B1')},surplus`, undefined, 'the row has 13 cells but the header has 12 columns'],
  ['too few columns', 'B1,P1,2018-03-01,outpatient,1,county,100.00,80.00', undefined, 'the row has 8 cells but the header has 12 columns'],
  ['level 5', row('B1', { level: '5' }), 'level', 'level: must be one of 0, 1, 2, 3 (got "5")'],
  ['level "2.5"', row('B1', { level: '2.5' }), 'level', 'level: must be one of 0, 1, 2, 3 (got "2.5")'],
  ['designated "yes"', row('B1', { designated: 'yes' }), 'designated', 'designated: must be true or false (got "yes")'],
  ['unknown category', row('B1', { categories: 'dibao|rich' }), 'categories[1]', '(got "rich")'],
  ['3-decimal money', row('B1', { inCatalog: '12.345' }), 'inCatalog', '(got "12.345")'],
  ['impossible date', row('B1', { date: '2018-13-01' }), 'date', '(got "2018-13-01")'],
  ['inCatalog over total', row('B1', { inCatalog: '100.50' }), 'inCatalog', 'cannot exceed total'],
];

describe('CSV: each bad row is one rejection with its line and row, the good ones come through', () => {
  it.each(named(CSV_CASES))('$name', async ({ line, field, message, id }) => {
    const results = await run([HEADER, row('G1'), line, row('G2')].join('\n'), 'csv');
    const rejection = onlyRejection(results, ['G1', 'G2']);
    expectNamed(rejection, { line: 3, row: 2, id, field });
    expect(describeRejection(rejection)).toContain(message);
  });

  it('keeps a rejected row as the file has it (column → text), for the rejects output', async () => {
    const results = await run([HEADER, row('B1', { level: '5', categories: 'dibao|x' })].join('\n'), 'csv');
    const rejection = onlyRejection(results, []);
    expect(rejection.record).toMatchObject({ id: 'B1', level: '5', categories: 'dibao|x', note: '' });
  });

  it('reads quoted fields with commas, quotes and line breaks, and counts lines right after them (LF and CRLF)', async () => {
    for (const eol of ['\n', '\r\n']) {
      const lines = [
        HEADER,
        row('G1', { disease: '"食道癌, 晚期"', note: `"first line${eol}second, ""quoted"" line${eol}third"` }),
        row('G2'),
        row('B1', { total: '1.001' }),
        row('G3', { note: '"a,b"' }),
      ];
      const results = await run(lines.join(eol) + eol, 'csv');
      const rejection = onlyRejection(results, ['G1', 'G2', 'G3']);
      // G1 spans lines 2–4, so G2 is on line 5 and B1 on line 6.
      expectNamed(rejection, { line: 6, row: 3, id: 'B1', field: 'total' });
      const first = results[0];
      if (first?.kind !== 'claim') throw new Error('G1 should be a claim');
      expect(first.claim.disease).toBe('食道癌, 晚期');
      expect(first.claim.extra['note']).toBe(`first line${eol}second, "quoted" line${eol}third`);
      expect(results.map((r) => (r.kind === 'claim' ? r.location : r.rejection.location))).toEqual([
        { line: 2, row: 1 },
        { line: 5, row: 2 },
        { line: 6, row: 3 },
        { line: 7, row: 4 },
      ]);
    }
  });

  it('reads a byte order mark, CRLF, blank lines and a last row without newline', async () => {
    const text = `\uFEFF${HEADER}\r\n\r\n${row('G1')}\r\n   \r\n,,,,,,,,,,,\r\n${row('B1', { level: '4' })}\r\n${row('G2')}`;
    const results = await run(text, 'csv');
    expect(results).toHaveLength(3);
    expectNamed(onlyRejection(results, ['G1', 'G2']), { line: 6, row: 2, id: 'B1', field: 'level' });
    const last = results[2];
    if (last?.kind !== 'claim') throw new Error('G2 should be a claim');
    expect(last.location).toEqual({ line: 7, row: 3 });
    expect(last.claim.extra['note']).toBe('');
  });

  it('rejects a repeated id naming the line and row of the first', async () => {
    const results = await run([HEADER, row('G1'), row('G2'), row('G1')].join('\n'), 'csv');
    const rejection = onlyRejection(results, ['G1', 'G2']);
    expectNamed(rejection, { line: 4, row: 3, id: 'G1', field: 'id' });
    expect(rejection.message).toBe('"G1" is already used by the record on line 2 (row 1)');
  });

  it('converts cells: level and designated to their types, lists split on |, empty cells to defaults', async () => {
    const text = [
      `${HEADER},diagnoses,referral,quota`,
      `${row('G1', { level: '3', designated: 'FALSE', categories: ' dibao | monitored||' })}, C15.9 || K70 ,emergency,1200.5`,
      `${row('G2', { level: '0', designated: 'true', total: '0.30', inCatalog: '0.10' })},,,`,
    ].join('\n');
    const results = await run(text, 'csv');
    const [g1, g2] = results.map((r) => {
      if (r.kind !== 'claim') throw new Error(r.rejection.message);
      return r.claim;
    });
    expect(g1?.level).toBe(3);
    expect(g1?.designated).toBe(false);
    expect([...(g1?.categories ?? [])]).toEqual(['dibao', 'monitored']);
    expect([...(g1?.diagnoses ?? [])]).toEqual(['C15.9', 'K70']);
    expect(g1?.referral).toBe('emergency');
    expect(g1?.quota?.toFixed(2)).toBe('1200.50');
    expect(g2?.level).toBe(0);
    expect(g2?.designated).toBe(true);
    expect(g2?.categories.size).toBe(0);
    expect(g2?.diagnoses.size).toBe(0);
    expect(g2?.referral).toBe('referred');
    expect(g2?.disease).toBe('');
    expect(g2?.quota).toBeUndefined();
    expect(g2?.outOfCatalog.toFixed(2)).toBe('0.20');
    expect(g2?.extra).toEqual({ note: '' });
  });
});
