import type { ReasonRef } from './runtime/errors.js';
import type { Decimal } from '@policy/dsl';

/**
 * A claim after validation: the contract's claim (docs/design/contract.md) with money
 * as exact decimals, dates as day numbers and defaults filled in. Only `@policy/claims` (its `input/`) builds these.
 */

export type Category = 'registered_poor' | 'extreme_poor' | 'dibao' | 'dibao_edge' | 'monitored' | 'hardship';

/** One bit per population category. */
export const CATEGORY_BITS: Readonly<Record<Category, number>> = {
  registered_poor: 1,
  extreme_poor: 2,
  dibao: 4,
  dibao_edge: 8,
  monitored: 16,
  hardship: 32,
};
export type Visit = 'inpatient' | 'outpatient_chronic' | 'outpatient_observation' | 'outpatient';
export type Region = 'county' | 'city' | 'province' | 'out_of_province';
export type Referral = 'referred' | 'unreferred' | 'emergency';
export type Level = 0 | 1 | 2 | 3;

export interface Claim {
  readonly id: string;
  readonly personId: string;
  /** YYYY-MM-DD, as given. */
  readonly date: string;
  /** `date` as a day number (see @policy/dsl parseDate). */
  readonly day: number;
  /** Calendar year of `date`: accumulators are per person and year. */
  readonly year: number;
  readonly categories: ReadonlySet<Category>;
  /** `categories` as bits, one per category in CATEGORY_BITS (for the fixed-point evaluator). */
  readonly categoryBits: number;
  readonly visit: Visit;
  readonly level: Level;
  readonly region: Region;
  /** Default `referred`. */
  readonly referral: Referral;
  /** Default true. */
  readonly designated: boolean;
  /** Injured in a disaster 因灾受伤; default false. */
  readonly disaster: boolean;
  /** "" when absent. */
  readonly disease: string;
  readonly diagnoses: ReadonlySet<string>;
  readonly admitted: number | undefined;
  readonly discharged: number | undefined;
  /** discharged − admitted in days, 0 when either is absent. */
  readonly stay: number;
  readonly total: Decimal;
  readonly inCatalog: Decimal;
  /** total − inCatalog. */
  readonly outOfCatalog: Decimal;
  readonly quota: Decimal | undefined;
  /**
   * The same amounts as whole fen, for the fixed-point evaluator: NaN when an amount is past
   * Number.MAX_SAFE_INTEGER fen (such a claim is settled by decimal.js).
   */
  readonly totalFen: number;
  readonly inCatalogFen: number;
  readonly quotaFen: number | undefined;
  /** "" when absent. */
  readonly hospitalId: string;
  /** Fields outside the contract, passed through to the output untouched. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** Where a record came from, for messages: `line` in the file, `row` = data row (CSV). */
export interface RecordLocation {
  readonly line: number;
  readonly row?: number;
}

/** A rejected record: names the record (line or row, id) and the field, never silent. */
export interface Rejection {
  readonly location: RecordLocation;
  readonly id?: string;
  /** The field at fault, e.g. `total`, `categories[1]`; absent when the whole record is bad. */
  readonly field?: string;
  /** The English reason (what every view printed before the message table). */
  readonly message: string;
  /** The reason as a table entry, for views in another language; absent for reasons not in the table. */
  readonly text?: ReasonRef;
  /** The record as read (object for JSON, column → text for CSV), when it could be read. */
  readonly record?: unknown;
}
