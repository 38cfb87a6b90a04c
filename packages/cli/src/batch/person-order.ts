import { CsvRecord, fieldValue, type RecordItem } from '@policy/claims';
import { ref } from '@policy/dsl';
import { UsageError } from '../errors.js';

/** The person a record names (its `personId`, or `field`, as written), when it names one. */
export function personOf(item: RecordItem, field = 'personId'): string | undefined {
  if ('rejection' in item) return undefined;
  // A CSV row names its person in its cells: the raw claim (csv-row.ts) keeps that text as it is.
  if (item instanceof CsvRecord) {
    const person = item.cell(field);
    return person === '' ? undefined : person;
  }
  const raw = item.raw as Record<string, unknown> | null;
  // A JSON claim may name its fields in Chinese (参保人): the same person either way.
  const p = typeof raw === 'object' && raw !== null ? fieldValue(raw, field) : undefined;
  return typeof p === 'string' && p !== '' ? p : undefined;
}

/** Code-point order (that of UTF-8 bytes, and of `LC_ALL=C sort`). */
export function comparePersons(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * --presorted: the records of a person come together, persons in ascending order. That is what
 * lets a run keep one person in memory at a time and still see a person's every claim: a person
 * met again later could not be told apart from a new one without remembering every person. A
 * record out of that order stops the run (exit 2, nothing written) naming it, because the
 * settlements already written for its person would be wrong without it.
 */
export class PersonOrder {
  private current: string | undefined;

  /** @param field where a record names its person (`psn_no` in a platform record) */
  constructor(
    private readonly file: string,
    private readonly field = 'personId',
  ) {}

  /** True when `item` starts a new person. */
  next(item: RecordItem): boolean {
    const person = personOf(item, this.field);
    if (person === undefined || person === this.current) return false;
    if (this.current !== undefined && comparePersons(person, this.current) < 0) {
      const { line, row } = item.location;
      const where = row !== undefined ? ref('claims.place.line-row', { line, row }) : ref('claims.place.line', { line });
      throw new UsageError(ref('cmd.usage.presorted-order-at', { file: this.file, where, field: this.field, person: JSON.stringify(person), last: JSON.stringify(this.current) }));
    }
    this.current = person;
    return true;
  }
}

/** FNV-1a: which worker keeps a person's claims (any stable spread will do). */
export function personHash(person: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < person.length; i++) h = Math.imul(h ^ person.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
