import { describe, expect, it } from 'vitest';
import { csvRowToRaw } from './csv-row.js';

describe('csvRowToRaw', () => {
  it('drops empty cells of contract fields so defaults apply, keeps other columns as they are', () => {
    expect(csvRowToRaw({ id: 'C1', referral: '', disease: '', policy: '', note: '', batch: ' 7 ' })).toEqual({
      id: 'C1',
      note: '',
      batch: ' 7 ',
    });
  });

  it('turns level 0..3 into numbers and leaves anything else as text', () => {
    expect(['0', '1', '2', '3', '2.5', '02', ' 2', '4', '二'].map((level) => csvRowToRaw({ level })['level'])).toEqual([
      0, 1, 2, 3, '2.5', '02', ' 2', '4', '二',
    ]);
  });

  it('turns true/false (any case) into booleans and leaves anything else as text', () => {
    expect(['true', 'false', 'TRUE', 'False', 'yes', '1'].map((designated) => csvRowToRaw({ designated })['designated'])).toEqual([
      true, false, true, false, 'yes', '1',
    ]);
  });

  it('splits lists on |, trimming parts and dropping empty ones', () => {
    expect(csvRowToRaw({ categories: 'dibao| monitored ||', diagnoses: '|C15.9|' })).toEqual({
      categories: ['dibao', 'monitored'],
      diagnoses: ['C15.9'],
    });
    expect(csvRowToRaw({ categories: '|' })).toEqual({ categories: [] });
  });

  it('leaves money and dates as text, so they are never read as floats', () => {
    expect(csvRowToRaw({ total: '0.10', inCatalog: '1e3', quota: '12.345', date: '2018-02-30' })).toEqual({
      total: '0.10',
      inCatalog: '1e3',
      quota: '12.345',
      date: '2018-02-30',
    });
  });

  it('keeps a column named __proto__ as a plain field', () => {
    const row: Record<string, string> = Object.fromEntries([
      ['__proto__', 'x'],
      ['id', 'C1'],
    ]);
    const raw = csvRowToRaw(row);
    expect(Object.hasOwn(raw, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(raw, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
  });
});
