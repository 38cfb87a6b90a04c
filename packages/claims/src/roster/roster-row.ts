import { CATEGORY_BITS, reason, renderReason, textIn, withText, type Category, type ReasonRef } from '@policy/engine';
import type { Lang } from '@policy/dsl';

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
  /** The English text. */
  readonly message: string;
  /** The message as a table entry (its English is `message`). */
  readonly text?: ReasonRef;
}

/** `file:line: field: message`, in one language (the second argument lets it be a map callback). */
export function describeProblem(p: RosterProblem, lang: Lang | number = 'en'): string {
  const language = typeof lang === 'string' ? lang : 'en';
  const message = textIn(p, language);
  const place = rowPlace(p);
  return renderReason(p.field !== undefined ? reason('roster.problem.field', { place, field: p.field, message }) : reason('roster.problem.whole', { place, message }), language);
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
  /** The message as a table entry (its English is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;
  constructor(message: string | ReasonRef) {
    super(typeof message === 'string' ? message : renderReason(message, 'en'));
    withText(this, message);
  }
}
