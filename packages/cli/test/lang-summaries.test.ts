import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from './run-cli.js';
import { runExamples } from '@policy/claims';
import { renderReason } from '@policy/engine';
import { loadCompiled } from '../src/policy-paths.js';

/**
 * The summaries and usage errors of the commands in Chinese (--lang zh) and English: the built
 * command, the same run in both languages, the same numbers and exit status in each. The
 * English lines are the ones the transcripts quote (packages/cli/test/transcripts/*.t).
 */

function run(args: readonly string[], lang: 'en' | 'zh'): { status: number | null; stdout: string; stderr: string } {
  // POLICY_LANG says the other language: --lang must win over it.
  const env = { ...process.env, POLICY_LANG: lang === 'zh' ? 'en' : 'zh' };
  const r = spawnSync(process.execPath, [CLI, ...args, '--lang', lang], { encoding: 'utf8', timeout: 60_000, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string): string[] => text.split('\n');
/** The numbers of a text in order: what must be equal in both languages. */
const numbers = (text: string): string[] => text.match(/\d+(?:[,.]\d+)*/g) ?? [];

const BASE = [
  'policy 示例 {',
  '  title "示例县住院报销"',
  '  version 2018-01-01 cites "T-1"',
  '  layers basic, medical_assistance, patient',
  '}',
  'clause "T-1" "第一条" "住院报销"',
  'param 起付线 = 500元 cites "T-1"',
  'table 住院比例 by level { 0: 0%, 1: 90%, 2: 80%, 3: 60% } cites "T-1"',
  'param 救助比例 = 50% cites "T-1"',
  'rule 住院 cites "T-1" when visit == inpatient {',
  '  basic = max(0元, inCatalog - 起付线) × 住院比例[level]',
  '}',
  'rule 低保救助 cites "T-1" when dibao in categories {',
  '  medical_assistance = 救助比例 × (inCatalog - basic)',
  '}',
  '',
].join('\n');

const CLAIMS = [
  '{"id":"A1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"10000.00","inCatalog":"8000.00"}',
  '{"id":"A2","personId":"P2","date":"2018-05-20","categories":["dibao"],"visit":"inpatient","level":2,"region":"city","admitted":"2018-05-12","discharged":"2018-05-20","total":"5000.00","inCatalog":"4500.00"}',
  '{"id":"A3","personId":"P3","date":"2018-06-11","visit":"outpatient","level":1,"region":"county","total":"200.00","inCatalog":"150.00"}',
  '',
].join('\n');

function diffFixtures(): { base: string; head: string; claims: string } {
  const dir = tempDir();
  const base = join(dir, 'base.policy');
  const head = join(dir, 'head.policy');
  const claims = join(dir, 'claims.jsonl');
  writeFileSync(base, BASE);
  writeFileSync(head, BASE.replace('2: 80%', '2: 85%'));
  writeFileSync(claims, CLAIMS);
  return { base, head, claims };
}

describe('summaries in --lang zh and en', () => {
  it('batch: counts, balance, total and ratio, the same numbers', () => {
    const dir = tempDir();
    const args = ['batch', '--workers', '1', '--policy', 'policies/anyi', '--in', 'examples/bad-claims.csv', '--out', join(dir, 'o.csv'), '--rejects', join(dir, 'r.csv')];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(en.status).toBe(1);
    expect(zh.status).toBe(1);
    const out = join(dir, 'o.csv');
    expect(lines(en.stderr)).toEqual(
      expect.arrayContaining([
        `policy batch: anyi (versions 2018-01-01) over bad-claims.csv → ${out}`,
        '  records read          18',
        '  settled                3',
        '  rejected              15',
        '    … and 10 more (see the rejects output)',
        '  records read = settled + rejected: 18 = 3 + 15',
        '  layer                             amount   share',
        '  engine fixed-point, 1 worker',
      ]),
    );
    expect(lines(zh.stderr)).toEqual(
      expect.arrayContaining([
        `policy batch：anyi（版本 2018-01-01），bad-claims.csv → ${out}`,
        '  读取记录              18',
        '  已结算                 3',
        '  被拒绝                15',
        '    …… 另有 10 条（见被拒绝记录的输出）',
        '  读取记录 = 已结算 + 被拒绝：18 = 3 + 15',
        '  层                                  金额   占比',
        '  引擎 fixed-point，1 个工作线程',
      ]),
    );
    // The layers' lines are the same; the total and ratio lines carry the same amounts.
    const layer = (text: string) => lines(text).filter((l) => /^ {2}(basic|patient|critical_illness) /.test(l));
    expect(layer(zh.stderr)).toEqual(layer(en.stderr));
    const total = (text: string, word: string) => lines(text).find((l) => l.startsWith(`  ${word}`)) as string;
    expect(total(en.stderr, 'total')).toMatch(/^ {2}total {15} +[\d,]+\.\d\d$/);
    // 合计 takes 4 columns, total 5 characters: the amount ends in the same column.
    expect(total(zh.stderr, '合计').replace('合计 ', 'total')).toBe(total(en.stderr, 'total'));
    const ratio = (text: string) => numbers(lines(text).find((l) => l.includes('%') && (l.includes('effective') || l.includes('实际'))) as string);
    expect(ratio(zh.stderr)).toEqual(ratio(en.stderr));
    expect(zh.stderr).toMatch(/^ {2}实际报销比例（支付层 \/ 合计）：\d+\.\d\d%$/m);
    expect(zh.stderr).toMatch(/^ {2}用时 \d+\.\d\d 秒，每秒 \d+ 条记录，内存峰值 \d+ MiB$/m);
  });

  it('diff, text: the heading, counts and tables in Chinese; layer codes and amounts unchanged', () => {
    const f = diffFixtures();
    const args = ['diff', '--base', f.base, '--head', f.head, '--in', f.claims];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(en.status).toBe(0);
    expect(zh.status).toBe(0);
    expect(lines(en.stdout)).toEqual(
      expect.arrayContaining([
        `policy diff: 示例 → 示例 over ${f.claims}`,
        `  base  ${f.base} (示例, version 2018-01-01)`,
        '  settled on both sides 3, rejected on both 0 (0 invalid records)',
        '  2 claims changed: layers 2, settled ↔ rejected 0, flags 0',
        '  claims that changed most (2 of 2; by patient, then any layer)',
        '  A1  person P1  2018-03-05  line 1',
        '  versions in force: base 2018-01-01 (3 claims); head 2018-01-01 (3 claims)',
      ]),
    );
    expect(lines(zh.stdout)).toEqual(
      expect.arrayContaining([
        `policy diff：示例 → 示例，就诊记录 ${f.claims}`,
        `  base  ${f.base}（示例，版本 2018-01-01）`,
        '  读取记录      3      3',
        '  两边都结算 3，两边都拒绝 0（0 条无效记录）',
        '  2 条就诊记录有变化：各层金额 2，结算 ↔ 拒绝 0，标记 0',
        // By hand: A1 basic (8000 − 500) × 80% = 6000.00 → × 85% = 6375.00; A2 3200.00 → 3400.00.
        '  层                        之前        之后      变化    变化 %',
        '  basic                 9,200.00    9,775.00   +575.00    +6.25%',
        '  支付层                9,850.00   10,325.00   +475.00    +4.82%',
        '  合计（发票）         15,200.00   15,200.00      0.00     0.00%',
        '  按类别   就诊记录   有变化   Δ 支付层   Δ basic   Δ medical_assistance   Δ patient',
        '  变化最大的就诊记录（2 条中的 2 条；先按个人负担，再按任一层）',
        '  A1  参保人 P1  2018-03-05  第 1 行',
        '      basic 6000.00 → 6375.00 (+375.00)',
        '      触发情况不同的规则：',
        '  生效版本：base 2018-01-01（3 条就诊记录）；head 2018-01-01（3 条就诊记录）',
      ]),
    );
    expect(numbers(zh.stdout.replace(/第 (\d+) 行/g, 'line $1'))).toEqual(numbers(en.stdout));
  });

  it('diff, Markdown: the title, the claims line and the table headings', () => {
    const f = diffFixtures();
    const args = ['diff', '--base', f.base, '--head', f.head, '--in', f.claims, '--format', 'markdown', '--top', '1'];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(lines(en.stdout)).toEqual(
      expect.arrayContaining([
        '### policy diff: 示例 — 2 of 3 claims changed',
        `- **claims** \`${f.claims}\`: 3 read; settled 3 before, 3 after; rejected 0 before, 0 after (0 invalid)`,
        '| layer | before | after | delta | delta % |',
        '#### By category',
        '<details><summary>The 1 claim that changed most (of 2; by patient, then any layer)</summary>',
      ]),
    );
    expect(lines(zh.stdout)).toEqual(
      expect.arrayContaining([
        '### policy diff：示例 —— 3 条就诊记录中有 2 条变化',
        `- **就诊记录** \`${f.claims}\`：读取 3 条；结算 之前 3、之后 3；拒绝 之前 0、之后 0（0 条无效）`,
        '**2 条就诊记录有变化：各层金额 2，结算 ↔ 拒绝 0，标记 0**',
        '| 层 | 之前 | 之后 | 变化 | 变化 % |',
        '| `basic` | 9,200.00 | 9,775.00 | +575.00 | +6.25% |',
        '| 支付层 | 9,850.00 | 10,325.00 | +475.00 | +4.82% |',
        '#### 按类别',
        '<details><summary>变化最大的 1 条就诊记录（共 2 条；先按个人负担，再按任一层）</summary>',
        '生效版本：base 2018-01-01（3 条就诊记录）；head 2018-01-01（3 条就诊记录）。',
      ]),
    );
  });

  it('audit: the counts and the table heading by audit', () => {
    const dir = tempDir();
    const claims = join(dir, 'claims.jsonl');
    writeFileSync(
      claims,
      [
        '{"id":"A02","personId":"PA","date":"2019-03-25","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","disease":"肺炎","admitted":"2019-03-20","discharged":"2019-03-25","total":"4000.00","inCatalog":"3800.00"}',
        '{"id":"A01","personId":"PA","date":"2019-03-10","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","disease":"肺炎","admitted":"2019-03-01","discharged":"2019-03-10","total":"6000.00","inCatalog":"5500.00"}',
        '',
      ].join('\n'),
    );
    const args = ['audit', '--policy', 'policies/jinzhai', '--in', claims, '--out', '-', '--format', 'csv'];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(en.stdout).toBe(zh.stdout); // the findings file is the same in both
    expect(en.stderr).toBe(
      [
        'policy audit: jinzhai over claims.jsonl → -',
        '  records read           2',
        '  audited                2',
        '  rejected               0',
        '  findings               2',
        '  audit                       result  findings  cites',
        '  分解住院                  可疑         1  JINZHAI-1.2, JINZHAI-3.2',
        '  短期再入院                可疑         1  JINZHAI-3.2',
        '  挂床住院                  可疑         0  JINZHAI-1.3, JINZHAI-3.2',
        '',
      ].join('\n'),
    );
    expect(zh.stderr).toBe(
      [
        'policy audit：jinzhai，claims.jsonl → -',
        '  读取记录               2',
        '  已审核                 2',
        '  被拒绝                 0',
        '  发现                   2',
        '  审核规则                      结论      发现  条款',
        '  分解住院                  可疑         1  JINZHAI-1.2, JINZHAI-3.2',
        '  短期再入院                可疑         1  JINZHAI-3.2',
        '  挂床住院                  可疑         0  JINZHAI-1.3, JINZHAI-3.2',
        '',
      ].join('\n'),
    );
    expect(zh.status).toBe(en.status);
  });

  it('premium: the counts and the totals by category and by fund', () => {
    const dir = tempDir();
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, 'person,category,from,to\nH1,特困人员,2020-01-01,\nH2,registered_poor,2020-01-01,2020-06-30\nH3,dibao_edge,2020-01-01,\n');
    const args = ['premium', '--policy', 'policies/hefei', '--roster', roster, '--out', '-', '--format', 'csv'];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(en.stdout).toBe(zh.stdout);
    expect(lines(en.stderr).slice(0, 6)).toEqual([
      'policy premium: hefei over roster.csv → -',
      '  rosters: 3 rows, 3 persons; years 2020',
      '  person-years with a category         3',
      '  rows written                         3',
      '  premium 城乡居民基本医疗保险 2020',
      '                                         persons        standard         subsidy            pays',
    ]);
    expect(lines(zh.stderr)).toEqual([
      'policy premium：hefei，名单 roster.csv → -',
      '  名单：3 行，3 人；年份 2020',
      '  有类别的人年                         3',
      '  写出的行                             3',
      '  保费 城乡居民基本医疗保险 2020',
      '                                            人数        缴费标准            资助        个人缴纳',
      '    全部                                       3          840.00          532.00          308.00',
      '    按类别',
      '      dibao_edge                               1          280.00            0.00          280.00',
      '      extreme_poor                             1          280.00          280.00            0.00',
      '      registered_poor                          1          280.00          252.00           28.00',
      '    按资金来源',
      '      (none)                                   1          280.00            0.00          280.00',
      '      医疗救助基金                             2          560.00          532.00           28.00',
      '',
    ]);
  });

  it('test: a failing case, each layer that differs, and the summary', () => {
    const dir = join(tempDir(), 'p');
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(
      join(dir, 'p.policy'),
      'policy p {\n  title "示例"\n  version 2020-01-01 cites "P-1"\n  layers basic, patient\n}\nclause "P-1" "(一)基本医保" "住院费用按80%报销"\nparam 比例 = 80% cites "P-1"\nrule 基本医保 cites "P-1" when visit == inpatient {\n  basic = inCatalog × 比例\n}\n',
    );
    writeFileSync(
      join(dir, 'tests', 'cases.yaml'),
      [
        'cases:',
        '  - name: 住院 (wrong expectation on purpose)',
        '    claims:',
        '      - { id: T2, personId: P2, date: 2020-03-01, visit: inpatient, level: 2, region: county, admitted: 2020-02-25, discharged: 2020-03-01, total: "1000.00", inCatalog: "1000.00" }',
        '    expect:',
        '      - { basic: "900.00", patient: "100.00" }',
        '',
      ].join('\n'),
    );
    const en = run(['test', dir], 'en');
    const zh = run(['test', dir], 'zh');
    expect(en.status).toBe(1);
    expect(zh.status).toBe(1);
    const file = join(dir, 'tests', 'cases.yaml');
    expect(lines(en.stderr).slice(0, 4)).toEqual([
      `  FAIL 住院 (wrong expectation on purpose) (${file}:2)`,
      '       claim T2: basic expected 900.00, got 800.00',
      '       claim T2: patient expected 100.00, got 200.00',
      `FAILED ${dir}: 0/1 cases pass (1 claim in 1 file)`,
    ]);
    expect(lines(zh.stderr).slice(0, 4)).toEqual([
      `  未通过 住院 (wrong expectation on purpose)（${file}:2）`,
      '       就诊记录 T2：basic 应为 900.00，实际为 800.00',
      '       就诊记录 T2：patient 应为 100.00，实际为 200.00',
      `未通过 ${dir}：0/1 个用例通过（1 个文件，1 条就诊记录）`,
    ]);
  });

  it('test --coverage: the coverage line in Chinese, the same counts', () => {
    const en = run(['test', 'policies/anyi', '--coverage'], 'en');
    const zh = run(['test', 'policies/anyi', '--coverage'], 'zh');
    const cov = (text: string, word: string) => lines(text).find((l) => l.startsWith(word)) as string;
    expect(cov(en.stderr, 'coverage ')).toMatch(/^coverage policies\/anyi: rules \d+\/\d+ [\d.]+%, conditions \d+\/\d+ [\d.]+%, table rows \d+\/\d+ [\d.]+%$/);
    expect(cov(zh.stderr, '覆盖率 ')).toMatch(/^覆盖率 policies\/anyi：规则 \d+\/\d+ [\d.]+%, 条件 \d+\/\d+ [\d.]+%, 表格行 \d+\/\d+ [\d.]+%$/);
    expect(numbers(cov(zh.stderr, '覆盖率 '))).toEqual(numbers(cov(en.stderr, 'coverage ')));
    expect(lines(zh.stderr)).toContain(lines(en.stderr).find((l) => l.startsWith('ok policies/anyi') && l.includes('properties'))?.replace(/^ok (\S+): (\d+)\/(\d+) properties hold on sampled claims \((\d+) checked\)$/, '通过 $1：$2/$3 个性质在抽样就诊记录上成立（检查 $4 次）'));
  });
});

describe('roster check and check in --lang zh and en', () => {
  it('roster check: the files, the table of differences and the verdict', () => {
    const args = ['roster', 'check', '--roster', 'examples/rosters/insurance-office.csv', '--roster', 'examples/rosters/poverty-office.csv'];
    const en = run(args, 'en');
    const zh = run(args, 'zh');
    expect(en.status).toBe(1);
    expect(zh.status).toBe(1);
    expect(lines(en.stdout)).toEqual(
      expect.arrayContaining([
        'A  examples/rosters/insurance-office.csv: 25 rows, 25 persons',
        'the rosters differ: 23 persons agree, 3 differ (1 only in A, 1 only in B, 1 categories or periods)',
      ]),
    );
    expect(lines(zh.stdout)).toEqual(
      expect.arrayContaining([
        'A  examples/rosters/insurance-office.csv：25 行，25 人',
        'B  examples/rosters/poverty-office.csv：26 行，25 人',
        '两份名单不一致：23 人一致，3 人不同（1 人仅在 A 中，1 人仅在 B 中，1 处类别或期间不同）',
      ]),
    );
    // The table aligns by display width: every row's B column starts in the same terminal column.
    const table = lines(zh.stdout).filter((l) => /^(差异|仅在|期间|类别)/.test(l));
    expect(table[0]).toMatch(/^差异 +参保人 +类别 +A +B$/);
    expect(table.some((l) => l.startsWith('仅在 A 中  P000033  registered_poor  2018-01-01'))).toBe(true);
  });

  it("check: the line of a policy without errors, with the same counts", () => {
    const en = run(['check', 'policies/anyi'], 'en');
    const zh = run(['check', 'policies/anyi'], 'zh');
    expect(en.stderr).toMatch(/^ok policies\/anyi: anyi — 1 version \(2018-01-01\), \d+ rules, \d+ parameters, \d+ tables, 2 premiums\n$/);
    expect(zh.stderr).toMatch(/^通过 policies\/anyi：anyi —— 1 个版本（2018-01-01），\d+ 条规则，\d+ 个参数，\d+ 个表，2 个保费\n$/);
    expect(numbers(zh.stderr)).toEqual(numbers(en.stderr));
  });
});

describe("a failed example's lines: runExamples gives them in English and as table messages", () => {
  // A copy of 安义 whose one test file expects wrong things of the first ordinary case's claim O01
  // (it settles basic 9476.54, patient 5523.46, no flags: tests/01-ordinary.yaml) and of a bad claim.
  const dir = join(tempDir(), 'anyi');
  cpSync('policies/anyi', dir, { recursive: true });
  for (const f of readdirSync(join(dir, 'tests'))) rmSync(join(dir, 'tests', f));
  const o01 = '{ id: O01, personId: P01, date: 2018-03-05, visit: inpatient, level: 2, region: county, admitted: 2018-03-01, discharged: 2018-03-05, total: "15000.00", inCatalog: "12345.67" }';
  writeFileSync(
    join(dir, 'tests/01.yaml'),
    `cases:
  - name: wrong amounts
    claims: [${o01}]
    expect: [{ basic: "9000.00", patient: "5523.46", finance: "1.00", flags: [非定点] }]
  - name: a rejection expected
    claims: [${o01}]
    expect: [{ rejected: "date" }]
  - name: a bad claim
    claims: [{ id: B1, personId: P9, date: 2018-13-01, visit: inpatient, level: 2, region: county, total: "1.00", inCatalog: "1.00" }]
    expect: [{ basic: "0.00" }]
`,
  );
  const result = runExamples(loadCompiled(dir, { engine: 'decimal' }), dir);
  const lines = (lang: 'en' | 'zh') => result.cases.flatMap((c) => c.failureTexts.map((f) => renderReason(f, lang)));

  it('gives one table message per English line, the English rendered from it', () => {
    for (const c of result.cases) expect(c.failureTexts.map((f) => renderReason(f, 'en'))).toEqual(c.failures);
    expect(result.cases.map((c) => c.failures.length)).toEqual([3, 1, 1]);
  });

  it('in Chinese, ids, layers, amounts and quoted text kept', () => {
    const en = lines('en');
    const zh = lines('zh');
    expect(en.slice(0, 4)).toEqual([
      'claim O01: basic expected 9000.00, got 9476.54',
      'claim O01: finance expected 1.00, got 0.00',
      'claim O01: flags expected [非定点], got []',
      'claim O01: expected a rejection containing "date", but it settled',
    ]);
    expect(en[4]).toMatch(/^claim B1: rejected: date: /);
    expect(zh.slice(0, 4)).toEqual([
      '就诊记录 O01：basic 应为 9000.00，实际为 9476.54',
      '就诊记录 O01：finance 应为 1.00，实际为 0.00',
      '就诊记录 O01：flags 应为 [非定点]，实际为 []',
      '就诊记录 O01：应被拒绝且原因包含 "date"，但已结算',
    ]);
    // the bad claim's reason from the claims table, in Chinese too
    expect(zh[4]).toMatch(/^就诊记录 B1：被拒绝：date：/);
    expect(zh[4]).toMatch(/[\u4e00-\u9fff]{2}/);
    expect(zh[4]).not.toContain('must be');
  });
});

describe('usage errors in --lang zh and en (exit 2 in both)', () => {
  // Two persons out of order for --presorted: P1 (line 3) after P2 (line 2).
  const unsorted = join(tempDir(), 'unsorted.csv');
  writeFileSync(unsorted, 'id,personId,date,visit,level,region,total,inCatalog\nA,P2,2019-01-01,inpatient,2,county,1.00,1.00\nB,P1,2019-01-02,inpatient,2,county,1.00,1.00\n');
  const cases: { args: string[]; en: string; zh: string }[] = [
    {
      args: ['batch', '--policy', 'policies/jinzhai', '--in', unsorted, '--out', join(tempDir(), 'u.csv'), '--presorted'],
      en: `policy: ${unsorted} line 3 (row 2): personId "P1" comes after "P2": with --presorted the records of each person must come together, persons in ascending order (sort by personId, then date; LC_ALL=C sort order)`,
      zh: `policy: ${unsorted} 第 3 行（第 2 条数据）：personId "P1" 排在 "P2" 之后：使用 --presorted 时，每个参保人的记录必须连在一起，参保人按升序排列（先按 personId、再按 date 排序，LC_ALL=C 的顺序）`,
    },
    {
      // Checked while the line is parsed, before the command runs: --lang comes from the line.
      args: ['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', '-', '--engine', 'fast'],
      en: 'policy: --engine must be auto or decimal (got fast)',
      zh: 'policy: --engine 必须是 auto 或 decimal（给的是 fast）',
    },
    {
      args: ['audit', '--policy', 'policies/jinzhai', '--in', 'examples/claims.jsonl', '--out', '-', '--format', 'xml'],
      en: 'policy: --format is csv or jsonl, not "xml"',
      zh: 'policy: --format 应为 csv 或 jsonl，而不是 "xml"',
    },
    {
      args: ['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', '-', '--workers', '0'],
      en: 'policy: --workers must be a whole number from 1 to 256 (got 0)',
      zh: 'policy: --workers 必须是 1 到 256 之间的整数（给的是 0）',
    },
    {
      args: ['diff', '--head', 'policies/anyi', '--in', 'examples/claims.csv'],
      en: 'policy: give the old policy with --base PATH or --base-rev REV (one of them)',
      zh: 'policy: 请用 --base PATH 或 --base-rev REV 给出旧政策（二选一）',
    },
    {
      args: ['check', 'no/such/policy'],
      en: 'policy: no/such/policy: no such file or folder',
      zh: 'policy: no/such/policy：没有这个文件或文件夹',
    },
  ];
  const empty = tempDir();
  cases.push({
    args: ['fmt', '--check', empty],
    en: `policy: ${empty}: no .policy files in this folder or below`,
    zh: `policy: ${empty}：此文件夹及其子文件夹中没有 .policy 文件`,
  });
  for (const c of cases) {
    it(c.en, () => {
      const en = run(c.args, 'en');
      const zh = run(c.args, 'zh');
      expect(en.status).toBe(2);
      expect(zh.status).toBe(2);
      expect(en.stderr).toBe(`${c.en}\n`);
      expect(zh.stderr).toBe(`${c.zh}\n`);
    });
  }
});
