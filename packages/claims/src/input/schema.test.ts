import { ENUMS, MONEY_TEXT } from '@policy/dsl';
import { describe, expect, it } from 'vitest';
import { CONTRACT_FIELDS, RESERVED_FIELDS } from './fields.js';
import { MONEY_NUMBER_LIMIT, readMoney } from './money-input.js';
import { claimSchema } from './schema.js';

/** The schema, the contract's vocabulary in @policy/dsl and the code must say the same. */
describe('claim schema', () => {
  it('uses the money syntax of @policy/dsl', () => {
    expect(claimSchema.definitions.money.pattern).toBe(MONEY_TEXT.source);
  });

  it('has the enumerated values of the vocabulary, in its order', () => {
    const p = claimSchema.properties;
    expect(p.visit.enum).toEqual(Object.keys(ENUMS.visit));
    expect(p.region.enum).toEqual(Object.keys(ENUMS.region));
    expect(p.referral.enum).toEqual(Object.keys(ENUMS.referral));
    expect(p.categories.items.enum).toEqual(Object.keys(ENUMS.category));
  });

  it('declares exactly the contract fields and the reserved names', () => {
    expect(Object.keys(claimSchema.properties).sort()).toEqual([...CONTRACT_FIELDS, ...RESERVED_FIELDS].sort());
    expect(claimSchema.required).toEqual(['id', 'personId', 'date', 'visit', 'level', 'region', 'total', 'inCatalog']);
  });

  it('documents every field', () => {
    for (const [name, field] of Object.entries(claimSchema.properties)) {
      expect((field as { description?: string }).description, name).toMatch(/\w/);
    }
  });
});

describe('money as a JSON number', () => {
  it('needs its limit: past 2^46 two amounts a fen apart share one double', () => {
    expect(MONEY_NUMBER_LIMIT).toBeLessThan(2 ** 46);
    expect(String(Number('80000000000000.01'))).toBe('80000000000000.02');
    expect(readMoney(80000000000000.01)).toBeUndefined();
  });

  it('reads numbers through their shortest form', () => {
    expect(readMoney(12.5)?.toFixed(2)).toBe('12.50');
    expect(readMoney(-0)?.toFixed(2)).toBe('0.00');
    expect(readMoney(0.1 + 0.2)).toBeUndefined();
    expect(readMoney(1e-7)).toBeUndefined();
    expect(readMoney(Number.NaN)).toBeUndefined();
    expect(readMoney(-0.01)).toBeUndefined();
  });
});
