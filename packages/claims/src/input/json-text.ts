import type { RecordLocation } from '@policy/engine';
import { kindOf } from './messages.js';
import { reason, type ReasonRef } from '@policy/engine';
import type { RecordItem } from './record-item.js';
import { unreadable } from './record-item.js';

/** Pieces shared by the JSON Lines reader and the one-document reader of `policy eval`. */

export const BOM = '\uFEFF';

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The parser's reason, with its character position turned into something people can find:
 * a column for one line, a line and column for a document.
 */
export function jsonReason(error: unknown, text: string): string | ReasonRef {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!at) return message;
  const { line, column } = lineColumn(text, Number(at[1]));
  // The parser's own words stay as they are (English); the position is said in the language.
  const before = message.slice(0, at.index);
  const after = message.slice(at.index + at[0].length);
  return text.includes('\n') ? reason('claims.json.at-line-column', { before, line, column, after }) : reason('claims.json.at-column', { before, column, after });
}

/** "not valid JSON: …" for a text that JSON.parse refused. */
export function invalidJson(error: unknown, text: string): ReasonRef {
  return reason('claims.json.invalid', { reason: jsonReason(error, text) });
}

/** Best effort, for naming a broken record: an `"id": "…"` that appears exactly once. */
export function guessId(text: string): string | undefined {
  const found = [...text.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"/g)];
  if (found.length !== 1) return undefined;
  try {
    return JSON.parse(`"${found[0]?.[1] ?? ''}"`) as string;
  } catch {
    return undefined;
  }
}

/** A parsed JSON value as a record: objects are claims to validate; anything else is refused here. */
export function jsonValueItem(value: unknown, location: RecordLocation): RecordItem {
  if (isJsonObject(value)) return { location, raw: value };
  return unreadable(location, reason('claims.record.not-object', { kind: kindOf(value) }), value);
}

/** One line of JSON Lines; undefined for a blank line, which is not a record. */
export function jsonLineItem(text: string, line: number): RecordItem | undefined {
  if (text.trim() === '') return undefined;
  const location = { line };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return unreadable(location, invalidJson(error, text), text, guessId(text));
  }
  return jsonValueItem(value, location);
}
