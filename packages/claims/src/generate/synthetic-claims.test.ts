import { describe, expect, it } from 'vitest';
import { Decimal } from '@policy/dsl';
import { CONTRACT_FIELDS } from '../input/fields.js';
import { CATEGORIES, LEVELS, REFERRALS, REGIONS, VISITS } from './raw-claim.js';
import { claimStream, generateClaims, type RawClaim } from './synthetic-claims.js';
import { parseMix } from './mix.js';

const MONEY = /^(0|[1-9][0-9]*)\.[0-9]{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date (2018-02-30 is not). */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
}

/** Every way a generated claim could break the contract (docs/design/contract.md), as messages. */
function contractErrors(claim: RawClaim, year: number): string[] {
  const errors: string[] = [];
  const record = claim as unknown as Record<string, unknown>;
  const fail = (field: string, rule: string): void => {
    errors.push(`${claim.id}: ${field} ${rule} (${JSON.stringify(record[field])})`);
  };
  for (const key of Object.keys(record)) {
    if (!(CONTRACT_FIELDS as readonly string[]).includes(key)) fail(key, 'is not a contract field');
    if (record[key] === undefined) fail(key, 'is present but undefined');
  }
  if (typeof claim.id !== 'string' || !/^C\d{7,}$/.test(claim.id)) fail('id', 'is not C0000001-style');
  if (typeof claim.personId !== 'string' || !/^P\d{6,}$/.test(claim.personId)) fail('personId', 'is not P000001-style');
  if (!isDate(claim.date) || !claim.date.startsWith(`${year}-`)) fail('date', `is not a date in ${year}`);
  if (claim.date < '2018-01-01') fail('date', 'is before 2018-01-01');
  if (!isStringList(claim.categories) || !claim.categories.every((c) => (CATEGORIES as readonly string[]).includes(c))) {
    fail('categories', 'is not a list of known categories');
  } else if (new Set(claim.categories).size !== claim.categories.length) fail('categories', 'repeats a category');
  if (!(VISITS as readonly string[]).includes(claim.visit)) fail('visit', 'is not a known visit');
  if (!(LEVELS as readonly number[]).includes(claim.level)) fail('level', 'is not 0–3');
  if (!(REGIONS as readonly string[]).includes(claim.region)) fail('region', 'is not a known region');
  if (claim.referral !== undefined && !(REFERRALS as readonly string[]).includes(claim.referral)) fail('referral', 'is not a known referral');
  if (claim.designated !== undefined && typeof claim.designated !== 'boolean') fail('designated', 'is not a boolean');
  if (claim.disease !== undefined && (typeof claim.disease !== 'string' || claim.disease === '')) fail('disease', 'is not a name');
  if (claim.diagnoses !== undefined && (!isStringList(claim.diagnoses) || !claim.diagnoses.every((d) => /^[A-Z]\d{2}(\.\d)?$/.test(d)))) {
    fail('diagnoses', 'is not a list of ICD-10 codes');
  }
  if (claim.visit === 'inpatient') {
    if (!isDate(claim.admitted) || !claim.admitted.startsWith(`${year}-`)) fail('admitted', `is not a date in ${year}`);
    if (!isDate(claim.discharged)) fail('discharged', 'is not a date');
    if (claim.discharged !== claim.date) fail('discharged', 'is not the settlement date');
    if (isDate(claim.admitted) && isDate(claim.discharged)) {
      const stay = (Date.parse(claim.discharged) - Date.parse(claim.admitted)) / 86_400_000;
      if (stay < 1 || stay > 30) fail('admitted', `gives a stay of ${stay} days, not 1–30`);
    }
  } else if (claim.admitted !== undefined || claim.discharged !== undefined) {
    fail('admitted', 'is present on a visit that is not a stay');
  }
  for (const field of ['total', 'inCatalog', 'quota'] as const) {
    const value: unknown = claim[field];
    if (value === undefined && field === 'quota') continue;
    if (typeof value !== 'string' || !MONEY.test(value)) fail(field, 'is not money with exactly 2 decimals');
  }
  if (MONEY.test(claim.total) && MONEY.test(claim.inCatalog) && new Decimal(claim.inCatalog).gt(new Decimal(claim.total))) {
    fail('inCatalog', 'exceeds total');
  }
  if (claim.hospitalId !== undefined && (typeof claim.hospitalId !== 'string' || claim.hospitalId === '')) fail('hospitalId', 'is not an id');
  return errors;
}

function tally<T>(claims: readonly RawClaim[], key: (claim: RawClaim) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (const claim of claims) counts.set(key(claim), (counts.get(key(claim)) ?? 0) + 1);
  return counts;
}

describe('generateClaims', () => {
  it('gives the same claims for the same options', () => {
    const a = generateClaims({ count: 500, seed: 7 });
    const b = generateClaims({ count: 500, seed: 7 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different claims for different seeds', () => {
    const a = generateClaims({ count: 200, seed: 1 });
    const b = generateClaims({ count: 200, seed: 2 });
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    const same = a.filter((claim, i) => JSON.stringify(claim) === JSON.stringify(b[i])).length;
    expect(same).toBeLessThan(5);
  });

  it.each([
    { seed: 1, year: 2018 },
    { seed: -123456, year: 2019 },
    { seed: 2 ** 31 - 1, year: 2020 },
  ])('keeps every claim inside the contract (seed $seed, year $year)', ({ seed, year }) => {
    const claims = generateClaims({ count: 3000, seed, year });
    const errors = claims.flatMap((claim) => contractErrors(claim, year));
    expect(errors.slice(0, 10)).toEqual([]);
  });

  it('keeps claims inside the contract with caller-given diseases and a tiny population', () => {
    const diseases = { inpatient: ['肺癌', '晚期血吸虫病'], chronic: ['高血压'] };
    // listed=1: every inpatient and chronic claim has one of the caller's diseases (by default
    // only 30% do; generate-mix.test.ts checks that share)
    const claims = generateClaims({ count: 400, seed: 3, persons: 2, diseases, mix: parseMix('listed=1') });
    expect(claims.flatMap((claim) => contractErrors(claim, 2018))).toEqual([]);
    expect(new Set(claims.map((c) => c.personId))).toEqual(new Set(['P000001', 'P000002']));
    for (const claim of claims) {
      if (claim.visit === 'inpatient') expect(diseases.inpatient).toContain(claim.disease);
      if (claim.visit === 'outpatient_chronic') expect(claim.disease).toBe('高血压');
    }
  });

  it('numbers claims C0000001… without gaps or repeats', () => {
    const claims = generateClaims({ count: 1200, seed: 5 });
    expect(claims.map((c) => c.id)).toEqual(claims.map((_, i) => `C${String(i + 1).padStart(7, '0')}`));
  });

  it('gives each person one fixed set of categories', () => {
    const claims = generateClaims({ count: 2000, seed: 11 });
    const byPerson = new Map<string, string>();
    for (const claim of claims) {
      const categories = (claim.categories ?? []).join('|');
      expect(byPerson.get(claim.personId) ?? categories).toBe(categories);
      byPerson.set(claim.personId, categories);
    }
  });

  it('looks like a real county year in 1000 claims', () => {
    const claims = generateClaims({ count: 1000, seed: 2018 });
    const visits = tally(claims, (c) => c.visit);
    for (const visit of ['inpatient', 'outpatient_chronic', 'outpatient_observation', 'outpatient'] as const) {
      expect(visits.get(visit) ?? 0, visit).toBeGreaterThan(10);
    }
    expect(visits.get('inpatient') ?? 0).toBeGreaterThan(350);
    expect(visits.get('inpatient') ?? 0).toBeLessThan(550);
    expect([...tally(claims, (c) => c.level).keys()].sort()).toEqual([0, 1, 2, 3]);
    expect([...tally(claims, (c) => c.region).keys()].sort()).toEqual(['city', 'county', 'out_of_province', 'province']);
    expect([...tally(claims, (c) => c.referral).keys()].sort()).toEqual(['emergency', 'referred', 'unreferred']);
    expect(tally(claims, (c) => c.region).get('county') ?? 0).toBeGreaterThan(600);
    expect(tally(claims, (c) => c.designated).get(false) ?? 0).toBeGreaterThan(0);

    const perPerson = tally(claims, (c) => c.personId);
    expect([...perPerson.values()].filter((n) => n >= 3).length).toBeGreaterThan(20);

    const persons = new Map(claims.map((c) => [c.personId, c.categories ?? []]));
    const poor = [...persons.values()].filter((c) => c.includes('registered_poor')).length;
    const ordinary = [...persons.values()].filter((c) => c.length === 0).length;
    expect(poor / persons.size).toBeGreaterThan(0.2);
    expect(ordinary / persons.size).toBeGreaterThan(0.45);

    // Amounts: outpatient bills are small, stays at third-grade hospitals large.
    const median = (visit: string, level?: number): number => {
      const xs = claims
        .filter((c) => c.visit === visit && (level === undefined || c.level === level))
        .map((c) => Number(c.total))
        .sort((x, y) => x - y);
      return xs[Math.floor(xs.length / 2)] ?? Number.NaN;
    };
    expect(median('outpatient')).toBeLessThan(300);
    expect(median('outpatient_chronic')).toBeGreaterThan(200);
    expect(median('inpatient', 3)).toBeGreaterThan(10_000);
    expect(claims.some((c) => c.quota !== undefined)).toBe(true);
    expect(claims.some((c) => c.visit === 'outpatient' && c.disease === undefined)).toBe(true);
    // Some bills lie mostly outside the catalogue.
    expect(claims.some((c) => new Decimal(c.inCatalog).lt(new Decimal(c.total).div(2)))).toBe(true);
  });

  it('has a contract check that does catch broken claims', () => {
    const good = generateClaims({ count: 50, seed: 8 }).find((c) => c.visit === 'inpatient') as RawClaim;
    expect(contractErrors(good, 2018)).toEqual([]);
    const broken: Partial<Record<keyof RawClaim, unknown>>[] = [
      { total: '1.5' },
      { total: '-1.00' },
      { inCatalog: `${Number(good.total) + 1}.00` },
      { date: '2018-02-30' },
      { admitted: '2017-12-31' },
      { visit: 'emergency_room' },
      { level: 5 },
      { categories: ['veteran'] },
      { designated: 'yes' },
      { quota: 100 },
    ];
    for (const change of broken) {
      expect(contractErrors({ ...good, ...change } as RawClaim, 2018), JSON.stringify(change)).not.toEqual([]);
    }
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateClaims({ count: 1, seed: 1, year: 2017 })).toThrow(RangeError);
    expect(() => generateClaims({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateClaims({ count: 1, seed: 1.5 })).toThrow(RangeError);
    expect(() => generateClaims({ count: 1, seed: 1, persons: 0 })).toThrow(RangeError);
    expect(() => claimStream({ count: 1, seed: 1, diseases: { inpatient: [], chronic: ['高血压'] } })).toThrow(RangeError);
  });
});

describe('claimStream', () => {
  it('yields the same sequence as generateClaims', () => {
    const options = { count: 1500, seed: 99, persons: 60 };
    expect([...claimStream(options)]).toEqual(generateClaims(options));
  });

  it('is lazy: the first claims of a huge stream come at once', () => {
    const stream = claimStream({ count: 1_000_000_000, seed: 99, persons: 60 });
    const first: RawClaim[] = [];
    for (const claim of stream) {
      first.push(claim);
      if (first.length === 3) break;
    }
    expect(first).toEqual(generateClaims({ count: 3, seed: 99, persons: 60 }));
  });
});
