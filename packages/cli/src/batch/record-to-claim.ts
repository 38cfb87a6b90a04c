import { claimResult, platformClaimResult, type ClaimResult, type DuplicateId, type NhsaMapping, type RecordItem } from '@policy/claims';

/** How `policy batch` makes a record a claim or a rejection: the workers and `--retroactive` alike. */
export type RecordToClaim = (item: RecordItem, index: number, duplicate: DuplicateId | undefined) => ClaimResult;

/** Platform records through the mapping, the contract's as they are. */
export function recordToClaim(input: 'contract' | 'nhsa', mapping: NhsaMapping | undefined): RecordToClaim {
  if (input === 'nhsa' && mapping) return (item, index, duplicate) => platformClaimResult(item, index, duplicate, mapping);
  return claimResult;
}
