import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from '../src/compile/compile-policy.js';
import { settlementToJson } from '@policy/claims';
import type { Outcome } from '../src/settle.js';
import { compileSources, layers, settle } from './settle-helpers.js';

/**
 * The fixed-point code of modifiers, bands and yearly caps, on small inline policies: each claim
 * is settled by the fixed-point code (its settlement carries whole fen), gives the amounts derived
 * by hand below, and gives exactly what decimal.js gives (layers, flags, version).
 */

const HEADER = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  version 2020-01-01 cites "T-1"
  layers basic, critical_illness, patient
}
clause "T-1" "第一条"
`;

function both(body: string): { fixed: CompiledPolicy; decimal: CompiledPolicy } {
  const fixed = compileSources({ 't.policy': HEADER + body });
  expect(fixed.engines.map((e) => e.engine)).toEqual(['fixed-point', 'fixed-point']);
  return { fixed, decimal: compilePolicy(fixed.resolved, { engine: 'decimal' }) };
}

let n = 0;
function claim(over: Record<string, unknown>): Record<string, unknown> {
  n++;
  return { id: `C${n}`, personId: 'P', date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-03-01', discharged: '2018-03-05', inCatalog: over['total'], ...over };
}

/** Settles with both evaluators: every outcome equal, every one settled by the fixed-point code (or, `fallback`, by decimal.js). */
function run(p: { fixed: CompiledPolicy; decimal: CompiledPolicy }, raws: Record<string, unknown>[], fallback = false): Outcome[] {
  const a = settle(p.fixed, raws);
  const b = settle(p.decimal, raws);
  a.forEach((o, i) => {
    expect(o.kind, `claim ${i}`).toBe('settled');
    if (o.kind === 'settled') expect(o.settlement.fen === undefined, `claim ${i} by decimal.js`).toBe(fallback);
    const r = b[i] as Outcome;
    expect(o.kind === 'settled' ? settlementToJson(o.settlement) : o).toEqual(r.kind === 'settled' ? settlementToJson(r.settlement) : r);
  });
  return a;
}

const basic = (outcomes: Outcome[]): string[] => outcomes.map((o) => layers(o)['basic'] as string);
const ci = (outcomes: Outcome[]): string[] => outcomes.map((o) => layers(o)['critical_illness'] as string);

describe('fixed-point modifiers', () => {
  const p = both(`
param 比例 = 80% cites "T-1"
param 起付线 = 300元 cites "T-1"
adjust 比例 × 1.5 cites "T-1" when level == 3
adjust 比例 + 10pp cites "T-1" when region == province
adjust 比例 - 90pp cites "T-1" when disease == "甲"
adjust 起付线 - 500元 cites "T-1" when disease == "乙"
modifier 新政 cites "T-1" from 2020-01-01 when level == 1 {
  比例 + 5pp
}
rule 基本 cites "T-1" { basic = 比例 × (total above 起付线) }
`);

  it('stack factors and points, clamp ratios at 0% and 100% and money at 0', () => {
    const out = run(p, [
      claim({ total: '1300.00' }), // 80% × (1300 − 300) = 800.00
      claim({ total: '1300.00', level: 3 }), // 80% × 150% = 120% → 100%: 1000.00
      claim({ total: '1300.00', level: 3, region: 'province' }), // 120% + 10% = 130% → 100%: 1000.00
      claim({ total: '1300.00', disease: '甲' }), // 80% − 90% = −10% → 0%: 0.00
      // 80% × 150% + 10% − 90% = 40% (factors first, then points; not (80+10−90)% × 150% = 0):
      claim({ total: '1300.00', level: 3, region: 'province', disease: '甲' }), // 40% × 1000 = 400.00
      claim({ total: '1534.56', region: 'province' }), // 90% × 1234.56 = 1111.104 → 1111.10
      claim({ total: '1300.00', disease: '乙' }), // 起付线 300 − 500 = −200 → 0元: 80% × 1300 = 1040.00
    ]);
    expect(basic(out)).toEqual(['800.00', '1000.00', '1000.00', '0.00', '400.00', '1111.10', '1040.00']);
  });

  it('apply a dated modifier only in the versions from its date', () => {
    const out = run(p, [
      claim({ total: '1300.00', level: 1, date: '2019-12-31', admitted: '2019-12-30', discharged: '2019-12-31' }), // 80% × 1000 = 800.00
      claim({ total: '1300.00', level: 1, date: '2020-01-02', admitted: '2020-01-01', discharged: '2020-01-02' }), // 85% × 1000 = 850.00
      claim({ total: '1300.00', level: 2, date: '2020-01-03', admitted: '2020-01-01', discharged: '2020-01-03' }), // not level 1: 800.00
    ]);
    expect(basic(out)).toEqual(['800.00', '850.00', '800.00']);
  });
});

describe('fixed-point bands', () => {
  const p = both(`
bands 分段 cites "T-1" {
  from 0元 to 1000元: 50%
  from 1000元 to 3000元: 60%
  from 3000元: 70%
}
adjust 分段 × 1.5 cites "T-1" when disease == "甲"
accumulator 累计 per person year cites "T-1"
rule 单段 cites "T-1" when level == 1 { basic = 分段(total) }
rule 累计段 cites "T-1" when level == 2 {
  critical_illness = 分段(累计, 累计 + total)
  累计 += total
}
`);

  it('B(x): the part of [0, x] in each band, each ratio adjusted and clamped', () => {
    const out = run(p, [
      claim({ total: '2500.00', level: 1 }), // 1000 × 50% + 1500 × 60% = 500 + 900 = 1400.00
      claim({ total: '800.00', level: 1 }), // 800 × 50% = 400.00
      // × 150%: 75%, 90%, 105% → 100%: 1000 × 75% + 2000 × 90% + 1000 × 100% = 750 + 1800 + 1000 = 3550.00
      claim({ total: '4000.00', level: 1, disease: '甲' }),
      claim({ total: '0.00', level: 1 }), // nothing: 0.00
    ]);
    expect(basic(out)).toEqual(['1400.00', '400.00', '3550.00', '0.00']);
  });

  it('B(a, b): the part of a yearly cumulative stretch, crossing two bands', () => {
    const out = run(p, [
      claim({ total: '800.00' }), // [0, 800]: 800 × 50% = 400.00
      claim({ total: '1500.00' }), // [800, 2300]: 200 × 50% + 1300 × 60% = 100 + 780 = 880.00
      claim({ total: '1000.00' }), // [2300, 3300]: 700 × 60% + 300 × 70% = 420 + 210 = 630.00
      claim({ total: '100.00', personId: 'Q' }), // another person, from 0: 100 × 50% = 50.00
    ]);
    expect(ci(out)).toEqual(['400.00', '880.00', '630.00', '50.00']);
  });

  it('hands a claim to decimal.js when a band share leaves the safe-integer range', () => {
    // 5×10^13 yuan = 5×10^15 fen (safe), × 70 (the ratio at 2 decimals) is past 2^53: decimal.js.
    // 1000 × 50% + 2000 × 60% + (50 000 000 000 000 − 3000) × 70% = 500 + 1200 + 34 999 999 997 900 = 34 999 999 999 600.00
    const out = run(p, [claim({ total: '50000000000000.00', level: 1 })], true);
    expect(basic(out)).toEqual(['34999999999600.00']);
  });
});

describe('fixed-point yearly caps', () => {
  const p = both(`
cap 年度限额 = 1000元 per person year on basic cites "T-1"
cap 甲病限额 = 150.5元 per person year by disease on basic cites "T-1" when disease == "甲"
rule 基本 cites "T-1" { basic = 50% × total }
`);

  it('binds across three claims of a person and starts again the next year', () => {
    const out = run(p, [
      claim({ total: '800.00' }), // 50% × 800 = 400; used 0 → 400.00
      claim({ total: '1000.00' }), // 500 ≤ 1000 − 400 = 600: 500.00; used 900
      claim({ total: '600.00' }), // 300 held to 1000 − 900 = 100: 100.00; used 1000
      claim({ total: '600.00' }), // 1000 − 1000 = 0 left: 0.00
      claim({ total: '600.00', date: '2019-01-05', admitted: '2019-01-01', discharged: '2019-01-05' }), // a new year: 300.00
    ]);
    expect(basic(out)).toEqual(['400.00', '500.00', '100.00', '0.00', '300.00']);
  });

  it('holds a keyed cap with a condition, counting only the claims that met it', () => {
    const out = run(p, [
      claim({ total: '200.00', personId: 'R', disease: '甲' }), // 100 ≤ 150.5: 100.00; 甲 used 100, year used 100
      claim({ total: '200.00', personId: 'R', disease: '甲' }), // 100 held to 150.5 − 100 = 50.5: 50.50
      claim({ total: '200.00', personId: 'R', disease: '乙' }), // no 甲 cap: 100.00 (year used 250.5)
      claim({ total: '1800.00', personId: 'R' }), // 900 held to 1000 − 250.5 = 749.5: 749.50
    ]);
    expect(basic(out)).toEqual(['100.00', '50.50', '100.00', '749.50']);
  });
});
