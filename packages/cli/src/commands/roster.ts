import { currentLang } from '../lang.js';
import type { Command } from 'commander';
import { formatOption } from '../options.js';
import { formatDate } from '@policy/dsl';
import { OPEN_END, compareRosters, describeConflict, describeProblem, findConflicts, periodText, rowPlace, type RosterComparison, type RosterConflict, type RosterRow } from '@policy/claims';
import { EXIT, UsageError } from '../errors.js';
import { readRosters } from '../roster/roster-options.js';
import { ref, t, type Lang } from '@policy/dsl';
import { padEndWidth, textWidth } from '../render/pad.js';

/**
 * `policy roster check --roster A --roster B`: HEFEI-3's reconciliation of two lists of poor
 * people (the insurance office's and the poverty office's). Validates each list, then lists
 * the people on one list only and the categories and periods that differ, with file:line.
 */
export function registerRoster(program: Command, lang: Lang): void {
  const roster = program.command('roster').description(t(lang, 'help.roster-cmd.description'));
  roster
    .command('check')
    .description(t(lang, 'help.roster-check.description'))
    .requiredOption('--roster <file>', t(lang, 'help.roster-check.roster'), (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .addOption(formatOption(['text', 'json'], t(lang, 'help.roster-check.format'), undefined, lang))
    .addHelpText(
      'after',
      t(lang, 'help.roster-check.after'),
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
          problems: loaded.problems.map(({ text: _text, ...p }) => p),
          conflicts: conflicts.map((c) => ({ person: c.person, rows: [rowJson(c.first), rowJson(c.second)] })),
          onlyInA: comparison.onlyInA.map((p) => ({ person: p.person, rows: p.rows.map(rowJson) })),
          onlyInB: comparison.onlyInB.map((p) => ({ person: p.person, rows: p.rows.map(rowJson) })),
          differ: comparison.differ.map((d) => ({ person: d.person, category: d.category, kind: d.kind, a: d.a.map(rowJson), b: d.b.map(rowJson) })),
          agreeing: comparison.agreeing,
        };
        process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        process.stdout.write(table(files, loaded.problems.map((p) => describeProblem(p, currentLang())), conflicts, comparison, agree));
      }
      process.exitCode = agree ? EXIT.ok : EXIT.findings;
    });
}

type Counted = 'rows' | 'persons' | 'bad-rows' | 'contradictions';

/** `1 row`, `3 persons`, `2 人`. */
function count(lang: Lang, n: number, what: Counted): string {
  return t(lang, `cmd.roster.${what}.${n === 1 ? 'one' : 'many'}`, { n });
}

function rowJson(r: RosterRow): Record<string, unknown> {
  return { file: r.file, line: r.line, category: r.category, from: formatDate(r.from), to: r.to === OPEN_END ? null : formatDate(r.to) };
}

function rowsText(rows: readonly RosterRow[], lang: Lang): string {
  return rows.length === 0 ? t(lang, 'cmd.none') : rows.map((r) => `${periodText(r)} (${rowPlace(r)})`).join(', ');
}

function table(
  files: readonly { file: string; rows: number; persons: number; invalid: number }[],
  problems: readonly string[],
  conflicts: readonly RosterConflict[],
  c: RosterComparison,
  agree: boolean,
  lang: Lang = currentLang(),
): string {
  const lines: string[] = [];
  files.forEach((f, i) =>
    lines.push(t(lang, 'cmd.roster.file', { side: i === 0 ? 'A' : 'B', file: f.file, rows: count(lang, f.rows, 'rows'), persons: count(lang, f.persons, 'persons'), bad: f.invalid > 0 ? `, ${count(lang, f.invalid, 'bad-rows')}` : '' })),
  );
  for (const p of problems) lines.push(t(lang, 'cmd.roster.bad-row', { problem: p }));
  for (const x of conflicts) lines.push(t(lang, 'cmd.roster.contradicts', { conflict: describeConflict(x, lang) }));
  const none = t(lang, 'cmd.none');
  const rows: string[][] = [];
  for (const p of c.onlyInA) for (const r of p.rows) rows.push([t(lang, 'cmd.roster.only-in-a'), p.person, r.category, `${periodText(r)} (${rowPlace(r)})`, none]);
  for (const p of c.onlyInB) for (const r of p.rows) rows.push([t(lang, 'cmd.roster.only-in-b'), p.person, r.category, none, `${periodText(r)} (${rowPlace(r)})`]);
  for (const d of c.differ) rows.push([t(lang, `cmd.roster.kind.${d.kind}`), d.person, d.category, rowsText(d.a, lang), rowsText(d.b, lang)]);
  if (rows.length > 0) {
    const head = [t(lang, 'cmd.roster.head-difference'), t(lang, 'cmd.roster.head-person'), t(lang, 'cmd.roster.head-category'), 'A', 'B'];
    // English keeps its alignment by code units (as before); Chinese aligns by display width.
    const w = lang === 'en' ? (x: string): number => x.length : textWidth;
    const padTo = (x: string, n: number): string => (lang === 'en' ? x.padEnd(n) : padEndWidth(x, n));
    const widths = head.map((h, i) => Math.max(w(h), ...rows.map((r) => w(r[i] as string))));
    const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : padTo(cell, widths[i] as number))).join('  ');
    lines.push(line(head));
    for (const r of rows) lines.push(line(r));
  }
  const differing = c.onlyInA.length + c.onlyInB.length + new Set(c.differ.map((d) => d.person)).size;
  lines.push(
    agree
      ? t(lang, 'cmd.roster.agree', { persons: count(lang, c.agreeing, 'persons') })
      : t(lang, 'cmd.roster.differ', {
          persons: count(lang, c.agreeing, 'persons'),
          differing,
          onlyA: c.onlyInA.length,
          onlyB: c.onlyInB.length,
          periods: c.differ.length,
          bad: problems.length > 0 ? t(lang, 'cmd.roster.extra', { what: count(lang, problems.length, 'bad-rows') }) : '',
          contradictions: conflicts.length > 0 ? t(lang, 'cmd.roster.extra', { what: count(lang, conflicts.length, 'contradictions') }) : '',
        }),
  );
  return `${lines.join('\n')}\n`;
}
