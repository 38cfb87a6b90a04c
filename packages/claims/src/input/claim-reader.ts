import { reason, renderReason, type Claim, type RecordLocation, type Rejection } from '@policy/engine';
import { CsvRecord } from './csv-records.js';
import { placeOf, type RecordItem, type RecordRead } from './record-item.js';
import { fastCsvCells, fastCsvClaim, fastRawClaim } from './fast-csv-claim.js';
import { idOf, validateRecord, type Validated } from './validate.js';

/**
 * Records → claims or rejections, in input order, one result per record: records in =
 * claims + rejections, always. Ids are unique in a batch: a record whose id was already
 * used, by a claim or by a rejected record, is rejected and names the line of the first.
 */

export type ClaimResult =
  | { readonly kind: 'claim'; readonly index: number; readonly location: RecordLocation; readonly claim: Claim }
  | { readonly kind: 'rejected'; readonly index: number; readonly rejection: Rejection };

/** A record whose id an earlier record already used. */
export interface DuplicateId {
  readonly id: string;
  readonly first: RecordLocation;
}

/**
 * The record's id as idOf(raw) gives it; from a CSV row's cells, without making its raw claim.
 * `field`: where the id is (`setl_id` in a platform record).
 */
export function recordId(item: RecordRead, field = 'id'): string | undefined {
  if (!(item instanceof CsvRecord)) return idOf(item.raw, field);
  const id = item.cell(field);
  return id === undefined || id === '' ? undefined : id;
}


/**
 * The ids seen so far, with where each was first used. The id as the record gives it is
 * registered even when the record is rejected: two records with one id are an error in the
 * batch whichever of them is otherwise wrong.
 */
export class IdRegistry {
  private readonly firstSeen = new Map<string, RecordLocation>();

  /** @param field where a record has its id (`setl_id` in a platform record) */
  constructor(private readonly field = 'id') {}

  /** Registers the record's id; says so when an earlier record used it. */
  see(item: RecordItem): DuplicateId | undefined {
    if ('rejection' in item) return undefined;
    const id = recordId(item, this.field);
    if (id === undefined) return undefined;
    const first = this.firstSeen.get(id);
    if (first !== undefined) return { id, first };
    this.firstSeen.set(id, item.location);
    return undefined;
  }

  clear(): void {
    this.firstSeen.clear();
  }
}

/** One record as a claim or a rejection; `duplicate` from IdRegistry.see. */
export function claimResult(item: RecordItem, index: number, duplicate: DuplicateId | undefined): ClaimResult {
  if ('rejection' in item) return { kind: 'rejected', index, rejection: item.rejection };
  const { location } = item;
  const result = validated(item);
  const record = item.source ?? item.raw;
  if (!result.ok) return { kind: 'rejected', index, rejection: { ...result.rejection, record } };
  if (duplicate !== undefined) {
    const text = reason('claims.id.duplicate', { id: JSON.stringify(duplicate.id), place: placeOf(duplicate.first) });
    return { kind: 'rejected', index, rejection: { location, id: duplicate.id, field: 'id', message: renderReason(text, 'en'), text, record } };
  }
  return { kind: 'claim', index, location, claim: result.claim };
}

/** A record through the fast path when it is plain (fast-csv-claim.ts); any other, and any doubt, through the schema. */
function validated(item: RecordRead): Validated {
  const claim = item instanceof CsvRecord ? (item.names && item.cells ? fastCsvCells(item.names, item.cells) : fastCsvClaim(item.source)) : fastRawClaim(item.raw);
  if (claim !== undefined) return { ok: true, claim };
  return validateRecord(item.raw, item.location);
}

export async function* readClaims(records: AsyncIterable<RecordItem> | Iterable<RecordItem>): AsyncGenerator<ClaimResult> {
  const ids = new IdRegistry();
  let index = 0;
  for await (const item of records) yield claimResult(item, index++, ids.see(item));
}
