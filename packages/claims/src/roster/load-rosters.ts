import { readRosterFile, type RosterFile } from './read-roster.js';
import { findConflicts, type RosterConflict } from './roster-conflicts.js';
import type { RosterProblem, RosterRow } from './roster-row.js';

/**
 * Several roster files read as one list (the poverty office's and civil affairs', say): their
 * rows together, the rows that cannot be used, and the rows that contradict each other, across
 * files as well as within one.
 */
export interface LoadedRosters {
  readonly files: readonly RosterFile[];
  readonly rows: readonly RosterRow[];
  readonly problems: readonly RosterProblem[];
  readonly conflicts: readonly RosterConflict[];
  /** Distinct persons over all files. */
  readonly persons: number;
}

export async function loadRosters(paths: readonly string[]): Promise<LoadedRosters> {
  const files: RosterFile[] = [];
  for (const path of paths) files.push(await readRosterFile(path));
  const rows = files.length === 1 ? (files[0] as RosterFile).rows : files.flatMap((f) => f.rows);
  const persons = new Set<string>();
  for (const r of rows) persons.add(r.person);
  return { files, rows, problems: files.flatMap((f) => f.problems), conflicts: findConflicts(rows), persons: persons.size };
}
