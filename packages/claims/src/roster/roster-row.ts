import { CATEGORY_BITS, type Category } from '@policy/engine';

/**
 * Poverty rosters: lists kept by the poverty office (扶贫) and civil affairs (民政) of who is in
 * which population category, from which day to which day. A row is in force on day d iff
 * from ≤ d ≤ to: the day of entry and the day of exit both count; `to` absent = still in.
 */

/** No exit day: still in the category. Larger than any day number a date can give. */
export const OPEN_END = 2_147_483_647;

export interface RosterRow {
  /** The roster file as the user named it. */
  readonly file: string;
  readonly line: number;
  readonly person: string;
  readonly category: Category;
  /** Day numbers (see @policy/dsl parseDate); `to` is OPEN_END when the row has none. */
  readonly from: number;
  readonly to: number;
}

/** Where a row stands: `file:line`. */
export function rowPlace(row: { readonly file: string; readonly line: number }): string {
  return `${row.file}:${row.line}`;
}

/** A row that cannot be used, named by file, line and field. */
export interface RosterProblem {
  readonly file: string;
  readonly line: number;
  /** `person`, `category`, `from`, `to`; absent when the whole row is bad. */
  readonly field?: string;
  readonly message: string;
}

export function describeProblem(p: RosterProblem): string {
  return `${p.file}:${p.line}: ${p.field !== undefined ? `${p.field}: ` : ''}${p.message}`;
}

export function categoryBit(category: Category): number {
  return CATEGORY_BITS[category];
}

/** The categories whose bits are set, in the contract's order. */
export function categoriesOfBits(bits: number): Category[] {
  return (Object.keys(CATEGORY_BITS) as Category[]).filter((c) => (bits & CATEGORY_BITS[c]) !== 0);
}

/** A roster file that cannot be read at all: missing, unsupported extension, no `person` column. */
export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';
}
