import { describe, expect, it } from 'vitest';
import { compileSources, settle } from '../test/settle-helpers.js';
import { textIn } from './runtime/errors.js';
import type { Outcome } from './settle.js';
import type { Rejection } from './claim.js';

/** The engine's run-time rejection reasons in both languages (issue 17): same claim, id and field. */

const HEADER = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  layers basic, critical_illness, fallback, hospital, patient
}
clause "T-1" "第一条" "原文一"
`;

const claim = (o: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'C1', personId: 'P1', date: '2018-06-01', visit: 'outpatient', level: 1, region: 'county', total: '100.00', inCatalog: '100.00', disease: '乙', ...o,
});

function rejectionOf(o: Outcome | undefined): Rejection {
  if (o?.kind !== 'rejected') throw new Error('settled, but a rejection was expected');
  return o.rejection;
}

describe('settlement rejections in Chinese', () => {
  it('layers over the invoice: the rule and its place the same, the words in the language', () => {
    const p = compileSources({ 't.policy': `${HEADER}rule 甲 cites "T-1" { basic = 80% of total }\nrule 乙 cites "T-1" { critical_illness = 30% of total }` });
    for (const trace of [false, true]) {
      const r = rejectionOf(settle(p, [claim()], trace)[0]);
      expect(r.message).toBe('cannot settle claim C1: after rule 乙 the layers exceed the invoice (100.00) by 10.00 (rule 乙, t.policy:8)');
      expect(textIn(r, 'zh')).toBe('无法结算就诊记录 C1：规则 乙 之后各层之和超过发票金额（100.00）10.00（规则 乙，t.policy:8）');
      expect(textIn(r, 'en')).toBe(r.message);
    }
  });

  it('a table without a row, and a claim before the first version', () => {
    const p = compileSources({ 't.policy': `${HEADER}table 定额 by disease { "甲": 50元 } cites "T-1"\nrule r cites "T-1" { hospital = max(0元, total - 定额[disease]) }` });
    const r = rejectionOf(settle(p, [claim()])[0]);
    expect(textIn(r, 'zh')).toBe('无法结算就诊记录 C1：表 定额 中没有 disease "乙" 的行（规则 r，t.policy:8）');
    const early = rejectionOf(settle(p, [claim({ date: '2017-12-31' })])[0]);
    expect(early.field).toBe('date');
    expect(early.message).toBe("date 2017-12-31 is before policy t's first version, in force from 2018-01-01");
    expect(textIn(early, 'zh')).toBe('日期 2017-12-31 早于政策 t 的第一个版本（自 2018-01-01 起施行）');
  });
});
