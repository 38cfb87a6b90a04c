import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '@policy/dsl';
import { policyParameters, type PolicyParameter } from '@policy/engine';
import { policy, tempDir } from './run-cli.js';

/**
 * `policy params` over shipped policies: the values, units, clause titles and assumptions read
 * by hand from their .policy files (the file and line of each is in the comment).
 */

function paramsOf(path: string, date?: string): PolicyParameter[] {
  const r = loadPolicy(path);
  if (!r.policy) throw new Error(`${path} does not check clean`);
  return policyParameters(r.policy, date !== undefined ? { date } : {});
}

const named = (ps: readonly PolicyParameter[], name: string): PolicyParameter => {
  const p = ps.find((x) => x.name === name);
  if (!p) throw new Error(`no ${name}`);
  return p;
};

describe('policyParameters', () => {
  const anyi = paramsOf('policies/anyi');

  it('a cited ratio with its clause title (anyi/parameters.policy:78, clauses.policy:18)', () => {
    // param 兜底实际报销比例 = 90% cites "ANYI-7.2"; clause "ANYI-7.2" "(七)二是 补充保险兜底到90%"
    expect(named(anyi, '兜底实际报销比例')).toEqual({
      kind: 'param', name: '兜底实际报销比例', file: 'policies/anyi/parameters.policy', line: 78, unit: '%',
      values: [{ from: '2018-01-01', value: '90%' }],
      cites: [{ id: 'ANYI-7.2', title: '(七)二是 补充保险兜底到90%' }], readings: [],
    });
  });

  it('an assumed number with its reason (anyi/parameters.policy:70)', () => {
    const p = named(anyi, '低保现行救助比例');
    expect(p.values).toEqual([{ from: '2018-01-01', value: '70%' }]);
    expect(p.cites).toEqual([]);
    expect(p.assumed).toBe('ANYI-6.2 raises the current dibao ratio by 5 points but does not state it; 70% is assumed');
    // The 5 points it is raised by: param 低保救助提高 = 5个百分点 cites "ANYI-6.2" "(六)低保对象提高5个百分点".
    expect(named(anyi, '低保救助提高')).toMatchObject({ unit: '个百分点', values: [{ value: '5个百分点' }], cites: [{ id: 'ANYI-6.2', title: '(六)低保对象提高5个百分点' }] });
  });

  it('a table row by row, keyed by level (anyi/parameters.policy:15)', () => {
    const t = named(anyi, '住院起付线');
    expect(t.kind).toBe('table');
    expect(t.by).toBe('level');
    expect(t.values).toEqual([{ key: '0', value: '0元' }, { key: '1', value: '200元' }, { key: '2', value: '500元' }, { key: '3', value: '1000元' }]);
    expect(t.assumed).toMatch(/^the document gives no basic deductible/);
  });

  it('the bases of an extends: 六安 lists anhui-base\'s bands (modules/anhui-base/parameters.policy:29)', () => {
    const b = named(paramsOf('policies/liuan'), '大病保险分段');
    expect(b.file).toBe('policies/modules/anhui-base/parameters.policy');
    expect(b.line).toBe(29);
    expect(b.values).toEqual([
      { key: 'from 0元 to 5万元', value: '60%' },
      { key: 'from 5万元 to 10万元', value: '70%' },
      { key: 'from 10万元', value: '80%' },
    ]);
    expect(b.cites).toEqual([{ id: 'AH-CI', title: '安徽城乡居民大病保险 (outside the documents)' }]);
  });

  it('a parameter dated twice: both values, or the one in force on --date (liuan/parameters.policy:22)', () => {
    // param 市外未转诊不予救助 { 2024-08-14: false  2024-09-01: true } cites "LIUAN-5" reading "D24"
    expect(named(paramsOf('policies/liuan'), '市外未转诊不予救助').values).toEqual([{ from: '2024-08-14', value: 'false' }, { from: '2024-09-01', value: 'true' }]);
    expect(named(paramsOf('policies/liuan', '2024-08-31'), '市外未转诊不予救助').values).toEqual([{ from: '2024-08-14', value: 'false' }]);
    expect(named(paramsOf('policies/liuan', '2024-09-01'), '市外未转诊不予救助').values).toEqual([{ from: '2024-09-01', value: 'true' }]);
    expect(named(paramsOf('policies/liuan'), '市外未转诊不予救助').readings).toEqual(['D24']);
  });
});

describe('policy params', () => {
  it('text: a table a colleague reads, the parameter named on its first row', async () => {
    const r = await policy(['params', 'policies/anyi']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^kind +name +from +key +value +unit +source +cites +assumed$/);
    const row = lines.find((l) => l.includes('兜底实际报销比例')) ?? '';
    expect(row).toMatch(/^param +兜底实际报销比例 +2018-01-01 +90% +% +policies\/anyi\/parameters\.policy:78 +ANYI-7\.2 \(七\)二是 补充保险兜底到90%$/);
    // table alias of text
    expect((await policy(['params', 'policies/anyi', '--format', 'table'])).stdout).toBe(r.stdout);
  });

  it('csv, json and markdown', async () => {
    const csv = await policy(['params', 'policies/anyi', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('kind,name,from,key,value,unit,source,cites,assumed');
    expect(csv.stdout).toContain('table,住院起付线,,level 2,500元,元,policies/anyi/parameters.policy:15,,"the document gives no basic deductible;');
    const json = JSON.parse((await policy(['params', 'policies/anyi', '--format', 'json', '--date', '2018-06-01'])).stdout) as { policy: string; date: string; parameters: PolicyParameter[] };
    expect(json.policy).toBe('anyi');
    expect(json.date).toBe('2018-06-01');
    expect(named(json.parameters, '兜底实际报销比例').cites).toEqual([{ id: 'ANYI-7.2', title: '(七)二是 补充保险兜底到90%' }]);
    const md = await policy(['params', 'policies/anyi', '--format', 'markdown']);
    expect(md.stdout).toContain('| param | 兜底实际报销比例 | 2018-01-01 |  | 90% | % | policies/anyi/parameters.policy:78 | ANYI-7.2 (七)二是 补充保险兜底到90% |  |');
  });

  it('CSV goes through the spreadsheet-safe writer: text that would be a formula is not one', async () => {
    const dir = join(tempDir(), 'p');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'p.policy'),
      [
        'policy p {',
        '  title "t"',
        '  version 2020-01-01 cites "T-1"',
        '  layers basic, patient',
        '}',
        'clause "T-1" "=HYPERLINK(\\"x\\")"',
        'param 比例 = 50% assumed "=1+1, a reason a spreadsheet must not run"',
        'rule r cites "T-1" { basic = 比例 × inCatalog }',
        '',
      ].join('\n'),
    );
    const r = await policy(['params', dir, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe(`param,比例,2020-01-01,,50%,%,${join(dir, 'p.policy')}:7,,"'=1+1, a reason a spreadsheet must not run"`);
  });

  it('a bad date or a policy with errors is a usage error', async () => {
    const a = await policy(['params', 'policies/anyi', '--date', '2018-02-30']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('--date must be an existing date YYYY-MM-DD (got 2018-02-30)');
    const b = await policy(['params', 'packages/dsl/testdata/bad/E101-unknown-name.policy']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('has errors; run `policy check');
  });
});
