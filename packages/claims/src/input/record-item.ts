import type { RecordLocation, Rejection } from '@policy/engine';

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
  constructor(
    /** The file as the user named it ("standard input" for `-`). */
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A rejection as one line for people: `line 4 (row 3) id C0003: total: must be …`. The
 * message never repeats the field; this (like the CLI's reports) puts it in front.
 */
export function describeRejection(rejection: Rejection): string {
  const { line, row } = rejection.location;
  const where = row !== undefined ? `line ${line} (row ${row})` : `line ${line}`;
  const id = rejection.id !== undefined ? ` id ${rejection.id}` : '';
  const field = rejection.field !== undefined ? `${rejection.field}: ` : '';
  return `${where}${id}: ${field}${rejection.message}`;
}

export function unreadable(location: RecordLocation, message: string, record: unknown, id?: string): RecordUnreadable {
  return { location, rejection: { location, ...(id !== undefined ? { id } : {}), message, record } };
}
