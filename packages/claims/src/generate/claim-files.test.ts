import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, toCsvRow, toJsonLine } from './claim-files.js';
import { formatFen, orderClaimFields, type RawClaim } from './raw-claim.js';
import { generateClaims } from './synthetic-claims.js';

describe('claim files', () => {
  it('writes the contract columns in contract order', () => {
    expect(CSV_HEADER).toBe(
      'id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster',
    );
  });

  it('round-trips through a CSV reader: lists joined with |, empty cells for absent fields', () => {
    const claims = generateClaims({ count: 300, seed: 4 });
    const text = [CSV_HEADER, ...claims.map(toCsvRow)].join('\n') + '\n';
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(claims.length);
    rows.forEach((row, i) => {
      const claim = claims[i] as RawClaim;
      expect(row['id']).toBe(claim.id);
      expect(row['categories']).toBe((claim.categories ?? []).join('|'));
      expect(row['diagnoses']).toBe((claim.diagnoses ?? []).join('|'));
      expect(row['level']).toBe(String(claim.level));
      expect(row['designated']).toBe(String(claim.designated));
      expect(row['quota']).toBe(claim.quota ?? '');
      expect(row['admitted']).toBe(claim.admitted ?? '');
      expect(row['total']).toBe(claim.total);
    });
  });

  it('quotes only the cells that need it', () => {
    expect(csvCell('安义县人民医院')).toBe('安义县人民医院');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('writes JSON keys in contract order whatever order the object had', () => {
    const claim = { total: '1.00', inCatalog: '1.00', id: 'X', personId: 'P', date: '2018-01-01', visit: 'outpatient', level: 0, region: 'county' } as const;
    expect(Object.keys(JSON.parse(toJsonLine(claim as RawClaim)) as object)).toEqual(Object.keys(orderClaimFields(claim as RawClaim)));
    expect(toJsonLine(claim as RawClaim)).toBe(
      '{"id":"X","personId":"P","date":"2018-01-01","visit":"outpatient","level":0,"region":"county","total":"1.00","inCatalog":"1.00"}',
    );
  });

  it('formats whole fen exactly', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(123456789)).toBe('1234567.89');
    expect(() => formatFen(-1)).toThrow(RangeError);
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});
