import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '@policy/dsl';
import { CATEGORY_BITS, type Claim } from '@policy/engine';
import { rosterBits } from './apply-roster.js';
import { compareRosters } from './compare-rosters.js';
import { loadRosters } from './load-rosters.js';
import { readRosterFile } from './read-roster.js';
import { describeConflict, findConflicts } from './roster-conflicts.js';
import { RosterIndex } from './roster-index.js';
import { OPEN_END, RosterFileError, describeProblem, type RosterRow } from './roster-row.js';

const dir = mkdtempSync(join(tmpdir(), 'roster-'));
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const day = (d: string): number => parseDate(d) as number;
const row = (person: string, category: RosterRow['category'], from: string, to?: string, line = 1, f = 'r.csv'): RosterRow => ({
  file: f, line, person, category, from: day(from), to: to === undefined ? OPEN_END : day(to),
});

describe('reading a roster', () => {
  it('reads CSV rows (extra columns ignored, empty to = still in, Chinese category names)', async () => {
    const path = file('a.csv', '\uFEFFperson,category,from,to,village\r\nP1,registered_poor,2018-03-10,2018-06-20,石鼻镇\r\nP2,低保对象,2018-01-01,,\r\n');
    const r = await readRosterFile(path);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { file: path, line: 2, person: 'P1', category: 'registered_poor', from: day('2018-03-10'), to: day('2018-06-20') },
      { file: path, line: 3, person: 'P2', category: 'dibao', from: day('2018-01-01'), to: OPEN_END },
    ]);
  });

  it('reads a roster in Chinese: columns and categories (CSV and JSON Lines)', async () => {
    const csv = file('zh.csv', '参保人,人群类别,开始日期,结束日期,村\nP1,建档立卡贫困人口,2018-03-10,2018-06-20,石鼻镇\nP2,防止返贫监测对象,2018-01-01,,\n');
    const jsonl = file('zh.jsonl', '{"人员编号":"P3","人员类别":"刚性支出困难家庭患病成员","起始日期":"2018-02-01","终止日期":null}\n');
    const a = await readRosterFile(csv);
    const b = await readRosterFile(jsonl);
    expect([a.problems, b.problems]).toEqual([[], []]);
    expect(a.rows).toEqual([
      { file: csv, line: 2, person: 'P1', category: 'registered_poor', from: day('2018-03-10'), to: day('2018-06-20') },
      { file: csv, line: 3, person: 'P2', category: 'monitored', from: day('2018-01-01'), to: OPEN_END },
    ]);
    expect(b.rows).toEqual([{ file: jsonl, line: 1, person: 'P3', category: 'hardship', from: day('2018-02-01'), to: OPEN_END }]);
  });

  it('reads JSON Lines rows (to null or absent = still in; blank lines count for line numbers)', async () => {
    const path = file('a.jsonl', '{"person":"P1","category":"特困人员","from":"2018-02-01","to":null}\n\n{"person":"P2","category":"monitored","from":"2018-02-01"}\n');
    const r = await readRosterFile(path);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.person, x.category, x.to])).toEqual([
      [1, 'P1', 'extreme_poor', OPEN_END],
      [3, 'P2', 'monitored', OPEN_END],
    ]);
  });

  it('names the file, line and field of every bad row, and keeps the good ones', async () => {
    const path = file(
      'bad.csv',
      [
        'person,category,from,to',
        ',registered_poor,2018-01-01,', // 2 missing person
        'P2,veteran,2018-01-01,', // 3 unknown category
        'P3,dibao,2018-02-30,', // 4 impossible date
        'P4,dibao,2018-05-01,2018-04-30', // 5 ends before it starts
        'P5,dibao,2018-05-01,soon', // 6 bad to
        'P6,dibao,2018-05-01', // 7 wrong cell count
        'P7,dibao,,', // 8 missing from
        'P8,dibao,2018-05-01,2018-05-01', // 9 good: one day
      ].join('\n'),
    );
    const r = await readRosterFile(path);
    expect(r.problems.map(describeProblem)).toEqual([
      `${path}:2: person: is required`,
      `${path}:3: category: must be one of registered_poor, extreme_poor, dibao, dibao_edge, monitored, hardship, or their Chinese names (建档立卡贫困人口, 特困人员, 低保对象, 低保边缘家庭成员, 防止返贫监测对象, 刚性支出困难家庭患病成员) (got "veteran")`,
      `${path}:4: from: must be an existing date YYYY-MM-DD (got "2018-02-30")`,
      `${path}:5: to: the period ends before it starts (from "2018-05-01", to "2018-04-30")`,
      `${path}:6: to: must be an existing date YYYY-MM-DD, or empty while the person is still in the category (got "soon")`,
      `${path}:7: the row has 3 cells but the header has 4 columns`,
      `${path}:8: from: is required: the day the person entered the category, YYYY-MM-DD`,
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([9]);
  });

  it('names bad JSON Lines rows', async () => {
    const path = file('bad.jsonl', '{"person":"P1","category":"dibao","from":"2018-01-01"\n[1,2]\n{"person":7,"category":"dibao","from":"2018-01-01"}\n{"person":"P4","category":"dibao","from":20180101}\n');
    const r = await readRosterFile(path);
    expect(r.problems.map((p) => [p.line, p.field, p.message.slice(0, 40)])).toEqual([
      [1, undefined, expect.stringMatching(/^not valid JSON: /) as unknown as string],
      [2, undefined, 'a roster row is a JSON object with perso'],
      [3, 'person', 'must be a string (got 7)'],
      [4, 'from', 'must be an existing date YYYY-MM-DD (got'],
    ]);
  });

  it('refuses a file it cannot use at all: unknown extension, missing column, missing file', async () => {
    await expect(readRosterFile(file('a.xlsx', 'x'))).rejects.toThrow(RosterFileError);
    await expect(readRosterFile(file('nocol.csv', 'person,category,since\nP1,dibao,2018-01-01\n'))).rejects.toThrow(
      /nocol\.csv: the header has no column "from"/,
    );
    await expect(readRosterFile(join(dir, 'missing.csv'))).rejects.toThrow(/cannot read roster .*missing\.csv: no such file/);
  });

  it('answers random bytes with problems, never a crash', async () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    const r = await readRosterFile(file('noise.jsonl', bytes));
    expect(r.rows).toEqual([]);
    expect(r.problems.length).toBeGreaterThan(0);
  });
});

describe('the roster index', () => {
  const index = RosterIndex.build([
    row('P1', 'registered_poor', '2018-03-10', '2018-06-20'),
    row('P1', 'dibao', '2018-01-01'),
    row('P2', 'dibao', '2018-01-01', '2018-03-31'),
    row('P2', 'dibao', '2018-04-01', '2018-04-30'), // touches: one period
    row('P2', 'dibao', '2018-04-15', '2018-05-31'), // overlaps: merged
  ]);
  const RP = CATEGORY_BITS.registered_poor;
  const DB = CATEGORY_BITS.dibao;

  it('holds a category from the day of entry to the day of exit, both included', () => {
    expect(index.categoriesOn('P1', day('2018-03-09'))).toBe(DB); // the day before entry
    expect(index.categoriesOn('P1', day('2018-03-10'))).toBe(DB | RP); // the day of entry
    expect(index.categoriesOn('P1', day('2018-06-20'))).toBe(DB | RP); // the day of exit
    expect(index.categoriesOn('P1', day('2018-06-21'))).toBe(DB); // the day after exit
    expect(index.categoriesOn('P1', day('2099-12-31'))).toBe(DB); // no exit day: still in
    expect(index.categoriesOn('P9', day('2018-03-10'))).toBe(0);
  });

  it('merges rows of one category that overlap or touch', () => {
    expect(index.periodsOf('P2')).toEqual([{ bit: DB, from: day('2018-01-01'), to: day('2018-05-31') }]);
  });

  it('reads the same from its shared buffer in another thread', () => {
    const again = RosterIndex.fromShared(index.buffer);
    expect(again.categoriesOn('P1', day('2018-04-01'))).toBe(DB | RP);
    expect(again.size).toBe(2);
  });

  it('finds every one of many persons, and none that is not there', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(`P${i}`, i % 2 ? 'dibao' : 'registered_poor', '2018-01-01'));
    const big = RosterIndex.build(rows);
    for (let i = 0; i < 20_000; i += 7) expect(big.categoriesOn(`P${i}`, day('2018-02-01'))).toBe(i % 2 ? DB : RP);
    expect(big.has('P20000')).toBe(false);
    expect(big.has('P1')).toBe(true);
    expect(big.has('')).toBe(false);
  });

  it('knows the categories a person enters later in the same year (LIUAN-4)', () => {
    expect(index.enteredLaterInYear('P1', day('2018-02-01'))).toBe(RP);
    expect(index.enteredLaterInYear('P1', day('2018-03-10'))).toBe(0); // in force already
    expect(index.enteredLaterInYear('P1', day('2017-12-31'))).toBe(0); // another year
  });
});

describe('contradicting rows', () => {
  it('are overlapping periods of rungs of the assistance ladder, named by both rows', () => {
    const a = row('P1', 'dibao', '2018-01-01', '2018-06-30', 2, 'civil.csv');
    const b = row('P1', 'extreme_poor', '2018-06-30', undefined, 5, 'civil.csv');
    const c = findConflicts([b, a]);
    expect(c).toEqual([{ person: 'P1', first: a, second: b }]);
    expect(describeConflict(c[0] as (typeof c)[number])).toBe(
      'civil.csv:2 and civil.csv:5: person P1 is dibao 2018-01-01 – 2018-06-30 and extreme_poor 2018-06-30 – (still in): these categories exclude each other',
    );
  });

  it('are not: a rung after another (no shared day), registered poor with dibao, one category twice', () => {
    expect(
      findConflicts([
        row('P1', 'dibao', '2018-01-01', '2018-05-31'),
        row('P1', 'hardship', '2018-06-01'),
        row('P2', 'registered_poor', '2016-01-01'),
        row('P2', 'dibao', '2016-01-01'),
        row('P2', 'monitored', '2016-01-01'),
        row('P3', 'dibao', '2018-01-01'),
        row('P3', 'dibao', '2018-01-01'),
        row('P4', 'dibao', '2018-01-01'),
        row('P5', 'extreme_poor', '2018-01-01'),
      ]),
    ).toEqual([]);
  });

  it('are found across files, and in linear time for many rows of one person', async () => {
    const a = file('pov.csv', 'person,category,from,to\nP1,dibao_edge,2018-01-01,\n');
    const b = file('civ.jsonl', '{"person":"P1","category":"dibao","from":"2018-03-01","to":"2018-04-01"}\n');
    const loaded = await loadRosters([a, b]);
    expect(loaded.conflicts.map((c) => [c.first.file, c.first.line, c.second.file, c.second.line])).toEqual([[a, 2, b, 1]]);
    const many = Array.from({ length: 50_000 }, (_, i) => row('P1', 'dibao', '2018-01-01', undefined, i + 2));
    const t0 = Date.now();
    expect(findConflicts(many)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});

describe('comparing two rosters (HEFEI-3)', () => {
  const A = 'a.csv';
  const B = 'b.csv';
  it('agrees when the same days are in force, however the rows are split', () => {
    const c = compareRosters(
      { file: A, problems: [], rows: [row('P1', 'dibao', '2018-01-01', '2018-06-30', 2, A), row('P1', 'dibao', '2018-07-01', undefined, 3, A)] },
      { file: B, problems: [], rows: [row('P1', 'dibao', '2018-01-01', undefined, 2, B)] },
    );
    expect(c).toEqual({ onlyInA: [], onlyInB: [], differ: [], agreeing: 1 });
  });

  it('lists persons on one list only, categories on one list only and periods that differ', () => {
    const a1 = row('P1', 'registered_poor', '2018-07-01', undefined, 2, A);
    const a2 = row('P2', 'registered_poor', '2016-01-01', undefined, 3, A);
    const a3 = row('P3', 'dibao', '2016-01-01', undefined, 4, A);
    const b1 = row('P1', 'registered_poor', '2018-08-01', undefined, 2, B);
    const b3 = row('P3', 'dibao_edge', '2016-01-01', undefined, 3, B);
    const b4 = row('P4', 'monitored', '2018-01-01', undefined, 4, B);
    const c = compareRosters({ file: A, problems: [], rows: [a1, a2, a3] }, { file: B, problems: [], rows: [b1, b3, b4] });
    expect(c.onlyInA).toEqual([{ person: 'P2', rows: [a2] }]);
    expect(c.onlyInB).toEqual([{ person: 'P4', rows: [b4] }]);
    expect(c.differ).toEqual([
      { person: 'P1', category: 'registered_poor', kind: 'period', a: [a1], b: [b1] },
      { person: 'P3', category: 'dibao', kind: 'category', a: [a3], b: [] },
      { person: 'P3', category: 'dibao_edge', kind: 'category', a: [], b: [b3] },
    ]);
    expect(c.agreeing).toBe(0);
  });
});

describe('the categories a claim is settled with', () => {
  const index = RosterIndex.build([
    row('P1', 'dibao', '2018-01-01', '2018-05-31'),
    row('P1', 'hardship', '2018-06-01'),
    row('P2', 'registered_poor', '2018-06-01'),
  ]);
  const claim = (person: string, date: string, bits = 0): Claim => ({ personId: person, day: day(date), categoryBits: bits }) as Claim;
  const { dibao: DB, hardship: HS, registered_poor: RP, monitored: MO } = CATEGORY_BITS;

  it('merge adds the roster to the claim; replace keeps the roster only', () => {
    expect(rosterBits(claim('P2', '2018-06-01', MO), { index, mode: 'merge' })).toBe(MO | RP);
    expect(rosterBits(claim('P2', '2018-06-01', MO), { index, mode: 'replace' })).toBe(RP);
    expect(rosterBits(claim('P9', '2018-06-01', MO), { index, mode: 'replace' })).toBe(0);
  });

  it('retroactively adds a category entered later that year, but not a move between rungs', () => {
    const retro = { index, mode: 'merge' as const, retroactive: true };
    expect(rosterBits(claim('P2', '2018-02-01'), retro)).toBe(RP);
    expect(rosterBits(claim('P2', '2017-12-31'), retro)).toBe(0);
    expect(rosterBits(claim('P1', '2018-02-01'), retro)).toBe(DB); // dibao then hardship: no hardship in February
    expect(rosterBits(claim('P1', '2018-06-01'), retro)).toBe(HS);
  });
});
