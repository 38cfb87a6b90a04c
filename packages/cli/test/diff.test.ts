import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

/**
 * `policy diff` on a real rule change: a copy of policies/anyi whose inpatient ratio at level 2
 * (住院报销比例[2]) goes from 80% to 85%, over five handmade claims. Every expected amount is
 * derived by hand below (ratios and deductibles from policies/anyi/parameters.policy: level 2
 * deductible 500元, level 3 1000元 at 60%; 大病保险 7500元 yearly deductible, 50% above it;
 * 低保 assistance (70% + 5 points) × (inCatalog − basic − critical_illness)).
 *
 * D1 ordinary, inpatient level 2, total 15000.00, inCatalog 12345.67
 *   before: basic (12345.67 − 500) × 80% = 9476.536 → 9476.54; 大病 自付 2869.13 ≤ 7500 → 0
 *           patient 15000 − 9476.54 = 5523.46
 *   after:  basic 11845.67 × 85% = 10068.8195 → 10068.82; 大病 自付 2276.85 → 0
 *           patient 15000 − 10068.82 = 4931.18            Δ basic +592.28, Δ patient −592.28
 * D2 ordinary, inpatient level 3, total 50000.00, inCatalog 40000.00 — level 3 is unchanged:
 *   basic (40000 − 1000) × 60% = 23400.00; 大病 (16600 − 7500) × 50% = 4550.00; patient 22050.00
 * D3 ordinary, inpatient level 2, total 30000.00, inCatalog 25000.00
 *   before: basic 24500 × 80% = 19600.00; 大病 自付 5400 → 0; patient 10400.00
 *   after:  basic 24500 × 85% = 20825.00; 大病 自付 4175 → 0; patient 9175.00
 *                                                          Δ basic +1225.00, Δ patient −1225.00
 * D4 ordinary, outpatient level 2, total 300.00: no rule pays an ordinary outpatient; patient 300.00
 * D5 dibao, inpatient level 2, total 10000.00, inCatalog 8000.00
 *   before: basic 7500 × 80% = 6000.00; 大病 自付 2000 → 0; assistance 75% × (8000 − 6000) = 1500.00
 *           patient 10000 − 6000 − 1500 = 2500.00
 *   after:  basic 7500 × 85% = 6375.00; 大病 自付 1625 → 0; assistance 75% × 1625 = 1218.75
 *           patient 10000 − 6375 − 1218.75 = 2406.25
 *                            Δ basic +375.00, Δ medical_assistance −281.25, Δ patient −93.75
 * Totals: basic before 9476.54 + 23400 + 19600 + 6000 = 58476.54, after 10068.82 + 23400 +
 *   20825 + 6375 = 60668.82, Δ +2192.28 (= 592.28 + 1225 + 375), 2192.28 / 58476.54 = 3.7490 %
 *   → +3.75%; patient before 5523.46 + 22050 + 10400 + 300 + 2500 = 40773.46, after 4931.18 +
 *   22050 + 9175 + 300 + 2406.25 = 38862.43, Δ −1911.03, −4.6869 % → −4.69%; assistance
 *   1500 → 1218.75, −18.75%; critical_illness 4550 both; invoice 105300.00 both.
 * Top by |Δ patient|: D3 (1225), D1 (592.28), D5 (93.75).
 */

const CLAIMS = [
  { id: 'D1', personId: 'P1', date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-03-01', discharged: '2018-03-05', total: '15000.00', inCatalog: '12345.67' },
  { id: 'D2', personId: 'P2', date: '2018-05-20', visit: 'inpatient', level: 3, region: 'city', admitted: '2018-05-02', discharged: '2018-05-20', total: '50000.00', inCatalog: '40000.00' },
  { id: 'D3', personId: 'P3', date: '2018-06-11', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-06-01', discharged: '2018-06-11', total: '30000.00', inCatalog: '25000.00' },
  { id: 'D4', personId: 'P4', date: '2018-07-01', visit: 'outpatient', level: 2, region: 'county', total: '300.00', inCatalog: '200.00' },
  { id: 'D5', personId: 'P5', date: '2018-08-15', categories: ['dibao'], visit: 'inpatient', level: 2, region: 'county', admitted: '2018-08-10', discharged: '2018-08-15', total: '10000.00', inCatalog: '8000.00' },
];

const RATIO_TABLE = 'table 住院报销比例 by level {\n  0: 0%\n  1: 90%\n  2: 80%';

let dir: string;
let claims: string;
let oldPolicy: string;
let newPolicy: string;

/** A copy of policies/anyi under `name`, with `edit` applied to one of its files. */
function anyiCopy(name: string, file?: string, edit?: (text: string) => string): string {
  const to = join(dir, name);
  cpSync('policies/anyi', to, { recursive: true });
  if (file && edit) {
    const path = join(to, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${path} changed nothing`);
    writeFileSync(path, after);
  }
  return to;
}

interface LayerJson {
  before: string;
  after: string;
  delta: string;
  deltaPercent: string | null;
}

beforeAll(() => {
  dir = tempDir();
  claims = join(dir, 'claims.jsonl');
  writeFileSync(claims, `${CLAIMS.map((c) => JSON.stringify(c)).join('\n')}\n`);
  oldPolicy = anyiCopy('old');
  newPolicy = anyiCopy('new', 'parameters.policy', (t) => t.replace(RATIO_TABLE, RATIO_TABLE.replace('2: 80%', '2: 85%')));
});

describe('policy diff: a ratio 80% → 85%', () => {
  it('gives the JSON report with the hand-derived totals, breakdowns and top claims', async () => {
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.records).toBe(5);
    expect(j.settled).toBe(5);
    expect(j.changedClaims).toBe(3);
    expect(j.layersChanged).toBe(3);
    expect(j.statusChanged).toBe(0);
    expect(j.sameSource).toBe(false);
    const layers = j.layers as Record<string, LayerJson>;
    expect(layers['basic']).toEqual({ before: '58476.54', after: '60668.82', delta: '2192.28', deltaPercent: '3.75' });
    expect(layers['patient']).toEqual({ before: '40773.46', after: '38862.43', delta: '-1911.03', deltaPercent: '-4.69' });
    expect(layers['medical_assistance']).toEqual({ before: '1500.00', after: '1218.75', delta: '-281.25', deltaPercent: '-18.75' });
    expect(layers['critical_illness']).toEqual({ before: '4550.00', after: '4550.00', delta: '0.00', deltaPercent: '0.00' });
    // Layers no claim reaches: 0 on both sides, no percentage.
    expect(layers['finance']).toEqual({ before: '0.00', after: '0.00', delta: '0.00', deltaPercent: null });
    expect(j.total).toEqual({ before: '105300.00', after: '105300.00', delta: '0.00' });
    // paying: 58476.54 + 4550 + 1500 = 64526.54 → 60668.82 + 4550 + 1218.75 = 66437.57
    expect(j.paying).toMatchObject({ before: '64526.54', after: '66437.57', delta: '1911.03' });

    expect(j.top.map((c: { id: string }) => c.id)).toEqual(['D3', 'D1', 'D5']);
    expect(j.top[2]).toMatchObject({
      id: 'D5',
      delta: { basic: '375.00', medical_assistance: '-281.25', patient: '-93.75' },
      before: { basic: '6000.00', medical_assistance: '1500.00', patient: '2500.00' },
      after: { basic: '6375.00', medical_assistance: '1218.75', patient: '2406.25' },
    });
    // The rules that fired differently for D5: basic and assistance, each with its file:line.
    const rules = j.top[2].rules as { rule: string; base: { applied: boolean; layers: Record<string, string>; at: { file: string; line: number } }; head: { layers: Record<string, string>; at: { file: string } } }[];
    expect(rules.map((x) => x.rule)).toEqual(['基本医保住院', '低保对象救助']);
    expect(rules[0]?.base.layers).toEqual({ basic: '6000.00' });
    expect(rules[0]?.head.layers).toEqual({ basic: '6375.00' });
    expect(rules[1]?.base.layers).toEqual({ medical_assistance: '1500.00' });
    expect(rules[1]?.head.layers).toEqual({ medical_assistance: '1218.75' });
    expect(rules[0]?.base.at.file).toBe(join(oldPolicy, 'settlement.policy'));
    expect(rules[0]?.head.at.file).toBe(join(newPolicy, 'settlement.policy'));
    const line = readFileSync(join(oldPolicy, 'settlement.policy'), 'utf8').split('\n').findIndex((l) => l.startsWith('rule 基本医保住院')) + 1;
    expect(rules[0]?.base.at.line).toBe(line);

    // none: D1–D4, changed D1 and D3 (Δ basic 592.28 + 1225 = 1817.28); dibao: D5 alone.
    const category = j.breakdown.category as { group: string; claims: number; changed: number; delta: Record<string, string>; paying: string }[];
    expect(category.map((g) => g.group)).toEqual(['none', 'dibao']);
    expect(category[0]).toMatchObject({ claims: 4, changed: 2, paying: '1817.28', delta: { basic: '1817.28', patient: '-1817.28' } });
    expect(category[1]).toMatchObject({ claims: 1, changed: 1, paying: '93.75', delta: { basic: '375.00', medical_assistance: '-281.25', patient: '-93.75' } });
    const level = j.breakdown.level as { group: string; claims: number; changed: number }[];
    expect(level.map((g) => [g.group, g.claims, g.changed])).toEqual([['2', 4, 3], ['3', 1, 0]]);
    const visit = j.breakdown.visit as { group: string; claims: number; changed: number }[];
    expect(visit.map((g) => [g.group, g.claims, g.changed])).toEqual([['inpatient', 4, 3], ['outpatient', 1, 0]]);
  });

  it('prints the table by default, with the layer rows, groups, top claims and rules', async () => {
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}basic +58,476\.54 +60,668\.82 +\+2,192\.28 +\+3\.75%$/m);
    expect(r.stdout).toMatch(/^ {2}patient +40,773\.46 +38,862\.43 +-1,911\.03 +-4\.69%$/m);
    expect(r.stdout).toContain('3 claims changed: layers 3, settled ↔ rejected 0, flags 0');
    expect(r.stdout).toContain('claims that changed most (3 of 3; by patient, then any layer)');
    expect(r.stdout).toContain('medical_assistance 1500.00 → 1218.75 (-281.25)');
    expect(r.stdout).toContain('低保对象救助: medical_assistance 1500.00 → 1218.75');
    expect(r.stdout).toMatch(/^ {2}dibao +1 +1 +\+93\.75 +\+375\.00 +-281\.25 +-93\.75$/m);
  });

  it('gives Markdown for a pull-request comment: heading, layer table, breakdowns, top claims folded', async () => {
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--format', 'markdown', '--top', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('### policy diff: anyi — 3 of 5 claims changed');
    expect(r.stdout).toContain('| layer | before | after | delta | delta % |\n| --- | ---: | ---: | ---: | ---: |');
    expect(r.stdout).toContain('| `basic` | 58,476.54 | 60,668.82 | +2,192.28 | +3.75% |');
    expect(r.stdout).toContain('| `medical_assistance` | 1,500.00 | 1,218.75 | -281.25 | -18.75% |');
    expect(r.stdout).toContain('#### By category');
    expect(r.stdout).toContain('| `dibao` | 1 | 1 | +93.75 | +375.00 | -281.25 | -93.75 |');
    expect(r.stdout).toContain('<details><summary>The 2 claims that changed most (of 3; by patient, then any layer)</summary>');
    expect(r.stdout).toContain('- `D3` person `P3`, 2018-06-11, line 3: basic 19600.00 → 20825.00 (+1225.00); patient 10400.00 → 9175.00 (-1225.00)');
    expect(r.stdout).not.toContain('`D5` person');
    expect(r.stdout).toContain('</details>');
  });

  it('--fail-on-change exits 1; --out writes the report to a file and nothing to stdout', async () => {
    const out = join(dir, 'reports', 'diff.md');
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', claims, '--fail-on-change', '--format', 'markdown', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('| `basic` | 58,476.54 | 60,668.82 | +2,192.28 | +3.75% |');
  });

  it('reads CSV claims too, with the same result', async () => {
    const csv = join(dir, 'claims.csv');
    const cols = ['id', 'personId', 'date', 'categories', 'visit', 'level', 'region', 'admitted', 'discharged', 'total', 'inCatalog'];
    const rows = CLAIMS.map((c) => cols.map((k) => { const v = (c as Record<string, unknown>)[k]; return Array.isArray(v) ? v.join('|') : String(v ?? ''); }).join(','));
    writeFileSync(csv, `${cols.join(',')}\n${rows.join('\n')}\n`);
    const j = JSON.parse((await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', csv, '--format', 'json'])).stdout);
    expect(j.layers.basic.delta).toBe('2192.28');
    expect(j.changedClaims).toBe(3);
  });
});

describe('policy diff: standard input', () => {
  it('reads JSON Lines from - ; empty input is said on stderr', async () => {
    const r = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', '-', '--format', 'json'], readFileSync(claims, 'utf8'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).layers.basic.delta).toBe('2192.28');
    const empty = await policy(['diff', '--base', oldPolicy, '--head', newPolicy, '--in', '-', '--format', 'json'], '');
    expect(empty.status).toBe(0);
    expect(empty.stderr).toBe('policy diff: standard input holds no claims\n');
    expect(JSON.parse(empty.stdout)).toMatchObject({ records: 0, changedClaims: 0 });
  });
});

describe('policy diff: no change', () => {
  it('the same policy twice: an empty diff, settled once', async () => {
    const r = await policy(['diff', '--base', 'policies/anyi', '--head', oldPolicy, '--in', claims, '--fail-on-change', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ sameSource: true, changedClaims: 0, settled: 5, top: [], statusChanges: [], flags: [] });
    expect(j.layers.basic).toEqual({ before: '58476.54', after: '58476.54', delta: '0.00', deltaPercent: '0.00' });
  });

  it('a change that moves no amount (a comment) settles both sides and still says no claim changed', async () => {
    const commented = anyiCopy('commented', 'parameters.policy', (t) => `# reviewed\n${t}`);
    const r = await policy(['diff', '--base', oldPolicy, '--head', commented, '--in', claims, '--fail-on-change']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  no claim changed\n');
    expect(r.stdout).not.toContain('same source');
    expect(r.stdout).not.toContain('by category');
  });
});

describe('policy diff: settled ↔ rejected and flags', () => {
  it('a claim rejected by one side and settled by the other is a change, listed; rejected by both is counted', async () => {
    // The head comes into force on 2018-04-01: D1 (2018-03-05) is before its first version.
    const late = anyiCopy('late', 'anyi.policy', (t) => t.replace('version 2018-01-01', 'version 2018-04-01'));
    const withBad = join(dir, 'with-bad.jsonl');
    // One more record, invalid for both (total "abc"), and one before both versions (2017).
    const extra = [
      { id: 'X1', personId: 'P9', date: '2018-03-01', visit: 'outpatient', level: 1, region: 'county', total: 'abc', inCatalog: '0.00' },
      { id: 'X2', personId: 'P9', date: '2017-12-01', visit: 'outpatient', level: 1, region: 'county', total: '10.00', inCatalog: '0.00' },
    ];
    writeFileSync(withBad, [...CLAIMS, ...extra].map((c) => JSON.stringify(c)).join('\n'));
    const r = await policy(['diff', '--base', oldPolicy, '--head', late, '--in', withBad, '--format', 'json', '--fail-on-change']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('policy diff: 1 record of');
    expect(r.stderr).toContain('line 6 id X1: total:');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ records: 7, invalid: 1, rejectedBoth: 1, settled: 4, changedClaims: 1, layersChanged: 0, statusChanged: 1 });
    expect(j.base).toMatchObject({ settled: 5, rejected: 2, versions: ['2018-01-01'] });
    expect(j.head).toMatchObject({ settled: 4, rejected: 3, versions: ['2018-04-01'] });
    expect(j.statusChanges).toHaveLength(1);
    expect(j.statusChanges[0]).toMatchObject({ id: 'D1', line: 1, base: { settled: true, layers: { basic: '9476.54', patient: '5523.46' } }, head: { settled: false } });
    expect(j.statusChanges[0].head.rejected).toContain('before policy anyi');
    // D1 counts 0 after: basic 58476.54 − 9476.54 = 49000.00
    expect(j.layers.basic).toMatchObject({ before: '58476.54', after: '49000.00', delta: '-9476.54' });
    const none = j.breakdown.category[0];
    expect(none).toMatchObject({ group: 'none', claims: 5, changed: 1, delta: { basic: '-9476.54', patient: '-5523.46' } });
  });

  it('a flag whose message changed: flags only, counted as appeared and disappeared', async () => {
    const reworded = anyiCopy('reworded', 'settlement.policy', (t) => t.replace('flag "非定点医疗机构: ', 'flag "非定点医疗机构(已修订): '));
    const file = join(dir, 'undesignated.jsonl');
    writeFileSync(file, `${JSON.stringify({ ...CLAIMS[3], id: 'N1', designated: false })}\n${JSON.stringify(CLAIMS[1])}\n`);
    const r = await policy(['diff', '--base', oldPolicy, '--head', reworded, '--in', file, '--format', 'json', '--fail-on-change']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ changedClaims: 1, layersChanged: 0, flagsChanged: 1, top: [] });
    expect(j.flags).toHaveLength(2);
    expect(j.flags.map((f: { appeared: number; disappeared: number }) => [f.appeared, f.disappeared]).sort()).toEqual([[0, 1], [1, 0]]);
  });
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

describe('policy diff --base-rev', () => {
  let repo: string;
  beforeAll(() => {
    repo = join(dir, 'repo');
    mkdirSync(join(repo, 'policies'), { recursive: true });
    cpSync('policies/anyi', join(repo, 'policies/anyi'), { recursive: true });
    cpSync('policies/jinzhai', join(repo, 'policies/jinzhai'), { recursive: true });
    cpSync('policies/modules', join(repo, 'policies/modules'), { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'policies');
    const params = join(repo, 'policies/anyi/parameters.policy');
    writeFileSync(params, readFileSync(params, 'utf8').replace(RATIO_TABLE, RATIO_TABLE.replace('2: 80%', '2: 85%')));
  });

  it('takes the old policy from the revision: the same report as two folders', async () => {
    const r = await policy(['diff', '--base-rev', 'HEAD', '--head', join(repo, 'policies/anyi'), '--in', claims, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.base).toMatchObject({ rev: 'HEAD', path: join(repo, 'policies/anyi') });
    expect(j.layers.basic).toEqual({ before: '58476.54', after: '60668.82', delta: '2192.28', deltaPercent: '3.75' });
    expect(j.top.map((c: { id: string }) => c.id)).toEqual(['D3', 'D1', 'D5']);
  });

  it('runs from inside the repository with a relative path, and reads the bases at the revision too', async () => {
    // jinzhai builds on ../modules/anhui-comprehensive → ../anhui-base; change the base only.
    const base = join(repo, 'policies/modules/anhui-base/parameters.policy');
    const text = readFileSync(base, 'utf8');
    expect(text).toContain('  2: 80%');
    writeFileSync(base, text.replace('  2: 80%', '  2: 85%'));
    const jz = join(dir, 'jinzhai.jsonl');
    writeFileSync(jz, `${JSON.stringify({ ...CLAIMS[2], date: '2019-06-11', admitted: '2019-06-01', discharged: '2019-06-11' })}\n`);
    const r = spawnSync(process.execPath, [join(process.cwd(), 'packages/cli/dist/policy.cjs'), 'diff', '--base-rev', 'HEAD', '--head', 'policies/jinzhai', '--in', jz, '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.changedClaims).toBe(1);
    expect(j.sameSource).toBe(false);
    expect(j.top[0].rules[0].base.at.file).toBe('policies/modules/anhui-base/settlement.policy');
    git(repo, 'checkout', '-q', '--', 'policies/modules');
  });

  it('exits 2 with a clear message: not a repository, unknown revision, path absent at the revision', async () => {
    const outside = await policy(['diff', '--base-rev', 'HEAD', '--head', oldPolicy, '--in', claims]);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^policy: --base-rev HEAD: .* is not in a git repository/);
    const unknown = await policy(['diff', '--base-rev', 'no-such-branch', '--head', join(repo, 'policies/anyi'), '--in', claims]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`policy: --base-rev no-such-branch: unknown revision in the git repository ${repo}\n`);
    const added = join(repo, 'policies/added');
    cpSync('policies/anyi', added, { recursive: true });
    const absent = await policy(['diff', '--base-rev', 'HEAD', '--head', added, '--in', claims]);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toBe(`policy: --base-rev HEAD: ${added} does not exist at HEAD (no .policy files there)\n`);
    const dash = await policy(['diff', '--base-rev', '--output=x', '--head', added, '--in', claims]);
    expect(dash.status).toBe(2);
    expect(existsSync('x')).toBe(false);
    for (const x of [outside, unknown, absent, dash]) expect(x.stderr).not.toMatch(STACK);
  });
});

describe('policy diff: usage errors exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['both --base and --base-rev', ['--base', 'policies/anyi', '--base-rev', 'HEAD', '--head', 'policies/anyi', '--in', 'examples/claims.csv'], /--base PATH or --base-rev REV \(one of them\)/],
    ['neither', ['--head', 'policies/anyi', '--in', 'examples/claims.csv'], /--base PATH or --base-rev REV/],
    ['a bad format', ['--base', 'policies/anyi', '--head', 'policies/anyi', '--in', 'examples/claims.csv', '--format', 'xml'], /--format is text, json, markdown or html/],
    ['a bad --top', ['--base', 'policies/anyi', '--head', 'policies/anyi', '--in', 'examples/claims.csv', '--top', '-1'], /--top must be a whole number/],
    ['a missing claims file', ['--base', 'policies/anyi', '--head', 'policies/anyi', '--in', 'examples/nowhere.csv'], /cannot read examples\/nowhere\.csv: no such file/],
    ['a claims file of unknown format', ['--base', 'policies/anyi', '--head', 'policies/anyi', '--in', 'README.md'], /cannot tell the format/],
    ['a missing head', ['--base', 'policies/anyi', '--head', 'policies/nowhere', '--in', 'examples/claims.csv'], /policies\/nowhere: no such file or folder/],
    ['a module as a side', ['--base', 'policies/modules/anhui-base', '--head', 'policies/anyi', '--in', 'examples/claims.csv'], /is module anhui_base: a base for policies/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const r = await policy(['diff', ...args]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('a side with errors names the file and line', async () => {
    const broken = anyiCopy('broken', 'parameters.policy', (t) => t.replace('param 大病保险报销比例 = 50%', 'param 大病保险报销比例 = 50元 +'));
    const r = await policy(['diff', '--base', broken, '--head', 'policies/anyi', '--in', claims]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`policy ${broken} has errors`);
    expect(r.stderr).toContain(`${join(broken, 'parameters.policy')}:`);
  });

  it('--help documents the exit statuses', async () => {
    const r = await policy(['diff', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: policy diff');
    expect(r.stdout).toContain('Exit status: 0');
    expect(r.stdout).toContain('--fail-on-change');
  });
});
