import { reason } from '@policy/engine';
import { CsvRecord } from '../input/csv-records.js';
import { ClaimFileError, type RecordItem } from '../input/record-item.js';
import claimSchema from '../input/claim.schema.json' with { type: 'json' };
import { PLATFORM_TO_CONTRACT } from './platform-record.js';

const PLATFORM_FIELD_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PLATFORM_TO_CONTRACT).map(([p, c]) => [c, p]));

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

/** The columns a CSV header of each shape must have: the contract's required fields, or the platform fields they come from. */
export const REQUIRED_COLUMNS: Readonly<Record<InFormat, readonly string[]>> = {
  contract: claimSchema.required as readonly string[],
  nhsa: (claimSchema.required as readonly string[]).map((f) => PLATFORM_FIELD_OF[f] ?? f),
};

/**
 * A CSV header without a required column would reject every row for the same reason: the file
 * is refused once, naming the columns missing (and, for a header that has none of them, saying so).
 */
function requireColumns(keys: readonly string[], format: InFormat, file: string): void {
  const has = new Set(keys);
  const missing = REQUIRED_COLUMNS[format].filter((c) => !has.has(c));
  if (missing.length === 0) return;
  const params = {
    file,
    columns: missing.map((c) => `"${c}"`).join(', '),
    shape: format === 'nhsa' ? reason('nhsa.shape.platform') : reason('nhsa.shape.claims'),
    hint: missing.length === REQUIRED_COLUMNS[format].length ? reason('nhsa.csv.header-hint') : '',
  };
  throw new ClaimFileError(file, reason(missing.length === 1 ? 'nhsa.csv.missing-column' : 'nhsa.csv.missing-columns', params));
}

/**
 * Reads up to the first readable record to tell the format (or takes `given`, from
 * --in-format); a CSV header must have the columns that format requires. The records come out
 * unchanged. `file`: for messages.
 */
export async function detectRecords(records: AsyncIterable<RecordItem>, given?: InFormat, file = 'the input'): Promise<Detected> {
  const it = records[Symbol.asyncIterator]();
  const buffered: RecordItem[] = [];
  let format: InFormat = given ?? 'contract';
  let basis = given ? 'as --in-format says' : 'no readable record';
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    buffered.push(next.value);
    const keys = recordKeys(next.value);
    if (keys !== undefined) {
      const csv = next.value instanceof CsvRecord;
      if (!given) {
        format = detectFormat(keys);
        const telling = keys.filter((k) => k === 'id' || k === 'total' || k === 'setl_id' || k === 'medfee_sumamt');
        basis = `${csv ? 'CSV header' : `keys of the record on line ${next.value.location.line}`}: ${telling.length > 0 ? telling.join(', ') : 'no id, total, setl_id or medfee_sumamt'}`;
      }
      if (csv) requireColumns(keys, format, file);
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
