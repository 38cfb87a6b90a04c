import { CsvRecord, type RecordItem } from '@policy/claims';

/**
 * A record as it crossed postMessage: a CSV row arrives as its fields only (its prototype stays
 * behind): the header's names (one array for the whole batch) and its cells, or its `source`.
 */
export function received(item: RecordItem): RecordItem {
  if (item instanceof CsvRecord || 'rejection' in item || 'raw' in item) return item;
  const row = item as unknown as { location: RecordItem['location']; row?: Record<string, string>; names?: readonly string[]; cells?: readonly string[] };
  return new CsvRecord(row.location, row.row, row.names, row.cells);
}
