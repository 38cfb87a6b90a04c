import { describe, expect, it } from 'vitest';
import { CompiledAudits } from './audit-engine.js';
import { claimItems, compileSources } from '../../test/settle-helpers.js';

const HEADER = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  version 2020-01-01 cites "T-1"
  layers basic, patient
}
clause "T-1" "第一条"
`;

function audits(body: string): CompiledAudits {
  return new CompiledAudits(compileSources({ 't.policy': HEADER + body }));
}

let n = 0;
function claim(o: Record<string, unknown>): Record<string, unknown> {
  return { id: `C${String(++n).padStart(2, '0')}`, personId: 'P1', visit: 'outpatient', level: 1, region: 'county', total: '100.00', inCatalog: '100.00', ...o };
}

function findings(a: CompiledAudits, raws: Record<string, unknown>[]): string[] {
  return a.auditPerson(claimItems(raws).map((i) => i.claim)).map((f) => `${f.claimId} ${f.audit} [${f.related.join(' ')}]`);
}

describe('audits over a person history', () => {
  it('sums and maximises a field over a window; the window is inclusive and runs from the earlier end to this start', () => {
    const a = audits(`
param 天数 = 10日 assumed "test"
audit 金额 result 可疑 stage 事后 cites "T-1" {
  let 合计 = sum total earlier within 天数
  let 最大 = max outOfCatalog earlier within 天数
  finding "合计超过" when 合计 + total > 250元
  finding "目录外" when 最大 >= 30元
}
`);
    // C01 06-01 100 (out 0); C02 06-05 120 (out 30); C03 06-11 100: from 06-01 → C01, C02 in:
    //   合计 100 + 120 + 100 = 320 > 250 → 合计超过 [C01 C02]; 最大 out 30 ≥ 30 → 目录外 [C01 C02]
    // C04 06-16 40: from 06-06: C03 (06-11) only → 100 + 40 = 140 → none; 最大 0 → none
    // C02: from 05-26: C01 → 100 + 120 = 220 → none; 最大 0 → none
    const raws = [
      claim({ date: '2018-06-01' }),
      claim({ date: '2018-06-05', total: '120.00', inCatalog: '90.00' }),
      claim({ date: '2018-06-11' }),
      claim({ date: '2018-06-16', total: '40.00', inCatalog: '40.00' }),
    ];
    expect(findings(a, raws)).toEqual(['C03 金额 [C01 C02]', 'C03 金额 [C01 C02]']);
    const f = a.auditPerson(claimItems(raws).map((i) => i.claim));
    expect(f.map((x) => x.message)).toEqual(['合计超过', '目录外']);
    expect(f[0]?.parameters).toEqual([{ name: '天数', value: '10日', cites: [], assumed: 'test' }]);
    expect(f[0]?.windows).toEqual(['天数']);
    expect(f[0]).toMatchObject({ result: 'suspect', stage: 'after', cites: ['T-1'], version: '2018-01-01' });
  });

  it('same diagnoses: at least one code in common; an empty disease is never the same', () => {
    const a = audits(`
audit 同诊断 result 明确 stage 事前 cites "T-1" {
  let k = count earlier same diagnoses
  let d = count earlier same disease
  finding "诊断" when k > 0
  finding "病种" when d > 0
}
`);
    const raws = [
      claim({ date: '2018-02-01', diagnoses: ['J18', 'I10'] }),
      claim({ date: '2018-02-02', diagnoses: ['E11'] }),
      claim({ date: '2018-02-03', diagnoses: ['I10'] }),
    ];
    // C3 shares I10 with the first; no claim has a disease, so 病种 never fires
    const out = findings(a, raws);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/同诊断 \[C\d+\]$/);
    expect(out[0]?.split(' ')[0]).toBe(`C${String(n).padStart(2, '0')}`);
  });

  it('audits a claim by the version in force on its date, earlier years included', () => {
    const a = audits(`
param 次数 { 2018-01-01: 2  2020-01-01: 1 } assumed "test"
audit 频次 result 可疑 stage 事后 cites "T-1" from 2020-01-01 {
  let c = count earlier
  finding "频次" when c >= 次数
}
`);
    // 2019 claims: the audit is not in force. The 2020 claim sees both earlier claims (other years count): 2 ≥ 1
    const raws = [claim({ date: '2019-05-01' }), claim({ date: '2019-06-01' }), claim({ date: '2020-01-02' })];
    const out = a.auditPerson(claimItems(raws).map((i) => i.claim));
    expect(out.map((f) => [f.claimId.length > 0, f.related.length, f.version, f.parameters[0]?.value])).toEqual([[true, 2, '2020-01-01', '1']]);
  });

  it('where reads the earlier claim, during keeps the claims dated inside this stay', () => {
    const a = audits(`
let 住院就诊 = visit == inpatient
audit 挂床 result 可疑 stage 事后 cites "T-1" when 住院就诊 {
  let c = count earlier where not 住院就诊 during
  finding "挂床" when c > 0
}
`);
    const raws = [
      claim({ id: 'O1', date: '2018-03-01' }),
      claim({ id: 'O2', date: '2018-03-04' }),
      claim({ id: 'I1', date: '2018-03-06', visit: 'inpatient', admitted: '2018-03-02', discharged: '2018-03-06' }),
      claim({ id: 'I2', date: '2018-03-10', visit: 'inpatient', admitted: '2018-03-07', discharged: '2018-03-10' }),
    ];
    // I1's stay 03-02 … 03-06: O2 (03-04) in, O1 (03-01) out; I2's stay 03-07 … 03-10: I1 is 住院 → none
    expect(findings(a, raws)).toEqual(['I1 挂床 [O2]']);
  });
});
