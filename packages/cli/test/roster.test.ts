import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, policySync, tempDir } from './run-cli.js';

/**
 * Rosters end to end, under 安义 (policies/anyi). One inpatient stay used throughout, amounts
 * derived by hand from policies/anyi (parameters.policy, settlement.policy):
 *
 *   level 2, county, total 10000.00, inCatalog 8000.00 (outOfCatalog 2000.00), no disease.
 *   ordinary resident: basic = (8000 − 500 deductible) × 80% = 6000.00; critical illness:
 *     this stay's own share 8000 − 6000 = 2000 < 7500 deductible → 0; patient = 4000.00.
 *   registered poor: basic 6000.00; critical illness: 2000 < 3750 (7500 halved) → 0;
 *     supplementary = 90% × (8000 − 6000 − 0 − 0) + 75% × 2000 = 1800 + 1500 = 3300.00;
 *     fallback = max(0, 90% × 10000 − 9300) = 0; patient = 10000 − 9300 = 700.00.
 */
const ORDINARY = { basic: '6000.00', critical_illness: '0.00', medical_assistance: '0.00', supplementary: '0.00', fallback: '0.00', finance: '0.00', hospital: '0.00', patient: '4000.00' };
const POOR = { ...ORDINARY, supplementary: '3300.00', patient: '700.00' };

function stay(id: string, person: string, date: string, categories: string[] = []): string {
  return JSON.stringify({
    id, personId: person, date, ...(categories.length > 0 ? { categories } : {}), visit: 'inpatient', level: 2, region: 'county',
    admitted: date, discharged: date, total: '10000.00', inCatalog: '8000.00',
  });
}

function layersOf(stdout: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const line of stdout.trim().split('\n')) {
    const s = JSON.parse(line) as { id: string; layers: Record<string, string> };
    out[s.id] = s.layers;
  }
  return out;
}

const dir = tempDir();
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// registered poor from 2018-03-10 (entry) to 2018-06-20 (exit), for P1…P4 alike.
const ROSTER = file(
  'poor.csv',
  ['person,category,from,to', ...['P1', 'P2', 'P3', 'P4'].map((p) => `${p},registered_poor,2018-03-10,2018-06-20`)].join('\n'),
);
const BOUNDARY = file(
  'boundary.jsonl',
  [
    stay('D1', 'P1', '2018-03-09'), // the day before entry
    stay('D2', 'P2', '2018-03-10'), // the day of entry
    stay('D3', 'P3', '2018-06-20'), // the day of exit
    stay('D4', 'P4', '2018-06-21'), // the day after exit
  ].join('\n'),
);

describe('policy eval --roster', () => {
  it('gives a claim the categories in force on its date: the day of entry and the day of exit count', async () => {
    const r = await policy(['eval', '--policy', 'policies/anyi', '--roster', ROSTER, BOUNDARY]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(layersOf(r.stdout)).toEqual({ D1: ORDINARY, D2: POOR, D3: POOR, D4: ORDINARY });
  });

  it("merge keeps the claim's own categories; replace uses the roster's only (a person on no roster is ordinary)", async () => {
    const claims = file('own.jsonl', [stay('M1', 'P4', '2018-06-21', ['registered_poor']), stay('M2', 'P9', '2018-05-01', ['registered_poor']), stay('M3', 'P2', '2018-05-01')].join('\n'));
    const merge = await policy(['eval', '--policy', 'policies/anyi', '--roster', ROSTER, claims]);
    expect(layersOf(merge.stdout)).toEqual({ M1: POOR, M2: POOR, M3: POOR });
    const replace = await policy(['eval', '--policy', 'policies/anyi', '--roster', ROSTER, '--roster-mode', 'replace', claims]);
    expect(layersOf(replace.stdout)).toEqual({ M1: ORDINARY, M2: ORDINARY, M3: POOR });
  });

  it('combines several rosters: registered poor from one, dibao from the other', async () => {
    // registered poor and dibao: basic 6000.00, critical illness 0 (as above);
    // medical assistance = (70% + 5 points) × (8000 − 6000 − 0) = 1500.00;
    // supplementary = 90% × (8000 − 6000 − 0 − 1500) + 75% × 2000 = 450 + 1500 = 1950.00;
    // paid 9450 ≥ 9000: fallback 0; patient = 10000 − 9450 = 550.00.
    const civil = file('civil.jsonl', '{"person":"P2","category":"低保对象","from":"2018-01-01"}\n');
    const claims = file('two.jsonl', stay('T1', 'P2', '2018-05-01'));
    const r = await policy(['eval', '--policy', 'policies/anyi', '--roster', ROSTER, '--roster', civil, claims]);
    expect(r.status).toBe(0);
    expect(layersOf(r.stdout)).toEqual({ T1: { ...ORDINARY, medical_assistance: '1500.00', supplementary: '1950.00', patient: '550.00' } });
  });

  it('refuses contradicting rows (exit 2) naming both, unless --roster-conflicts warn', async () => {
    const civil = file('contra.csv', 'person,category,from,to\nP1,dibao,2018-01-01,2018-06-30\nP1,extreme_poor,2018-06-01,\n');
    const r = await policy(['eval', '--policy', 'policies/anyi', '--roster', civil, BOUNDARY]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `policy: the rosters have 1 problem; nothing was settled:\n  ${civil}:2 and ${civil}:3: person P1 is dibao 2018-01-01 – 2018-06-30 and extreme_poor 2018-06-01 – (still in): these categories exclude each other (--roster-conflicts warn settles with both)\n`,
    );
    const w = await policy(['eval', '--policy', 'policies/anyi', '--roster', civil, '--roster-conflicts', 'warn', BOUNDARY]);
    expect(w.status).toBe(0);
    expect(w.stderr).toContain(`policy eval: warning: roster ${civil}:2 and ${civil}:3: person P1 is dibao`);
    expect(w.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('refuses bad rows (exit 2) with file, line and field, and bad options', async () => {
    const bad = file('bad.csv', 'person,category,from,to\nP1,poor,2018-01-01,\nP2,dibao,2018-01-01,2017-01-01\n');
    const r = await policy(['eval', '--policy', 'policies/anyi', '--roster', bad, BOUNDARY]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('policy: the rosters have 2 problems; nothing was settled:\n');
    expect(r.stderr).toContain(`  ${bad}:2: category: must be one of registered_poor`);
    expect(r.stderr).toContain(`  ${bad}:3: to: the period ends before it starts (from "2018-01-01", to "2017-01-01")\n`);
    expect(r.stderr).not.toMatch(STACK);
    for (const [args, message] of [
      [['--roster', ROSTER, '--roster-mode', 'union'], 'policy: --roster-mode must be merge or replace (got union)\n'],
      [['--roster-mode', 'replace'], 'policy: --roster-mode and --roster-conflicts need --roster FILE\n'],
      [['--roster', join(dir, 'none.csv')], `policy: cannot read roster ${join(dir, 'none.csv')}: no such file\n`],
      [['--roster', join(dir, 'x.txt')], `policy: ${join(dir, 'x.txt')}: cannot tell the format of this roster from its name; use .csv, or .jsonl / .ndjson / .json (JSON Lines)\n`],
    ] as const) {
      const u = await policy(['eval', '--policy', 'policies/anyi', ...args, BOUNDARY]);
      expect(u.status, args.join(' ')).toBe(2);
      expect(u.stderr).toBe(message);
    }
  });
});

describe('policy batch --roster', () => {
  const rosters = ['--roster', 'examples/rosters/poverty-office.csv', '--roster', 'examples/rosters/civil-affairs.jsonl'];

  it('reaches the workers: 1 and 3 workers, presorted or not, write the same bytes as eval in-process', async () => {
    const out = tempDir();
    const run = (name: string, extra: string[]): string => {
      const r = (policySync(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.jsonl', '--out', join(out, name), ...rosters, '--roster-mode', 'replace', ...extra]));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('  rosters poverty-office.csv, civil-affairs.jsonl: 42 rows, 31 persons, mode replace\n');
      return readFileSync(join(out, name), 'utf8');
    };
    const one = run('w1.jsonl', ['--workers', '1', '--summary-json', join(out, 'w1.json')]);
    expect((JSON.parse(readFileSync(join(out, 'w1.json'), 'utf8')) as { rosters: unknown }).rosters).toEqual({
      files: [{ file: 'examples/rosters/poverty-office.csv', rows: 26 }, { file: 'examples/rosters/civil-affairs.jsonl', rows: 16 }],
      rows: 42, persons: 31, mode: 'replace', conflicts: 0,
    });
    expect(run('w3.jsonl', ['--workers', '3'])).toBe(one);
    // --presorted validates and settles in the other path of the worker: the same settlements, in its input order.
    const lines = readFileSync('examples/claims.jsonl', 'utf8').trim().split('\n');
    const person = (l: string): string => (JSON.parse(l) as { personId: string }).personId;
    const sorted = file('sorted.jsonl', `${lines.slice().sort((x, y) => (person(x) < person(y) ? -1 : person(x) > person(y) ? 1 : 0)).join('\n')}\n`);
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', sorted, '--out', join(out, 'pre.jsonl'), ...rosters, '--roster-mode', 'replace', '--presorted', '--workers', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'pre.jsonl'), 'utf8').trim().split('\n').sort()).toEqual(one.trim().split('\n').sort());
    const e = await policy(['eval', '--policy', 'policies/anyi', ...rosters, '--roster-mode', 'replace', 'examples/claims.jsonl']);
    expect(e.status).toBe(0);
    expect(e.stdout).toBe(one);
    const plain = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.jsonl', '--out', join(out, 'plain.jsonl'), '--workers', '2']);
    expect(plain.status).toBe(0);
    const before = layersOf(readFileSync(join(out, 'plain.jsonl'), 'utf8'));
    const after = layersOf(one);
    // P000003 left registered_poor on 2018-07-16: C0000075 that day keeps it, C0000055 on 07-18 loses it.
    expect(after['C0000075']).toEqual(before['C0000075']);
    expect(after['C0000055']).not.toEqual(before['C0000055']);
    expect(after['C0000055']?.supplementary).toBe('0.00');
    // P000004 entered registered_poor on 2018-07-01: C0000067 that day gains it, C0000043 in January does not.
    expect(after['C0000043']).toEqual(before['C0000043']);
    expect(before['C0000067']?.supplementary).toBe('0.00');
    expect(after['C0000067']?.supplementary).not.toBe('0.00');
  });

  it('stops before settling anything when a roster is bad (exit 2, no output)', async () => {
    const out = join(tempDir(), 'out.csv');
    const bad = file('bad2.csv', 'person,category,from,to\nP1,dibao,2018-01-01,2018-13-01\n');
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', out, '--roster', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`policy: the rosters have 1 problem; nothing was settled:\n  ${bad}:2: to: must be an existing date YYYY-MM-DD, or empty while the person is still in the category (got "2018-13-01")\n`);
  });
});

describe('policy batch --retroactive (LIUAN-4)', () => {
  it('settles again the claims of the year before the entry, and reports the difference per claim and per layer', async () => {
    // P7 enters registered_poor on 2018-06-01. R1 and R2 come before (re-settled), R3 on the day
    // of entry and R4 after it already have the category (not reopened), R0 of 2017 is another year.
    // R1 2018-02-10 original (ordinary): basic 6000.00, patient 4000.00; critical illness counts 2000 of own share.
    //    retroactive (poor): as POOR above: supplementary 3300.00, patient 700.00.
    // R2 2018-03-15 original: basic 6000.00; critical illness: own share 2000 + 2000 before = 4000 < 7500 → 0; patient 4000.00.
    //    retroactive: critical illness = (max(0, 4000 − 3750) − max(0, 2000 − 3750)) × 90% = 250 × 90% = 225.00;
    //    supplementary = 90% × (8000 − 6000 − 225 − 0) + 75% × 2000 = 1597.50 + 1500 = 3097.50;
    //    paid 6000 + 225 + 3097.50 = 9322.50 ≥ 9000: fallback 0; patient = 677.50.
    // Differences: R1 supplementary +3300.00, patient −3300.00;
    //              R2 critical_illness +225.00, supplementary +3097.50, patient −3322.50.
    const roster = file('retro.csv', 'person,category,from,to\nP7,registered_poor,2018-06-01,\nP8,registered_poor,2018-01-01,\n');
    const claims = file(
      'retro.jsonl',
      [stay('R3', 'P7', '2018-06-01'), stay('R1', 'P7', '2018-02-10'), stay('R0', 'P7', '2017-11-10'), stay('R2', 'P7', '2018-03-15'), stay('R4', 'P7', '2018-07-05'), stay('R5', 'P8', '2018-02-01')].join('\n'),
    );
    const out = tempDir();
    const r = (await policy([
      'batch', '--policy', 'policies/anyi', '--in', claims, '--out', join(out, 'retro.jsonl'), '--roster', roster, '--retroactive', '--summary-json', join(out, 'retro.json'),
    ]));
    expect(r.status, r.stderr).toBe(0);
    const settled = layersOf(readFileSync(join(out, 'retro.jsonl'), 'utf8'));
    expect(settled).toEqual({
      R1: POOR,
      R2: { ...ORDINARY, critical_illness: '225.00', supplementary: '3097.50', patient: '677.50' },
    });
    const json = JSON.parse(readFileSync(join(out, 'retro.json'), 'utf8')) as Record<string, unknown>;
    expect(json['resettled']).toBe(2);
    expect(json['changed']).toBe(2);
    expect(json['persons']).toBe(1);
    expect(json['records']).toBe(6);
    expect(json['concernedRecords']).toBe(5); // P8 entered on January 1: nothing before it
    expect((json['claims'] as { id: string; delta: unknown; entered: unknown }[]).map((c) => [c.id, c.entered, c.delta])).toEqual([
      ['R1', [{ category: 'registered_poor', from: '2018-06-01' }], { supplementary: '+3300.00', patient: '-3300.00' }],
      ['R2', [{ category: 'registered_poor', from: '2018-06-01' }], { critical_illness: '+225.00', supplementary: '+3097.50', patient: '-3322.50' }],
    ]);
    expect((json['layers'] as Record<string, { delta: string }>)['patient']?.delta).toBe('-6622.50');
    expect((json['layers'] as Record<string, { delta: string }>)['supplementary']?.delta).toBe('+6397.50');
    expect(r.stderr).toContain('  R1     P7      2018-02-10  registered_poor from 2018-06-01  supplementary +3300.00, patient -3300.00\n');
    // R0 (2017: no entry that year) is not re-settled, so never reaches anyi, which starts in 2018.
    expect(r.stderr).not.toContain('R0');
  });

  it('needs --roster', async () => {
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(tempDir(), 'o.csv'), '--retroactive']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('policy: --retroactive needs --roster FILE: it re-settles the claims of the persons who entered a category\n');
  });
});

describe('policy roster check', () => {
  const A = 'examples/rosters/poverty-office.csv';
  const B = 'examples/rosters/insurance-office.csv';
  it('exits 0 when two rosters agree (the same days, split differently)', async () => {
    const a = file('ag-a.csv', 'person,category,from,to\nP1,dibao,2018-01-01,2018-06-30\nP1,dibao,2018-07-01,\n');
    const b = file('ag-b.jsonl', '{"person":"P1","category":"dibao","from":"2018-01-01"}\n');
    const r = await policy(['roster', 'check', '--roster', a, '--roster', b]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('the rosters agree: 1 person, the same categories over the same days\n');
  });
  it('exits 1 listing the differences with file:line, as a table or as JSON', async () => {
    const t = await policy(['roster', 'check', '--roster', A, '--roster', B]);
    expect(t.status).toBe(1);
    expect(t.stdout).toMatch(/^only in A +P000002 +registered_poor +2016-01-01 – \(still in\) \(examples\/rosters\/poverty-office\.csv:3\) +none$/m);
    expect(t.stdout).toMatch(/^period +P000004 +registered_poor +2018-07-01 – \(still in\) \(examples\/rosters\/poverty-office\.csv:6\) +2018-08-01 – \(still in\) \(examples\/rosters\/insurance-office\.csv:3\)$/m);
    const j = await policy(['roster', 'check', '--roster', A, '--roster', B, '--format', 'json']);
    expect(j.status).toBe(1);
    const json = JSON.parse(j.stdout) as { agree: boolean; onlyInA: { person: string }[]; onlyInB: { person: string }[]; differ: { person: string; kind: string; a: { line: number }[]; b: { line: number }[] }[] };
    expect(json.agree).toBe(false);
    expect(json.onlyInA.map((p) => p.person)).toEqual(['P000002']);
    expect(json.onlyInB.map((p) => p.person)).toEqual(['P000033']);
    expect(json.differ.map((d) => [d.person, d.kind, d.a.map((x) => x.line), d.b.map((x) => x.line)])).toEqual([['P000004', 'period', [6], [3]]]);
  });
  it('exits 1 on a bad or contradicting row, 2 on usage', async () => {
    const bad = file('ck-bad.csv', 'person,category,from,to\nP1,dibao,2018-01-01,\nP1,dibao_edge,2018-02-01,\nP2,dibao,someday,\n');
    const r = await policy(['roster', 'check', '--roster', bad, '--roster', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`bad row      ${bad}:4: from: must be an existing date YYYY-MM-DD (got "someday")\n`);
    expect(r.stdout).toContain(`contradicts  ${bad}:2 and ${bad}:3: person P1 is dibao 2018-01-01 – (still in) and dibao_edge 2018-02-01 – (still in)`);
    expect((await policy(['roster', 'check', '--roster', A])).status).toBe(2);
    expect((await policy(['roster', 'check', '--roster', A, '--roster', B, '--format', 'xml'])).status).toBe(2);
    expect((await policy(['roster', 'check', '--roster', A, '--roster', join(dir, 'nope.csv')])).stderr).toBe(`policy: cannot read roster ${join(dir, 'nope.csv')}: no such file\n`);
  });
  it('has help with the exit statuses', async () => {
    const r = await policy(['roster', 'check', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Exit status: 0 the lists agree');
  });
});
