import { claimResult, IdRegistry, type ClaimResult, type DuplicateId } from '../input/claim-reader.js';
import { CsvRecord } from '../input/csv-records.js';
import type { RecordItem } from '../input/record-item.js';
import type { NhsaMapping } from './mapping.js';
import { platformField, platformToRaw } from './platform-record.js';

/**
 * The record-level hook of platform input: a platform record becomes a record whose raw value
 * is a contract claim, keeping the record as the file has it (`source`) for the rejects; a
 * record the mapping refuses becomes a rejection naming the platform field and the code.
 */
export function platformItem(item: RecordItem, mapping: NhsaMapping): RecordItem {
  if ('rejection' in item) return item;
  const fromCsv = item instanceof CsvRecord;
  const record = fromCsv ? item.source : item.raw;
  const m = platformToRaw(record, mapping, fromCsv);
  const { location } = item;
  if (!m.ok) {
    return {
      location,
      rejection: {
        location,
        ...(m.id !== undefined ? { id: m.id } : {}),
        ...(m.field !== undefined ? { field: m.field } : {}),
        message: m.message,
        text: m.text,
        record,
      },
    };
  }
  return { location, raw: m.raw, source: record };
}

/** claimResult for a platform record: the contract's rejections name the platform's fields. */
export function platformClaimResult(item: RecordItem, index: number, duplicate: DuplicateId | undefined, mapping: NhsaMapping): ClaimResult {
  const mapped = platformItem(item, mapping);
  const r = claimResult(mapped, index, duplicate);
  if (r.kind !== 'rejected' || 'rejection' in mapped || r.rejection.field === undefined) return r;
  // The schema's message lists the other faulty fields at its end (messages.ts): renamed too.
  const message = r.rejection.message.replace(/; also wrong: (.*)$/, (_, list: string) => `; also wrong: ${list.split(', ').map(platformField).join(', ')}`);
  const text = r.rejection.text;
  const renamed = text?.id === 'claims.also-wrong' ? { text: { ...text, params: { ...text.params, fields: String(text.params['fields']).split(', ').map(platformField).join(', ') } } } : {};
  return { ...r, rejection: { ...r.rejection, field: platformField(r.rejection.field), message, ...renamed } };
}

/** readClaims for platform records (policy eval). */
export async function* readPlatformClaims(records: AsyncIterable<RecordItem> | Iterable<RecordItem>, mapping: NhsaMapping): AsyncGenerator<ClaimResult> {
  const ids = new IdRegistry('setl_id');
  let index = 0;
  for await (const item of records) yield platformClaimResult(item, index++, ids.see(item), mapping);
}
