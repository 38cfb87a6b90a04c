import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimResult } from './claim-reader.js';
import { csvRowToRaw } from './csv-row.js';
import { fastCsvCells, fastCsvClaim, fastRawClaim } from './fast-csv-claim.js';
import { readRecordsFromText } from './read-records.js';
import type { RecordItem } from './record-item.js';
import type { CsvRecord } from './csv-records.js';
import { validateRecord } from './validate.js';
import { CSV_HEADER, toCsvRow } from '../generate/claim-files.js';
import { generateClaims } from '../generate/synthetic-claims.js';

/**
 * The fast path of CSV validation against the reference (schema + validClaim over csvRowToRaw):
 * whenever the fast path answers, the reference accepts the row with an equal claim; when it
 * does not, the reference decides. So accept/reject and the claim are the same for every row.
 */

const at = { line: 3, row: 2 };

// Values near the edges of each field's rule, valid ones and broken ones, codes and Chinese.
const anyText = fc.string({ maxLength: 6 });
const dates = fc.oneof(
  fc.constantFrom('2018-03-01', '2020-02-29', '2019-02-29', '2018-02-30', '2018-13-01', '2018-00-10', '2018-1-01', '0099-05-05', '0000-01-01', '9999-12-31', '2018-03-01 ', '２０１８-03-01', ''),
  fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  anyText,
);
const money = fc.oneof(
  fc.constantFrom('0', '0.00', '00', '1.5', '1.50', '1.505', '.5', '5.', '-1', '1e3', ' 1', '1,000', '999999999999999', '999999999999999.99', '1000000000000000', '90071992547409.91', '90071992547409.92', ''),
  fc.nat({ max: 10_000_000 }).map((fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`),
  fc.nat({ max: 100_000 }).map(String),
  anyText,
);
const cells: Readonly<Record<string, fc.Arbitrary<string>>> = {
  id: fc.oneof(fc.constantFrom('C1', 'C2', '', ' '), anyText),
  personId: fc.oneof(fc.constantFrom('P1', 'P2', ''), anyText),
  date: dates,
  categories: fc.oneof(fc.constantFrom('', 'dibao', 'dibao|monitored', ' dibao | hardship ', '|', 'dibao||', 'poor', '低保对象', 'DIBAO'), anyText),
  visit: fc.oneof(fc.constantFrom('inpatient', 'outpatient', 'outpatient_chronic', 'outpatient_observation', '住院', 'Inpatient', ''), anyText),
  level: fc.constantFrom('0', '1', '2', '3', '4', '-1', '2.0', ' 2', '', '二级'),
  region: fc.oneof(fc.constantFrom('county', 'city', 'province', 'out_of_province', '县域内', ''), anyText),
  referral: fc.constantFrom('', 'referred', 'unreferred', 'emergency', 'Referred', 'x'),
  designated: fc.constantFrom('', 'true', 'false', 'TRUE', 'False', 'yes', '1', '是'),
  disaster: fc.constantFrom('', 'true', 'false', 'TRUE', 'no'),
  disease: fc.oneof(fc.constantFrom('', '食道癌', '高血压'), anyText),
  diagnoses: fc.oneof(fc.constantFrom('', 'C15.9', 'C15.9|I10', ' | ', 'a||b'), anyText),
  admitted: dates,
  discharged: dates,
  total: money,
  inCatalog: money,
  quota: money,
  hospitalId: fc.oneof(fc.constantFrom('', 'H1'), anyText),
};
const plain: Readonly<Record<string, fc.Arbitrary<string>>> = {
  id: fc.constantFrom('C1', 'C2'),
  personId: fc.constantFrom('P1', 'P2'),
  date: fc.constantFrom('2018-03-01', '2020-02-29'),
  visit: fc.constantFrom('outpatient', 'inpatient', 'outpatient_chronic'),
  level: fc.constantFrom('0', '1', '2', '3'),
  region: fc.constantFrom('county', 'city'),
  total: fc.constantFrom('100.00', '2000.5'),
  inCatalog: fc.constantFrom('0', '99.99'),
  admitted: fc.constantFrom('2018-02-01', '2018-03-01', ''),
  discharged: fc.constantFrom('2018-03-01', '2018-03-05', ''),
};
const others = ['note', 'policy', 'version', 'layers', 'flags', 'trace', '__proto__', '1', 'constructor', 'extra col'];

/** A row: some contract columns (mostly valid values, sometimes anything), perhaps other columns. */
const rows = fc
  .record({
    present: fc.subarray(Object.keys(cells), { minLength: 0 }),
    required: fc.boolean(),
    values: fc.record(Object.fromEntries(Object.entries(cells).map(([k, arb]) => [k, fc.oneof({ weight: 12, arbitrary: plain[k] ?? fc.constant('') }, { weight: 1, arbitrary: arb })]))),
    extra: fc.array(fc.tuple(fc.constantFrom(...others), fc.oneof(fc.constant(''), anyText)), { maxLength: 3 }),
  })
  .map(({ present, required, values, extra }) => {
    const row: Record<string, string> = {};
    const names = required ? [...new Set([...Object.keys(plain), ...present])] : present;
    for (const name of names) row[name] = (values as Record<string, string>)[name] as string;
    for (const [name, value] of extra) Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
    return row;
  });

describe('fastCsvClaim', () => {
  it('answers only for rows the reference accepts, with an equal claim', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(rows, (row) => {
        runs++;
        const fast = fastCsvClaim(row);
        const reference = validateRecord(csvRowToRaw(row), at);
        // The same row with a column without a name (its cell empty), as a file's header may have.
        expect(fastCsvCells(['', ...Object.keys(row)], ['', ...Object.values(row)])).toStrictEqual(fast);
        if (fast === undefined) return;
        answered++;
        if (!reference.ok) throw new Error(`fast path accepted a row the reference rejects (${reference.rejection.message}): ${JSON.stringify(row)}`);
        expect(fast).toStrictEqual(reference.claim);
        expect(Object.keys(fast.extra)).toEqual(Object.keys(reference.claim.extra));
      }),
      { numRuns: 5000 },
    );
    // The fast path must actually be taken (else the property proves nothing).
    expect(answered).toBeGreaterThan(runs / 10);
  });

  it('takes every valid row of a generated file, and claimResult gives the same results either way', async () => {
    const claims = generateClaims({ count: 400, seed: 5 });
    const text = [CSV_HEADER, ...claims.map(toCsvRow)].join('\n');
    const items: RecordItem[] = [];
    for await (const item of readRecordsFromText(text, 'csv')) items.push(item);
    expect(items.length).toBe(400);
    let fast = 0;
    for (const [i, item] of items.entries()) {
      if ('rejection' in item) continue;
      const row = item as CsvRecord;
      const reference = validateRecord(item.raw, item.location);
      const viaFast = fastCsvClaim(item.source as Record<string, string>);
      expect(row.names && row.cells ? fastCsvCells(row.names, row.cells) : 'no cells').toStrictEqual(viaFast);
      if (reference.ok) {
        expect(viaFast).toStrictEqual(reference.claim);
        fast++;
      } else expect(viaFast).toBeUndefined();
      const result = claimResult(item, i, undefined);
      expect(result.kind).toBe(reference.ok ? 'claim' : 'rejected');
    }
    expect(fast).toBeGreaterThan(300);
  });
});

describe('fastRawClaim', () => {
  const odd = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: -2, max: 5 }), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }), anyText);
  const typed: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
    ...plain,
    level: fc.constantFrom(0, 1, 2, 3, -0),
    admitted: fc.constantFrom('2018-02-01', '2018-03-01'),
    discharged: fc.constantFrom('2018-03-01', '2018-03-05'),
    categories: fc.constantFrom([], ['dibao'], ['dibao', 'monitored'], ['dibao', 'dibao']),
    diagnoses: fc.constantFrom([], ['C15.9'], ['I10', 'I10']),
    designated: fc.boolean(),
    disaster: fc.boolean(),
    referral: fc.constantFrom('referred', 'unreferred', 'emergency'),
    disease: fc.constantFrom('', '食道癌'),
    hospitalId: fc.constantFrom('H1', ''),
    quota: fc.constantFrom('100', '0.5'),
    // Near misses beside the plain amounts.
    total: fc.constantFrom('100.00', '2000.5', ' 100', '100 ', '1e2', '0100', '100.'),
    inCatalog: fc.constantFrom('0', '99.99', ' 5', '5.000'),
  };
  const loose: Readonly<Record<string, fc.Arbitrary<unknown>>> = Object.fromEntries(Object.entries(cells).map(([k, arb]) => [k, fc.oneof(arb, odd, fc.constantFrom(1, 2.5, 1e20, 70000000000000))]));
  const raws = fc
    .record({
      present: fc.subarray(Object.keys(cells)),
      required: fc.boolean(),
      values: fc.record(Object.fromEntries(Object.keys(cells).map((k) => [k, fc.oneof({ weight: 40, arbitrary: typed[k] ?? fc.constant(undefined) }, { weight: 1, arbitrary: loose[k] as fc.Arbitrary<unknown> })]))),
      extra: fc.array(fc.tuple(fc.constantFrom(...others, '医疗总费用', 'visit_zh'), fc.oneof(odd, anyText)), { maxLength: 3 }),
    })
    .map(({ present, required, values, extra }) => {
      const raw: Record<string, unknown> = {};
      const names = required ? [...new Set([...Object.keys(plain), ...present])] : present;
      for (const name of names) raw[name] = (values as Record<string, unknown>)[name];
      for (const [name, value] of extra) Object.defineProperty(raw, name, { value, enumerable: true, writable: true, configurable: true });
      return raw;
    });

  it('answers only for objects the reference accepts, with an equal claim', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(raws, (raw) => {
        runs++;
        const fast = fastRawClaim(raw);
        if (fast === undefined) return;
        answered++;
        const reference = validateRecord(raw, at);
        if (!reference.ok) throw new Error(`fast path accepted an object the reference rejects (${reference.rejection.message}): ${JSON.stringify(raw)}`);
        expect(fast).toStrictEqual(reference.claim);
        expect(Object.keys(fast.extra)).toEqual(Object.keys(reference.claim.extra));
      }),
      { numRuns: 8000 },
    );
    // The fast path must actually be taken (most generated objects hold a near miss somewhere).
    expect(answered).toBeGreaterThan(runs / 50);
  });

  it('leaves arrays, null, numbers as amounts and non-plain objects to the reference', () => {
    const base = { id: 'C1', personId: 'P1', date: '2018-03-01', visit: 'outpatient', level: 2, region: 'city', total: '10', inCatalog: '5' };
    expect(fastRawClaim(base)).toBeDefined();
    for (const raw of [null, [], 'x', { ...base, total: 10 }, Object.assign(Object.create({ x: 1 }), base), { ...base, layers: undefined }, { ...base, note: undefined }]) expect(fastRawClaim(raw)).toBeUndefined();
  });
});
