import { parseDate, yearOfDay } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim, type Level, type Referral, type Region, type Visit } from '@policy/engine';
import { CONTRACT_FIELDS, isContractField, isReservedField, type ContractField } from './fields.js';
import { moneyFen } from './money-input.js';
import { ownField } from './own-field.js';
import { claimSchema } from './schema.js';
import { NO_EXTRA, makeClaim, text } from './validate.js';

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
  const diagnosesCell = cell('diagnoses');
  const admitted = cell('admitted');
  const discharged = cell('discharged');
  const quota = cell('quota');
  return plainClaim({
    id,
    personId,
    date,
    visit,
    level,
    region,
    referral,
    designated,
    disaster,
    disease: cell('disease'),
    hospitalId: cell('hospitalId'),
    categories: categoriesCell === '' ? [] : splitList(categoriesCell),
    diagnoses: diagnosesCell === '' ? [] : splitList(diagnosesCell),
    admitted: admitted === '' ? undefined : admitted,
    discharged: discharged === '' ? undefined : discharged,
    total: cell('total'),
    inCatalog: cell('inCatalog'),
    quota: quota === '' ? undefined : quota,
    extra: extra ?? NO_EXTRA,
  });
}

/** What both fast paths read from their record, each value of the type the schema wants (amounts and dates still text). */
interface PlainValues {
  readonly id: string;
  readonly personId: string;
  readonly date: Day;
  readonly visit: string;
  readonly level: Level;
  readonly region: string;
  readonly referral: string;
  readonly designated: boolean;
  readonly disaster: boolean;
  readonly disease: string;
  readonly hospitalId: string;
  readonly categories: readonly string[];
  readonly diagnoses: readonly string[];
  /** Absent: undefined. */
  readonly admitted: string | undefined;
  readonly discharged: string | undefined;
  readonly total: unknown;
  readonly inCatalog: unknown;
  /** Absent: undefined. */
  readonly quota: unknown;
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * The rest of both fast paths: the categories known, the stay dates read and in order (both for
 * an inpatient), the amounts plain text within the safe range and the in-catalogue part within
 * the total — then the claim, made as the reference makes it (makeClaim); else undefined.
 */
function plainClaim(v: PlainValues): Claim | undefined {
  let categoryBits = 0;
  for (const c of v.categories) {
    if (!CATEGORIES.has(c)) return undefined;
    categoryBits |= CATEGORY_BITS[c as Category];
  }
  const admitted = v.admitted === undefined ? undefined : dayOf(v.admitted)?.day;
  const discharged = v.discharged === undefined ? undefined : dayOf(v.discharged)?.day;
  if ((v.admitted !== undefined && admitted === undefined) || (v.discharged !== undefined && discharged === undefined)) return undefined;
  if (v.visit === 'inpatient' && (admitted === undefined || discharged === undefined)) return undefined;
  if (admitted !== undefined && discharged !== undefined && discharged < admitted) return undefined;

  const { total, inCatalog, quota } = v;
  if (!isString(total) || !isString(inCatalog) || !MONEY.test(total) || !MONEY.test(inCatalog)) return undefined;
  if (quota !== undefined && (!isString(quota) || !MONEY.test(quota))) return undefined;
  const totalFen = moneyFen(total);
  const inCatalogFen = moneyFen(inCatalog);
  const quotaFen = quota === undefined ? undefined : moneyFen(quota);
  // Past the safe range the reference reads Decimals; so does a claim over its total.
  if (Number.isNaN(totalFen) || Number.isNaN(inCatalogFen) || Number.isNaN(quotaFen) || inCatalogFen > totalFen) return undefined;

  return makeClaim({
    id: v.id,
    personId: v.personId,
    date: v.date.text,
    day: v.date.day,
    year: v.date.year,
    categories: v.categories as readonly Category[],
    categoryBits,
    visit: v.visit as Visit,
    level: v.level,
    region: v.region as Region,
    referral: v.referral as Referral,
    designated: v.designated,
    disaster: v.disaster,
    disease: v.disease,
    diagnoses: v.diagnoses,
    admitted,
    discharged,
    totalFen,
    inCatalogFen,
    quotaFen,
    hospitalId: v.hospitalId,
    extra: v.extra,
  });
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
  const diagnoses = or('diagnoses', []);
  if (!ALL_STRINGS(categories) || !ALL_STRINGS(diagnoses)) return undefined;
  const admitted = get('admitted');
  const discharged = get('discharged');
  if ((admitted !== undefined && !isString(admitted)) || (discharged !== undefined && !isString(discharged))) return undefined;

  return plainClaim({
    id,
    personId,
    date,
    visit,
    level,
    region,
    referral,
    designated,
    disaster,
    disease,
    hospitalId,
    categories,
    diagnoses,
    admitted,
    discharged,
    total: get('total'),
    inCatalog: get('inCatalog'),
    quota: get('quota'),
    // As validClaim makes it: the fields outside the contract, in the record's order.
    extra: extras === 0 ? NO_EXTRA : Object.fromEntries(Object.entries(r).filter(([name]) => !isContractField(name))),
  });
}
