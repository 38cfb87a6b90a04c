import { describe, expect, it } from 'vitest';
import { formatDate, parseDate, yearOfDay } from './dates.js';
import { Decimal, formatMoney, formatRatio, parseMoney, roundFen } from './money.js';

describe('money', () => {
  it('rounds half-up to the fen (D4), away from zero on a half', () => {
    expect(roundFen(new Decimal('2.345')).toFixed(2)).toBe('2.35');
    expect(roundFen(new Decimal('2.344999')).toFixed(2)).toBe('2.34');
    expect(roundFen(new Decimal('9876.536')).toFixed(2)).toBe('9876.54');
    expect(roundFen(new Decimal('-0.005')).toFixed(2)).toBe('-0.01');
  });
  it('keeps products of money and ratios exact (no binary fractions)', () => {
    // 0.1 + 0.2 and 1234.56 × 80% are exact in decimal, unlike JS numbers
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
    expect(new Decimal('1234.56').times('0.8').toString()).toBe('987.648');
    expect(new Decimal('99999999999999.99').times('0.999').toString()).toBe('99899999999999.99001');
  });
  it('writes exactly two decimals, never an exponent', () => {
    expect(formatMoney(new Decimal('12.3'))).toBe('12.30');
    expect(formatMoney(new Decimal('1e15'))).toBe('1000000000000000.00');
    expect(formatRatio(new Decimal('0.875'))).toBe('87.5%');
  });
  it('reads only plain decimal amounts', () => {
    expect(parseMoney('1234.5')?.toString()).toBe('1234.5');
    for (const bad of ['-1', '1.005', '1e3', 'NaN', 'Infinity', '01', ' 1', '1,000', '']) expect(parseMoney(bad)).toBeUndefined();
  });
});

describe('dates', () => {
  it('accepts calendar dates only', () => {
    expect(parseDate('2020-02-29')).toBeDefined();
    for (const bad of ['2018-02-30', '2019-02-29', '2018-13-01', '2018-00-10', '2018-1-1', '18-01-01']) expect(parseDate(bad)).toBeUndefined();
  });
  it('round-trips, years below 100 included, and knows the year', () => {
    for (const d of ['2018-01-01', '2024-09-01', '1999-12-31', '0099-03-01']) {
      const day = parseDate(d) as number;
      expect(formatDate(day)).toBe(d);
    }
    expect(yearOfDay(parseDate('2018-12-31') as number)).toBe(2018);
    expect((parseDate('2018-03-01') as number) - (parseDate('2018-02-28') as number)).toBe(1);
  });
});
