import { describe, expect, it } from 'vitest';
import { compileSources, settle } from '../../test/settle-helpers.js';
import type { Outcome } from '../settle.js';
import type { RuleTrace, SettlementTrace, TraceStep } from '../trace.js';

/** The trace's explanation fields: formulas with the numbers filled in, lets, rows, failed conditions, branches. */

const POLICY = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  layers basic, critical_illness, fallback, patient
}
clause "T-1" "第一条" "原文一"
table 起付线 by level { 0: 0元  1: 200元  2: 400元  3: 800元 } cites "T-1"
table 比例 by level { 1: 90%  2: 80%  otherwise: 50% } cites "T-1"
param 封顶 = 1万元 cites "T-1"
let 贫困 = registered_poor in categories cites "T-1"
let 应付 = min(max(0元, inCatalog - 起付线[level]) × 比例[level], 封顶) cites "T-1"
accumulator 已付 per person year cites "T-1"
rule 基本 cites "T-1" when visit == inpatient {
  let 自付 = inCatalog - 应付
  basic = 应付
  critical_illness = if 贫困 then 自付 × 50% else 0元
  已付 += basic
}
rule 兜底 cites "T-1" when 贫困 and level in {2, 3} {
  fallback = (total - basic - critical_illness) ÷ 3
}
`;

const p = compileSources({ 't.policy': POLICY });

function trace(o: Outcome | undefined): SettlementTrace {
  if (o?.kind !== 'settled' || !o.settlement.trace) throw new Error('no trace');
  return o.settlement.trace;
}
function rule(t: SettlementTrace, name: string): RuleTrace {
  const r = t.rules.find((x) => x.rule === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}
function layerStep(r: RuleTrace, layer: string): Extract<TraceStep, { kind: 'layer' }> {
  const s = r.steps.find((x): x is Extract<TraceStep, { kind: 'layer' }> => x.kind === 'layer' && x.layer === layer);
  if (!s) throw new Error(`no step for ${layer}`);
  return s;
}

const inpatient = { personId: 'P1', date: '2018-03-01', visit: 'inpatient', region: 'county', admitted: '2018-02-25', discharged: '2018-03-01' };

describe('the trace explains each amount with the numbers filled in', () => {
  const [o] = settle(p, [{ id: 'A', ...inpatient, level: 2, categories: ['registered_poor'], total: '28000.00', inCatalog: '25000.00' }], true);
  const t = trace(o);
  const basic = layerStep(rule(t, '基本'), 'basic');

  it('fills a let read by the formula one level down, with the table rows it read', () => {
    // 应付 = min(max(0, 25000 − 400) × 80%, 10000) = min(19680, 10000) = 10000.00
    expect(basic.filled).toBe('10000.00');
    expect(basic.lets).toEqual([
      expect.objectContaining({ name: '应付', filled: 'min(max(0元, 25000.00 − 400.00) × 80%, 10000.00)', value: '10000.00' }),
    ]);
    expect(basic.rows).toEqual([
      { table: '起付线', key: '2', value: '400.00' },
      { table: '比例', key: '2', value: '80%' },
    ]);
  });

  it('shows the branch taken of an if and leaves the other out', () => {
    const ci = layerStep(rule(t, '基本'), 'critical_illness');
    // 自付 = 25000 − 10000 = 15000; 15000 × 50% = 7500.00
    expect(ci.filled).toBe('if true then 15000.00 × 50% else …');
    expect(ci.amount).toBe('7500.00');
  });

  it('keeps the exact value before rounding to the fen, and parentheses where they matter', () => {
    const fb = layerStep(rule(t, '兜底'), 'fallback');
    // (28000 − 10000 − 7500) ÷ 3 = 10500 ÷ 3 = 3500.00
    expect(fb.filled).toBe('(28000.00 − 10000.00 − 7500.00) ÷ 3');
    expect(fb.value).toBe('3500.00');
  });

  it('records the branches and table rows the claim read, for coverage', () => {
    expect(t.branches).toEqual([{ at: { file: 't.policy', line: 16, column: 22 }, value: true }]);
    expect(t.tableRows).toEqual([
      { table: '起付线', key: '2' },
      { table: '比例', key: '2' },
    ]);
  });
});

describe('a rule that did not apply says which part of its condition failed, with its values', () => {
  it('fills the failed part', () => {
    const [o] = settle(p, [{ id: 'B', ...inpatient, level: 1, categories: ['registered_poor'], total: '1000.00', inCatalog: '1000.00' }], true);
    const r = rule(trace(o), '兜底');
    expect(r.applied).toBe(false);
    expect(r.failed).toBe('level in {2, 3}');
    expect(r.failedFilled).toBe('1 in {2, 3}');
    expect(r.failedInputs).toEqual({ level: '1' });
  });

  it('follows a let that failed to the part of it that was false', () => {
    const [o] = settle(p, [{ id: 'C', ...inpatient, level: 2, categories: ['dibao'], total: '1000.00', inCatalog: '1000.00' }], true);
    const t = trace(o);
    const r = rule(t, '兜底');
    expect(r.failed).toBe('贫困');
    expect(r.failedBecause).toEqual([{ let: '贫困', failed: 'registered_poor in categories', filled: 'registered_poor in {dibao}' }]);
    // 比例[otherwise] is not read at level 2; the if went the other way
    expect(t.branches?.map((b) => b.value)).toEqual([false]);
    expect(layerStep(rule(t, '基本'), 'critical_illness').filled).toBe('if false then … else 0元');
  });

  it('reads a table row through otherwise under the key otherwise', () => {
    const [o] = settle(p, [{ id: 'D', ...inpatient, level: 3, total: '1000.00', inCatalog: '1000.00' }], true);
    expect(trace(o).tableRows).toContainEqual({ table: '比例', key: 'otherwise' });
  });

  it('builds none of this without a trace', () => {
    const [o] = settle(p, [{ id: 'E', ...inpatient, level: 3, total: '1000.00', inCatalog: '1000.00' }], false);
    expect(o?.kind).toBe('settled');
    expect(o?.kind === 'settled' ? o.settlement.trace : 'not settled').toBeUndefined();
  });
});

describe('tracing never rejects a claim that settles without it', () => {
  it('shows a table read in a branch not taken as not read, even when its table has no row for the claim', () => {
    const q = compileSources({
      't.policy': `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  layers basic, patient
}
clause "T-1" "第一条"
table 定额 by disease { "甲": 100元 } cites "T-1"
rule 定额 cites "T-1" when disease != "丙" {
  basic = if disease == "甲" then 定额[disease] else 0元
}
`,
    });
    const raw = { id: 'Q', ...inpatient, level: 2, disease: '乙', total: '500.00', inCatalog: '500.00' };
    const [plain] = settle(q, [raw], false);
    const [traced] = settle(q, [raw], true);
    expect(plain?.kind).toBe('settled');
    expect(traced?.kind).toBe('settled');
    const step = layerStep(rule(trace(traced), '定额'), 'basic');
    expect(step.inputs['定额[disease]']).toBe('(not read)');
    expect(step.filled).toBe('if "乙" == "甲" then … else 0元');
  });
});
