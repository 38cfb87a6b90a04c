import { CsvRecord } from '../input/csv-records.js';
import type { RecordItem } from '../input/record-item.js';

/**
 * Which shape a claim file has, from its CSV header or its first readable JSON record's keys:
 * `nhsa` (the platform's settlement fields) when it has `setl_id` or `medfee_sumamt` and neither
 * of the contract's `id` and `total`; `contract` otherwise (so a contract file that carries the
 * platform's ids as extra columns stays a contract file).
 */
export type InFormat = 'contract' | 'nhsa';

export function detectFormat(keys: readonly string[]): InFormat {
  const has = new Set(keys);
  if (has.has('id') || has.has('total')) return 'contract';
  return has.has('setl_id') || has.has('medfee_sumamt') ? 'nhsa' : 'contract';
}

/** A record's field names: a CSV row's header, a JSON object's keys; undefined when unreadable or not an object. */
export function recordKeys(item: RecordItem): string[] | undefined {
  if ('rejection' in item) return undefined;
  if (item instanceof CsvRecord) return Object.keys(item.source);
  const raw = item.raw;
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.keys(raw) : undefined;
}

export interface Detected {
  readonly format: InFormat;
  /** What the decision rests on, for the summary. */
  readonly basis: string;
  /** Every record, the ones read to decide included, in file order. */
  readonly records: AsyncIterable<RecordItem>;
}

/** Unreadable records read before giving up and calling the file a contract file. */
const LOOK_AHEAD = 1_000;

/** Reads up to the first readable record to tell the format; the records come out unchanged. */
export async function detectRecords(records: AsyncIterable<RecordItem>): Promise<Detected> {
  const it = records[Symbol.asyncIterator]();
  const buffered: RecordItem[] = [];
  let format: InFormat = 'contract';
  let basis = 'no readable record';
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    buffered.push(next.value);
    const keys = recordKeys(next.value);
    if (keys !== undefined) {
      format = detectFormat(keys);
      const csv = next.value instanceof CsvRecord;
      const telling = keys.filter((k) => k === 'id' || k === 'total' || k === 'setl_id' || k === 'medfee_sumamt');
      basis = `${csv ? 'CSV header' : `keys of the record on line ${next.value.location.line}`}: ${telling.length > 0 ? telling.join(', ') : 'no id, total, setl_id or medfee_sumamt'}`;
      break;
    }
    if (buffered.length >= LOOK_AHEAD) break;
  }
  async function* all(): AsyncGenerator<RecordItem> {
    try {
      yield* buffered.splice(0);
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early closes the file.
      await it.return?.();
    }
  }
  return { format, basis, records: all() };
}
