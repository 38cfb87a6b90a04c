import { Decimal, parseDate } from '@policy/dsl';
import { describe, expect, it } from 'vitest';
import type { Claim, Rejection } from '@policy/engine';
import { validateRecord } from './validate.js';

const at = { line: 7 };
const base = {
  id: 'C1',
  personId: 'P1',
  date: '2018-03-01',
  visit: 'outpatient',
  level: 2,
  region: 'city',
  total: '1234.56',
  inCatalog: '1000.01',
};

function accepted(raw: unknown): Claim {
  const result = validateRecord(raw, at);
  if (!result.ok) throw new Error(`rejected: ${result.rejection.message}`);
  return result.claim;
}
function rejected(raw: unknown): Rejection {
  const result = validateRecord(raw, at);
  if (result.ok) throw new Error('accepted');
  return result.rejection;
}

describe('validateRecord builds the normalized claim', () => {
  it('fills the defaults of a minimal claim', () => {
    const claim = accepted(base);
    expect(claim).toMatchObject({
      id: 'C1',
      personId: 'P1',
      date: '2018-03-01',
      day: parseDate('2018-03-01'),
      year: 2018,
      visit: 'outpatient',
      level: 2,
      region: 'city',
      referral: 'referred',
      designated: true,
      disease: '',
      hospitalId: '',
      stay: 0,
      extra: {},
    });
    expect(claim.categories.size).toBe(0);
    expect(claim.diagnoses.size).toBe(0);
    expect(claim.admitted).toBeUndefined();
    expect(claim.quota).toBeUndefined();
  });

  it('keeps money exact and derives the out-of-catalogue part', () => {
    const claim = accepted({ ...base, total: '0.3', inCatalog: 0.1, quota: '0' });
    expect(claim.total).toBeInstanceOf(Decimal);
    expect(claim.outOfCatalog.equals(new Decimal('0.2'))).toBe(true);
    expect(claim.quota?.isZero()).toBe(true);
  });

  it('reads JSON numbers to the fen right up to the limit', () => {
    for (let fen = 0; fen < 100; fen++) {
      const text = `69999999999999.${String(fen).padStart(2, '0')}`;
      const claim = accepted({ ...base, total: Number(text), inCatalog: 0 });
      expect(claim.total.equals(new Decimal(text))).toBe(true);
    }
  });

  it('takes the given optional fields, the stay and the year', () => {
    const claim = accepted({
      ...base,
      date: '2019-01-02',
      visit: 'inpatient',
      admitted: '2018-12-25',
      discharged: '2019-01-02',
      categories: ['dibao', 'monitored', 'dibao'],
      referral: 'unreferred',
      designated: false,
      disease: '终末期肾病',
      diagnoses: ['N18.5'],
      hospitalId: 'H9',
    });
    expect(claim.year).toBe(2019);
    expect(claim.admitted).toBe(parseDate('2018-12-25'));
    expect(claim.discharged).toBe(parseDate('2019-01-02'));
    expect(claim.stay).toBe(8);
    expect([...claim.categories]).toEqual(['dibao', 'monitored']);
    expect([...claim.diagnoses]).toEqual(['N18.5']);
    expect(claim).toMatchObject({ referral: 'unreferred', designated: false, disease: '终末期肾病', hospitalId: 'H9' });
  });

  it('accepts a same-day stay and stay dates on an outpatient claim', () => {
    expect(accepted({ ...base, visit: 'inpatient', admitted: '2018-03-01', discharged: '2018-03-01' }).stay).toBe(0);
    expect(accepted({ ...base, admitted: '2018-02-27', discharged: '2018-03-01' }).stay).toBe(2);
    expect(accepted({ ...base, admitted: '2018-02-27' }).stay).toBe(0);
  });

  it('accepts inCatalog equal to total, and 2016-02-29', () => {
    expect(accepted({ ...base, inCatalog: '1234.56' }).outOfCatalog.isZero()).toBe(true);
    expect(accepted({ ...base, date: '2016-02-29' }).year).toBe(2016);
  });
});

describe('validateRecord rejects with the record, the id and the field', () => {
  it('refuses what is not a JSON object', () => {
    expect(rejected([base]).message).toBe('a claim is a JSON object (got an array)');
    expect(rejected(null).message).toBe('a claim is a JSON object (got null)');
    expect(rejected(3).message).toBe('a claim is a JSON object (got a number 3)');
    expect(rejected([base]).field).toBeUndefined();
  });

  it('names the location, id and field, and keeps the record', () => {
    const raw = { ...base, level: 4 };
    // `text`: the reason as a table entry (the message table, issue 17), rendered in the language of the view.
    const text = { id: 'claims.rule.one-of', params: { values: '0, 1, 2, 3', value: '4' } };
    expect(rejected(raw)).toEqual({ location: at, id: 'C1', field: 'level', message: 'must be one of 0, 1, 2, 3 (got 4)', text, record: raw });
  });

  it('names a record by a numeric id even though the id itself is wrong', () => {
    const rejection = rejected({ ...base, id: 17 });
    expect(rejection.id).toBe('17');
    expect(rejection.message).toBe('must be a non-empty string (got 17)');
  });

  it('reads any RFC 3339 year exactly: the first version of a policy, not the calendar, refuses old dates', () => {
    const result = validateRecord({ ...base, date: '0018-01-01' }, at);
    expect(result.ok && result.claim.year).toBe(18);
    expect(result.ok && result.claim.date).toBe('0018-01-01');
  });

  it('cuts long values short in messages', () => {
    const message = rejected({ ...base, visit: 'x'.repeat(500) }).message;
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('…');
  });
});
