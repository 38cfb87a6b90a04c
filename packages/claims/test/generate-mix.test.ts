import { describe, expect, it } from 'vitest';
import { DEFAULT_MIX, MixError, generateClaims, parseMix } from '../src/index.js';

/**
 * The generator's mix (docs/claims.md "Generated claims"). Shares are checked within four
 * standard deviations of a binomial count: for n draws of p, sd = √(n·p·(1−p)).
 */
const LISTED = ['甲病', '乙病', '丙病'];
const within = (count: number, n: number, p: number): boolean => Math.abs(count - n * p) <= 4 * Math.sqrt(n * p * (1 - p));

describe('the generator mix', () => {
  const claims = generateClaims({ count: 6000, seed: 42, diseases: { inpatient: LISTED, chronic: LISTED } });
  const stays = claims.filter((c) => c.visit === 'inpatient' || c.visit === 'outpatient_chronic');

  it('gives the policy’s diseases to a share of inpatient and chronic claims, ordinary ones to the rest', () => {
    const listed = stays.filter((c) => LISTED.includes(c.disease ?? '')).length;
    // Each such claim draws a listed disease with probability 0.3, whether it is the person's
    // main condition (drawn once with the same mix) or a disease of its own.
    expect(within(listed, stays.length, DEFAULT_MIX.listed)).toBe(true);
    // every other one has a disease of the built-in lists, none of the policy's
    expect(stays.filter((c) => !LISTED.includes(c.disease ?? '')).every((c) => c.disease !== undefined && c.disease !== '')).toBe(true);
  });

  it('keeps persons in no category at the ordinary share, and the visit kinds at their weights', () => {
    const persons = new Map(claims.map((c) => [c.personId, (c.categories ?? []).length === 0]));
    const ordinary = [...persons.values()].filter(Boolean).length;
    expect(within(ordinary, persons.size, 0.57)).toBe(true);
    // inpatient 45 of 100
    expect(within(claims.filter((c) => c.visit === 'inpatient').length, claims.length, 0.45)).toBe(true);
  });

  it('changes as --mix says: all listed, no ordinary persons, outpatient only', () => {
    const mix = parseMix('listed=1,ordinary=0,visit.inpatient=0,visit.outpatient_chronic=1,visit.outpatient_observation=0,visit.outpatient=0');
    const cs = generateClaims({ count: 500, seed: 3, diseases: { inpatient: LISTED, chronic: LISTED }, mix });
    expect(cs.every((c) => c.visit === 'outpatient_chronic')).toBe(true);
    expect(cs.every((c) => LISTED.includes(c.disease ?? ''))).toBe(true);
    expect(cs.every((c) => (c.categories ?? []).length > 0)).toBe(true);
  });

  it('is the same claims for the same seed and mix, and the built-in mix without the policy’s names', () => {
    expect(generateClaims({ count: 200, seed: 9, diseases: { inpatient: LISTED, chronic: LISTED } })).toEqual(generateClaims({ count: 200, seed: 9, diseases: { inpatient: LISTED, chronic: LISTED }, mix: parseMix('') }));
    // the default mix written out changes nothing
    expect(generateClaims({ count: 200, seed: 9 })).toEqual(generateClaims({ count: 200, seed: 9, mix: DEFAULT_MIX }));
  });

  it('refuses a bad mix naming the key', () => {
    expect(() => parseMix('listed=1.5')).toThrow(new MixError('--mix: listed is a share from 0 to 1 (got 1.5)'));
    expect(() => parseMix('visit.walking=3')).toThrow(/unknown key "visit.walking" \(keys: listed, ordinary, visit.inpatient/);
    expect(() => parseMix('ordinary')).toThrow(/"ordinary" is not KEY=VALUE/);
    expect(() => parseMix('level.2=-1')).toThrow(/level.2 must be a number ≥ 0/);
    expect(() => parseMix({ visit: { inpatient: 0, outpatient_chronic: 0, outpatient_observation: 0, outpatient: 0 } })).toThrow(/at least one visit/);
    expect(() => generateClaims({ count: 5, seed: 1, mix: parseMix('region.county=0') })).toThrow(/no region is left for level 0/);
  });
});
