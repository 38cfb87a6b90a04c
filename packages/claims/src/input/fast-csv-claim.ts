import { parseDate, yearOfDay } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim, type Level, type Referral, type Region, type Visit } from '@policy/engine';
import { CONTRACT_FIELDS, isContractField, isReservedField, type ContractField } from './fields.js';
import { moneyFen } from './money-input.js';
import { ownField } from './own-field.js';
import { claimSchema } from './schema.js';
import { NO_EXTRA, person, setOf, text } from './validate.js';
import { ValidClaim } from './valid-claim.js';

/**
 * The fast path of a CSV row's validation (issue 11): the row's cells (column → text, as
 * csv-records.ts reads them) straight to the claim, without the raw claim object (csv-row.ts)
 * and without the schema (ajv). It answers only for a row it can prove plain: every cell as the
 * schema wants it, written in codes, amounts within the safe range, no rule across fields
 * broken. Then the claim is the one `validateRecord(csvRowToRaw(row))` makes, field for field.
 * For anything else — a rejection, Chinese values, large amounts — it answers undefined and the
 * reference path (validate.ts) decides and words the rejection. fast-csv-claim.test.ts checks,
 * on arbitrary rows, that whenever it answers, the reference accepts the row with an equal claim.
 *
 * The enums and the money pattern are read from the schema itself, so the two cannot drift.
 */

type Props = Readonly<Record<string, { readonly enum?: readonly unknown[]; readonly items?: { readonly enum?: readonly unknown[] } }>>;
const props = claimSchema.properties as unknown as Props;
/** An enum's values, each to itself as a shared string. */
const enumOf = (name: string): ReadonlyMap<string, string> => new Map((props[name]?.enum ?? props[name]?.items?.enum ?? []).map((v) => [String(v), text(String(v))]));
const VISITS = enumOf('visit');
const REGIONS = enumOf('region');
const REFERRALS = enumOf('referral');
const CATEGORIES = enumOf('categories');
const MONEY = new RegExp((claimSchema.definitions as { money: { pattern: string } }).money.pattern, 'u');
const LEVELS: Readonly<Record<string, Level>> = { '0': 0, '1': 1, '2': 2, '3': 3 };

interface Day {
  readonly text: string;
  readonly day: number;
  readonly year: number;
}
/** Dates already read (a year of claims has a few hundred): the text shared, the day and year computed once. */
const days = new Map<string, Day | null>();

function dayOf(cell: string): Day | undefined {
  let known = days.get(cell);
  if (known === undefined) {
    const day = parseDate(cell);
    known = day === undefined ? null : { text: text(cell), day, year: yearOfDay(day) };
    if (days.size >= 20_000) days.clear();
    days.set(cell, known);
  }
  return known ?? undefined;
}

function splitList(cell: string): string[] {
  return cell
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A cell as csv-row.ts reads `designated` / `disaster`: undefined when it is not a boolean. */
function flag(cell: string, absent: boolean): boolean | undefined {
  if (cell === '') return absent;
  const lower = cell.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** The claim of a plain CSV row (column → text), or undefined: then the reference path (validateRecord) decides. */
export function fastCsvClaim(row: Readonly<Record<string, string>>): Claim | undefined {
  return fastCsvCells(Object.keys(row), Object.values(row));
}

/** Where a header has each contract field (-1: no such column), its other columns and its reserved ones. */
interface Plan {
  readonly at: Readonly<Record<string, number>>;
  readonly extra: readonly number[];
  readonly reserved: readonly number[];
}

const plans = new WeakMap<readonly string[], Plan>();

function planOf(names: readonly string[]): Plan {
  let plan = plans.get(names);
  if (plan === undefined) {
    const at: Record<string, number> = {};
    for (const f of CONTRACT_FIELDS) at[f] = names.indexOf(f);
    const extra: number[] = [];
    const reserved: number[] = [];
    names.forEach((name, i) => {
      if (name === '' || isContractField(name)) return;
      (isReservedField(name) ? reserved : extra).push(i);
    });
    plan = { at, extra, reserved };
    plans.set(names, plan);
  }
  return plan;
}

/**
 * The claim of a plain CSV row given as the header's names ('' for a column without a name,
 * whose cell is then empty) and the row's cells, one per name; or undefined.
 */
export function fastCsvCells(names: readonly string[], cells: readonly string[]): Claim | undefined {
  const plan = planOf(names);
  const at = plan.at;
  const cell = (name: ContractField): string => {
    const i = at[name] as number;
    return i < 0 ? '' : (cells[i] ?? '');
  };
  // A reserved name is refused by the schema; columns outside the contract pass through.
  for (const i of plan.reserved) if ((cells[i] ?? '') !== '') return undefined;
  let extra: Record<string, unknown> | undefined;
  for (const i of plan.extra) ownField((extra ??= {}), names[i] as string, cells[i] ?? '');

  const id = cell('id');
  const personId = cell('personId');
  if (id === '' || personId === '') return undefined;
  const date = dayOf(cell('date'));
  if (date === undefined) return undefined;
  const visit = VISITS.get(cell('visit'));
  if (visit === undefined) return undefined;
  const level = LEVELS[cell('level')];
  if (level === undefined) return undefined;
  const region = REGIONS.get(cell('region'));
  if (region === undefined) return undefined;
  const referralCell = cell('referral');
  const referral = referralCell === '' ? 'referred' : REFERRALS.get(referralCell);
  if (referral === undefined) return undefined;
  const designated = flag(cell('designated'), true);
  const disaster = flag(cell('disaster'), false);
  if (designated === undefined || disaster === undefined) return undefined;

  const categoriesCell = cell('categories');
  const categories = categoriesCell === '' ? [] : splitList(categoriesCell);
  let categoryBits = 0;
  for (const c of categories) {
    if (!CATEGORIES.has(c)) return undefined;
    categoryBits |= CATEGORY_BITS[c as Category];
  }
  const diagnosesCell = cell('diagnoses');
  const diagnoses = diagnosesCell === '' ? [] : splitList(diagnosesCell);

  const admittedCell = cell('admitted');
  const dischargedCell = cell('discharged');
  const admitted = admittedCell === '' ? undefined : dayOf(admittedCell)?.day;
  const discharged = dischargedCell === '' ? undefined : dayOf(dischargedCell)?.day;
  if ((admittedCell !== '' && admitted === undefined) || (dischargedCell !== '' && discharged === undefined)) return undefined;
  if (visit === 'inpatient' && (admitted === undefined || discharged === undefined)) return undefined;
  if (admitted !== undefined && discharged !== undefined && discharged < admitted) return undefined;

  const total = cell('total');
  const inCatalog = cell('inCatalog');
  const quota = cell('quota');
  if (!MONEY.test(total) || !MONEY.test(inCatalog) || (quota !== '' && !MONEY.test(quota))) return undefined;
  const totalFen = moneyFen(total);
  const inCatalogFen = moneyFen(inCatalog);
  const quotaFen = quota === '' ? undefined : moneyFen(quota);
  // Past the safe range the reference reads Decimals; so does a claim over its total.
  if (Number.isNaN(totalFen) || Number.isNaN(inCatalogFen) || Number.isNaN(quotaFen) || inCatalogFen > totalFen) return undefined;

  const disease = cell('disease');
  const hospitalId = cell('hospitalId');
  return new ValidClaim(
    {
      id,
      personId: person(personId),
      date: date.text,
      day: date.day,
      year: date.year,
      categories: setOf(categories) as ReadonlySet<Category>,
      categoryBits,
      visit: visit as Visit,
      level,
      region: region as Region,
      referral: text(referral) as Referral,
      designated,
      disaster,
      disease: text(disease),
      diagnoses: setOf(diagnoses),
      admitted,
      discharged,
      stay: admitted !== undefined && discharged !== undefined ? discharged - admitted : 0,
      totalFen,
      inCatalogFen,
      quotaFen,
      hospitalId: text(hospitalId),
      extra: extra ?? NO_EXTRA,
    },
    undefined,
  );
}

const isString = (v: unknown): v is string => typeof v === 'string';
const ALL_STRINGS = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/**
 * The fast path of a raw claim object (a JSON Lines record, or a platform record mapped to the
 * contract): the claim `validateRecord(raw)` makes when the schema accepts the object as it is,
 * or undefined for anything the fast path cannot prove plain (then the reference decides):
 * amounts written as numbers, reserved names, fields holding undefined, values of the wrong type.
 */
export function fastRawClaim(raw: unknown): Claim | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.getPrototypeOf(raw) !== Object.prototype) return undefined;
  const r = raw as Readonly<Record<string, unknown>>;
  let extras = 0;
  for (const name of Object.keys(r)) {
    if (r[name] === undefined || isReservedField(name)) return undefined;
    if (!isContractField(name)) extras++;
  }
  const get = (name: ContractField): unknown => (Object.hasOwn(r, name) ? r[name] : undefined);
  // Absent is undefined only (every field was checked above not to hold undefined): null is a value, refused by the schema.
  const or = (name: ContractField, absent: unknown): unknown => (Object.hasOwn(r, name) ? r[name] : absent);

  const id = get('id');
  const personId = get('personId');
  if (!isString(id) || id === '' || !isString(personId) || personId === '') return undefined;
  const dateValue = get('date');
  const date = isString(dateValue) ? dayOf(dateValue) : undefined;
  if (date === undefined) return undefined;
  const visitValue = get('visit');
  const visit = isString(visitValue) ? VISITS.get(visitValue) : undefined;
  if (visit === undefined) return undefined;
  const level = get('level');
  if (level !== 0 && level !== 1 && level !== 2 && level !== 3) return undefined;
  const regionValue = get('region');
  const region = isString(regionValue) ? REGIONS.get(regionValue) : undefined;
  if (region === undefined) return undefined;
  const referralValue = or('referral', 'referred');
  const referral = isString(referralValue) ? REFERRALS.get(referralValue) : undefined;
  if (referral === undefined) return undefined;
  const designated = or('designated', true);
  const disaster = or('disaster', false);
  if (typeof designated !== 'boolean' || typeof disaster !== 'boolean') return undefined;
  const disease = or('disease', '');
  const hospitalId = or('hospitalId', '');
  if (!isString(disease) || !isString(hospitalId)) return undefined;

  const categories = or('categories', []);
  if (!ALL_STRINGS(categories)) return undefined;
  let categoryBits = 0;
  for (const c of categories) {
    if (!CATEGORIES.has(c)) return undefined;
    categoryBits |= CATEGORY_BITS[c as Category];
  }
  const diagnoses = or('diagnoses', []);
  if (!ALL_STRINGS(diagnoses)) return undefined;

  const admittedValue = get('admitted');
  const dischargedValue = get('discharged');
  if ((admittedValue !== undefined && !isString(admittedValue)) || (dischargedValue !== undefined && !isString(dischargedValue))) return undefined;
  const admitted = admittedValue === undefined ? undefined : dayOf(admittedValue)?.day;
  const discharged = dischargedValue === undefined ? undefined : dayOf(dischargedValue)?.day;
  if ((admittedValue !== undefined && admitted === undefined) || (dischargedValue !== undefined && discharged === undefined)) return undefined;
  if (visit === 'inpatient' && (admitted === undefined || discharged === undefined)) return undefined;
  if (admitted !== undefined && discharged !== undefined && discharged < admitted) return undefined;

  const total = get('total');
  const inCatalog = get('inCatalog');
  const quota = get('quota');
  if (!isString(total) || !isString(inCatalog) || !MONEY.test(total) || !MONEY.test(inCatalog)) return undefined;
  if (quota !== undefined && (!isString(quota) || !MONEY.test(quota))) return undefined;
  const totalFen = moneyFen(total);
  const inCatalogFen = moneyFen(inCatalog);
  const quotaFen = quota === undefined ? undefined : moneyFen(quota);
  if (Number.isNaN(totalFen) || Number.isNaN(inCatalogFen) || Number.isNaN(quotaFen) || inCatalogFen > totalFen) return undefined;

  // As validClaim makes it: the fields outside the contract, in the record's order.
  const extra = extras === 0 ? NO_EXTRA : Object.fromEntries(Object.entries(r).filter(([name]) => !isContractField(name)));
  return new ValidClaim(
    {
      id,
      personId: person(personId),
      date: date.text,
      day: date.day,
      year: date.year,
      categories: setOf(categories) as ReadonlySet<Category>,
      categoryBits,
      visit: visit as Visit,
      level: level as Level,
      region: region as Region,
      referral: text(referral) as Referral,
      designated,
      disaster,
      disease: text(disease),
      diagnoses: setOf(diagnoses),
      admitted,
      discharged,
      stay: admitted !== undefined && discharged !== undefined ? discharged - admitted : 0,
      totalFen,
      inCatalogFen,
      quotaFen,
      hospitalId: text(hospitalId),
      extra,
    },
    undefined,
  );
}
