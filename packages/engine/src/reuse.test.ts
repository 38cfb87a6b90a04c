import { describe, expect, it } from 'vitest';
import { checkSources } from '@policy/dsl';
import type { CompiledPolicy } from './compile/compile-policy.js';
import type { TraceStep } from './trace.js';
import { compileSources, layers, settle } from '../test/settle-helpers.js';

/**
 * The reuse and settlement constructs of the language, settled: modifiers and one-line
 * adjustments (D1, D2), bands, `above` / `capped at`, `tops up to` (D3), yearly caps, and
 * policies built on a module with `extends`, `import` and `override`. Expected amounts are
 * worked out by hand in the comments.
 */

const BASE = `module 基础 {
  title "a base"
  layers basic, critical_illness, patient
}
clause "B-1" "基本医保"
clause "B-2" "大病保险"
table 起付线 by level { 0: 0元  1: 200元  2: 500元  3: 1000元 } assumed "test"
table 比例 by level { 0: 0%  1: 85%  2: 80%  3: 70% } assumed "test"
param 大病起付线 = 1万元 assumed "test"
bands 大病分段 assumed "test" {
  from 0元 to 5万元: 60%
  from 5万元 to 10万元: 70%
  from 10万元: 80%
}
let 按定点结算 = designated
accumulator 大病累计 per person year
cap 基本年度限额 = 1万元 per person year on basic assumed "test" when visit == inpatient
rule 基本医保 cites "B-1" when visit == inpatient and 按定点结算 {
  basic = (inCatalog above 起付线[level]) × 比例[level]
}
rule 大病保险 cites "B-2" when visit == inpatient and 按定点结算 {
  let 本次 = inCatalog - basic
  critical_illness = 大病分段(大病累计 - 大病起付线, 大病累计 + 本次 - 大病起付线)
  大病累计 += 本次
}
`;

function build(policy: string, base = BASE): CompiledPolicy {
  return compileSources({ 'mod/base.policy': base, 'pol/p.policy': policy }, 'pol');
}

const HEADER = (layers = 'basic, critical_illness, fallback, hospital, patient') => `policy 测试 {
  title "t"
  extends "../mod"
  version 2020-01-01 assumed "t"
  version 2021-01-01 assumed "t"
  layers ${layers}
}
clause "P-1" "倾斜"
`;

let n = 0;
function claim(o: Record<string, unknown>): Record<string, unknown> {
  return { id: `C${String(++n).padStart(3, '0')}`, personId: 'P1', date: '2020-06-01', visit: 'inpatient', level: 2, region: 'county', admitted: '2020-05-20', discharged: '2020-06-01', total: '10000.00', inCatalog: '10000.00', ...o };
}

describe('a policy that extends a module', () => {
  const p = build(HEADER());
  it('runs the base rules in the base order', () => {
    // basic (10000 − 500) × 80% = 7600; 本次 2400 < 大病起付线 10000 → critical_illness 0
    expect(layers(settle(p, [claim({})])[0])).toMatchObject({ basic: '7600.00', critical_illness: '0.00', patient: '2400.00' });
  });
  it('applies bands to a yearly cumulative amount, crossing a band boundary', () => {
    // A: inCatalog 60000 → basic min(59500 × 80% = 47600, cap 10000) = 10000; 本次 50000;
    //    大病分段(0 − 10000, 50000 − 10000) = 40000 × 60% = 24000
    // B: inCatalog 30000 → basic 0 (cap used up); 本次 30000; cumulative 50000 → 80000:
    //    大病分段(40000, 70000) = 10000 × 60% + 20000 × 70% = 6000 + 14000 = 20000
    const [a, b] = settle(p, [
      claim({ total: '60000.00', inCatalog: '60000.00' }),
      claim({ date: '2020-07-01', total: '30000.00', inCatalog: '30000.00' }),
    ]);
    expect(layers(a)).toMatchObject({ basic: '10000.00', critical_illness: '24000.00', patient: '26000.00' });
    expect(layers(b)).toMatchObject({ basic: '0.00', critical_illness: '20000.00', patient: '10000.00' });
  });
  it('holds a layer to its yearly cap over several claims, and starts again the next year', () => {
    // cap 10000 on basic: 7600, then min(7600, 2400) = 2400, then 0; next year 7600 again
    const out = settle(p, [claim({}), claim({ date: '2020-07-01' }), claim({ date: '2020-08-01' }), claim({ date: '2021-02-01' })]);
    expect(out.map((o) => layers(o).basic)).toEqual(['7600.00', '2400.00', '0.00', '7600.00']);
  });
  it('shows a cap in the trace: cap − used = left', () => {
    const [, b] = settle(p, [claim({}), claim({ date: '2020-07-01' })], true);
    const steps = b?.kind === 'settled' ? b.settlement.trace?.rules.flatMap((r) => r.steps as TraceStep[]) : [];
    const basic = steps?.find((s) => s.kind === 'layer' && s.layer === 'basic');
    expect(basic?.kind === 'layer' && basic.caps).toEqual([{ name: '基本年度限额', cap: '10000.00', used: '7600.00', left: '2400.00', before: '7600.00' }]);
  });
});

describe('modifiers and adjust (D1, D2)', () => {
  const p = build(
    HEADER() +
      `
let 贫困 = registered_poor in categories
modifier 两升两降 cites "P-1" when 贫困 {
  起付线 × 50%
  比例 + 5pp
  大病分段 + 5pp
}
adjust 比例 + 5pp cites "P-1" when level == 1
adjust 比例 - 20pp cites "P-1" from 2021-01-01 when referral == unreferred
`,
  );
  it('adjusts table rows for the claims they apply to and leaves the others alone', () => {
    // ordinary: (10000 − 500) × 80% = 7600; poor: (10000 − 250) × 85% = 8287.50
    const [a, b] = settle(p, [claim({}), claim({ personId: 'P2', categories: ['registered_poor'] })]);
    expect(layers(a).basic).toBe('7600.00');
    expect(layers(b).basic).toBe('8287.50');
  });
  it('adds points from several modifiers (poor +5, level-1 +5, unreferred −20 → −10 net)', () => {
    // level 1, poor, unreferred, 2021: deductible 200 × 50% = 100; ratio 85% + 5 + 5 − 20 = 75%
    // basic (10000 − 100) × 75% = 7425
    const [a] = settle(p, [claim({ level: 1, categories: ['registered_poor'], referral: 'unreferred', date: '2021-03-01', admitted: '2021-03-01', discharged: '2021-03-01' })]);
    expect(layers(a).basic).toBe('7425.00');
  });
  it('keeps a dated adjustment out of the versions before its date', () => {
    // 2020: the −20 points do not exist yet: (10000 − 500) × 80% = 7600
    const [a] = settle(p, [claim({ referral: 'unreferred' })]);
    expect(layers(a).basic).toBe('7600.00');
  });
  it('adjusts every band of a bands declaration', () => {
    // poor: basic (60000 − 250) × 85% = 50787.50 → cap 10000; 本次 50000; 大病分段 40000 × 65% = 26000
    const [a] = settle(p, [claim({ categories: ['registered_poor'], total: '60000.00', inCatalog: '60000.00' })]);
    expect(layers(a)).toMatchObject({ basic: '10000.00', critical_illness: '26000.00' });
  });
  it('names the modifiers that moved a value in the trace', () => {
    const [a] = settle(p, [claim({ categories: ['registered_poor'] })], true);
    const steps = a?.kind === 'settled' ? a.settlement.trace?.rules.flatMap((r) => r.steps as TraceStep[]) : [];
    const basic = steps?.find((s) => s.kind === 'layer' && s.layer === 'basic');
    expect(basic?.kind === 'layer' && basic.inputs['比例[level] adjusted']).toBe('80% + 5% (两升两降)');
    expect(basic?.kind === 'layer' && basic.inputs['比例[level]']).toBe('85%');
  });
});

describe('clamps and unadjusted reads', () => {
  const p = build(
    HEADER() +
      `
adjust 比例 + 30pp cites "P-1" when level == 1
adjust 起付线 - 300元 cites "P-1" when level == 1
rule 原比例 cites "P-1" when visit == outpatient {
  fallback = unadjusted 比例[level] of inCatalog
}
`,
  );
  it('clamps a ratio at 100% and money at 0 (D1)', () => {
    // level 1: ratio 85% + 30 points → 100%; deductible 200 − 300 → 0: basic = 10000
    expect(layers(settle(p, [claim({ level: 1 })])[0]).basic).toBe('10000.00');
  });
  it('reads the declared value with unadjusted', () => {
    // outpatient, level 1: 85% of 1000 = 850, although 比例 reads 100% there
    expect(layers(settle(p, [claim({ level: 1, visit: 'outpatient', total: '1000.00', inCatalog: '1000.00' })])[0]).fallback).toBe('850.00');
  });
});

describe('above, capped at and tops up to', () => {
  const p = build(
    HEADER() +
      `
let 贫困 = registered_poor in categories
rule 目录外 cites "P-1" when level >= 2 {
  hospital = outOfCatalog above 5% of total
}
rule 兜底 cites "P-1" when 贫困 and visit == inpatient {
  fallback tops up to 90% of (total - hospital)
}
rule 门诊 cites "P-1" when visit == outpatient {
  basic = 80% of inCatalog
  fallback tops up to 60% of total
}
rule 慢病 cites "P-1" when visit == outpatient_chronic {
  fallback = 50% of inCatalog capped at (1100元 - total)
}
`,
  );
  it('gives the hospital the out-of-catalogue part above 5% of the invoice', () => {
    // total 10000, inCatalog 8000: out 2000 − 500 = 1500 → hospital; basic (8000 − 500) × 80% = 6000
    expect(layers(settle(p, [claim({ inCatalog: '8000.00' })])[0])).toMatchObject({ hospital: '1500.00', basic: '6000.00', patient: '2500.00' });
  });
  it('tops the paying layers up to the floor', () => {
    // poor: target 90% × (10000 − 1500) = 7650; paid 6000 → fallback 1650 (under 3000)
    const [a] = settle(p, [claim({ inCatalog: '8000.00', categories: ['registered_poor'] })]);
    expect(layers(a)).toMatchObject({ fallback: '1650.00', patient: '850.00' });
    // inCatalog 1000, total 10000: hospital 9000 − 500 = 8500; basic (1000 − 500) × 80% = 400;
    // target 90% × 1500 = 1350 → fallback 950
    const [b] = settle(p, [claim({ inCatalog: '1000.00', categories: ['registered_poor'] })]);
    expect(layers(b)).toMatchObject({ hospital: '8500.00', basic: '400.00', fallback: '950.00', patient: '150.00' });
  });
  it('never tops down: a claim already over the floor gets 0', () => {
    // level 1 (no hospital share), outpatient 1000, all in catalogue: basic 800 ≥ 60% × 1000 = 600 → fallback 0
    // outpatient 1000, in catalogue 500: basic 400 → fallback 600 − 400 = 200
    const [a, b] = settle(p, [
      claim({ visit: 'outpatient', level: 1, total: '1000.00', inCatalog: '1000.00' }),
      claim({ visit: 'outpatient', level: 1, total: '1000.00', inCatalog: '500.00' }),
    ]);
    expect(layers(a)).toMatchObject({ basic: '800.00', fallback: '0.00', patient: '200.00' });
    expect(layers(b)).toMatchObject({ basic: '400.00', fallback: '200.00', patient: '400.00' });
  });
  it('caps an amount per claim, and a cap below zero is zero', () => {
    // total 1000: 50% × 1000 = 500, capped at 1100 − 1000 = 100; total 1200: cap −100 → 0
    const [a, b] = settle(p, [
      claim({ visit: 'outpatient_chronic', total: '1000.00', inCatalog: '1000.00' }),
      claim({ visit: 'outpatient_chronic', total: '1200.00', inCatalog: '1000.00' }),
    ]);
    expect(layers(a).fallback).toBe('100.00');
    expect(layers(b).fallback).toBe('0.00');
  });
});

describe('override and import', () => {
  it('replaces a base let, reading the base definition with base', () => {
    const p = build(HEADER() + 'override let 按定点结算 = base or disaster cites "P-1"\n');
    // non-designated: nothing; non-designated in a disaster: settled as designated → 7600
    const [a, b] = settle(p, [claim({ designated: false }), claim({ designated: false, disaster: true })]);
    expect(layers(a).basic).toBe('0.00');
    expect(layers(b).basic).toBe('7600.00');
  });
  it('replaces a base rule in its place and a base table', () => {
    const p = build(
      HEADER() +
        `override table 比例 by level { 0: 0%  1: 90%  2: 90%  3: 90% } cites "P-1"
override rule 基本医保 cites "P-1" when visit == inpatient {
  basic = inCatalog × 比例[level]
}
`,
    );
    // 10000 × 90% = 9000, capped at 1万元; 大病 still runs after it: 本次 1000 < 1万 → 0
    expect(layers(settle(p, [claim({})])[0])).toMatchObject({ basic: '9000.00', critical_illness: '0.00' });
  });
  it('imports names without rules', () => {
    const r = checkSources(
      {
        'mod/base.policy': BASE,
        'pol/p.policy': `policy 引用 {
  title "t"
  import "../mod"
  version 2020-01-01 assumed "t"
  layers basic, patient
}
clause "P-1" "x"
rule 只用表 cites "P-1" { basic = 比例[level] of inCatalog }
`,
      },
      'pol',
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.policy?.rules.map((x) => x.name)).toEqual(['只用表']);
    expect(r.policy?.caps).toEqual([]);
  });
});

describe('diagnostics of reuse', () => {
  const codes = (policy: string, base = BASE): string[] => {
    const r = checkSources({ 'mod/base.policy': base, 'pol/p.policy': policy }, 'pol');
    return r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  };
  it('E501: override of something the base does not have, or as another kind', () => {
    expect(codes(HEADER() + 'override param 不存在 = 1元 cites "P-1"\n')).toEqual(['E501']);
    expect(codes(HEADER() + 'override param 比例 = 1元 cites "P-1"\n')).toEqual(['E501']);
    expect(codes(HEADER() + 'override rule 无此规则 cites "P-1" { basic = 0元 }\n')).toEqual(['E501']);
    // a ratio where the base has money: E501 at the override (and the base's uses no longer type)
    expect(codes(HEADER() + 'override param 大病起付线 = 50% cites "P-1"\n')).toContain('E501');
  });
  it('E502: adjusting what is not a parameter, table or bands, or by the wrong kind of value', () => {
    expect(codes(HEADER() + 'adjust 按定点结算 × 50% cites "P-1"\n')).toEqual(['E502']);
    expect(codes(HEADER() + 'adjust 比例 + 100元 cites "P-1"\n')).toEqual(['E502']);
    expect(codes(HEADER() + 'adjust 起付线 + 5pp cites "P-1"\n')).toEqual(['E502']);
  });
  it('E503: redeclaring a base name without override', () => {
    expect(codes(HEADER() + 'param 大病起付线 = 1元 cites "P-1"\n')).toEqual(['E503']);
  });
  it('E505: a base that is missing, is a policy, or leads back to the policy', () => {
    expect(codes(HEADER().replace('../mod', '../none'))).toContain('E505');
    const policyAsBase = BASE.replace('module 基础 {', 'policy 基础 {\n  version 2020-01-01 assumed "t"');
    expect(codes(HEADER(), policyAsBase)).toContain('E505');
    const loop = BASE.replace('title "a base"', 'title "a base"\n  extends "../pol"');
    expect(codes(HEADER(), loop)).toContain('E505');
  });
  it('reads a base imported many times once, and refuses chains deeper than 8', () => {
    const many = HEADER().replace('extends "../mod"', Array.from({ length: 3000 }, () => 'import "../mod"').join('\n'));
    expect(codes(many)).toEqual([]);
    const chain: Record<string, string> = {};
    for (let i = 0; i < 12; i++) chain[`m${i}/m.policy`] = `module m${i} {\n  title "m"\n  extends "../m${i + 1}"\n}\n`;
    chain['m12/m.policy'] = 'module m12 {\n  title "m"\n}\n';
    const r = checkSources(chain, 'm0');
    expect(r.diagnostics.map((d) => d.code)).toContain('E505');
  });
  it('E110: a modifier whose amount reads its own target', () => {
    expect(codes(HEADER() + 'let 半 = 比例[level] × 50%\nadjust 比例 - 半 cites "P-1"\n')).toContain('E110');
  });
});
