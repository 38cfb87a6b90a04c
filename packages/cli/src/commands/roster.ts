import type { Command } from 'commander';
import { formatOption } from '../options.js';
import { formatDate } from '@policy/dsl';
import { OPEN_END, compareRosters, describeConflict, describeProblem, findConflicts, periodText, rowPlace, type RosterComparison, type RosterConflict, type RosterRow } from '@policy/claims';
import { EXIT, UsageError } from '../errors.js';
import { readRosters } from '../roster/roster-options.js';
import { ref } from '@policy/dsl';

/**
 * `policy roster check --roster A --roster B`: HEFEI-3's reconciliation of two lists of poor
 * people (the insurance office's and the poverty office's). Validates each list, then lists
 * the people on one list only and the categories and periods that differ, with file:line.
 */
export function registerRoster(program: Command): void {
  const roster = program.command('roster').description('poverty rosters: check that two lists agree (HEFEI-3)');
  roster
    .command('check')
    .description('validate two rosters and list the people on one only and the categories or periods that differ, with file:line')
    .requiredOption('--roster <file>', 'a roster (CSV or JSON Lines: person, category, from, to); give exactly two: A then B', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(formatOption(['text', 'json'], ': both on stdout'))
    .addHelpText(
      'after',
      `
Two lists agree on a person when, category by category, the same days are in force (rows may be
split differently). Differences: "only in A" / "only in B" (the person is on one list only),
"category" (a category on one list only), "period" (the same category over different days).
Each roster is also validated: bad rows, and rows of one person whose periods overlap with
categories that exclude each other (extreme_poor, dibao, dibao_edge, hardship).
Exit status: 0 the lists agree and are valid, 1 they differ (or a row is bad or contradicts
another), 2 usage or I/O error (not exactly two --roster, a file that cannot be read).`,
    )
    .action(async (opts: { roster: string[]; format: 'text' | 'json' }) => {
      const format = opts.format;
      if (opts.roster.length !== 2) throw new UsageError(ref('cmd.usage.roster-check-two', { n: opts.roster.length }));
      const loaded = await readRosters(opts.roster);
      const [a, b] = loaded.files as [(typeof loaded.files)[number], (typeof loaded.files)[number]];
      const conflicts = [...findConflicts(a.rows), ...findConflicts(b.rows)];
      const comparison = compareRosters(a, b);
      const agree = loaded.problems.length === 0 && conflicts.length === 0 && comparison.onlyInA.length + comparison.onlyInB.length + comparison.differ.length === 0;
      const files = loaded.files.map((f) => ({ file: f.file, rows: f.rows.length, persons: new Set(f.rows.map((r) => r.person)).size, invalid: f.problems.length }));
      if (format === 'json') {
        const json = {
          agree,
          rosters: { A: files[0], B: files[1] },
          problems: loaded.problems,
          conflicts: conflicts.map((c) => ({ person: c.person, rows: [rowJson(c.first), rowJson(c.second)] })),
          onlyInA: comparison.onlyInA.map((p) => ({ person: p.person, rows: p.rows.map(rowJson) })),
          onlyInB: comparison.onlyInB.map((p) => ({ person: p.person, rows: p.rows.map(rowJson) })),
          differ: comparison.differ.map((d) => ({ person: d.person, category: d.category, kind: d.kind, a: d.a.map(rowJson), b: d.b.map(rowJson) })),
          agreeing: comparison.agreeing,
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        process.stdout.write(table(files, loaded.problems.map(describeProblem), conflicts, comparison, agree));
      }
      process.exitCode = agree ? EXIT.ok : EXIT.findings;
    });
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function rowJson(r: RosterRow): Record<string, unknown> {
  return { file: r.file, line: r.line, category: r.category, from: formatDate(r.from), to: r.to === OPEN_END ? null : formatDate(r.to) };
}

function rowsText(rows: readonly RosterRow[]): string {
  return rows.length === 0 ? 'none' : rows.map((r) => `${periodText(r)} (${rowPlace(r)})`).join(', ');
}

function table(
  files: readonly { file: string; rows: number; persons: number; invalid: number }[],
  problems: readonly string[],
  conflicts: readonly RosterConflict[],
  c: RosterComparison,
  agree: boolean,
): string {
  const lines: string[] = [];
  files.forEach((f, i) => lines.push(`${i === 0 ? 'A' : 'B'}  ${f.file}: ${count(f.rows, 'row')}, ${count(f.persons, 'person')}${f.invalid > 0 ? `, ${count(f.invalid, 'bad row')}` : ''}`));
  for (const p of problems) lines.push(`bad row      ${p}`);
  for (const x of conflicts) lines.push(`contradicts  ${describeConflict(x)}`);
  const rows: string[][] = [];
  for (const p of c.onlyInA) for (const r of p.rows) rows.push(['only in A', p.person, r.category, `${periodText(r)} (${rowPlace(r)})`, 'none']);
  for (const p of c.onlyInB) for (const r of p.rows) rows.push(['only in B', p.person, r.category, 'none', `${periodText(r)} (${rowPlace(r)})`]);
  for (const d of c.differ) rows.push([d.kind, d.person, d.category, rowsText(d.a), rowsText(d.b)]);
  if (rows.length > 0) {
    const head = ['difference', 'person', 'category', 'A', 'B'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ');
    lines.push(line(head));
    for (const r of rows) lines.push(line(r));
  }
  const differing = c.onlyInA.length + c.onlyInB.length + new Set(c.differ.map((d) => d.person)).size;
  lines.push(
    agree
      ? `the rosters agree: ${count(c.agreeing, 'person')}, the same categories over the same days`
      : `the rosters differ: ${count(c.agreeing, 'person')} agree, ${differing} differ (${c.onlyInA.length} only in A, ${c.onlyInB.length} only in B, ${`${c.differ.length} categories or periods`})${problems.length > 0 ? `; ${count(problems.length, 'bad row')}` : ''}${conflicts.length > 0 ? `; ${count(conflicts.length, 'contradiction')}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
