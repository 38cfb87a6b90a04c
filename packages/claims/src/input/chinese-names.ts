import { VOCABULARY, type EnumKind } from '@policy/dsl';
import { fieldProblem, type FieldProblem } from './messages.js';
import { reason, type ReasonRef } from '@policy/engine';
import { ownField } from './own-field.js';

/**
 * The documents' Chinese names in a record → the contract's codes, at the edge: field names
 * (JSON keys, CSV headers) and the values of the enumerated fields. The names are those of the
 * language's vocabulary (`VOCABULARY`, packages/dsl/src/vocabulary.ts), one table for the
 * language, the claim files, the test cases, the rosters and the mapping files. A record written
 * with codes is never touched (the reader calls this only when the schema refuses a record, and
 * a record already in codes comes back as it was), so it settles byte for byte as before; a
 * record in Chinese settles exactly as the same record in codes.
 */

/** The enumerated claim fields and the kind of their values. */
const ENUM_FIELDS: Readonly<Record<string, EnumKind>> = { visit: 'visit', region: 'region', referral: 'referral', categories: 'category' };

/** The contract's name of a record field written as `name` (unknown names and ambiguous ones stay as written). */
export function fieldCode(name: string): string {
  const found = VOCABULARY.field.lookup(name);
  return found !== undefined && 'code' in found ? found.code : name;
}

export type Translated = { readonly raw: Record<string, unknown>; readonly changed: boolean } | { readonly problem: FieldProblem };

function ambiguous(name: string, codes: readonly string[], kind?: EnumKind): ReasonRef {
  const params = { name: JSON.stringify(name), codes: codes.join(', ') };
  return kind === undefined ? reason('claims.name.ambiguous-field', params) : reason('claims.name.ambiguous-value', { ...params, kind });
}

/** One value of an enumerated field: its code, or unchanged when it is no name of the vocabulary. */
function valueCode(value: unknown, kind: EnumKind): { value: unknown } | { message: ReasonRef } {
  if (typeof value !== 'string') return { value };
  const index = VOCABULARY[kind];
  if (index.isCode(value)) return { value };
  const found = index.lookup(value.trim());
  if (found === undefined) return { value };
  if ('ambiguous' in found) return { message: ambiguous(value, found.ambiguous, kind) };
  return { value: found.code };
}

/**
 * A record with Chinese field names and values in codes. A field given twice (as its code and a
 * Chinese name, or two Chinese names) and a name the vocabulary gives two codes are problems,
 * never a guess.
 */
export function recordInCodes(raw: Readonly<Record<string, unknown>>): Translated {
  const out: Record<string, unknown> = {};
  const written = new Map<string, string>();
  let changed = false;
  for (const key of Object.keys(raw)) {
    const found = VOCABULARY.field.lookup(key);
    if (found !== undefined && 'ambiguous' in found) return { problem: fieldProblem(ambiguous(key, found.ambiguous), key) };
    const code = found?.code ?? key;
    const before = written.get(code);
    if (before !== undefined) {
      return { problem: fieldProblem(reason('claims.name.twice', { before: JSON.stringify(before), key: JSON.stringify(key) }), code) };
    }
    written.set(code, key);
    let value = raw[key];
    const kind = Object.hasOwn(ENUM_FIELDS, code) ? ENUM_FIELDS[code] : undefined;
    if (kind !== undefined) {
      if (code === 'categories' && Array.isArray(value)) {
        const items: unknown[] = [];
        for (const [i, item] of value.entries()) {
          const v = valueCode(item, kind);
          if ('message' in v) return { problem: fieldProblem(v.message, `categories[${i}]`) };
          items.push(v.value);
          if (v.value !== item) changed = true;
        }
        if (changed) value = items;
      } else {
        const v = valueCode(value, kind);
        if ('message' in v) return { problem: fieldProblem(v.message, code) };
        if (v.value !== value) changed = true;
        value = v.value;
      }
    }
    if (code !== key) changed = true;
    ownField(out, code, value);
  }
  return { raw: changed ? out : (raw as Record<string, unknown>), changed };
}

/**
 * A field of a record not yet in codes (a JSON claim keyed in Chinese): under its code, else
 * under the one of its Chinese names the record uses. For the readers that look at a record
 * before it is validated (its id, its person); a field without Chinese names is read as is.
 */
export function fieldValue(raw: Readonly<Record<string, unknown>>, field: string): unknown {
  if (Object.hasOwn(raw, field)) return raw[field];
  const names = Object.hasOwn(VOCABULARY.field.names, field) ? VOCABULARY.field.names[field] : undefined;
  if (names === undefined) return undefined;
  for (const name of names) if (Object.hasOwn(raw, name)) return raw[name];
  return undefined;
}
