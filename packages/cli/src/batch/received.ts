import { CsvRecord, type RecordItem } from '@policy/claims';

/** A record as it crossed postMessage: a CSV row arrives as its cells only (its prototype stays behind). */
export function received(item: RecordItem): RecordItem {
  if (item instanceof CsvRecord || 'rejection' in item || 'raw' in item) return item;
  const row = item as { location: RecordItem['location']; source: Record<string, string> };
  return new CsvRecord(row.location, row.source);
}
