import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policySync as policy, tempDir } from './run-cli.js';

// 金寨: a poor patient with two stays for 肺炎 10 days apart, and another person in between.
//   A02 (03-20 … 03-25) starts 10 days after A01's discharge (03-10): 分解住院 (≤ 15日) and 短期再入院 (≤ 30日), both [A01]
//   B01: one stay, nothing earlier → none
const poor = { categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county', disease: '肺炎' };
const A01 = { id: 'A01', personId: 'PA', date: '2019-03-10', admitted: '2019-03-01', discharged: '2019-03-10', total: '6000.00', inCatalog: '5500.00', ...poor };
const A02 = { id: 'A02', personId: 'PA', date: '2019-03-25', admitted: '2019-03-20', discharged: '2019-03-25', total: '4000.00', inCatalog: '3800.00', ...poor };
const B01 = { id: 'B01', personId: 'PB', date: '2019-03-12', admitted: '2019-03-02', discharged: '2019-03-12', total: '3000.00', inCatalog: '3000.00', ...poor };
const lines = (xs: object[]): string => xs.map((x) => `${JSON.stringify(x)}\n`).join('');

function file(text: string, name = 'claims.jsonl'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

describe('policy audit', () => {
  it('audits each person in date order whatever the file order, one finding a line, counts by audit', () => {
    const input = file(lines([A02, B01, A01]));
    const out = join(tempDir(), 'findings.jsonl');
    const r = policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', out]);
    expect(r.status).toBe(0);
    const found = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(found.map((f) => [f['claimId'], f['audit'], f['related'], f['result'], f['stage']])).toEqual([
      ['A02', '分解住院', ['A01'], '可疑', '事后'],
      ['A02', '短期再入院', ['A01'], '可疑', '事后'],
    ]);
    expect(found[0]).toMatchObject({ cites: ['JINZHAI-1.2', 'JINZHAI-3.2'], windows: ['分解住院间隔天数'], version: '2019-01-01' });
    expect((found[0]?.['parameters'] as { value: string }[])[0]?.value).toBe('15日');
    expect(r.stderr).toMatch(/records read\s+3\n\s+audited\s+3\n\s+rejected\s+0\n\s+findings\s+2\n/);
    expect(r.stderr).toMatch(/分解住院\s+可疑\s+1\s+JINZHAI-1\.2, JINZHAI-3\.2/);
    expect(r.stderr).toMatch(/挂床住院\s+可疑\s+0\s/);
  });

  it('writes CSV with a header, --format overriding nothing it cannot', () => {
    const input = file(lines([A01, A02]));
    const out = join(tempDir(), 'findings.csv');
    const r = policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', out, '--presorted']);
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('claimId,personId,date,audit,result,stage,cites,message,related,windows,parameters,version');
    expect(rows[1]).toBe('A02,PA,2019-03-25,分解住院,可疑,事后,JINZHAI-1.2 JINZHAI-3.2,"出院后15日内因同一疾病再次住院, 疑似分解住院",A01,分解住院间隔天数,分解住院间隔天数=15日,2019-01-01');
    expect(rows).toHaveLength(3);
  });

  it('--presorted stops on a person out of order, naming the line, and writes nothing', () => {
    const input = file(lines([B01, A01]));
    const out = join(tempDir(), 'findings.jsonl');
    const r = policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', out, '--presorted']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/line 2: personId "PA" comes after "PB"/);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it('counts a record batch would reject (exit 1), naming line and field, and audits the rest', () => {
    const input = file(`${lines([A01])}{"id":"X","personId":"PX","date":"2019-13-01","visit":"inpatient","level":2,"region":"county","total":"1.00","inCatalog":"1.00"}\n`);
    const out = join(tempDir(), 'findings.jsonl');
    const r = policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/rejected\s+1\n/);
    expect(r.stderr).toMatch(/rejected line 2 \(X\) date: /);
    expect(readFileSync(out, 'utf8')).toBe('');
  });

  it('refuses an unknown --format and an output that is the input', () => {
    const input = file(lines([A01]));
    expect(policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', join(tempDir(), 'f.jsonl'), '--format', 'xml']).stderr).toMatch(/--format is csv or jsonl, not "xml"/);
    const same = policy(['audit', '--policy', 'policies/jinzhai', '--in', input, '--out', input]);
    expect(same.status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(lines([A01]));
  });
});

describe('policy audit --workers', () => {
  // The CI corpus of 金寨 (1000 claims, rows in no person order) with 12 records rejected for a
  // month 13, spread through the file: the findings are a person's alone, so N worker threads must
  // write what one thread writes, byte for byte, and list the same first 10 rejections (by line).
  const [head, ...rows] = readFileSync('examples/ci/corpus/jinzhai.csv', 'utf8').trim().split('\n');
  const date = (head as string).split(',').indexOf('date');
  const bad = rows.map((r, i) => (i % 83 === 5 ? r.split(',').map((c, j) => (j === date ? '2019-13-01' : c)).join(',') : r));
  const input = file(`${[head, ...bad].join('\n')}\n`, 'claims.csv');
  const personCol = (head as string).split(',').indexOf('personId');
  const byPerson = [...bad].sort((a, b) => ((a.split(',')[personCol] as string) < (b.split(',')[personCol] as string) ? -1 : (a.split(',')[personCol] as string) > (b.split(',')[personCol] as string) ? 1 : 0));
  const sorted = file(`${[head, ...byPerson].join('\n')}\n`, 'sorted.csv');
  const run = (args: string[]): { status: number | null; out: string; summary: string } => {
    const out = join(tempDir(), 'findings.csv');
    const r = policy(['audit', '--policy', 'policies/jinzhai', '--out', out, ...args]);
    return { status: r.status, out: existsSync(out) ? readFileSync(out, 'utf8') : '', summary: r.stderr.replace(out, 'OUT') };
  };

  it('writes the same findings and summary with 1, 2 or 3 workers as on one thread (0), sorted or not', () => {
    for (const [i, extra] of [[input], [sorted, '--presorted']].entries()) {
      const one = run(['--in', ...extra, '--workers', '0']);
      expect(one.status).toBe(1); // 12 records rejected
      expect(one.summary).toMatch(/rejected\s+12\n/);
      expect(one.summary).toMatch(/… and 2 more rejected/);
      expect(one.out.split('\n').length).toBeGreaterThan(10);
      for (const n of ['1', '2', '3']) {
        const many = run(['--in', ...extra, '--workers', n]);
        expect({ i, n, status: many.status, summary: many.summary }).toEqual({ i, n, status: one.status, summary: one.summary });
        expect(many.out === one.out, `findings with --workers ${n}`).toBe(true);
      }
    }
  });

  it('lists the first rejections in input order, not in the order persons are audited', () => {
    const lines = [...run(['--in', input, '--workers', '2']).summary.matchAll(/rejected line (\d+)/g)].map((m) => Number(m[1]));
    // bad rows are rows 5, 88, 171, … (every 83rd from the 6th): file lines 7, 90, 173, …
    expect(lines).toEqual(Array.from({ length: 10 }, (_, k) => 7 + 83 * k));
  });

  it('refuses a --workers that is not a whole number from 0 to 256', () => {
    for (const w of ['-1', '1.5', 'x', '257']) {
      const r = run(['--in', input, '--workers', w]);
      expect(r.status).toBe(2);
      expect(r.summary).toContain(`--workers must be a whole number from 0 to 256 (got ${w})`);
    }
  });
});

describe('policy explain shows the audit findings of a claim', () => {
  it('in text (each with its clauses, related claims and thresholds) and in JSON', () => {
    const input = file(lines([A01, A02]));
    const r = policy(['explain', '--policy', 'policies/jinzhai', input, '--id', 'A02']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\naudit findings\n {2}分解住院 · suspect · after · policies\/jinzhai\/audits\.policy:\d+\n {4}cites {5}JINZHAI-1\.2 \(一\)2、严把入院出院指征, JINZHAI-3\.2 /);
    expect(r.stdout).toMatch(/\n {4}related {3}A01\n {4}parameter {1}分解住院间隔天数 = 15日 \(assumed: /);
    const zh = policy(['explain', '--policy', 'policies/jinzhai', input, '--id', 'A01', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/\n审核发现\n {2}\(无\)\n/);
    const json = policy(['explain', '--policy', 'policies/jinzhai', input, '--id', 'A02', '--format', 'json']);
    const found = (JSON.parse(json.stdout) as { findings: { audit: string; related: string[] }[] }).findings;
    expect(found.map((f) => [f.audit, f.related])).toEqual([['分解住院', ['A01']], ['短期再入院', ['A01']]]);
  });
});
