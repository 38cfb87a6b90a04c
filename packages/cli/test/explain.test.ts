import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

// Two inpatient claims of one ordinary resident of 安义 at a second-grade county hospital.
//   X1: basic = (8000 − 500) × 80% = 6000.00; 本次自付 8000 − 6000 = 2000, below 7500: no critical illness.
//   X2: basic = min((28000 − 500) × 80%, 150000 − 6000) = min(22000, 144000) = 22000.00
//       本次自付 = 28000 − 22000 = 6000; 累计后 = 2000 + 6000 = 8000
//       critical_illness = (max(0, 8000 − 7500) − max(0, 2000 − 7500)) × 50% = 500 × 50% = 250.00
const base = { personId: 'P1', visit: 'inpatient', level: 2, region: 'county' };
const X1 = { id: 'X1', ...base, date: '2018-03-05', admitted: '2018-03-01', discharged: '2018-03-05', total: '10000.00', inCatalog: '8000.00' };
const X2 = { id: 'X2', ...base, date: '2018-06-01', admitted: '2018-05-20', discharged: '2018-06-01', total: '30000.00', inCatalog: '28000.00' };
// Written in reverse date order: settlement order is (date, id) whatever the file's.
const TWO = `${JSON.stringify(X2)}\n${JSON.stringify(X1)}\n`;

function file(text: string, name = 'claims.jsonl'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('policy explain', () => {
  const claims = file(TWO);

  it('explains one claim with the numbers filled in and the accumulators of the earlier claim', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', claims, '--id', 'X2']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^claim X2 · policy anyi version 2018-01-01 · person P1 · date 2018-06-01 · total 30000\.00\n/);
    expect(out).toMatch(/\n {2}basic\s+22000\.00 {2}rule 基本医保住院\n/);
    expect(out).toMatch(/\n {2}critical_illness\s+250\.00 {2}rule 大病保险\n/);
    expect(out).toMatch(/\n {2}patient\s+7750\.00 {2}total − the other layers\n/);
    expect(out).toMatch(/rule 基本医保住院 · policies\/anyi\/settlement\.policy:\d+\n {2}cites\s+ANYI-5\.2 \(五\)二是 门诊特殊慢性病报销比例\n/);
    expect(out).toContain('= min(max(0元, 28000.00 − 500.00) × 80%, max(0元, 150000.00 − 6000.00)) = 22000.00');
    expect(out).toMatch(/table\s+住院报销比例\[2\] = 80%/);
    expect(out).toMatch(/累计后 = 大病保险年度累计自付 \+ 本次自付\n\s+= 2000\.00 \+ 6000\.00 = 8000\.00/);
    expect(out).toMatch(/accumulator\s+大病保险年度累计自付 2000\.00 \+ 6000\.00 → 8000\.00/);
    expect(out).toMatch(/rules not applied\n[\s\S]*\n {2}特困人员全额救助 · policies\/anyi\/settlement\.policy:\d+\n {4}false: 贫困人口\n {6}in 贫困人口, false: registered_poor in categories {3}\(registered_poor in \{\}\)\n/);
    expect(out).not.toContain('claim X1');
  });

  it('explains every claim of the file without --id, in file order', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', claims]);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^claim X\d/gm)).toEqual(['claim X2', 'claim X1']);
  });

  it('speaks Chinese with --lang zh, and quotes the clauses with --quote', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', claims, '--id', 'X2', '--lang', 'zh', '--quote']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^理赔 X2 · 政策 anyi 版本 2018-01-01 · 参保人 P1 · 结算日期 2018-06-01 · 医疗总费用 30000\.00\n各项金额\n/);
    expect(r.stdout).toMatch(/\n {2}基本医保\s+22000\.00 {2}规则 基本医保住院\n/);
    expect(r.stdout).toMatch(/\n {2}大病保险\s+250\.00 {2}规则 大病保险\n/);
    expect(r.stdout).toMatch(/依据\s+ANYI-5\.2 \(五\)二是 门诊特殊慢性病报销比例\n\s+「将门诊特殊慢性病报销比例提高到住院水平/);
    expect(r.stdout).toMatch(/累计值\s+大病保险年度累计自付 2000\.00 \+ 6000\.00 → 8000\.00/);
    expect(r.stdout).toContain('未适用的规则');
    expect(r.stdout).toContain('条件不成立: ');
    expect(r.stdout).not.toMatch(/\baccumulator\b|\brule\b/);
  });

  it('gives the trace tree as JSON with --format json', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', claims, '--id', 'X2', '--format', 'json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const s = JSON.parse(lines[0] ?? '') as { id: string; layers: Record<string, string>; trace: { rules: { rule: string; applied: boolean; steps: { kind: string; filled?: string }[] }[] } };
    expect(s.id).toBe('X2');
    expect(s.layers).toMatchObject({ basic: '22000.00', critical_illness: '250.00', patient: '7750.00' });
    const basic = s.trace.rules.find((x) => x.rule === '基本医保住院');
    expect(basic?.steps[0]).toMatchObject({ kind: 'layer', filled: '22000.00' });
  });

  it('reads CSV by its extension', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', 'examples/claims.csv', '--id', 'S001']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^claim S001 · policy anyi/);
  });

  it('reads standard input', async () => {
    const r = await policy(['explain', '--policy', 'policies/anyi', '-', '--id', 'X1'], TWO);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n {2}basic\s+6000\.00 {2}rule 基本医保住院\n/);
  });

  it('puts a rejected claim on stderr and exits 1', async () => {
    const bad = file(`${JSON.stringify(X1)}\n${JSON.stringify({ ...X2, total: '10.005' })}\n`);
    const r = await policy(['explain', '--policy', 'policies/anyi', bad, '--id', 'X2']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('policy explain: rejected line 2 id X2: total: must be money');
    const early = await policy(['explain', '--policy', 'policies/anyi', file(JSON.stringify({ ...X1, date: '2017-12-01', admitted: '2017-11-30', discharged: '2017-12-01' }))]);
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('before policy anyi');
  });

  it('refuses an --id not in the file, a bad --lang or --format (2), without a stack trace', async () => {
    for (const args of [['--id', 'X9'], ['--lang', 'fr'], ['--format', 'yaml']]) {
      const r = await policy(['explain', '--policy', 'policies/anyi', claims, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
    }
    expect((await policy(['explain', '--policy', 'policies/anyi', claims, '--id', 'X9'])).stderr).toBe(`policy: ${claims} has no claim with id "X9"\n`);
  });
  it('lists the table rows and modifiers a rule reads through its lets, on the branches taken', async () => {
    // 赤峰's rule 基本医保住院 reads the lets 本次住院起付线 and 本次基本报销比例; a registered-poor stay
    // at level 2: 500.00 × 50% = 250.00 and 75% + 5 points = 80% (两升两降, D14);
    // basic = (9000 − 250) × 80% = 7000.00. The chronic and observation ratios sit on branches not taken.
    const claim = { id: 'C1', personId: 'P1', date: '2019-03-05', categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county', admitted: '2019-03-01', discharged: '2019-03-05', total: '10000.00', inCatalog: '9000.00' };
    const r = await policy(['explain', '--policy', 'policies/chifeng', file(JSON.stringify(claim), 'c1.json')]);
    expect(r.status, r.stderr).toBe(0);
    const rule = r.stdout.slice(r.stdout.indexOf('rule 基本医保住院 ·'), r.stdout.indexOf('rule 大病保险 ·'));
    expect(rule).toContain('= max(0.00, 9000.00 − 250.00) × 80% = 7000.00');
    expect(rule).toMatch(/table\s+住院起付线\[2\] = 500\.00\n/);
    expect(rule).toMatch(/modifier\s+住院起付线\[level\]: 500\.00 × 50% \(两升两降\) = 250\.00\n/);
    expect(rule).toMatch(/modifier\s+住院报销比例\[level\]: 75% \+ 5% \(两升两降\) = 80%\n/);
    expect(rule).not.toContain('modifier            门诊');
  });
});
