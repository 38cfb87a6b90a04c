import { parseDate, yearOfDay } from '@policy/dsl';
import type { Decimal } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim, type Level, type RecordLocation, type Referral, type Region, type Rejection, type Visit } from '@policy/engine';
import { fieldValue, recordInCodes } from './chinese-names.js';
import { isContractField } from './fields.js';
import { dateRule, describeSchemaErrors, kindOf, moneyRule, shownValue } from './messages.js';
import { reason, renderReason, type ReasonRef } from '@policy/engine';
import { moneyFen, readMoney } from './money-input.js';
import { schemaErrors } from './schema.js';
import { ValidClaim, type ClaimFields } from './valid-claim.js';
import { Interner } from './intern.js';

const sets = new Interner<ReadonlySet<string>>(10_000);
const texts = new Interner<string>();
const persons = new Interner<string>(20_000);
/** The `extra` of a claim with no field outside the contract (shared by every such claim). */
export const NO_EXTRA: Readonly<Record<string, unknown>> = Object.freeze({});

/** A list as a shared, never-changed set: equal lists share one Set. */
export function setOf(list: readonly string[]): ReadonlySet<string> {
  return sets.get(list.join('\u0000'), () => new Set(list));
}

/** A short text as a shared string (dates, visits, diseases …). */
export function text(v: string): string {
  return v.length > 64 ? v : texts.get(v, () => v);
}

/** One string per person: claims of a person compare (and sort) by identity. */
export function person(v: string): string {
  return persons.get(v, () => v);
}

/**
 * A claim's parts, every one checked, the defaults filled in: what `makeClaim` builds a claim of
 * — the claim's own fields (engine/src/claim.ts) but the stay, derived, and the sets, as lists.
 */
export type ClaimParts = Omit<ClaimFields, 'stay' | 'categories' | 'diagnoses'> & {
  readonly categories: readonly Category[];
  readonly diagnoses: readonly string[];
};

/**
 * The one place a claim is made, by the reference path (validClaim) and the fast paths
 * (fast-csv-claim.ts) alike: texts, sets and the person shared, the stay derived. Every claim
 * has every property, absent ones undefined: one object shape for all claims keeps the
 * evaluators' property reads monomorphic (fast). `given`: the amounts as the record wrote them,
 * needed only past the safe range.
 */
export function makeClaim(p: ClaimParts, given?: readonly [unknown, unknown, unknown]): ValidClaim {
  return new ValidClaim(
    {
      id: p.id,
      // One string per person: claims of a person compare (and sort) by identity.
      personId: person(p.personId),
      date: text(p.date),
      day: p.day,
      year: p.year,
      categories: setOf(p.categories) as ReadonlySet<Category>,
      categoryBits: p.categoryBits,
      visit: text(p.visit) as Visit,
      level: p.level,
      region: text(p.region) as Region,
      referral: text(p.referral) as Referral,
      designated: p.designated,
      disaster: p.disaster,
      disease: text(p.disease),
      diagnoses: setOf(p.diagnoses),
      admitted: p.admitted,
      discharged: p.discharged,
      stay: p.admitted !== undefined && p.discharged !== undefined ? p.discharged - p.admitted : 0,
      totalFen: p.totalFen,
      inCatalogFen: p.inCatalogFen,
      quotaFen: p.quotaFen,
      hospitalId: text(p.hospitalId),
      extra: p.extra,
    },
    given,
  );
}

/**
 * One raw record (a parsed JSON object, or a CSV row after csv-row.ts) → a `Claim`, or a
 * `Rejection` naming the record, the field and the rule. Three steps: the schema (shape,
 * types, enums, money and date syntax), then rules across fields the schema cannot state,
 * then the normalized claim with its defaults and derived values.
 */

export type Validated = { readonly ok: true; readonly claim: Claim } | { readonly ok: false; readonly rejection: Rejection };

type RawRecord = Readonly<Record<string, unknown>>;

function isRecord(raw: unknown): raw is RawRecord {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function own(raw: RawRecord, name: string): unknown {
  return Object.hasOwn(raw, name) ? raw[name] : undefined;
}

/** The record's id for messages, when it has a usable one (even if the record is bad). */
export function idOf(raw: unknown, field = 'id'): string | undefined {
  if (!isRecord(raw)) return undefined;
  const id = fieldValue(raw, field);
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

function reject(raw: unknown, location: RecordLocation, text: ReasonRef | { readonly message: string; readonly text?: ReasonRef }, field?: string): Validated {
  const id = idOf(raw);
  const message = 'id' in text ? renderReason(text, 'en') : text.message;
  const ref = 'id' in text ? text : text.text;
  return {
    ok: false,
    rejection: {
      location,
      ...(id !== undefined ? { id } : {}),
      ...(field !== undefined ? { field } : {}),
      message,
      ...(ref !== undefined ? { text: ref } : {}),
      record: raw,
    },
  };
}

/** Money the schema has accepted; a miss here would mean schema and code disagree. */
function money(raw: RawRecord, name: string): Decimal | undefined {
  const value = own(raw, name);
  return value === undefined ? undefined : readMoney(value);
}

export function validateRecord(raw: unknown, location: RecordLocation): Validated {
  if (!isRecord(raw)) return reject(raw, location, reason('claims.record.not-object', { kind: kindOf(raw) }));

  const errors = schemaErrors(raw);
  if (errors.length === 0) return validClaim(raw, location);
  // Refused as written: it may be written with the documents' Chinese names (chinese-names.ts).
  // A record in codes comes back unchanged, and its errors are reported as they were.
  const inCodes = recordInCodes(raw);
  if ('problem' in inCodes) return reject(raw, location, inCodes.problem, inCodes.problem.field);
  if (!inCodes.changed) {
    const problem = describeSchemaErrors(errors, raw);
    return reject(raw, location, problem, problem.field);
  }
  const translated = inCodes.raw;
  const again = schemaErrors(translated);
  const result = again.length === 0 ? validClaim(translated, location) : rejectSchema(translated, location, again);
  // A rejection shows the record as it was written.
  return result.ok ? result : { ok: false, rejection: { ...result.rejection, record: raw } };
}

function rejectSchema(raw: RawRecord, location: RecordLocation, errors: Parameters<typeof describeSchemaErrors>[0]): Validated {
  const problem = describeSchemaErrors(errors, raw);
  return reject(raw, location, problem, problem.field);
}

/** A record the schema accepts → the claim, or the rule across fields it breaks. */
function validClaim(raw: RawRecord, location: RecordLocation): Validated {

  // The schema has checked presence and syntax. Dates are read once more by the engine's own
  // calendar (parseDate), which also refuses years before 100 that the "date" format allows.
  const days = new Map<string, number>();
  for (const name of ['date', 'admitted', 'discharged']) {
    const text = own(raw, name);
    if (text === undefined) continue;
    const day = parseDate(String(text));
    if (day === undefined) return reject(raw, location, dateRule(text), name);
    days.set(name, day);
  }
  const totalFen = moneyFen(own(raw, 'total'));
  const inCatalogFen = moneyFen(own(raw, 'inCatalog'));
  const quotaFen = own(raw, 'quota') === undefined ? undefined : moneyFen(own(raw, 'quota'));
  // Past the safe range (NaN fen) the amounts are read as Decimals, as the record gives them.
  const large = Number.isNaN(totalFen) || Number.isNaN(inCatalogFen) || Number.isNaN(quotaFen);
  if (large) {
    if (money(raw, 'total') === undefined) return reject(raw, location, moneyRule(own(raw, 'total')), 'total');
    if (money(raw, 'inCatalog') === undefined) return reject(raw, location, moneyRule(own(raw, 'inCatalog')), 'inCatalog');
    if (quotaFen !== undefined && money(raw, 'quota') === undefined) return reject(raw, location, moneyRule(own(raw, 'quota')), 'quota');
  }
  const inCatalogOver = large ? (money(raw, 'inCatalog') as Decimal).greaterThan(money(raw, 'total') as Decimal) : inCatalogFen > totalFen;

  // Rules across fields.
  if (inCatalogOver) {
    return reject(
      raw,
      location,
      reason('claims.rule.in-catalog-over', { inCatalog: shownValue(own(raw, 'inCatalog')), total: shownValue(own(raw, 'total')) }),
      'inCatalog',
    );
  }
  const day = days.get('date') as number;
  const admitted = days.get('admitted');
  const discharged = days.get('discharged');
  if (admitted !== undefined && discharged !== undefined && discharged < admitted) {
    return reject(
      raw,
      location,
      reason('claims.rule.stay-reversed', { admitted: shownValue(own(raw, 'admitted')), discharged: shownValue(own(raw, 'discharged')) }),
      'discharged',
    );
  }

  const extraEntries = Object.entries(raw).filter(([name]) => !isContractField(name));
  const extra = extraEntries.length === 0 ? NO_EXTRA : Object.fromEntries(extraEntries);
  const categories = (own(raw, 'categories') ?? []) as Category[];
  const claim = makeClaim(
    {
      id: own(raw, 'id') as string,
      personId: own(raw, 'personId') as string,
      date: own(raw, 'date') as string,
      day,
      year: yearOfDay(day),
      categories,
      categoryBits: categories.reduce((bits, c) => bits | CATEGORY_BITS[c], 0),
      visit: own(raw, 'visit') as Visit,
      level: own(raw, 'level') as Level,
      region: own(raw, 'region') as Region,
      referral: (own(raw, 'referral') ?? 'referred') as Referral,
      designated: (own(raw, 'designated') ?? true) as boolean,
      disaster: (own(raw, 'disaster') ?? false) as boolean,
      disease: (own(raw, 'disease') ?? '') as string,
      diagnoses: (own(raw, 'diagnoses') ?? []) as string[],
      admitted,
      discharged,
      totalFen,
      inCatalogFen,
      quotaFen,
      hospitalId: (own(raw, 'hospitalId') ?? '') as string,
      extra,
    },
    large ? [own(raw, 'total'), own(raw, 'inCatalog'), own(raw, 'quota')] : undefined,
  );
  return { ok: true, claim };
}
