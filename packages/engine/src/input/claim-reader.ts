import type { Claim, RecordLocation, Rejection } from '../claim.js';
import type { RecordItem } from './record-item.js';
import { idOf, validateRecord } from './validate.js';

/**
 * Records → claims or rejections, in input order, one result per record: records in =
 * claims + rejections, always. Ids are unique in a batch: a record whose id was already
 * used, by a claim or by a rejected record, is rejected and names the line of the first.
 */

export type ClaimResult =
  | { readonly kind: 'claim'; readonly index: number; readonly location: RecordLocation; readonly claim: Claim }
  | { readonly kind: 'rejected'; readonly index: number; readonly rejection: Rejection };

function place(location: RecordLocation): string {
  return location.row !== undefined ? `line ${location.line} (row ${location.row})` : `line ${location.line}`;
}

export async function* readClaims(records: AsyncIterable<RecordItem> | Iterable<RecordItem>): AsyncGenerator<ClaimResult> {
  const firstSeen = new Map<string, RecordLocation>();
  let index = 0;
  for await (const item of records) {
    const at = index++;
    if ('rejection' in item) {
      yield { kind: 'rejected', index: at, rejection: item.rejection };
      continue;
    }
    const { location } = item;
    const result = validateRecord(item.raw, location);
    // The id as the record gives it, registered even when the record is rejected: two records
    // with one id are an error in the batch whichever of them is otherwise wrong.
    const id = idOf(item.raw);
    const first = id === undefined ? undefined : firstSeen.get(id);
    if (id !== undefined && first === undefined) firstSeen.set(id, location);
    const record = item.source ?? item.raw;
    if (!result.ok) {
      yield { kind: 'rejected', index: at, rejection: { ...result.rejection, record } };
    } else if (first !== undefined) {
      const message = `${JSON.stringify(id)} is already used by the record on ${place(first)}`;
      yield { kind: 'rejected', index: at, rejection: { location, id, field: 'id', message, record } };
    } else {
      yield { kind: 'claim', index: at, location, claim: result.claim };
    }
  }
}
