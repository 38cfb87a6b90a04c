import { describe, expect, it } from 'vitest';
import { BUILTINS } from '@policy/dsl';
import { compilePolicy } from '../src/index.js';
import { compileSources, layers, settle } from './settle-helpers.js';

/**
 * Every built-in of the one table (dsl/src/builtins.ts) means the same in both evaluators: a
 * policy that calls each of them compiles to fixed-point code (no decimal.js fallback) and
 * settles a claim to the amounts derived by hand below, in both engines.
 */
const SOURCE = `policy 函数 {
  title "内置函数"
  version 2018-01-01 cites "F-1"
  layers basic, critical_illness, medical_assistance, hospital, patient
}
clause "F-1" "内置函数"
rule 全部 cites "F-1" when ends_with(disease, "癌") and starts_with(disease, "胃") and contains(disease, "胃癌") {
  basic = min(total, 600元, 1000元)
  critical_illness = round_fen(max(0元, inCatalog - basic) × 1.5%)
  medical_assistance = max(100元, 50元)
  hospital = min(inCatalog, total) - inCatalog
}
`;

const CLAIM = {
  id: 'f1', personId: 'p1', date: '2018-06-01', categories: [], visit: 'inpatient', level: 2, region: 'county',
  referral: 'referred', designated: true, disease: '胃癌', diagnoses: [], admitted: '2018-05-20', discharged: '2018-05-30',
  total: '1000.00', inCatalog: '800.33',
};

describe('built-in functions', () => {
  const names = Object.keys(BUILTINS).sort();

  it('the table is what the policy below exercises', () => {
    // A new built-in must be added to SOURCE (and its expected amount derived) to pass.
    expect(names).toEqual(['contains', 'ends_with', 'max', 'min', 'round_fen', 'starts_with']);
    for (const n of names) expect(SOURCE).toContain(`${n}(`);
  });

  it('settles the same by hand, in fixed-point and in decimal.js', () => {
    const auto = compileSources({ 'f.policy': SOURCE });
    expect(auto.engines).toEqual([{ date: '2018-01-01', engine: 'fixed-point' }]);
    const reference = compilePolicy(auto.resolved, { engine: 'decimal' });
    // basic = min(1000, 600, 1000) = 600.00
    // critical_illness = round_fen(max(0, 800.33 − 600) × 1.5%) = round_fen(3.00495) = 3.00
    // medical_assistance = max(100, 50) = 100.00; hospital = min(800.33, 1000) − 800.33 = 0.00
    // patient = 1000 − 600 − 3.00 − 100 − 0 = 297.00
    const want = { basic: '600.00', critical_illness: '3.00', medical_assistance: '100.00', hospital: '0.00', patient: '297.00' };
    for (const policy of [auto, reference]) expect(layers(settle(policy, [CLAIM])[0])).toMatchObject(want);
  });
});
