import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

describe('policy test --coverage', () => {
  it('the shipped policies reach 100% rule coverage (modules through their users)', async () => {
    const r = await policy(['test', '--min-coverage', '100', 'policies']);
    expect(r.stderr).not.toContain('FAILED');
    expect(r.status).toBe(0);
    for (const name of ['anyi', 'chifeng', 'hefei', 'jinzhai', 'liuan']) {
      expect(r.stderr).toMatch(new RegExp(`^coverage policies/${name}: rules (\\d+)/\\1 100%, conditions \\d+/\\d+ [\\d.]+%, table rows \\d+/\\d+ [\\d.]+%$`, 'm'));
    }
  });

  it('names the rules no example applies, and --min-coverage fails on it (1)', async () => {
    const dir = join(tempDir(), 'anyi');
    cpSync('policies/anyi', dir, { recursive: true, filter: (src) => !src.includes('tests') });
    mkdirSync(join(dir, 'tests'));
    // One ordinary inpatient: basic = (8000 − 500) × 80% = 6000.00; 本次自付 2000 < 7500: critical_illness 0.00.
    // Two of the 13 rules apply (基本医保住院, 大病保险): 2/13 = 15.38…%, shown 15.3%.
    writeFileSync(
      join(dir, 'tests', 'one.yaml'),
      [
        'cases:',
        '  - name: one',
        '    claims:',
        '      - { id: T1, personId: P1, date: 2018-03-05, visit: inpatient, level: 2, region: county, admitted: 2018-03-01, discharged: 2018-03-05, total: "10000.00", inCatalog: "8000.00" }',
        '    expect:',
        '      - { basic: "6000.00", patient: "4000.00" }',
        '',
      ].join('\n'),
    );
    const pretty = await policy(['test', '--coverage', dir]);
    expect(pretty.status).toBe(0);
    expect(pretty.stderr).toMatch(/rules 2\/13 15\.3%/);
    expect(pretty.stderr).toMatch(/rule never applied {6}\S+settlement\.policy:130 {2}晚期血吸虫病免费救治\n/);
    const min = await policy(['test', '--min-coverage', '100', dir]);
    expect(min.status).toBe(1);
    expect(min.stderr).toContain(`FAILED coverage ${dir}: rule coverage 15.3% is below the minimum 100%`);
    const json = await policy(['test', '--min-coverage', 'rules=15.3', '--format', 'json', dir]);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { policies: { coverage: { rules: { covered: number; total: number; percent: number; uncovered: { rule: string }[] } }; belowMinimum: string[] }[] };
    expect(report.policies[0]?.coverage.rules).toMatchObject({ covered: 2, total: 13, percent: 15.3 });
    expect(report.policies[0]?.coverage.rules.uncovered.map((u) => u.rule)).toContain('晚期血吸虫病免费救治');
    expect(report.policies[0]?.belowMinimum).toEqual([]);
  });

  it('refuses a minimum that is not a percentage (2)', async () => {
    for (const spec of ['101', 'x', 'rules=', 'branches=50', '-5']) {
      const r = await policy(['test', '--min-coverage', spec, 'policies/anyi']);
      expect(r.status, spec).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
