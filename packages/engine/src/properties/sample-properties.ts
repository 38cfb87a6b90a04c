import fc from 'fast-check';
import { conditionShapes, enumValues, LEVELS } from '@policy/dsl';
import type { Category, Level, Referral, Region, Visit } from '../claim.js';
import type { CompiledPolicy, CompiledVersion } from '../compile/compile-policy.js';
import { AccumulatorStore } from '../runtime/accumulators.js';
import { SettlementError } from '../runtime/errors.js';
import { diseaseCandidates, plainClaim, toClaim, type ClaimShape, type PlainClaim } from './sample-claim.js';

/**
 * `policy test` samples each declared property (fast-check): a claim, after a short history of
 * earlier claims of the same person-year (their accumulators), settled by decimal.js. A
 * property fails when a claim meets its `when` and is rejected or breaks its body; fast-check
 * shrinks the claim and history before they are shown. No solver needed (`policy prove` decides).
 */
export interface PropertySample {
  readonly name: string;
  readonly cites: readonly string[];
  /** Claims that met the property's `when` and were checked. */
  readonly checked: number;
  readonly failure?: { readonly claim: PlainClaim; readonly history: readonly PlainClaim[]; readonly reason: string };
}

export interface SampleOptions {
  readonly runs?: number;
  readonly seed?: number;
}

const MAX_HISTORY = 3;

export function sampleProperties(policy: CompiledPolicy, options: SampleOptions = {}): PropertySample[] {
  const resolved = policy.resolved;
  if (resolved.properties.length === 0 || policy.versions.length === 0) return [];
  const base = claimsArbitrary(policy, diseaseCandidates(resolved));
  return resolved.properties.map((property) => {
    // Half the claims are made to meet the property's condition where its finite part decides it.
    const shapes = conditionShapes(resolved.versions, property.when, 64);
    const arb = shapes.length === 0 ? base : fc.oneof(base, fc.tuple(base, fc.constantFrom(...shapes)).map(([x, s]) => ({ ...x, claim: shaped(x.claim, s.fields) })));
    let checked = 0;
    const verdict = (history: readonly ClaimShape[], shape: ClaimShape): string | undefined => {
      const store = new AccumulatorStore(policy.resolved.accumulators.map(() => 0));
      const plain = history.map((h, i) => plainClaim(h, `H${i + 1}`, 'P1'));
      for (const h of plain) settleOrSkip(policy, h, store);
      const claim = toClaim(plainClaim(shape, 'C1', 'P1'));
      const version = policy.versionFor(claim.day) as CompiledVersion;
      try {
        version.settle(claim, store, false);
      } catch (e) {
        if (!(e instanceof SettlementError)) throw e;
        return appliesBefore(version, property.name, claim, store) ? `rejected: ${e.message}` : undefined;
      }
      const r = version.properties().find((x) => x.property === property);
      if (!r || !r.applies) return undefined;
      checked++;
      return r.holds ? undefined : 'the body is false';
    };
    const result = fc.check(
      fc.property(arb, ({ history, claim }) => verdict(history, claim) === undefined),
      { numRuns: options.runs ?? 300, seed: options.seed ?? 20181001 },
    );
    const ex = result.counterexample?.[0];
    if (!result.failed || !ex) return { name: property.name, cites: property.cites, checked };
    const reason = verdict(ex.history, ex.claim) ?? 'failed';
    return {
      name: property.name,
      cites: property.cites,
      checked,
      failure: { claim: plainClaim(ex.claim, 'C1', 'P1'), history: ex.history.map((h, i) => plainClaim(h, `H${i + 1}`, 'P1')), reason },
    };
  });
}

/** A rejected claim does not settle; a history claim that is rejected simply leaves no trace. */
function settleOrSkip(policy: CompiledPolicy, plain: PlainClaim, store: AccumulatorStore): void {
  const claim = toClaim(plain);
  const version = policy.versionFor(claim.day);
  if (!version) return;
  try {
    version.settle(claim, store, false);
  } catch (e) {
    if (!(e instanceof SettlementError)) throw e;
  }
}

/** Whether a rejected claim met the property's `when` (read before any rule ran: claim fields, lets, accumulators). */
function appliesBefore(version: CompiledVersion, name: string, claim: ReturnType<typeof toClaim>, store: AccumulatorStore): boolean {
  return version.propertyApplies(name, claim, store);
}

function claimsArbitrary(policy: CompiledPolicy, diseases: readonly string[]): fc.Arbitrary<{ history: ClaimShape[]; claim: ClaimShape }> {
  const first = policy.versions[0] as CompiledVersion;
  const last = policy.versions[policy.versions.length - 1] as CompiledVersion;
  // Claims of one calendar year from the first version on, reaching a year past the last.
  const dayLo = first.day;
  const dayHi = last.day + 400;
  const fen = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 60_000_000 }));
  const shape = (dayArb: fc.Arbitrary<number>): fc.Arbitrary<ClaimShape> =>
    fc
      .record({
        categories: fc.subarray(enumValues('category') as Category[]),
        visit: fc.constantFrom(...(enumValues('visit') as Visit[])),
        level: fc.constantFrom(...(LEVELS as readonly Level[])),
        region: fc.constantFrom(...(enumValues('region') as Region[])),
        referral: fc.constantFrom(...(enumValues('referral') as Referral[])),
        designated: fc.boolean(),
        disaster: fc.boolean(),
        disease: fc.constantFrom(...diseases),
        day: dayArb,
        stay: fc.integer({ min: 0, max: 60 }),
        totalFen: fen,
        inShare: fc.integer({ min: 0, max: 100 }),
        quotaFen: fc.option(fen, { nil: undefined }),
      })
      .map(({ inShare, quotaFen, ...r }) => ({
        ...r,
        inCatalogFen: Math.floor((r.totalFen * inShare) / 100),
        ...(quotaFen !== undefined ? { quotaFen } : {}),
      }));
  return fc.integer({ min: dayLo, max: dayHi }).chain((day) => {
    const yearStart = day - (dayOfYear(day) - 1);
    const earlier = fc.integer({ min: Math.max(yearStart, dayLo), max: day });
    return fc.record({ history: fc.array(shape(earlier), { maxLength: MAX_HISTORY }), claim: shape(fc.constant(day)) });
  }).map(({ history, claim }) => ({ history: [...history].sort((a, b) => a.day - b.day), claim }));
}

/** 1 for 1 January (day numbers count from 1970-01-01, as parseDate does). */
function dayOfYear(day: number): number {
  const d = new Date(day * 86_400_000);
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** A claim with the finite fields a shape fixes (`cat:NAME` for a category in or out). */
function shaped(c: ClaimShape, fields: Readonly<Record<string, string | number | boolean>>): ClaimShape {
  const cats = new Set(c.categories);
  const out: Record<string, unknown> = { ...c };
  for (const [k, v] of Object.entries(fields)) {
    if (k.startsWith('cat:')) {
      if (v === true) cats.add(k.slice(4) as Category);
      else cats.delete(k.slice(4) as Category);
    } else if (k in out) out[k] = v;
  }
  return { ...(out as unknown as ClaimShape), categories: (enumValues('category') as Category[]).filter((x) => cats.has(x)) };
}
