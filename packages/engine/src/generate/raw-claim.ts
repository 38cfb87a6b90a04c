import type { Category, Level, Referral, Region, Visit } from '../claim.js';

/**
 * A claim as it stands in an input file (../shared/design/contract.md, "Claim (input)"):
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
}

/** The contract's claim fields, in the contract's order (also the CSV column order). */
export const CLAIM_FIELDS = [
  'id',
  'personId',
  'date',
  'categories',
  'visit',
  'level',
  'region',
  'referral',
  'designated',
  'disease',
  'diagnoses',
  'admitted',
  'discharged',
  'total',
  'inCatalog',
  'quota',
  'hospitalId',
] as const satisfies readonly (keyof RawClaim)[];

export type ClaimField = (typeof CLAIM_FIELDS)[number];

/** The contract's enumerations, in the contract's order. */
export const CATEGORIES = ['registered_poor', 'extreme_poor', 'dibao', 'dibao_edge', 'monitored', 'hardship'] as const satisfies readonly Category[];
export const VISITS = ['inpatient', 'outpatient_chronic', 'outpatient_observation', 'outpatient'] as const satisfies readonly Visit[];
export const REGIONS = ['county', 'city', 'province', 'out_of_province'] as const satisfies readonly Region[];
export const REFERRALS = ['referred', 'unreferred', 'emergency'] as const satisfies readonly Referral[];
export const LEVELS = [0, 1, 2, 3] as const satisfies readonly Level[];

/** Money from whole fen: `12345` → `"123.45"`. Money never passes through a float here. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole non-negative number of fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A copy of `claim` with its keys in the contract's order (stable JSON and CSV output). */
export function orderClaimFields(claim: RawClaim): RawClaim {
  const ordered: Record<string, unknown> = {};
  for (const field of CLAIM_FIELDS) {
    if (claim[field] !== undefined) ordered[field] = claim[field];
  }
  return ordered as unknown as RawClaim;
}
