import type { RecordLocation } from '@policy/engine';
import { jsonLinesRecords } from './jsonl-records.js';
import { BOM, guessId, invalidJson, isJsonObject, jsonValueItem } from './json-text.js';
import type { RecordItem } from './record-item.js';
import { unreadable } from './record-item.js';

/**
 * The input of `policy eval`, read whole (it is small: claims typed or pasted by a person):
 * one JSON object, possibly pretty-printed over many lines; a JSON array of objects; or JSON
 * Lines. Whatever the shape, every record keeps the line it starts on.
 */

export async function* jsonDocumentRecords(text: string): AsyncGenerator<RecordItem> {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') return;
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    if (looksLikeJsonLines(body)) {
      yield* jsonLinesRecords([body]);
    } else {
      // One broken document: its lines are not records of their own, so it is one rejection.
      yield unreadable(startOf(body), invalidJson(error, body), body, guessId(body));
    }
    return;
  }
  if (!Array.isArray(document)) {
    yield jsonValueItem(document, startOf(body));
    return;
  }
  const lines = elementLines(body);
  for (const [i, element] of document.entries()) {
    yield jsonValueItem(element, { line: lines[i] ?? startOf(body).line });
  }
}

function startOf(body: string): RecordLocation {
  const offset = body.search(/\S/);
  return { line: body.slice(0, offset).split('\n').length };
}

/**
 * Text that is not one JSON value: JSON Lines with a broken line, or a broken pretty-printed
 * document? JSON Lines when the first line is JSON on its own, or any other line is an object
 * on its own (a line of a pretty-printed object never is). A text opening with "[" is meant as
 * an array.
 */
function looksLikeJsonLines(body: string): boolean {
  if (body.trimStart().startsWith('[')) return false;
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  return lines.some((line, i) => {
    try {
      const value: unknown = JSON.parse(line);
      return i === 0 || isJsonObject(value);
    } catch {
      return false;
    }
  });
}

/** The line each element of a (valid) top-level JSON array starts on. */
function elementLines(body: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      // Valid JSON has no raw newline inside a string, so skipping escapes cannot miss a line.
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '\n') line++;
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if ((c === '[' && depth === 1) || (c === ',' && depth === 1)) expectElement = true;
  }
  return lines;
}
