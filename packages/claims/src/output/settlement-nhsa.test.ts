import { describe, expect, it } from 'vitest';
import { compileSources, settle } from '../../../engine/test/settle-helpers.js';
import { mappingOf, type MappingFile } from '../nhsa/mapping.js';
import { MappingError } from '../nhsa/mapping.js';
import { nhsaOutputPlan, setlInfo, settlementToNhsaCsvCells } from './settlement-nhsa.js';
import type { Outcome } from '@policy/engine';

// Every layer, so that each setlinfo field is reached; the deductible and ratio as top-level lets.
const POLICY = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  layers basic, critical_illness, medical_assistance, supplementary, fallback, finance, hospital, patient
}
clause "T-1" "第一条"
param 起付线 = 500元 cites "T-1"
param 比例 = 87.5% cites "T-1"
let 本次起付线 = 起付线
let 本次比例 = 比例
let 贫困 = registered_poor in categories
rule 医院 cites "T-1" { hospital = 100元 }
rule 基本 cites "T-1" { basic = (inCatalog above 起付线) × 比例 }
rule 大病 cites "T-1" { critical_illness = 10元 }
rule 救助 cites "T-1" { medical_assistance = 20元 }
rule 补充 cites "T-1" { supplementary = 30元 }
rule 兜底 cites "T-1" { fallback = 40元 }
rule 财政 cites "T-1" { finance = 50元 }
`;

const policy = compileSources({ 't.policy': POLICY });

function settled(mapping: MappingFile, over: Record<string, unknown> = {}): { o: Outcome; plan: ReturnType<typeof nhsaOutputPlan> } {
  const plan = nhsaOutputPlan(policy, mappingOf(mapping, 'm.json'));
  const claim = { id: 'C1', personId: 'P1', date: '2018-06-01', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-05-30', discharged: '2018-06-01', total: '3000.00', inCatalog: '2500.00', ...over };
  return { o: settlePlanned([claim], plan), plan };
}

function settlePlanned(raws: Record<string, unknown>[], plan: ReturnType<typeof nhsaOutputPlan>): Outcome {
  // settle() of the helpers has no probe: settle through the engine with it.
  const outcomes = settle(policy, raws, false, plan.probe);
  return outcomes[0] as Outcome;
}

describe('setlinfo', () => {
  const outputs: MappingFile = {
    outputs: { act_pay_dedc: { let: '本次起付线', visits: ['inpatient'] }, pool_prop_selfpay: { let: '本次比例' } },
  };

  it('maps the layers to the fields, the hospital outside the funds, and everything adds up', () => {
    const { o, plan } = settled(outputs);
    if (o.kind !== 'settled') throw new Error(o.rejection.message);
    // basic (2500 − 500) × 87.5% = 1750.00; the fixed layers 10, 20, 30, 40, 50; hospital 100;
    // oth_pay = 30 + 40 + 50 = 120.00; fund = 1750 + 10 + 20 + 120 = 1900.00;
    // patient = 3000 − 1900 − 100 = 1000.00, and 1900 + 100 + 1000 = 3000.
    expect(setlInfo(o.settlement, plan)).toEqual({
      setl_id: 'C1',
      psn_no: 'P1',
      policy: 't',
      version: '2018-01-01',
      medfee_sumamt: '3000.00',
      hifp_pay: '1750.00',
      hifmi_pay: '10.00',
      maf_pay: '20.00',
      oth_pay: '120.00',
      fund_pay_sumamt: '1900.00',
      hosp_part_amt: '100.00',
      psn_part_amt: '1000.00',
      act_pay_dedc: '500.00',
      pool_prop_selfpay: '0.8750',
      setldetail: [
        { fund_pay_type: '390100', fund_pay_type_name: '城乡居民基本医疗保险基金', fund_payamt: '1750.00' },
        { fund_pay_type: '390200', fund_pay_type_name: '城乡居民大病医疗保险基金', fund_payamt: '10.00' },
        { fund_pay_type: '610100', fund_pay_type_name: '医疗救助基金', fund_payamt: '20.00' },
        { fund_pay_type: '999109', fund_pay_type_name: '农村低收入人口医疗补充保险', fund_payamt: '30.00' },
        { fund_pay_type: '640100', fund_pay_type_name: '政府兜底基金', fund_payamt: '40.00' },
        { fund_pay_type: '610103', fund_pay_type_name: '健康扶贫基金', fund_payamt: '50.00' },
      ],
      flags: [],
    });
    expect(settlementToNhsaCsvCells(o.settlement, plan)).toEqual([
      'C1', 'P1', 't', '2018-01-01', '3000.00', '1750.00', '10.00', '20.00', '120.00', '1900.00', '100.00', '1000.00', '500.00', '0.8750',
      '390100:1750.00|390200:10.00|610100:20.00|999109:30.00|640100:40.00|610103:50.00', '',
    ]);
  });

  it('layers of one fund code share an entry; a layer without a code is 999997 其他基金', () => {
    const { o, plan } = settled({ fund_pay_type: { fallback: { code: '999109', name: '补充' }, finance: null } });
    if (o.kind !== 'settled') throw new Error(o.rejection.message);
    expect(setlInfo(o.settlement, plan).setldetail.slice(3)).toEqual([
      // supplementary 30 + fallback 40 under 999109; finance 50 with no code
      { fund_pay_type: '999109', fund_pay_type_name: '农村低收入人口医疗补充保险', fund_payamt: '70.00' },
      { fund_pay_type: '999997', fund_pay_type_name: '其他基金', fund_payamt: '50.00' },
    ]);
  });

  it('act_pay_dedc is at most inCatalog, empty for visits the mapping leaves out; empty without a let', () => {
    // The mapping writes act_pay_dedc for inpatients only: an outpatient claim has none (but its ratio).
    const out = settled(outputs, { visit: 'outpatient', admitted: undefined, discharged: undefined });
    if (out.o.kind !== 'settled') throw new Error(out.o.rejection.message);
    expect(setlInfo(out.o.settlement, out.plan).act_pay_dedc).toBeNull();
    expect(setlInfo(out.o.settlement, out.plan).pool_prop_selfpay).toBe('0.8750');
    const none = settled({});
    if (none.o.kind !== 'settled') throw new Error(none.o.rejection.message);
    expect([setlInfo(none.o.settlement, none.plan).act_pay_dedc, setlInfo(none.o.settlement, none.plan).pool_prop_selfpay]).toEqual([null, null]);
    const capped = settled({ outputs: { act_pay_dedc: { let: '本次起付线' } } }, { total: '2100.00', inCatalog: '300.00' });
    if (capped.o.kind !== 'settled') throw new Error(capped.o.rejection.message);
    // inCatalog 300 is under the 500 deductible: basic 0, and the deductible taken is the 300.00 there was
    expect(setlInfo(capped.o.settlement, capped.plan).hifp_pay).toBe('0.00');
    expect(setlInfo(capped.o.settlement, capped.plan).act_pay_dedc).toBe('300.00');
  });

  it("refuses output lets the policy does not have, or of the wrong type, naming the mapping's path", () => {
    expect(() => nhsaOutputPlan(policy, mappingOf({ outputs: { act_pay_dedc: { let: '起付' } } }, 'm.json'))).toThrow(MappingError);
    expect(() => nhsaOutputPlan(policy, mappingOf({ outputs: { act_pay_dedc: { let: '起付' } } }, 'm.json'))).toThrow(
      'm.json: $.outputs.act_pay_dedc.let: 起付 is not a top-level let of policy t (its lets: 本次起付线, 本次比例, 贫困)',
    );
    expect(() => nhsaOutputPlan(policy, mappingOf({ outputs: { pool_prop_selfpay: { let: '本次起付线' } } }, 'm.json'))).toThrow(
      'm.json: $.outputs.pool_prop_selfpay.let: 本次起付线 is a money let of policy t; pool_prop_selfpay needs a ratio let',
    );
    expect(() => nhsaOutputPlan(policy, mappingOf({ outputs: { act_pay_dedc: { let: '贫困' } } }, 'm.json'))).toThrow('贫困 is a bool let');
  });
});
