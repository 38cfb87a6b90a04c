import { LEVELS as DSL_LEVELS, enumValues } from '@policy/dsl';
import type { Category, Level, Referral, Region, Visit } from '@policy/engine';
import { CONTRACT_FIELDS } from '../input/fields.js';

/**
 * A claim as it stands in an input file (docs/design/contract.md, "Claim (input)"):
 * money as decimal strings in yuan, dates as `YYYY-MM-DD`, absent optional fields left out.
 * This is what users send, before validation turns it into a `Claim`.
 */
export interface RawClaim {
  id: string;
  personId: string;
  date: string;
  categories?: Category[];
  visit: Visit;
  level: Level;
  region: Region;
  referral?: Referral;
  designated?: boolean;
  disease?: string;
  diagnoses?: string[];
  admitted?: string;
  discharged?: string;
  total: string;
  inCatalog: string;
  quota?: string;
  hospitalId?: string;
  disaster?: boolean;
}

/** RawClaim has exactly the contract's fields (input/fields.ts): checked by the compiler. */
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never;
const rawClaimHasContractFields: SameKeys<RawClaim, (typeof CONTRACT_FIELDS)[number]> = true;
void rawClaimHasContractFields;

export type ClaimField = (typeof CONTRACT_FIELDS)[number];

/** The contract's enumerations, in the contract's order (from the one vocabulary in @policy/dsl). */
export const CATEGORIES = enumValues('category') as Category[];
export const VISITS = enumValues('visit') as Visit[];
export const REGIONS = enumValues('region') as Region[];
export const REFERRALS = enumValues('referral') as Referral[];
export const LEVELS: readonly Level[] = DSL_LEVELS;

/** Money from whole fen: `12345` → `"123.45"`. Money never passes through a float here. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole non-negative number of fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A copy of `claim` with its keys in the contract's order (stable JSON and CSV output). */
export function orderClaimFields(claim: RawClaim): RawClaim {
  const ordered: Record<string, unknown> = {};
  for (const field of CONTRACT_FIELDS) {
    if (claim[field] !== undefined) ordered[field] = claim[field];
  }
  return ordered as unknown as RawClaim;
}
