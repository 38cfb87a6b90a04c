import { describe, expect, it } from 'vitest';
import type { CompiledPolicy } from './compile/compile-policy.js';
import { compileSources, layers, rejection, settle } from '../test/settle-helpers.js';
import { settlementToJson } from '@policy/claims';

const HEADER = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  version 2020-01-01 cites "T-1"
  layers basic, critical_illness, fallback, hospital, patient
}
clause "T-1" "第一条" "原文一"
clause "T-2" "第二条"
`;

function compile(body: string): CompiledPolicy {
  return compileSources({ 't.policy': HEADER + body });
}

let n = 0;
function claim(o: Record<string, unknown>): Record<string, unknown> {
  return { id: `C${++n}`, personId: 'P1', date: '2018-06-01', visit: 'outpatient', level: 1, region: 'county', total: '100.00', inCatalog: '100.00', ...o };
}

describe('versions (D5)', () => {
  const p = compile(`
param 比例 { 2018-01-01: 50%  2020-01-01: 60% } cites "T-1"
rule 基本 cites "T-1" { basic = 比例 of inCatalog }
rule 新规 cites "T-2" from 2020-01-01 { fallback = 10% of remaining }
`);
  it('picks the version in force on the claim date, with its parameter values and rules', () => {
    const [a, b, c] = settle(p, [claim({ date: '2019-12-31' }), claim({ date: '2020-01-01' }), claim({ date: '2018-01-01' })]);
    expect(layers(a)).toMatchObject({ basic: '50.00', fallback: '0.00', patient: '50.00' });
    expect(layers(b)).toMatchObject({ basic: '60.00', fallback: '4.00', patient: '36.00' });
    expect(a?.kind === 'settled' && a.settlement.version).toBe('2018-01-01');
    expect(b?.kind === 'settled' && b.settlement.version).toBe('2020-01-01');
    expect(layers(c).basic).toBe('50.00');
  });
  it('rejects a claim dated before the first version, naming that date', () => {
    const [o] = settle(p, [claim({ date: '2017-12-31' })]);
    expect(o?.kind === 'rejected' && o.rejection.field).toBe('date');
    expect(rejection(o)).toContain('2018-01-01');
  });
});

describe('rounding (D4)', () => {
  it('rounds each layer half-up to the fen when it is assigned; patient is the exact rest', () => {
    const p = compile(`rule r cites "T-1" { basic = 50% of inCatalog  critical_illness = 33.3% of remaining }`);
    // basic 50% × 0.05 = 0.025 → 0.03; remaining 0.02; 33.3% × 0.02 = 0.00666 → 0.01; patient 0.01
    const [o] = settle(p, [claim({ total: '0.05', inCatalog: '0.05' })]);
    expect(layers(o)).toMatchObject({ basic: '0.03', critical_illness: '0.01', patient: '0.01' });
  });
  it('never writes a negative zero', () => {
    // (99.99 − 100.00) × 0.1% = −0.00001, which rounds to −0.00: written 0.00, and not "negative"
    const p = compile(`rule r cites "T-1" { basic = (inCatalog - total) × 0.1% }`);
    const [o] = settle(p, [claim({ inCatalog: '99.99' })]);
    expect(layers(o).basic).toBe('0.00');
  });
  it('clamps a ratio moved past 100% by points (D1)', () => {
    const p = compile(`param 比例 = 95% cites "T-1"\nrule r cites "T-1" { basic = (比例 + 10个百分点) of inCatalog }`);
    expect(layers(settle(p, [claim({})])[0]).basic).toBe('100.00');
  });
});

describe('the invariant: a claim that would break it is rejected, naming the claim and the rule', () => {
  it('a negative layer', () => {
    const p = compile(`rule 扣减 cites "T-1" { basic = inCatalog - 200元 }`);
    const msg = rejection(settle(p, [claim({ id: 'NEG' })])[0]);
    expect(msg).toContain('claim NEG');
    expect(msg).toContain('rule 扣减');
    expect(msg).toContain('t.policy:');
    expect(msg).toContain('negative');
  });
  it('layers over the invoice', () => {
    const p = compile(`rule 甲 cites "T-1" { basic = 80% of total }\nrule 乙 cites "T-1" { critical_illness = 30% of total }`);
    const msg = rejection(settle(p, [claim({})])[0]);
    expect(msg).toContain('rule 乙');
    expect(msg).toContain('exceed the invoice (100.00) by 10.00');
  });
  it('a layer assigned by two rules that both apply', () => {
    // `check` rejects an overlap it can decide (E601); comparing two amounts is beyond its search.
    const p = compile(`rule 甲 cites "T-1" { basic = 10% of total }\nrule 乙 cites "T-1" when total >= inCatalog { basic = 20% of total }`);
    const msg = rejection(settle(p, [claim({})])[0]);
    expect(msg).toContain('layer basic is assigned by rule 甲 and again by rule 乙');
  });
  it('a table without a row for the claim', () => {
    const p = compile(`table 定额 by disease { "甲": 50元 } cites "T-1"\nrule r cites "T-1" { hospital = max(0元, total - 定额[disease]) }`);
    expect(layers(settle(p, [claim({ disease: '甲' })])[0]).hospital).toBe('50.00');
    expect(rejection(settle(p, [claim({ disease: '乙' })])[0])).toContain('table 定额 has no row for disease "乙"');
  });
  it('division by zero', () => {
    const p = compile(`rule r cites "T-1" { basic = min(total, (inCatalog / (total - inCatalog)) × 1元) }`);
    expect(rejection(settle(p, [claim({})])[0])).toContain('division by zero');
  });
});

describe('accumulators, per person and calendar year', () => {
  const p = compile(`
accumulator 已付 per person year cites "T-1"
accumulator 病种已付 per person year by disease cites "T-1"
rule 限额 cites "T-1" {
  basic = min(inCatalog, max(0元, 150元 - 已付))
  已付 += basic
}
rule 病种 cites "T-2" when disease != "" {
  critical_illness = min(remaining, max(0元, 30元 - 病种已付))
  病种已付 += critical_illness
}
rule 出错 cites "T-2" when disease == "坏" { fallback = remaining + 1元 }
`);
  it('settle each person-year in (date, id) order whatever the input order, and restart each year', () => {
    const out = settle(p, [
      claim({ id: 'B', date: '2018-03-01' }),
      claim({ id: 'A', date: '2018-03-01' }),
      claim({ id: 'C', date: '2018-02-01' }),
      claim({ id: 'D', date: '2019-01-01' }),
      claim({ id: 'E', date: '2018-03-01', personId: 'P2' }),
    ]);
    // order C (100), A (50: cap 150), B (0), then 2019 D (100) and P2 E (100)
    expect(out.map((o) => layers(o).basic)).toEqual(['0.00', '50.00', '100.00', '100.00', '100.00']);
  });
  it('are kept by the extra key (disease) too', () => {
    // basic pays 100 of each inCatalog (cap 150 a year: 100, 50, 0), critical_illness at most 30
    // a year per disease: 甲 30 then 0 (used up), 乙 30 (its own)
    const out2 = settle(p, [
      claim({ id: 'A', disease: '甲', date: '2018-01-01', total: '200.00', inCatalog: '100.00' }),
      claim({ id: 'B', disease: '甲', date: '2018-01-02', total: '200.00', inCatalog: '100.00' }),
      claim({ id: 'C', disease: '乙', date: '2018-01-03', total: '200.00', inCatalog: '100.00' }),
    ]);
    expect(out2.map((o) => layers(o).critical_illness)).toEqual(['30.00', '0.00', '30.00']);
  });
  it('change only when a claim settles: a rejected claim adds nothing', () => {
    const out = settle(p, [
      claim({ id: 'A', date: '2018-01-01', disease: '坏' }),
      claim({ id: 'B', date: '2018-01-02' }),
    ]);
    expect(out[0]?.kind).toBe('rejected');
    expect(layers(out[1]).basic).toBe('100.00');
  });
});

describe('the trace', () => {
  const p = compile(`
param 比例 = 80% cites "T-1"
let 贫困 = registered_poor in categories
rule 基本 cites "T-1" when visit == outpatient and level >= 1 {
  basic = 比例 of inCatalog
}
rule 倾斜 cites "T-2" reading "D14" when 贫困 and level >= 2 { critical_illness = 50% of remaining }
`);
  it('names, for every layer, the rule, its clause, its line and the values it read', () => {
    const [o] = settle(p, [claim({ level: 1 })], true);
    if (o?.kind !== 'settled') throw new Error('not settled');
    const t = o.settlement.trace;
    expect(t?.version).toBe('2018-01-01');
    const basic = t?.rules.find((r) => r.rule === '基本');
    expect(basic).toMatchObject({
      applied: true,
      cites: [{ id: 'T-1', title: '第一条' }],
      at: { file: 't.policy', line: 12 },
      steps: [{ kind: 'layer', layer: 'basic', amount: '80.00', formula: '比例 of inCatalog', inputs: { 比例: '80%', inCatalog: '100.00' } }],
    });
    expect(t?.rules.find((r) => r.rule === '倾斜')).toMatchObject({ applied: false, failed: '贫困', readings: ['D14'] });
    expect(t?.patient.amount).toBe('20.00');
  });
  it('costs nothing when not asked for: no trace in the settlement', () => {
    const [o] = settle(p, [claim({})]);
    expect(o?.kind === 'settled' && o.settlement.trace).toBeUndefined();
  });
});

describe('claims pass through', () => {
  it('keeps fields outside the contract in the JSON settlement', () => {
    const p = compile(`rule r cites "T-1" { basic = 10% of total }`);
    const [o] = settle(p, [claim({ note: '备注', batch: 7 })]);
    if (o?.kind !== 'settled') throw new Error('not settled');
    expect(settlementToJson(o.settlement)).toMatchObject({ note: '备注', batch: 7, policy: 't', version: '2018-01-01' });
  });
});
