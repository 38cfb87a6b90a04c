import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, LAYERS, PAYING_LAYERS, ZERO, loadPolicy, parseDate, policyFolders, type Decimal as D } from '@policy/dsl';
import { compilePolicy, policyTextConstants, settleBatch, type ClaimItem, type CompiledPolicy, type Outcome } from '../src/index.js';
import { settlementToJson } from '@policy/claims';
import { history } from './arbitraries.js';
import { claimItems } from './settle-helpers.js';

/**
 * Properties that hold for every policy under policies/ (a new policy is covered without new
 * code): over generated contract-valid claim histories, layers add up to the invoice to the
 * fen, none is negative, each has exactly two decimals, settling is deterministic, and a
 * batch's results do not depend on the order of its lines nor on sharding by person.
 */

const policyDirs = policyFolders('policies');
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 150);


function byId(outcomes: readonly Outcome[], list: readonly ClaimItem[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const o of outcomes) {
    const id = (list[o.index] as ClaimItem).claim.id;
    m.set(id, o.kind === 'settled' ? JSON.stringify(settlementToJson(o.settlement)) : `rejected: ${o.rejection.message}`);
  }
  return m;
}

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Settled = Extract<Outcome, { kind: 'settled' }>['settlement'];

const settledOnly = (outcomes: readonly Outcome[]): Settled[] =>
  outcomes.flatMap((o) => (o.kind === 'settled' ? [o.settlement] : []));

const payingOf = (s: Settled): D => PAYING_LAYERS.reduce<D>((sum, l) => sum.plus(s.layers[l]), ZERO);

/**
 * "351" (D20): a registered-poor referred inpatient's in-catalogue patient share brings the
 * person's yearly total up to the cap of the claim's region, never past it.
 */
const CAP_351: Record<string, string> = { county: '3000', city: '5000', province: '10000', out_of_province: '10000' };
function within351(outcomes: readonly Outcome[], designatedOrDisaster: (s: Settled) => boolean): void {
  const qualifying = settledOnly(outcomes)
    .filter((s) => s.claim.visit === 'inpatient' && s.claim.categories.has('registered_poor') && s.claim.referral !== 'unreferred' && designatedOrDisaster(s))
    .sort((a, b) => a.claim.day - b.claim.day || (a.claim.id < b.claim.id ? -1 : a.claim.id > b.claim.id ? 1 : 0));
  const used = new Map<string, D>();
  for (const s of qualifying) {
    const key = `${s.claim.personId}/${s.claim.year}`;
    const before = used.get(key) ?? ZERO;
    const share = Decimal.max(ZERO, s.claim.inCatalog.minus(payingOf(s)));
    used.set(key, before.plus(share));
    // a claim brings the year's total up to its own region's cap and no further
    const cap = new Decimal(CAP_351[s.claim.region] as string);
    const room = Decimal.max(ZERO, cap.minus(before));
    expect(share.lessThanOrEqualTo(room), `claim ${s.claim.id}: ${s.claim.personId} pays ${share.toFixed(2)} in catalogue after ${before.toFixed(2)} in ${s.claim.year}, over the ${s.claim.region} cap ${cap.toFixed(2)}`).toBe(true);
  }
}

/** Extra properties of one policy, by policy name. */
const POLICY_PROPERTIES: Record<string, (outcomes: readonly Outcome[]) => void> = {
  // CHIFENG-3, 15b (D16, D17): referred registered-poor inpatients reach the 90% floor; unreferred ones get no fallback.
  chifeng: (outcomes) => {
    for (const s of settledOnly(outcomes)) {
      const { claim, layers } = s;
      if (claim.visit !== 'inpatient' || !claim.categories.has('registered_poor')) continue;
      if (claim.referral === 'unreferred') {
        expect(layers.fallback.isZero(), `claim ${claim.id}: unreferred, but fallback ${layers.fallback.toFixed(2)}`).toBe(true);
        continue;
      }
      if (!claim.designated) continue;
      const floor = new Decimal('0.9').times(claim.total.minus(layers.hospital));
      expect(payingOf(s).plus('0.01').greaterThanOrEqualTo(floor), `claim ${claim.id}: paying ${payingOf(s)} < 90% of ${claim.total.minus(layers.hospital)}`).toBe(true);
    }
  },
  jinzhai: (outcomes) => within351(outcomes, (s) => s.claim.designated),
  // HEFEI-9: a disaster injury at a non-designated provider is settled as at a designated one.
  hefei: (outcomes) => within351(outcomes, (s) => s.claim.designated || s.claim.disaster),
  // LIUAN-5 (D24): from 2024-09-01, unreferred care outside the city gets no medical assistance.
  liuan: (outcomes) => {
    for (const { claim, layers } of settledOnly(outcomes)) {
      if (claim.date < '2024-09-01' || claim.referral !== 'unreferred' || (claim.region !== 'province' && claim.region !== 'out_of_province')) continue;
      expect(layers.medical_assistance.isZero(), `claim ${claim.id}: unreferred ${claim.region} care got medical assistance ${layers.medical_assistance.toFixed(2)}`).toBe(true);
    }
  },
  // ANYI-7.2 (D3): a registered-poor inpatient's paying layers reach 90% of (total − hospital).
  anyi: (outcomes) => {
    for (const o of outcomes) {
      if (o.kind !== 'settled') continue;
      const { claim, layers } = o.settlement;
      if (claim.visit !== 'inpatient' || !claim.categories.has('registered_poor')) continue;
      const paying = PAYING_LAYERS.reduce<D>((sum, l) => sum.plus(layers[l]), ZERO);
      const floor = new Decimal('0.9').times(claim.total.minus(layers.hospital));
      expect(paying.plus('0.01').greaterThanOrEqualTo(floor), `claim ${claim.id}: paying ${paying} < 90% of ${claim.total.minus(layers.hospital)}`).toBe(true);
    }
  },
};

describe.each(policyDirs)('properties of %s', (dir) => {
  const loaded = loadPolicy(dir);
  if (!loaded.policy) throw new Error(`${dir} does not check clean`);
  const policy: CompiledPolicy = compilePolicy(loaded.policy);
  const first = loaded.policy.versions[0]?.date ?? '2018-01-01';
  // a few days before the first version too: those claims must be rejected, and only those
  const from = new Date((parseDate(first) as number) * 86_400_000 - 5 * 86_400_000).toISOString().slice(0, 10);
  const arb = history({ diseases: policyTextConstants(loaded.policy), from, days: 800 });

  it('layers add up to total exactly, are ≥ 0 with exactly 2 decimals; only claims before the first version are rejected', () => {
    fc.assert(
      fc.property(arb, (raw) => {
        const list = claimItems(raw);
        for (const o of settleBatch(policy, list)) {
          const claim = (list[o.index] as ClaimItem).claim;
          if (o.kind === 'rejected') {
            expect(claim.date < first, `claim ${claim.id} rejected: ${o.rejection.message}`).toBe(true);
            continue;
          }
          expect(claim.date >= first).toBe(true);
          const json = settlementToJson(o.settlement) as { layers: Record<string, string>; total: string };
          expect(Object.keys(json.layers)).toContain('patient');
          let sum: D = ZERO;
          for (const [layer, amount] of Object.entries(json.layers)) {
            expect(amount, `${claim.id} ${layer}`).toMatch(/^(0|[1-9][0-9]*)\.[0-9]{2}$/);
            sum = sum.plus(amount);
          }
          expect(sum.equals(claim.total), `${claim.id}: layers sum to ${sum.toFixed(2)}, total ${json.total}`).toBe(true);
          for (const l of LAYERS) if (!o.settlement.declaredLayers.includes(l)) expect(o.settlement.layers[l].isZero()).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic, and independent of line order and of sharding by person', () => {
    fc.assert(
      fc.property(arb, fc.integer(), fc.integer({ min: 2, max: 4 }), (raw, seed, shards) => {
        const list = claimItems(raw);
        const whole = byId(settleBatch(policy, list), list);
        expect(byId(settleBatch(policy, list), list)).toEqual(whole);

        const shuffledRaw = shuffle(raw, seed);
        const shuffled = claimItems(shuffledRaw);
        expect(byId(settleBatch(policy, shuffled), shuffled)).toEqual(whole);

        const merged = new Map<string, string>();
        for (let k = 0; k < shards; k++) {
          const part = claimItems(shuffledRaw.filter((c) => Number(String(c['personId']).slice(1)) % shards === k));
          for (const [id, v] of byId(settleBatch(policy, part), part)) merged.set(id, v);
        }
        expect(merged).toEqual(whole);
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  });

  const extra = POLICY_PROPERTIES[loaded.policy.name];
  if (extra) {
    it(`holds the ${loaded.policy.name}-specific properties`, () => {
      fc.assert(
        fc.property(arb, (raw) => extra(settleBatch(policy, claimItems(raw)))),
        { numRuns: RUNS },
      );
    });
  }
});
