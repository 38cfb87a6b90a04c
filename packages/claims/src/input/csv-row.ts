import { isContractField, isReservedField } from './fields.js';
import { ownField } from './own-field.js';

/**
 * One CSV row (column name → cell text) → a raw claim object, before validation. CSV has only
 * text, so the few fields whose contract type is not text are converted here; everything that
 * does not convert cleanly stays text, for the schema to reject with the value as written.
 *
 * - An empty cell of a contract field (or of a reserved name) is an absent field: CSV cannot
 *   tell "absent" from "empty", and absent is what lets defaults apply.
 * - `level` "0".."3" → number; `designated` true/false (any case: spreadsheets write TRUE) →
 *   boolean; `categories`, `diagnoses`: split on `|`, parts trimmed, empty parts dropped.
 * - Money and dates stay text: the schema reads money strings exactly, never as floats.
 * - Other columns pass through untouched, empty cells included.
 */

const LEVELS: Readonly<Record<string, number>> = { '0': 0, '1': 1, '2': 2, '3': 3 };

function splitList(text: string): string[] {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function convert(name: string, text: string): unknown {
  switch (name) {
    case 'level':
      return LEVELS[text] ?? text;
    case 'designated':
    case 'disaster': {
      const lower = text.toLowerCase();
      return lower === 'true' ? true : lower === 'false' ? false : text;
    }
    case 'categories':
    case 'diagnoses':
      return splitList(text);
    default:
      return text;
  }
}

export function csvRowToRaw(row: Readonly<Record<string, string>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(row)) {
    const text = row[name] as string;
    const known = isContractField(name) || isReservedField(name);
    // ownField, not assignment: a column named "__proto__" must stay a plain field.
    if (!known) ownField(raw, name, text);
    else if (text !== '') ownField(raw, name, convert(name, text));
  }
  return raw;
}
