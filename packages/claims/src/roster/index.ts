/** Poverty rosters: who is in which category on which day (issue 6). */
export { OPEN_END, RosterFileError, describeProblem, rowPlace, categoriesOfBits, type RosterRow, type RosterProblem } from './roster-row.js';
export { readRosterFile, rosterFormatOf, type RosterFile, type RosterFormat } from './read-roster.js';
export { loadRosters, type LoadedRosters } from './load-rosters.js';
export { EXCLUSIVE, findConflicts, describeConflict, conflictText, periodText, type RosterConflict } from './roster-conflicts.js';
export { RosterIndex, type Period } from './roster-index.js';
export { applyRoster, rosterBits, withCategoryBits, type RosterMode, type RosterView } from './apply-roster.js';
export { settleRetroactive, type RetroClaim, type RetroEntry } from './retroactive.js';
export { compareRosters, type RosterComparison, type PersonOnlyIn, type CategoryDifference } from './compare-rosters.js';
