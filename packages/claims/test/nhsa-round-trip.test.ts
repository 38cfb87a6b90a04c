import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, loadPolicy, policyFolders, type Decimal as D } from '@policy/dsl';
import { compilePolicy, policyTextConstants, settleBatch, type ClaimItem, type Outcome } from '@policy/engine';
import { contractToPlatform, loadNhsaMapping, nhsaOutputPlan, platformClaimResult, settlementToJson, settlementToNhsaCsvCells, settlementToNhsaJson } from '../src/index.js';
import { history } from '../../engine/test/arbitraries.js';
import { claimItems } from '../../engine/test/settle-helpers.js';

/**
 * The round trip, for every policy under policies/ with its own nhsa-mapping.json: generated
 * claims written as platform records (to-platform.ts), read back through the mapping
 * (platform in → contract), settled and written as setlinfo records (→ platform out). The ids
 * and the invoice come back unchanged, the settlement is the one of the claim given directly,
 * and the setlinfo amounts add up: fund_pay_sumamt + hosp_part_amt + psn_part_amt =
 * medfee_sumamt, setldetail adds up to fund_pay_sumamt.
 */

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 100);


function byId(outcomes: readonly Outcome[], list: readonly ClaimItem[], show: (o: Extract<Outcome, { kind: 'settled' }>) => unknown): Map<string, unknown> {
  return new Map(outcomes.map((o) => [(list[o.index] as ClaimItem).claim.id, o.kind === 'settled' ? show(o) : `rejected: ${o.rejection.message}`]));
}

const money = (s: unknown): D => new Decimal(s as string);

describe.each(policyFolders('policies'))('platform round trip of %s', (dir) => {
  const loaded = loadPolicy(dir);
  if (!loaded.policy) throw new Error(`${dir} does not check clean`);
  const policy = compilePolicy(loaded.policy);
  const mapping = loadNhsaMapping(dir);
  const plan = nhsaOutputPlan(policy, mapping);
  const probe = plan.probe ? { probe: plan.probe } : {};
  const from = loaded.policy.versions[0]?.date ?? '2018-01-01';
  const arb = fc.tuple(history({ diseases: policyTextConstants(loaded.policy), from, days: 700 }), fc.constantFrom(undefined, '08:15:30'));

  it('keeps ids and sums: platform in → contract → platform out', () => {
    fc.assert(
      fc.property(arb, ([raws, time]) => {
        // Claims the mapping has no code for (e.g. 门诊观察 under the default) are left out.
        const pairs = raws.flatMap((c) => {
          const p = contractToPlatform(c, mapping, time ? { time } : {});
          return p ? [[c, p] as const] : [];
        });
        const direct = claimItems(pairs.map(([c]) => c));
        const mapped: ClaimItem[] = [];
        pairs.forEach(([, p], index) => {
          const r = platformClaimResult({ location: { line: index + 1 }, raw: p }, index, undefined, mapping);
          if (r.kind === 'rejected') throw new Error(`platform record ${JSON.stringify(p)} refused: ${r.rejection.field}: ${r.rejection.message}`);
          mapped.push(r);
        });
        const viaPlatform = settleBatch(policy, mapped, probe);
        // The same settlements as the claims given directly, and probing lets changes nothing.
        const show = (o: Extract<Outcome, { kind: 'settled' }>): unknown => settlementToJson(o.settlement);
        expect(byId(viaPlatform, mapped, show)).toEqual(byId(settleBatch(policy, direct), direct, show));

        for (const o of viaPlatform) {
          if (o.kind !== 'settled') continue;
          const source = pairs[o.index]?.[1] as Record<string, unknown>;
          const out = settlementToNhsaJson(o.settlement, plan) as Record<string, unknown> & { setldetail: { fund_payamt: string }[] };
          expect(out['setl_id']).toBe(source['setl_id']);
          expect(out['psn_no']).toBe(source['psn_no']);
          expect(money(out['medfee_sumamt']).equals(money(String(source['medfee_sumamt'])))).toBe(true);
          const amounts = ['hifp_pay', 'hifmi_pay', 'maf_pay', 'oth_pay', 'fund_pay_sumamt', 'hosp_part_amt', 'psn_part_amt', 'medfee_sumamt'];
          for (const k of amounts) expect(out[k], `${String(out['setl_id'])} ${k}`).toMatch(/^(0|[1-9][0-9]*)\.[0-9]{2}$/);
          const fund = money(out['fund_pay_sumamt']);
          expect(fund.equals(money(out['hifp_pay']).plus(money(out['hifmi_pay'])).plus(money(out['maf_pay'])).plus(money(out['oth_pay'])))).toBe(true);
          expect(fund.plus(money(out['hosp_part_amt'])).plus(money(out['psn_part_amt'])).equals(money(out['medfee_sumamt']))).toBe(true);
          expect(out.setldetail.reduce<D>((sum, d) => sum.plus(d.fund_payamt), ZERO).equals(fund)).toBe(true);
          expect(out.setldetail.every((d) => !money(d.fund_payamt).isZero())).toBe(true);
          const { layers } = o.settlement;
          expect(money(out['hifp_pay']).equals(layers.basic)).toBe(true);
          expect(money(out['hosp_part_amt']).equals(layers.hospital)).toBe(true);
          expect(money(out['psn_part_amt']).equals(layers.patient)).toBe(true);
          // The CSV row says the same.
          const cells = settlementToNhsaCsvCells(o.settlement, plan);
          expect(cells.slice(0, 2)).toEqual([out['setl_id'], out['psn_no']]);
          expect(cells[9]).toBe(out['fund_pay_sumamt']);
          const dedc = out['act_pay_dedc'];
          if (dedc !== null) expect(money(dedc).lessThanOrEqualTo(o.settlement.claim.inCatalog)).toBe(true);
          const ratio = out['pool_prop_selfpay'];
          if (ratio !== null) expect(ratio).toMatch(/^[01]\.[0-9]{4}$/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

