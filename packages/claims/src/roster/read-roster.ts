import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { VOCABULARY, parseDate } from '@policy/dsl';
import type { Category } from '@policy/engine';
import { CsvRecord, csvRecords } from '../input/csv-records.js';
import { splitLines } from '../input/jsonl-records.js';
import { isJsonObject } from '../input/json-text.js';
import { fieldProblem, kindOf, shownValue } from '../input/messages.js';
import { invalidJson } from '../input/json-text.js';
import { FS_REASONS } from '../input/read-records.js';
import { reason, type ReasonRef } from '@policy/engine';
import { ClaimFileError } from '../input/record-item.js';
import { OPEN_END, RosterFileError, type RosterProblem, type RosterRow } from './roster-row.js';

/**
 * One roster file → its rows and the problems of the rows that cannot be used, each named by
 * file, line and field. CSV or JSON Lines by extension; columns / keys `person`, `category`,
 * `from`, `to` (others are ignored: real lists carry names, ID numbers, villages). `category`
 * is a contract name or its Chinese name (建档立卡贫困人口 …); `to` empty, null or absent = still in.
 * The columns may be named in Chinese too (参保人, 人群类别, 开始日期, 结束日期: COLUMN_NAMES).
 */

export type RosterFormat = 'csv' | 'jsonl';

const FORMATS: Readonly<Record<string, RosterFormat>> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl' };

export function rosterFormatOf(path: string): RosterFormat {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined) {
    throw new RosterFileError(reason('roster.file.unknown-format', { file: path }));
  }
  return format;
}

export interface RosterFile {
  readonly file: string;
  readonly rows: RosterRow[];
  readonly problems: RosterProblem[];
}

const REQUIRED = ['person', 'category', 'from'] as const;
type RosterColumn = 'person' | 'category' | 'from' | 'to';

/**
 * Other names of a roster's columns: the person and the category by the vocabulary's names of
 * `personId` and `categories` (参保人, 人群类别 …; a CSV header already reads them as those codes),
 * the period by the words of the offices' lists.
 */
const COLUMN_NAMES: Readonly<Record<RosterColumn, readonly string[]>> = {
  person: ['personId', ...(VOCABULARY.field.names['personId'] ?? [])],
  category: ['categories', ...(VOCABULARY.field.names['categories'] ?? [])],
  from: ['开始日期', '起始日期'],
  to: ['结束日期', '终止日期'],
};

/** The column a row gives for `column`, under its name or one of its other names. */
function columnOf(row: Readonly<Record<string, unknown>>, column: RosterColumn): string | undefined {
  if (Object.hasOwn(row, column)) return column;
  return COLUMN_NAMES[column].find((name) => Object.hasOwn(row, name));
}

function cell(row: Readonly<Record<string, unknown>>, column: RosterColumn): unknown {
  const name = columnOf(row, column);
  return name === undefined ? undefined : row[name];
}
/** The categories and their Chinese names, from the vocabulary (one table with the claims and the language). */
const CATEGORY_CODES = VOCABULARY.category.codes.join(', ');
const CATEGORY_NAMES = VOCABULARY.category.codes.map((c) => VOCABULARY.category.names[c]?.join(', ')).join(', ');

export async function readRosterFile(path: string): Promise<RosterFile> {
  const format = rosterFormatOf(path);
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const source = createReadStream(path);
  try {
    if (format === 'csv') await readCsv(source, path, rows, problems);
    else await readJsonLines(source, path, rows, problems);
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    if (e instanceof ClaimFileError) throw new RosterFileError(e.text ?? e.message);
    const code = (e as { code?: unknown }).code;
    const why = (typeof code === 'string' ? FS_REASONS[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
    throw new RosterFileError(reason('roster.file.cannot-read', { file: path, reason: why }));
  } finally {
    source.destroy();
  }
  return { file: path, rows, problems };
}

async function readCsv(source: Readable, file: string, rows: RosterRow[], problems: RosterProblem[]): Promise<void> {
  let checked = false;
  for await (const item of csvRecords(source, file)) {
    const line = item.location.line;
    if ('rejection' in item) {
      problems.push({ file, line, message: item.rejection.message, ...(item.rejection.text ? { text: item.rejection.text } : {}) });
      continue;
    }
    const cells = (item as CsvRecord).source;
    if (!checked) {
      const missing = REQUIRED.filter((c) => columnOf(cells, c) === undefined);
      if (missing.length > 0) {
        throw new RosterFileError(
          reason('roster.file.missing-columns', {
            file,
            missing: missing.map((c) => JSON.stringify(c)).join(', '),
            found: Object.keys(cells).map((c) => JSON.stringify(c)).join(', '),
          }),
        );
      }
      checked = true;
    }
    rowOf(file, line, cell(cells, 'person'), cell(cells, 'category'), cell(cells, 'from'), cell(cells, 'to'), rows, problems);
  }
}

async function readJsonLines(source: Readable, file: string, rows: RosterRow[], problems: RosterProblem[]): Promise<void> {
  let line = 0;
  for await (const text of splitLines(source as AsyncIterable<Buffer>)) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      problems.push({ file, line, ...fieldProblem(invalidJson(e, text)) });
      continue;
    }
    if (!isJsonObject(value)) {
      problems.push({ file, line, ...fieldProblem(reason('roster.row.not-object', { kind: kindOf(value) })) });
      continue;
    }
    rowOf(file, line, cell(value, 'person'), cell(value, 'category'), cell(value, 'from'), cell(value, 'to'), rows, problems);
  }
}

/** Checks one row's cells or values; pushes the row or its first problem. */
function rowOf(file: string, line: number, person: unknown, category: unknown, from: unknown, to: unknown, rows: RosterRow[], problems: RosterProblem[]): void {
  const problem = (field: string, text: ReasonRef): void => void problems.push({ file, line, ...fieldProblem(text, field) });
  if (person === undefined || person === null || (typeof person === 'string' && person.trim() === '')) return problem('person', reason('claims.field.required'));
  if (typeof person !== 'string') return problem('person', reason('claims.rule.string', { value: shownValue(person) }));
  if (category === undefined || category === null || category === '') return problem('category', reason('claims.field.required'));
  const known = typeof category === 'string' ? VOCABULARY.category.lookup(category.trim()) : undefined;
  if (known !== undefined && 'ambiguous' in known) return problem('category', reason('roster.category.ambiguous', { value: shownValue(category), codes: known.ambiguous.join(', ') }));
  if (known === undefined) return problem('category', reason('roster.category.rule', { codes: CATEGORY_CODES, names: CATEGORY_NAMES, value: shownValue(category) }));
  if (from === undefined || from === null || from === '') return problem('from', reason('roster.from.required'));
  const fromDay = typeof from === 'string' ? parseDate(from.trim()) : undefined;
  if (fromDay === undefined) return problem('from', reason('claims.date.rule', { value: shownValue(from) }));
  let toDay = OPEN_END;
  if (to !== undefined && to !== null && to !== '') {
    const day = typeof to === 'string' ? parseDate(to.trim()) : undefined;
    if (day === undefined) return problem('to', reason('roster.to.rule', { value: shownValue(to) }));
    if (day < fromDay) return problem('to', reason('roster.to.before-from', { from: shownValue(from), to: shownValue(to) }));
    toDay = day;
  }
  rows.push({ file, line, person, category: known.code as Category, from: fromDay, to: toDay });
}
