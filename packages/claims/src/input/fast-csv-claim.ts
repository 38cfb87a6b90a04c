import { parseDate, yearOfDay } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim, type Level, type Referral, type Region, type Visit } from '@policy/engine';
import { isContractField, isReservedField } from './fields.js';
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
const enumOf = (name: string): ReadonlySet<string> => new Set((props[name]?.enum ?? props[name]?.items?.enum ?? []).map(String));
const VISITS = enumOf('visit');
const REGIONS = enumOf('region');
const REFERRALS = enumOf('referral');
const CATEGORIES = enumOf('categories');
const MONEY = new RegExp((claimSchema.definitions as { money: { pattern: string } }).money.pattern, 'u');
const LEVELS: Readonly<Record<string, Level>> = { '0': 0, '1': 1, '2': 2, '3': 3 };

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

/** The claim of a plain CSV row, or undefined: then the reference path (validateRecord) decides. */
export function fastCsvClaim(row: Readonly<Record<string, string>>): Claim | undefined {
  const cell = (name: string): string => (Object.hasOwn(row, name) ? (row[name] as string) : '');
  // Columns outside the contract pass through (in the row's order); a reserved name is refused by the schema.
  let extra: Record<string, unknown> | undefined;
  for (const name of Object.keys(row)) {
    if (isContractField(name)) continue;
    const value = row[name] as string;
    if (isReservedField(name)) {
      if (value !== '') return undefined;
      continue;
    }
    ownField((extra ??= {}), name, value);
  }

  const id = cell('id');
  const personId = cell('personId');
  if (id === '' || personId === '') return undefined;
  const date = cell('date');
  const day = parseDate(date);
  if (day === undefined) return undefined;
  const visit = cell('visit');
  if (!VISITS.has(visit)) return undefined;
  const level = LEVELS[cell('level')];
  if (level === undefined) return undefined;
  const region = cell('region');
  if (!REGIONS.has(region)) return undefined;
  const referralCell = cell('referral');
  if (referralCell !== '' && !REFERRALS.has(referralCell)) return undefined;
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
  const admitted = admittedCell === '' ? undefined : parseDate(admittedCell);
  const discharged = dischargedCell === '' ? undefined : parseDate(dischargedCell);
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
      date: text(date),
      day,
      year: yearOfDay(day),
      categories: setOf(categories) as ReadonlySet<Category>,
      categoryBits,
      visit: text(visit) as Visit,
      level,
      region: text(region) as Region,
      referral: text(referralCell === '' ? 'referred' : referralCell) as Referral,
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
