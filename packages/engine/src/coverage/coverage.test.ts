import { describe, expect, it } from 'vitest';
import { compileSources, settle } from '../../test/settle-helpers.js';
import { CoverageCollector, coveragePermille, meetsMinimum } from './coverage.js';

const POLICY = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  layers basic, fallback, patient
}
clause "T-1" "第一条"
table 比例 by level { 1: 90%  2: 80%  otherwise: 50% } cites "T-1"
let 贫困 = registered_poor in categories cites "T-1"
let 加成 = if 贫困 then 10% else 0% cites "T-1"
rule 基本 cites "T-1" {
  basic = (比例[level] + 加成) × inCatalog
}
rule 兜底 cites "T-1" when 贫困 and level == 3 {
  fallback = remaining
}
rule 门诊 cites "T-1" when visit == outpatient {
  flag "门诊"
}
`;

const p = compileSources({ 't.policy': POLICY });
const claim = (id: string, o: Record<string, unknown>): Record<string, unknown> => ({
  id, personId: id, date: '2018-03-01', visit: 'outpatient', region: 'county', total: '100.00', inCatalog: '100.00', ...o,
});

function coverage(claims: Record<string, unknown>[]) {
  const c = new CoverageCollector(p.resolved);
  for (const o of settle(p, claims, true)) if (o.kind === 'settled' && o.settlement.trace) c.add(o.settlement.trace);
  return c.report();
}

describe('coverage of the example claims', () => {
  it('finds nothing covered before any claim, every rule, condition and row listed with its place', () => {
    const r = coverage([]);
    expect(r.rules).toMatchObject({ covered: 0, total: 3 });
    expect(r.rules.uncovered.map((x) => `${x.rule}@${x.line}:${x.column}`)).toEqual(['基本@10:6', '兜底@13:6', '门诊@16:6']);
    // the whens of 兜底 and 门诊 and the if in 加成
    expect(r.conditions.total).toBe(3);
    expect(r.conditions.uncovered.map((x) => `${x.kind} ${x.text} ${x.seen} @${x.line}`)).toEqual([
      'if if 贫困 never @9',
      'when 贫困 and level == 3 never @13',
      'when visit == outpatient never @16',
    ]);
    expect(r.rows.uncovered.map((x) => `${x.table}[${x.key}]@${x.line}`)).toEqual(['比例[1]@7', '比例[2]@7', '比例[otherwise]@7']);
  });

  it('counts a rule applied, a condition seen one way, rows read', () => {
    const r = coverage([claim('A', { level: 1 }), claim('B', { level: 2, categories: ['registered_poor'] })]);
    expect(r.rules.uncovered.map((x) => x.rule)).toEqual(['兜底']);
    expect(r.rules).toMatchObject({ covered: 2, total: 3 });
    // 加成's if was both true and false; 兜底's when only false; 门诊's only true
    expect(r.conditions.uncovered.map((x) => `${x.in}: ${x.seen}`)).toEqual(['兜底: false', '门诊: true']);
    expect(r.conditions).toMatchObject({ covered: 1, total: 3 });
    expect(r.rows.uncovered.map((x) => x.key)).toEqual(['otherwise']);
  });

  it('is complete when every rule applied, every condition went both ways and every row was read', () => {
    const inpatient = { visit: 'inpatient', admitted: '2018-02-27', discharged: '2018-03-01' };
    const r = coverage([
      claim('A', { level: 1 }),
      claim('B', { level: 2, categories: ['registered_poor'], ...inpatient }),
      claim('C', { level: 3, categories: ['registered_poor'], ...inpatient }),
    ]);
    expect([r.rules, r.conditions, r.rows].map((k) => [k.covered, k.total, k.uncovered.length])).toEqual([
      [3, 3, 0],
      [3, 3, 0],
      [3, 3, 0],
    ]);
  });
});

describe('coverage percentages', () => {
  it('round down, so that only full coverage reads 100%', () => {
    expect(coveragePermille({ covered: 2, total: 3, uncovered: [] })).toBe(666);
    expect(coveragePermille({ covered: 9999, total: 10000, uncovered: [] })).toBe(999);
    expect(coveragePermille({ covered: 0, total: 0, uncovered: [] })).toBe(1000);
  });
  it('compare a minimum exactly', () => {
    expect(meetsMinimum({ covered: 2, total: 3, uncovered: [] }, 66.6)).toBe(true);
    expect(meetsMinimum({ covered: 2, total: 3, uncovered: [] }, 66.7)).toBe(false);
    expect(meetsMinimum({ covered: 3, total: 3, uncovered: [] }, 100)).toBe(true);
  });
});
