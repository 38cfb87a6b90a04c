import type { ErrorObject } from 'ajv';
import { VOCABULARY } from '@policy/dsl';
import { fieldRank, isReservedField } from './fields.js';
import { isMoneyNumberTooLarge, MONEY_NUMBER_LIMIT } from './money-input.js';
import { claimSchema } from './schema.js';

/**
 * Schema errors → one message a person can act on. Ajv reports keywords (`type`, `enum`,
 * `pattern`, …), often several for one field; people need the field, the rule in the
 * contract's words and the value they gave. The rule is chosen by field, and the value is
 * read from the record, so every error on one field reads the same.
 */

/** The field is not repeated in the message: renderers put `field: ` before it. */
export interface FieldProblem {
  /** `total`, or `categories[1]` for an item of a list. */
  readonly field?: string;
  readonly message: string;
}

interface Fault {
  readonly path: string;
  readonly top: string;
  readonly index: number;
  readonly missing: boolean;
  readonly value: unknown;
}

const MAX_SHOWN = 60;

/** A value as messages show it: JSON-like, strings quoted, long ones cut. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.parse reads 1e999 as Infinity: say what happened rather than print "Infinity".
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a JSON number out of range';
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** What a non-object JSON value is, for "a claim is a JSON object (got …)". */
export function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'a string' : `a ${typeof value}`} ${showValue(value)}`;
}

export function moneyRule(value: unknown): string {
  if (isMoneyNumberTooLarge(value)) {
    return (
      `is a JSON number too large to be exact to the fen (JSON numbers must stay below ${MONEY_NUMBER_LIMIT}); ` +
      `write it as a string, e.g. "80000000000000.01" (got ${showValue(value)})`
    );
  }
  return `must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got ${showValue(value)})`;
}

export function dateRule(value: unknown): string {
  return `must be an existing date YYYY-MM-DD (got ${showValue(value)})`;
}

const props = claimSchema.properties;

function oneOf(values: readonly (string | number)[]): string {
  return `must be one of ${values.join(', ')}`;
}

/** The rule broken, in the contract's words, for a field that is present but wrong. */
function ruleFor(fault: Fault): string {
  const got = ` (got ${showValue(fault.value)})`;
  const isItem = fault.path !== fault.top;
  switch (fault.top) {
    case 'total':
    case 'inCatalog':
    case 'quota':
      return moneyRule(fault.value);
    case 'date':
    case 'admitted':
    case 'discharged':
      return dateRule(fault.value);
    case 'id':
    case 'personId':
      return `must be a non-empty string${got}`;
    // The enumerations: each code with the Chinese names a record may use instead (the vocabulary).
    case 'visit':
    case 'region':
    case 'referral':
      return `must be one of ${VOCABULARY[fault.top].describe()}${got}`;
    case 'level':
      return oneOf(props.level.enum) + got;
    case 'categories':
      return (isItem ? `must be one of ${VOCABULARY.category.describe()}` : 'must be a list of categories, e.g. ["dibao"]') + got;
    case 'diagnoses':
      return (isItem ? 'must be a string' : 'must be a list of ICD-10 codes, e.g. ["C15.9"]') + got;
    case 'designated':
    case 'disaster':
      return `must be true or false${got}`;
    default:
      return `must be a string${got}`;
  }
}

function describeFault(fault: Fault): string {
  if (isReservedField(fault.top)) return 'is a name reserved for the settlement output; rename this field';
  if (fault.missing) {
    return fault.top === 'admitted' || fault.top === 'discharged' ? 'is required for an inpatient claim' : 'is required';
  }
  return ruleFor(fault);
}

function faultOf(error: ErrorObject, raw: Readonly<Record<string, unknown>>): Fault | undefined {
  // The `if` of the inpatient rule fails alongside the `required` error of its `then`.
  if (error.keyword === 'if') return undefined;
  if (error.keyword === 'required') {
    const name = String((error.params as { missingProperty?: unknown }).missingProperty);
    return { path: name, top: name, index: -1, missing: true, value: undefined };
  }
  // instancePath is a JSON pointer: "/total", "/categories/1".
  const steps = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const top = steps[0];
  if (top === undefined) return undefined;
  let value: unknown = raw[top];
  for (const step of steps.slice(1)) value = (value as Record<string, unknown> | undefined)?.[step];
  const index = steps.length > 1 ? Number(steps[1]) : -1;
  const path = top + steps.slice(1).map((s) => `[${s}]`).join('');
  return { path, top, index, missing: false, value };
}

/**
 * One problem for a record with schema errors: the first field at fault in contract order
 * (list items by index); the message also names the other faulty fields, so one round of
 * fixes can cover them all.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], raw: Readonly<Record<string, unknown>>): FieldProblem {
  const faults = new Map<string, Fault>();
  for (const error of errors) {
    const fault = faultOf(error, raw);
    if (fault && !faults.has(fault.path)) faults.set(fault.path, fault);
  }
  const sorted = [...faults.values()].sort(
    (a, b) => fieldRank(a.top) - fieldRank(b.top) || a.index - b.index || a.path.localeCompare(b.path),
  );
  const first = sorted[0];
  if (first === undefined) {
    // Not reachable with our schema; kept so a schema change cannot make a silent accept.
    return { message: errors.map((e) => `${e.instancePath} ${e.message ?? ''}`).join('; ') };
  }
  const others = sorted.slice(1).map((f) => f.path);
  const also = others.length > 0 ? `; also wrong: ${others.join(', ')}` : '';
  return { field: first.path, message: `${describeFault(first)}${also}` };
}
