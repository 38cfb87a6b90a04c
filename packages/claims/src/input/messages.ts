import type { ErrorObject } from 'ajv';
import { VOCABULARY } from '@policy/dsl';
import { reason, renderReason, type ReasonRef } from '@policy/engine';
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
  /** The English text. */
  readonly message: string;
  /** The message as a table entry (its English is `message`). */
  readonly text?: ReasonRef;
}

/** A problem from a table entry: `message` is its English. */
export function fieldProblem(text: ReasonRef, field?: string): FieldProblem {
  return { ...(field !== undefined ? { field } : {}), message: renderReason(text, 'en'), text };
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
  const shown = shownValue(value);
  return typeof shown === 'string' ? shown : renderReason(shown, 'en');
}

/** showValue as a message parameter: the few values said in words are table entries. */
export function shownValue(value: unknown): string | ReasonRef {
  if (value === undefined) return reason('claims.value.nothing');
  // JSON.parse reads 1e999 as Infinity: say what happened rather than print "Infinity".
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : reason('claims.value.out-of-range');
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** What a non-object JSON value is, for "a claim is a JSON object (got …)". */
export function describeKind(value: unknown): string {
  return renderReason(kindOf(value), 'en');
}

/** describeKind as a table entry. */
export function kindOf(value: unknown): ReasonRef {
  if (Array.isArray(value)) return reason('claims.kind.array');
  if (value === null) return reason('claims.kind.null');
  if (typeof value === 'object') return reason('claims.kind.object');
  if (typeof value === 'string') return reason('claims.kind.string', { value: shownValue(value) });
  if (typeof value === 'number') return reason('claims.kind.number', { value: shownValue(value) });
  if (typeof value === 'boolean') return reason('claims.kind.boolean', { value: shownValue(value) });
  return reason('claims.kind.other', { type: typeof value, value: shownValue(value) });
}

export function moneyRule(value: unknown): ReasonRef {
  if (isMoneyNumberTooLarge(value)) return reason('claims.money.too-large', { limit: MONEY_NUMBER_LIMIT, value: shownValue(value) });
  return reason('claims.money.rule', { value: shownValue(value) });
}

export function dateRule(value: unknown): ReasonRef {
  return reason('claims.date.rule', { value: shownValue(value) });
}

const props = claimSchema.properties;

/** The rule broken, in the contract's words, for a field that is present but wrong. */
function ruleFor(fault: Fault): ReasonRef {
  const value = shownValue(fault.value);
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
      return reason('claims.rule.non-empty-string', { value });
    // The enumerations: each code with the Chinese names a record may use instead (the vocabulary).
    case 'visit':
    case 'region':
    case 'referral':
      return reason('claims.rule.one-of', { values: VOCABULARY[fault.top].describe(), value });
    case 'level':
      return reason('claims.rule.one-of', { values: props.level.enum.join(', '), value });
    case 'categories':
      return isItem ? reason('claims.rule.one-of', { values: VOCABULARY.category.describe(), value }) : reason('claims.rule.category-list', { value });
    case 'diagnoses':
      return isItem ? reason('claims.rule.string', { value }) : reason('claims.rule.diagnosis-list', { value });
    case 'designated':
    case 'disaster':
      return reason('claims.rule.boolean', { value });
    default:
      return reason('claims.rule.string', { value });
  }
}

function describeFault(fault: Fault): ReasonRef {
  if (isReservedField(fault.top)) return reason('claims.field.reserved');
  if (fault.missing) {
    return fault.top === 'admitted' || fault.top === 'discharged' ? reason('claims.field.required-inpatient') : reason('claims.field.required');
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
  const problem = describeFault(first);
  return fieldProblem(others.length > 0 ? reason('claims.also-wrong', { problem, fields: others.join(', ') }) : problem, first.path);
}
