/**
 * The contract's claim fields (docs/design/contract.md), in the order messages name them:
 * the first field at fault in this order is the one a rejection reports.
 */
export const CONTRACT_FIELDS = [
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
  'disaster',
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

/** Names of the settlement output: a claim carrying one would clash when passed through. */
export const RESERVED_FIELDS = ['policy', 'version', 'layers', 'flags', 'trace'] as const;

const contract: ReadonlySet<string> = new Set(CONTRACT_FIELDS);
const reserved: ReadonlySet<string> = new Set(RESERVED_FIELDS);

export function isContractField(name: string): name is ContractField {
  return contract.has(name);
}

export function isReservedField(name: string): boolean {
  return reserved.has(name);
}

/** Where a field comes in messages: contract order, then reserved names, then anything else. */
export function fieldRank(name: string): number {
  const i = (CONTRACT_FIELDS as readonly string[]).indexOf(name);
  if (i >= 0) return i;
  const r = (RESERVED_FIELDS as readonly string[]).indexOf(name);
  return r >= 0 ? CONTRACT_FIELDS.length + r : CONTRACT_FIELDS.length + RESERVED_FIELDS.length;
}
