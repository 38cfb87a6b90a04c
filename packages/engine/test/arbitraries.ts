import fc from 'fast-check';
import { formatDate, parseDate } from '@policy/dsl';
import { CATEGORIES, REFERRALS, REGIONS, VISITS, formatFen as fen } from '@policy/claims';

/**
 * fast-check arbitraries of contract-valid raw claims (as a JSON Lines file would carry them)
 * and of claim histories: several persons, several claims each, over two years.
 */


/** Amounts in whole fen, biased towards the sizes claims have (tens to hundreds of thousands of yuan). */
const amountFen = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 99, 100, 50_000, 750_000, 1_000_000) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 40_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }) },
);

export interface ClaimShapeOptions {
  /** Disease names to draw from (the policy's own, so its branches are reached). */
  readonly diseases: readonly string[];
  /** First day claims may fall on (YYYY-MM-DD). */
  readonly from: string;
  /** Days after `from` that claims spread over. */
  readonly days: number;
}

export type RawClaim = Record<string, unknown>;

/** One claim without id and person (the history assigns them). */
export function claimShape(o: ClaimShapeOptions): fc.Arbitrary<RawClaim> {
  const start = parseDate(o.from) as number;
  return fc
    .record({
      day: fc.integer({ min: 0, max: o.days }),
      stay: fc.integer({ min: 0, max: 40 }),
      categories: fc.subarray([...CATEGORIES]),
      visit: fc.constantFrom(...VISITS),
      level: fc.constantFrom(0, 1, 2, 3),
      region: fc.constantFrom(...REGIONS),
      referral: fc.option(fc.constantFrom(...REFERRALS), { nil: undefined }),
      designated: fc.option(fc.boolean(), { nil: undefined }),
      disaster: fc.option(fc.boolean(), { nil: undefined, freq: 4 }),
      disease: fc.option(fc.oneof(fc.constantFrom(...o.diseases, '感冒'), fc.string({ maxLength: 4 })), { nil: undefined }),
      total: amountFen,
      inShare: fc.oneof(fc.constant(1), fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      quota: fc.option(amountFen, { nil: undefined, freq: 8 }),
      asNumbers: fc.boolean(),
    })
    .map((r) => {
      const inFen = Math.floor(r.total * r.inShare);
      const money = (f: number): unknown => (r.asNumbers && f < 100_000_000 ? Number(fen(f)) : fen(f));
      const claim: RawClaim = {
        date: formatDate(start + r.day),
        categories: r.categories,
        visit: r.visit,
        level: r.level,
        region: r.region,
        total: money(r.total),
        inCatalog: money(inFen),
      };
      if (r.referral !== undefined) claim['referral'] = r.referral;
      if (r.designated !== undefined) claim['designated'] = r.designated;
      if (r.disaster !== undefined) claim['disaster'] = r.disaster;
      if (r.disease !== undefined) claim['disease'] = r.disease;
      if (r.quota !== undefined) claim['quota'] = money(r.quota);
      if (r.visit === 'inpatient') {
        claim['admitted'] = formatDate(start + r.day - r.stay);
        claim['discharged'] = claim['date'];
      }
      return claim;
    });
}

/** A batch: 1–40 claims of up to 6 persons, ids unique. */
export function history(o: ClaimShapeOptions): fc.Arbitrary<RawClaim[]> {
  return fc
    .array(fc.tuple(fc.integer({ min: 1, max: 6 }), claimShape(o)), { minLength: 1, maxLength: 40 })
    .map((list) => list.map(([person, c], i) => ({ id: `G${String(i).padStart(3, '0')}`, personId: `P${person}`, ...c })));
}
