import { currentLang } from '../lang.js';
import { Option } from 'commander';
import { basename } from 'node:path';
import { RosterIndex, describeConflict, describeProblem, loadRosters, type LoadedRosters, type RosterMode, type RosterView } from '@policy/claims';
import { UsageError } from '../errors.js';
import { ref, t, type Lang } from '@policy/dsl';
import { wrongValue } from '../options.js';

/** `--roster FILE` (repeatable), `--roster-mode`, `--roster-conflicts` of `policy eval` and `policy batch`. */
export interface RosterOptions {
  readonly roster?: readonly string[];
  readonly rosterMode?: string;
  readonly rosterConflicts?: string;
}

/** The rosters as the commands keep them: the index and what reports say of the files (the rows themselves are let go). */
export interface Rosters extends RosterView {
  readonly files: readonly { readonly file: string; readonly rows: number }[];
  readonly rows: number;
  readonly persons: number;
  readonly conflicts: number;
}

/** Problems listed in a refusal; the rest are counted. */
const SHOWN = 20;

/** The three options, for a command's chain: `.addOption(rosterOption()).addOption(rosterModeOption())…`. */
export function rosterOption(lang: Lang = 'en'): Option {
  return new Option('--roster <file>', t(lang, 'help.roster')).argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}

export function rosterModeOption(lang: Lang = 'en'): Option {
  return new Option('--roster-mode <mode>', t(lang, 'help.roster-mode'));
}

export function rosterConflictsOption(lang: Lang = 'en'): Option {
  return new Option('--roster-conflicts <what>', t(lang, 'help.roster-conflicts'));
}

/** The block on rosters after the options of a command's --help (it starts with a blank line). */
export const rosterHelp = (lang: Lang): string => t(lang, 'help.roster.after');


/** Reads the rosters named on the command line; undefined without --roster. Bad rows or contradictions → UsageError. */
export async function loadRosterOptions(opts: RosterOptions, command: string): Promise<Rosters | undefined> {
  const mode = opts.rosterMode ?? 'merge';
  if (mode !== 'merge' && mode !== 'replace') throw wrongValue('--roster-mode', ['merge', 'replace'], String(opts.rosterMode), false);
  const conflicts = opts.rosterConflicts ?? 'error';
  if (conflicts !== 'error' && conflicts !== 'warn') throw wrongValue('--roster-conflicts', ['error', 'warn'], String(opts.rosterConflicts), false);
  const paths = opts.roster ?? [];
  if (paths.length === 0) {
    if (opts.rosterMode !== undefined || opts.rosterConflicts !== undefined) throw new UsageError(ref('cmd.usage.roster-options-need-roster'));
    return undefined;
  }
  const loaded = await readRosters(paths);
  refuseProblems(loaded, conflicts === 'warn');
  if (conflicts === 'warn') {
    for (const c of loaded.conflicts) process.stderr.write(`${t(currentLang(), 'cmd.roster-warning-settled', { command, conflict: describeConflict(c, currentLang()) })}\n`);
  }
  return {
    index: RosterIndex.build(loaded.rows),
    mode: mode as RosterMode,
    files: loaded.files.map((f) => ({ file: f.file, rows: f.rows.length })),
    rows: loaded.rows.length,
    persons: loaded.persons,
    conflicts: loaded.conflicts.length,
  };
}

export async function readRosters(paths: readonly string[]): Promise<LoadedRosters> {
  return loadRosters(paths);
}

/**
 * The rows themselves, for the commands that read rosters as people rather than as claims'
 * categories (`policy premium`): the same refusal of bad rows and contradictions as loadRosterOptions.
 */
export async function loadRosterRows(paths: readonly string[], conflictsOption: string | undefined, command: string): Promise<LoadedRosters> {
  const conflicts = conflictsOption ?? 'error';
  if (conflicts !== 'error' && conflicts !== 'warn') throw wrongValue('--roster-conflicts', ['error', 'warn'], String(conflictsOption), false);
  const loaded = await readRosters(paths);
  refuseProblems(loaded, conflicts === 'warn');
  if (conflicts === 'warn') {
    for (const c of loaded.conflicts) process.stderr.write(`${t(currentLang(), 'cmd.roster-warning-read', { command, conflict: describeConflict(c, currentLang()) })}\n`);
  }
  return loaded;
}

function refuseProblems(loaded: LoadedRosters, conflictsAllowed: boolean): void {
  const lines = [
    ...loaded.problems.map((p) => describeProblem(p, currentLang())),
    ...(conflictsAllowed ? [] : loaded.conflicts.map((c) => `${describeConflict(c, currentLang())} (--roster-conflicts warn settles with both)`)),
  ];
  if (lines.length === 0) return;
  const shown = lines.slice(0, SHOWN).map((l) => `  ${l}`);
  if (lines.length > SHOWN) shown.push(`  ${t(currentLang(), 'cmd.and-more', { n: lines.length - SHOWN })}`);
  throw new UsageError(ref(lines.length === 1 ? 'cmd.usage.roster-problems.one' : 'cmd.usage.roster-problems.many', { n: lines.length, lines: shown.join('\n') }));
}

/** `poverty-office.csv, civil-affairs.jsonl: 54 rows, 30 persons, mode merge` */
export function describeRosters(r: Rosters): string {
  return `${r.files.map((f) => basename(f.file)).join(', ')}: ${r.rows} rows, ${r.persons} persons, mode ${r.mode}${r.retroactive ? ', retroactive' : ''}`;
}

export function rostersJson(r: Rosters): Record<string, unknown> {
  return { files: r.files, rows: r.rows, persons: r.persons, mode: r.mode, conflicts: r.conflicts };
}
