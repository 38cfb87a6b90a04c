import { reason, renderReason, textIn, withText, type ReasonRef, type RecordLocation, type Rejection } from '@policy/engine';
import type { Lang } from '@policy/dsl';

/**
 * A record as read from a file, before validation: its raw value, or a rejection when it
 * cannot even be read (broken JSON, a CSV row with the wrong number of cells, …).
 */
export type RecordItem = RecordRead | RecordUnreadable;

export interface RecordRead {
  readonly location: RecordLocation;
  /** A JSON value, or a CSV row already turned into a raw claim (csv-row.ts). */
  readonly raw: unknown;
  /** The record as it stands in the file when that differs from `raw` (CSV: column → text), for rejects. */
  readonly source?: unknown;
}

export interface RecordUnreadable {
  readonly location: RecordLocation;
  readonly rejection: Rejection;
}

/** `csv`; `jsonl` (JSON Lines); `json`: one JSON object, an array of them, or JSON Lines (for `policy eval`). */
export type RecordFormat = 'csv' | 'jsonl' | 'json';

/** A claim file that cannot be read at all: missing, unsupported extension, bad CSV header. */
export class ClaimFileError extends Error {
  override readonly name = 'ClaimFileError';
  /** The message as a table entry (its English is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;
  constructor(
    /** The file as the user named it ("standard input" for `-`). */
    readonly file: string,
    message: string | ReasonRef,
  ) {
    super(typeof message === 'string' ? message : renderReason(message, 'en'));
    withText(this, typeof message === 'string' ? message : namedInput(message));
  }
}

/** The inputs that are not files, as messages name them ("standard input" …): in the table, for the other language. */
const INPUT_NAMES: Readonly<Record<string, ReasonRef>> = {
  'standard input': reason('claims.input.stdin'),
  'the text': reason('claims.input.text'),
  'the input': reason('claims.input.input'),
};

/** A message whose `file` is one of INPUT_NAMES, with that name as a table entry (the English is the same). */
function namedInput(text: ReasonRef): ReasonRef {
  const file = text.params['file'];
  const named = typeof file === 'string' && Object.hasOwn(INPUT_NAMES, file) ? INPUT_NAMES[file] : undefined;
  return named === undefined ? text : { ...text, params: { ...text.params, file: named } };
}

/** Where a record is, for messages: `line 4`, `line 4 (row 3)`. */
export function placeOf(location: RecordLocation): ReasonRef {
  return location.row !== undefined ? reason('claims.place.line-row', { line: location.line, row: location.row }) : reason('claims.place.line', { line: location.line });
}

/**
 * A rejection as one line for people: `line 4 (row 3) id C0003: total: must be …`. The
 * message never repeats the field; this (like the CLI's reports) puts it in front.
 */
export function describeRejection(rejection: Rejection, lang: Lang = 'en'): string {
  const place = placeOf(rejection.location);
  const where = rejection.id !== undefined ? reason('claims.place.with-id', { place, id: rejection.id }) : place;
  const message = textIn(rejection, lang);
  const text = rejection.field !== undefined ? reason('claims.rejection.field', { where, field: rejection.field, message }) : reason('claims.rejection.whole', { where, message });
  return renderReason(text, lang);
}

/** `rejected line 4 …` (eval, batch, explain on standard error). */
export function rejectedLine(rejection: Rejection, lang: Lang = 'en'): string {
  return renderReason(reason('claims.rejected', { rejection: describeRejection(rejection, lang) }), lang);
}

/** A rejection's reason in one language. */
export function rejectionMessage(rejection: Rejection, lang: Lang = 'en'): string {
  return textIn(rejection, lang);
}

export function unreadable(location: RecordLocation, message: string | ReasonRef, record: unknown, id?: string): RecordUnreadable {
  const text = typeof message === 'string' ? {} : { text: message };
  const english = typeof message === 'string' ? message : renderReason(message, 'en');
  return { location, rejection: { location, ...(id !== undefined ? { id } : {}), message: english, ...text, record } };
}
