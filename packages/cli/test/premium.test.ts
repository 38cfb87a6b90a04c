import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy, tempDir } from './run-cli.js';

function file(text: string, name: string, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const jsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

// 合肥 (HEFEI-2, policies/hefei/premiums.policy): standard 280元 (assumed); 特困人员 in full;
// 贫困人口 (registered_poor) and 低保 a fixed 90% × 280 = 252.00, paying 280 − 252 = 28.00.
//   H1 extreme_poor and registered_poor  → the first class that holds: 特困人员全额资助 280.00, pays 0.00
//   H2 registered_poor 2020-01-01 … 2020-06-30 → 2020: 252.00 / 28.00; 2021: no category, no row
//   H3 dibao_edge (边缘, no subsidy stated)     → no class: subsidy 0.00, pays 280.00
//   H4 dibao from 2021-03-01                     → 2021 only: 252.00 / 28.00
const HEFEI_ROSTER = `person,category,from,to
H1,extreme_poor,2020-01-01,
H1,registered_poor,2020-01-01,
H2,registered_poor,2020-01-01,2020-06-30
H3,dibao_edge,2020-01-01,
H4,低保对象,2021-03-01,
`;

describe('policy premium', () => {
  it('合肥: full for 特困人员, 90% of the standard for the other poor, nothing for the near-poor; years from the roster', async () => {
    const dir = tempDir();
    const roster = file(HEFEI_ROSTER, 'roster.csv', dir);
    const out = join(dir, 'premiums.jsonl');
    const summary = join(dir, 'summary.json');
    const r = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--out', out, '--summary-json', summary]);
    expect(r.stderr).toContain('years 2020–2021');
    expect(r.status).toBe(0);
    const rows = jsonl(out).map((x) => [x['person'], x['year'], x['categories'], x['subsidy'], x['source'], x['standard'], x['subsidyAmount'], x['pays']]);
    expect(rows).toEqual([
      ['H1', 2020, ['registered_poor', 'extreme_poor'], '特困人员全额资助', '医疗救助基金', '280.00', '280.00', '0.00'],
      ['H1', 2021, ['registered_poor', 'extreme_poor'], '特困人员全额资助', '医疗救助基金', '280.00', '280.00', '0.00'],
      ['H2', 2020, ['registered_poor'], '其他贫困人口定额补助', '医疗救助基金', '280.00', '252.00', '28.00'],
      ['H3', 2020, ['dibao_edge'], null, null, '280.00', '0.00', '280.00'],
      ['H3', 2021, ['dibao_edge'], null, null, '280.00', '0.00', '280.00'],
      ['H4', 2021, ['dibao'], '其他贫困人口定额补助', '医疗救助基金', '280.00', '252.00', '28.00'],
    ]);
    const first = jsonl(out)[0] as Record<string, unknown>;
    expect(first['cites']).toEqual(['HEFEI-2']);
    expect(first['version']).toBe('2020-11-16');
    expect((first['parameters'] as { name: string; assumed?: string }[]).find((p) => p.name === '居民医保个人缴费标准')?.assumed).toMatch(/280元/);
    // 2021: H1 280 + H3 0 + H4 252 = 532.00 subsidy of 3 × 280 = 840.00; pays 0 + 280 + 28 = 308.00
    const s = JSON.parse(readFileSync(summary, 'utf8')) as { premiums: { year: number; persons: number; standard: string; subsidy: string; pays: string; bySource: { key: string; subsidy: string; persons: number }[]; byCategory: { key: string; pays: string }[] }[] };
    const y2021 = s.premiums.find((p) => p.year === 2021);
    expect(y2021).toMatchObject({ persons: 3, standard: '840.00', subsidy: '532.00', pays: '308.00' });
    expect(y2021?.bySource).toEqual([
      { key: '(none)', persons: 1, standard: '280.00', subsidy: '0.00', pays: '280.00' },
      { key: '医疗救助基金', persons: 2, standard: '560.00', subsidy: '532.00', pays: '28.00' },
    ]);
    expect(y2021?.byCategory.map((g) => [g.key, g.pays])).toEqual([
      ['dibao', '28.00'],
      ['dibao_edge', '280.00'],
      ['registered_poor+extreme_poor', '0.00'],
    ]);
    // 2020: H1 280 + H2 252 + H3 0 = 532.00 of 840.00 as well
    expect(s.premiums.find((p) => p.year === 2020)).toMatchObject({ persons: 3, subsidy: '532.00', pays: '308.00' });
  });

  it('赤峰: 30% of the 210元 contribution for the registered poor only (CHIFENG-10, A1.6); CSV, --year', async () => {
    const dir = tempDir();
    // C1 registered poor: 30% × 210 = 63.00, pays 147.00. C2 dibao only: not 贫困人口, not enrolled in this premium: no row.
    const roster = file('person,category,from,to\nC1,建档立卡贫困人口,2018-01-01,\nC2,dibao,2018-01-01,\n', 'roster.csv', dir);
    const out = join(dir, 'p.csv');
    const r = await policy(['premium', '--policy', 'policies/chifeng', '--roster', roster, '--year', '2018', '--out', out]);
    expect(r.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('person,year,premium,categories,version,standard,subsidy,source,subsidyAmount,pays,cites,parameters');
    expect(lines.slice(1)).toEqual([
      'C1,2018,城乡居民基本医疗保险,registered_poor,2018-10-01,210.00,贫困人口参保个人缴费补贴,旗县区财政,63.00,147.00,CHIFENG-1 CHIFENG-10,个人缴费标准=210.00; 贫困人口参保补贴比例=30%',
    ]);
    expect(r.stderr).toMatch(/person-years with a category\s+2\n\s+rows written\s+1\n/);
  });

  it('安义: two premiums — the 330元 supplementary premium from poverty funds, the basic contribution (assumed) in full', async () => {
    const dir = tempDir();
    const roster = file('{"person":"A1","category":"registered_poor","from":"2018-01-01","to":null}\n{"person":"A2","category":"dibao","from":"2018-01-01","to":null}\n', 'r.jsonl', dir);
    const out = join(dir, 'p.jsonl');
    const r = await policy(['premium', '--policy', 'policies/anyi', '--roster', roster, '--out', out]);
    expect(r.status).toBe(0);
    // A1: 330 − 330 = 0 (ANYI-7.0), 220 − 100% × 220 = 0 (ANYI-4a); A2 (not registered poor): no supplementary premium, pays the 220 basic.
    expect(jsonl(out).map((x) => [x['person'], x['premium'], x['subsidyAmount'], x['pays'], x['cites']])).toEqual([
      ['A1', '重大疾病医疗补充保险', '330.00', '0.00', ['ANYI-7.0']],
      ['A1', '城乡居民基本医疗保险', '220.00', '0.00', ['ANYI-4a']],
      ['A2', '城乡居民基本医疗保险', '0.00', '220.00', ['ANYI-4a']],
    ]);
  });

  it('六安: 分类资助 by category for low-income people (LIUAN-4, every share assumed)', async () => {
    const dir = tempDir();
    // 400元 standard: extreme_poor 100% → 400.00/0.00; dibao 70% → 280.00/120.00; monitored 50% → 200.00/200.00; registered_poor alone is not 低收入人口: no row.
    const roster = file('person,category,from,to\nL1,extreme_poor,2024-01-01,\nL2,dibao,2024-01-01,\nL3,monitored,2024-01-01,\nL4,registered_poor,2024-01-01,\n', 'r.csv', dir);
    const out = join(dir, 'p.jsonl');
    const r = await policy(['premium', '--policy', 'policies/liuan', '--roster', roster, '--out', out]);
    expect(r.status).toBe(0);
    expect(jsonl(out).map((x) => [x['person'], x['subsidy'], x['subsidyAmount'], x['pays'], x['version']])).toEqual([
      ['L1', '特困人员全额资助', '400.00', '0.00', '2024-09-01'],
      ['L2', '低保对象定额资助', '280.00', '120.00', '2024-09-01'],
      ['L3', '监测对象定额资助', '200.00', '200.00', '2024-09-01'],
    ]);
  });

  it('counts the years before the first version instead of computing them, and refuses such a --year', async () => {
    const dir = tempDir();
    const roster = file('person,category,from,to\nH1,extreme_poor,2019-01-01,\n', 'r.csv', dir);
    const out = join(dir, 'p.jsonl');
    const r = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("2019: 1 person-years before the policy's first version, not computed");
    expect(jsonl(out).map((x) => x['year'])).toEqual([2020]);
    const early = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--year', '2019', '--out', join(dir, 'q.jsonl')]);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain("--year 2019 ends before policy hefei's first version (2020-11-16)");
    expect(existsSync(join(dir, 'q.jsonl'))).toBe(false);
  });

  it('a subsidy above the standard stops the command (exit 1) naming the person-year; nothing is written', async () => {
    const dir = tempDir();
    const pol = file(
      `policy 过度资助 {
  version 2020-01-01
}
clause "X-1" "资助" "全额资助"
param 标准 = 100元 cites "X-1"
premium 居民医保 cites "X-1" {
  standard 标准
  subsidy 多给 = 标准 + 1元 source "财政" when extreme_poor in categories
}
rule 基本 cites "X-1" {
  basic = 0元
}
`,
      'p.policy',
      dir,
    );
    const roster = file('person,category,from,to\nP9,extreme_poor,2020-01-01,\n', 'r.csv', dir);
    const out = join(dir, 'p.csv');
    const r = await policy(['premium', '--policy', pol, '--roster', roster, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('P9 2020 premium 居民医保: subsidy 多给 (101.00) is more than the standard (100.00); nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad invocations with exit 2: an output over a roster, no premium, a bad year, a roster spanning centuries, a bad roster row', async () => {
    const dir = tempDir();
    const roster = file(HEFEI_ROSTER, 'roster.csv', dir);
    const clash = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--out', roster]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/--out.*--roster|--roster.*--out/);
    expect(readFileSync(roster, 'utf8')).toBe(HEFEI_ROSTER);
    const none = await policy(['premium', '--policy', 'policies/jinzhai', '--roster', roster, '--out', join(dir, 'a.jsonl')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('policy jinzhai declares no premium');
    const year = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--year', '20x1', '--out', join(dir, 'b.jsonl')]);
    expect(year.status).toBe(2);
    expect(year.stderr).toContain('--year is a year of four digits, not "20x1"');
    const wide = file('person,category,from,to\nW1,dibao,1020-01-01,\nW2,dibao,2020-01-01,2020-02-01\n', 'wide.csv', dir);
    const span = await policy(['premium', '--policy', 'policies/hefei', '--roster', wide, '--out', join(dir, 'c.jsonl')]);
    expect(span.status).toBe(2);
    expect(span.stderr).toContain('the rosters span the years 1020–2020 (1001 years); give --year YYYY');
    const bad = file('person,category,from,to\nB1,rich,2020-01-01,\n', 'bad.csv', dir);
    const badRow = await policy(['premium', '--policy', 'policies/hefei', '--roster', bad, '--out', join(dir, 'd.jsonl')]);
    expect(badRow.status).toBe(2);
    expect(badRow.stderr).toContain('bad.csv:2: category');
    expect(existsSync(join(dir, 'd.jsonl'))).toBe(false);
  });

  it('writes spreadsheet-safe CSV: a person id that looks like a formula is not evaluated', async () => {
    const dir = tempDir();
    const roster = file('person,category,from,to\n=HYPERLINK("x"),extreme_poor,2021-01-01,\n', 'r.csv', dir);
    const out = join(dir, 'p.csv');
    const r = await policy(['premium', '--policy', 'policies/hefei', '--roster', roster, '--out', out]);
    expect(r.status).toBe(0);
    const row = readFileSync(out, 'utf8').split('\n')[1] ?? '';
    expect(row.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
  });
});
