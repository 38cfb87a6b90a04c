import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYERS, loadPolicy, parseDate, policyFolders, type LayerName, type Decimal } from '@policy/dsl';
import { compilePolicy, policyTextConstants, settleBatch, KpiTally, type CompiledPolicy, type SettledClaim } from '../src/index.js';
import { history } from './arbitraries.js';
import { claimItems, compileSources } from './settle-helpers.js';

/**
 * KpiTally sums whole-number terms (count, sum total|inCatalog|outOfCatalog|stay|paid|a layer) of
 * fixed-point settlements as integers and folds them into its decimal sums when read
 * (kpi/fen-terms.ts). The same settlements with their fen taken away go through the decimal path
 * alone: over generated histories, both give the same values, groups and parts, for every
 * shipped policy's kpis and for kpis that read the layers in their conditions.
 */

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 60);

/** The settlement as the decimal engine hands it over: plain Decimal layers, no fen. */
function withoutFen(s: SettledClaim): SettledClaim {
  const layers = Object.fromEntries(LAYERS.map((l) => [l, s.layers[l]])) as Record<LayerName, Decimal>;
  return { ...s, layers, fen: undefined } as SettledClaim;
}

function settled(policy: CompiledPolicy, raw: Record<string, unknown>[]): SettledClaim[] {
  return settleBatch(policy, claimItems(raw)).flatMap((o) => (o.kind === 'settled' ? [o.settlement] : []));
}

/** Values and, separately, a worker's parts after adding the settlements in two halves. */
function tally(policy: CompiledPolicy, list: readonly SettledClaim[]): unknown {
  const t = new KpiTally(policy);
  const half = Math.floor(list.length / 2);
  list.slice(0, half).forEach((s) => t.add(s));
  const parts = t.take();
  list.slice(half).forEach((s) => t.add(s));
  const merged = new KpiTally(policy);
  merged.merge(parts);
  merged.merge(t.take());
  return { parts, values: merged.values() };
}

function sameBothWays(policy: CompiledPolicy, first: string): void {
  const from = new Date((parseDate(first) as number) * 86_400_000).toISOString().slice(0, 10);
  const arb = history({ diseases: policyTextConstants(policy.resolved), from, days: 800 });
  let withFen = 0;
  fc.assert(
    fc.property(arb, (raw) => {
      const list = settled(policy, raw);
      withFen += list.filter((s) => s.fen !== undefined).length;
      expect(tally(policy, list)).toEqual(tally(policy, list.map(withoutFen)));
    }),
    { numRuns: RUNS, seed: 20181001 },
  );
  // The fast path was taken: most generated claims settle in fixed point.
  expect(withFen).toBeGreaterThan(RUNS);
}

describe('kpi sums of whole numbers equal the decimal sums', () => {
  for (const dir of policyFolders('policies')) {
    const loaded = loadPolicy(dir);
    if (!loaded.policy || loaded.policy.kpis.length === 0) continue;
    const policy = compilePolicy(loaded.policy);
    it(`${dir}: ${loaded.policy.kpis.length} kpis`, () => sameBothWays(policy, loaded.policy?.versions[0]?.date ?? '2018-01-01'));
  }

  // Every term kind of the fast path, and conditions that read the layers (so the context gets
  // them as Decimals on both paths), a let, `patient` and persons.
  const base = readFileSync('packages/dsl/testdata/good/minimal.policy', 'utf8');
  const kpis = `
kpi 基本比例 cites "T-1" when basic > 0元 { numerator sum basic  denominator sum inCatalog  by category }
kpi 自付 cites "T-1" { numerator sum patient  denominator sum outOfCatalog  by level }
kpi 贫困兜底 cites "T-1" when 贫困 { numerator sum fallback where paid > 100元  denominator count  by visit }
kpi 住院日 cites "T-1" { numerator sum stay where hospital > 0元  denominator count  by year }
kpi 重复 cites "T-1" when visit == 住院 { numerator persons with 2 where basic > 0元  denominator persons }
kpi 大额 cites "T-1" { numerator sum critical_illness where total > 1万元  denominator sum total }
`;
  const policy = compileSources({ 'minimal.policy': base + kpis });
  it('minimal.policy with kpis reading layers, a let, patient and persons', () => {
    expect(new KpiTally(policy).readsLayers).toBe(true);
    sameBothWays(policy, '2018-01-01');
  });

  // Only a closure that may read the settlement needs the layers in the context: a let is
  // followed to its definition (lets cannot read layers, E111).
  it('readsLayers: false for a condition on a let over categories', () => {
    const letOverCategories = compileSources({ 'minimal.policy': `${base}\nkpi 贫困住院 cites "T-1" when 贫困 { numerator sum total  denominator count }\n` });
    expect(new KpiTally(letOverCategories).readsLayers).toBe(false);
    sameBothWays(letOverCategories, '2018-01-01');
  });
});
