import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, policySync, tempDir } from './run-cli.js';

/**
 * Platform records through the whole command: examples/nhsa (examples/claims.jsonl written as
 * platform records by scripts/make-nhsa-examples.ts) settle exactly as examples/claims.csv does;
 * the output does not depend on the number of workers nor on --presorted.
 */

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

/** The contract columns of each settlement row (id … flags), by id. */
function contractRows(path: string): Map<string, string> {
  return new Map(lines(path).slice(1).map((l) => [l.split(',')[0] as string, l.split(',').slice(0, 13).join(',')]));
}

describe('policy batch over platform records', () => {
  const dir = tempDir();

  it('settles examples/nhsa as examples/claims.csv: same settlements, one record rejected for its unmapped med_type', async () => {
    const contract = await policy(['batch', '--workers', '2', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'c.csv')]);
    expect(contract.status).toBe(0);
    for (const input of ['examples/nhsa/claims.csv', 'examples/nhsa/claims.jsonl']) {
      const out = join(dir, 'n.csv');
      const rejects = join(dir, 'r.jsonl');
      const r = await policy(['batch', '--workers', '2', '--policy', 'policies/anyi', '--in', input, '--out', out, '--rejects', rejects]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toContain('input  national platform records (detected from the');
      expect(r.stderr).toContain('records read = settled + rejected: 227 = 226 + 1');
      expect(contractRows(out)).toEqual(contractRows(join(dir, 'c.csv')));
      const [rejected] = lines(rejects).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rejected).toMatchObject({ id: 'N001', field: 'med_type', error: '"41" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)' });
    }
  });

  it('writes the same bytes with 1 and 3 workers and presorted, CSV and JSON Lines, setlinfo out', async () => {
    const sorted = join(dir, 'sorted.csv');
    // psn_no is the fourth column: sort the rows by it (stable), header first.
    const [header, ...rows] = lines('examples/nhsa/claims.csv');
    const key = (l: string): string => l.split(',')[3] as string;
    const bySorted = rows.map((l, i) => [l, i] as const).sort((a, b) => (key(a[0]) < key(b[0]) ? -1 : key(a[0]) > key(b[0]) ? 1 : a[1] - b[1]));
    writeFileSync(sorted, `${[header, ...bySorted.map(([l]) => l)].join('\n')}\n`);
    for (const ext of ['csv', 'jsonl']) {
      const outs = [
        ['--workers', '1'],
        ['--workers', '3'],
      ].map((w, i) => {
        const out = join(dir, `w${i}.${ext}`);
        const r = (policySync(['batch', ...w, '--policy', 'policies/anyi', '--in', 'examples/nhsa/claims.jsonl', '--out', out, '--out-format', 'nhsa', '--rejects', join(dir, 'rej.jsonl')]));
        expect(r.status, r.stderr).toBe(1);
        return readFileSync(out, 'utf8');
      });
      expect(outs[1]).toBe(outs[0]);
      const out = join(dir, `p.${ext}`);
      const p = await policy(['batch', '--workers', '2', '--presorted', '--policy', 'policies/anyi', '--in', sorted, '--out', out, '--out-format', 'nhsa', '--rejects', join(dir, 'rej.jsonl')]);
      expect(p.status, p.stderr).toBe(1);
      // Presorted input is in another order: the same records, line for line once sorted.
      expect(lines(out).sort()).toEqual((outs[0] as string).trimEnd().split('\n').sort());
    }
  });

  it('says a --presorted platform file out of order by psn_no', async () => {
    const r = await policy(['batch', '--workers', '1', '--presorted', '--policy', 'policies/anyi', '--in', 'examples/nhsa/claims.csv', '--out', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/psn_no "P\d+" comes after "P\d+": .*sort by psn_no/);
  });

  it('--help of batch and eval documents the shapes', async () => {
    for (const cmd of ['batch', 'eval']) {
      const r = await policy([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('--in-format <shape>');
      expect(r.stdout).toContain('--out-format <shape>');
      expect(r.stdout).toContain('--mapping <file>');
      expect(r.stdout).toContain('National platform records');
    }
  });
});

/**
 * act_pay_dedc and pool_prop_selfpay of each policy's mapping ("outputs"): the deductible and the
 * ratio the basic rules applied, read from the policy's lets. Every value below is derived by hand
 * from the policy's tables (arithmetic in the comments), with hifp_pay (basic) as a cross-check.
 */
describe('act_pay_dedc and pool_prop_selfpay of the shipped policies', () => {
  const dir = tempDir();
  const stay = { region: 'county', referral: 'referred', designated: true };

  function setlinfo(policyDir: string, claims: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
    const file = join(dir, `${policyDir.replace(/\W/g, '-')}.jsonl`);
    writeFileSync(file, claims.map((c) => JSON.stringify(c)).join('\n') + '\n');
    const r = (policySync(['eval', '--policy', policyDir, '--out-format', 'nhsa', file]));
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    return new Map(out.map((o) => [o.setl_id as string, o]));
  }
  const fields = (o: Record<string, unknown> | undefined): unknown[] => [o?.act_pay_dedc, o?.pool_prop_selfpay, o?.hifp_pay];

  it('安义: the inpatient table by level (the 15-disease split too), the chronic one, none for ordinary outpatient care', async () => {
    const out = setlinfo('policies/anyi', [
      // 肺癌, registered poor, level 3: the 15-disease split (D10). Its basic part is computed with
      // 住院起付线[3] = 1000 and 住院报销比例[3] = 60%: min((28000 − 1000) × 60%, round(70% × min(30000,
      // 35000))) = min(16200.00, 21000.00) = 16200.00. act_pay_dedc min(1000, 28000) = 1000.00, 0.6000.
      { id: 'A1', personId: 'P1', date: '2018-05-02', categories: ['registered_poor'], visit: 'inpatient', level: 3, ...stay, disease: '肺癌', admitted: '2018-04-20', discharged: '2018-05-02', total: '30000.00', inCatalog: '28000.00' },
      // 高血压 (class Ⅱ), level 1: 门诊慢特病起付线 0元 → 0.00; 门诊慢特病报销比例[1] = 90% → 0.9000;
      // basic = min((1000 − 0) × 90%, 5000 − 0) = 900.00.
      { id: 'A2', personId: 'P2', date: '2018-05-02', visit: 'outpatient_chronic', level: 1, ...stay, disease: '高血压', total: '1200.00', inCatalog: '1000.00' },
      // Ordinary outpatient care has no basic rule: both fields empty.
      { id: 'A3', personId: 'P3', date: '2018-05-02', visit: 'outpatient', level: 1, ...stay, total: '100.00', inCatalog: '80.00' },
    ]);
    expect(fields(out.get('A1'))).toEqual(['1000.00', '0.6000', '16200.00']);
    expect(fields(out.get('A2'))).toEqual(['0.00', '0.9000', '900.00']);
    expect(fields(out.get('A3'))).toEqual([null, null, '0.00']);
  });

  it('赤峰: the values after 两升两降 and the referral penalty', async () => {
    const out = setlinfo('policies/chifeng', [
      // Registered poor, level 2: 住院起付线[2] 500 × (100% − 50%) = 250.00 (D14); 住院报销比例[2] 75% + 5
      // points = 80% → 0.8000; basic = (9000 − 250) × 80% = 7000.00.
      { id: 'C1', personId: 'P1', date: '2019-03-05', categories: ['registered_poor'], visit: 'inpatient', level: 2, ...stay, admitted: '2019-03-01', discharged: '2019-03-05', total: '10000.00', inCatalog: '9000.00' },
      // Registered poor, unreferred, level 1: 200 × 50% = 100.00; 85% + 5 (poor) + 5 (level 1) − 20
      // (unreferred, D16) = 75% → 0.7500 (D2); basic = (4000 − 100) × 75% = 2925.00.
      { id: 'C2', personId: 'P2', date: '2019-03-05', categories: ['registered_poor'], visit: 'inpatient', level: 1, ...stay, referral: 'unreferred', admitted: '2019-03-01', discharged: '2019-03-05', total: '5000.00', inCatalog: '4000.00' },
      // Quota-managed chronic 高血压, ordinary resident: no deductible (empty), 门诊慢性病支付比例 70% →
      // 0.7000; basic = 1000 × 70% = 700.00.
      { id: 'C3', personId: 'P3', date: '2019-03-05', visit: 'outpatient_chronic', level: 2, ...stay, disease: '高血压', total: '1000.00', inCatalog: '1000.00' },
    ]);
    expect(fields(out.get('C1'))).toEqual(['250.00', '0.8000', '7000.00']);
    expect(fields(out.get('C2'))).toEqual(['100.00', '0.7500', '2925.00']);
    expect(fields(out.get('C3'))).toEqual([null, '0.7000', '700.00']);
  });

  it('金寨: the base module\'s values; the deductible at most inCatalog; none for chronic care', async () => {
    const out = setlinfo('policies/jinzhai', [
      // Ordinary, level 1: 住院起付线[1] = 200.00, 住院报销比例[1] = 85% → 0.8500; basic = (5000 − 200) ×
      // 85% = 4080.00.
      { id: 'J1', personId: 'P1', date: '2019-06-10', visit: 'inpatient', level: 1, ...stay, admitted: '2019-06-01', discharged: '2019-06-10', total: '6000.00', inCatalog: '5000.00' },
      // inCatalog 150 below the deductible 200: act_pay_dedc = min(200, 150) = 150.00; basic 0.00.
      { id: 'J2', personId: 'P2', date: '2019-06-10', visit: 'inpatient', level: 1, ...stay, admitted: '2019-06-09', discharged: '2019-06-10', total: '300.00', inCatalog: '150.00' },
      // Outpatient chronic: no deductible in modules/anhui-base (empty); 门诊慢特病报销比例 70% → 0.7000;
      // basic = 2000 × 70% = 1400.00.
      { id: 'J3', personId: 'P3', date: '2019-06-10', visit: 'outpatient_chronic', level: 2, ...stay, disease: '高血压', total: '2000.00', inCatalog: '2000.00' },
    ]);
    expect(fields(out.get('J1'))).toEqual(['200.00', '0.8500', '4080.00']);
    expect(fields(out.get('J2'))).toEqual(['150.00', '0.8500', '0.00']);
    expect(fields(out.get('J3'))).toEqual([null, '0.7000', '1400.00']);
  });
});
