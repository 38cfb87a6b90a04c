import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './run-cli.js';

/**
 * Rejection reasons in the language of --lang (issue 17), through the built command: the rejects
 * file has the same rows, lines, ids and fields in both languages; only the reason differs.
 */

/** The cells of CSV lines (quoted cells with "" inside; the rejects file has no line break in a cell). */
function parse(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const cells: string[] = [];
      for (let i = 0; i <= line.length; ) {
        if (line[i] === '"') {
          let cell = '';
          for (i++; i < line.length; i++) {
            if (line[i] === '"' && line[i + 1] === '"') (cell += '"'), i++;
            else if (line[i] === '"') break;
            else cell += line[i];
          }
          cells.push(cell);
          i += 2; // the closing quote and the comma
        } else {
          const end = line.indexOf(',', i);
          cells.push(line.slice(i, end === -1 ? line.length : end));
          i = end === -1 ? line.length + 1 : end + 1;
        }
      }
      return cells;
    });
}

const dir = mkdtempSync(join(tmpdir(), 'rejects-lang-'));

function run(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, POLICY_LANG: 'en' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function batch(lang: 'en' | 'zh', ext: 'csv' | 'jsonl'): { rows: string[][]; status: number | null; stderr: string } {
  const rejects = join(dir, `rej-${lang}.${ext}`);
  const r = run(['batch', '--lang', lang, '--policy', 'policies/anyi', '--in', 'examples/bad-claims.csv', '--out', join(dir, `out-${lang}.${ext}`), '--rejects', rejects]);
  const text = readFileSync(rejects, 'utf8');
  const rows =
    ext === 'csv'
      ? (parse(text) as string[][])
      : text
          .trim()
          .split('\n')
          .map((l) => {
            const j = JSON.parse(l) as Record<string, unknown>;
            return [String(j['line']), String(j['row'] ?? ''), String(j['id'] ?? ''), String(j['field'] ?? ''), String(j['error']), JSON.stringify(j['record'])];
          });
  return { rows, status: r.status, stderr: r.stderr };
}

describe('policy batch --lang zh --rejects', () => {
  for (const ext of ['csv', 'jsonl'] as const) {
    it(`writes the same ${ext} rejects with Chinese reasons`, () => {
      const en = batch('en', ext);
      const zh = batch('zh', ext);
      expect(zh.status).toBe(en.status);
      expect(en.rows.length).toBeGreaterThan(5);
      const ERROR = 4;
      const without = (rows: string[][]): string[][] => rows.map((r) => r.filter((_, i) => i !== ERROR));
      expect(without(zh.rows)).toEqual(without(en.rows));
      // Every reason is translated (those of the table), the English ones are as before.
      const data = (rows: string[][]): string[][] => (ext === 'csv' ? rows.slice(1) : rows);
      for (const [i, row] of data(zh.rows).entries()) expect(row[ERROR]).not.toBe(data(en.rows)[i]?.[ERROR]);
      const b03 = (rows: string[][]): string[] | undefined => rows.find((r) => r[2] === 'B03');
      expect(b03(en.rows)?.slice(0, ERROR + 1)).toEqual(['4', '3', 'B03', 'date', 'must be an existing date YYYY-MM-DD (got "2018-02-30")']);
      expect(b03(zh.rows)?.slice(0, ERROR + 1)).toEqual(['4', '3', 'B03', 'date', '应为存在的日期 YYYY-MM-DD（实际为 "2018-02-30"）']);
      const b02 = (rows: string[][]): string | undefined => rows.find((r) => r[2] === 'B02')?.[ERROR];
      expect(b02(en.rows)).toBe('the row has 10 cells but the header has 18 columns');
      expect(b02(zh.rows)).toBe('这一行有 10 个单元格，但表头有 18 列');
      if (ext === 'csv') expect(zh.rows[0]).toEqual(['line', 'row', 'id', 'field', 'error', 'record']);
    });
  }

  it('says the rejections on standard error in Chinese without --rejects', () => {
    const r = run(['batch', '--lang', 'zh', '--policy', 'policies/anyi', '--in', 'examples/bad-claims.csv', '--out', join(dir, 'o.csv')]);
    expect(r.stderr).toContain('已拒绝 第 4 行（第 3 条数据），id B03：date：应为存在的日期 YYYY-MM-DD（实际为 "2018-02-30"）\n');
    const en = run(['batch', '--lang', 'en', '--policy', 'policies/anyi', '--in', 'examples/bad-claims.csv', '--out', join(dir, 'o.csv')]);
    expect(en.stderr).toContain('rejected line 4 (row 3) id B03: date: must be an existing date YYYY-MM-DD (got "2018-02-30")\n');
  });

  it('says a claim file error and a roster problem in Chinese, exit 2 as in English', () => {
    const bad = join(dir, 'claims.xlsx');
    const zh = run(['batch', '--lang', 'zh', '--policy', 'policies/anyi', '--in', bad, '--out', join(dir, 'o.csv')]);
    const en = run(['batch', '--lang', 'en', '--policy', 'policies/anyi', '--in', bad, '--out', join(dir, 'o.csv')]);
    expect([zh.status, en.status]).toEqual([2, 2]);
    expect(en.stderr).toBe(`policy: ${bad}: cannot tell the format of this claim file from its name; use one of .csv, .jsonl, .ndjson, .json\n`);
    expect(zh.stderr).toBe(`policy: ${bad}：无法从文件名判断这个就诊记录文件的格式；请使用以下扩展名之一：.csv, .jsonl, .ndjson, .json\n`);
    const roster = join(dir, 'r.csv');
    writeFileSync(roster, 'person,category,from,to\nP1,dibao,2018-05-01,2018-02-01\n');
    const r = run(['batch', '--lang', 'zh', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'o.csv'), '--roster', roster]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`  ${roster}:2：to：期间的结束日期早于开始日期（from "2018-05-01"，to "2018-02-01"）`);
  });

  it('says a premium that breaks the contract in Chinese, exit 1 as in English', () => {
    const pol = join(dir, 'p.policy');
    writeFileSync(
      pol,
      `policy 过度资助 {\n  version 2020-01-01\n}\nclause "X-1" "资助" "全额资助"\nparam 标准 = 100元 cites "X-1"\npremium 居民医保 cites "X-1" {\n  standard 标准\n  subsidy 多给 = 标准 + 1元 source "财政" when extreme_poor in categories\n}\nrule 基本 cites "X-1" {\n  basic = 0元\n}\n`,
    );
    const roster = join(dir, 'pr.csv');
    writeFileSync(roster, 'person,category,from,to\nP9,extreme_poor,2020-01-01,\n');
    const args = (lang: string): string[] => ['premium', '--lang', lang, '--policy', pol, '--roster', roster, '--out', join(dir, 'p.csv')];
    const en = run(args('en'));
    const zh = run(args('zh'));
    expect([en.status, zh.status]).toEqual([1, 1]);
    expect(en.stderr).toContain('policy premium: P9 2020 premium 居民医保: subsidy 多给 (101.00) is more than the standard (100.00); nothing was written\n');
    expect(zh.stderr).toContain('policy premium: P9 2020 年保费 居民医保：资助 多给（101.00）超过缴费标准（100.00）；未写入任何内容\n');
  });
});
