import { yearOfDay } from '@policy/dsl';
import { CATEGORY_BITS } from '@policy/engine';
import type { RosterRow } from './roster-row.js';

/**
 * Who is in which category on which day, as one SharedArrayBuffer: built once on the main
 * thread, read in place by every batch worker (workerData shares it, nothing is copied), so a
 * roster of a million rows costs some 40 MB once, not once per worker.
 *
 * Layout (Int32 words, then UTF-16 code units):
 *   header  [MAGIC, persons, slots, periods, chars]
 *   slots   open-addressing hash table of persons: person index + 1, 0 = empty
 *   names   person i's id is chars[names[i] .. names[i + 1])
 *   spans   person i's periods are periods[spans[i] .. spans[i + 1]), in (category, from) order
 *   periods (from, to, bit) per period: a category's rows merged where they overlap or touch
 *   chars   the person ids, UTF-16 code units
 */

const MAGIC = 0x52535431; // "RST1"
const HEADER = 5;
export interface Period {
  readonly bit: number;
  readonly from: number;
  readonly to: number;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class RosterIndex {
  private readonly words: Int32Array;
  private readonly chars: Uint16Array;
  private readonly persons: number;
  private readonly mask: number;
  private readonly namesAt: number;
  private readonly spansAt: number;
  private readonly periodsAt: number;

  private constructor(readonly buffer: SharedArrayBuffer) {
    const head = new Int32Array(buffer, 0, HEADER);
    if (head[0] !== MAGIC) throw new Error('not a roster index');
    this.persons = head[1] as number;
    const slots = head[2] as number;
    const periods = head[3] as number;
    const words = HEADER + slots + 2 * (this.persons + 1) + 3 * periods;
    this.words = new Int32Array(buffer, 0, words);
    this.chars = new Uint16Array(buffer, words * 4, head[4] as number);
    this.mask = slots - 1;
    this.namesAt = HEADER + slots;
    this.spansAt = this.namesAt + this.persons + 1;
    this.periodsAt = this.spansAt + this.persons + 1;
  }

  /**
   * The index over `rows` (any order; several files together). Rows are sorted by (person,
   * category, from) and read twice, to count and to write: no per-person lists (a million rows
   * would make a million of them).
   */
  static build(rows: readonly RosterRow[]): RosterIndex {
    const sorted = rows.slice().sort(
      (a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : CATEGORY_BITS[a.category] - CATEGORY_BITS[b.category] || a.from - b.from),
    );
    // The periods of each person: a category's rows joined where they overlap or touch.
    const eachPeriod = (f: (person: string, first: boolean, from: number, to: number, bit: number) => void): void => {
      for (let i = 0; i < sorted.length; ) {
        const r = sorted[i] as RosterRow;
        let to = r.to;
        let j = i + 1;
        for (; j < sorted.length; j++) {
          const n = sorted[j] as RosterRow;
          if (n.person !== r.person || n.category !== r.category || n.from > to + 1) break;
          if (n.to > to) to = n.to;
        }
        f(r.person, i === 0 || (sorted[i - 1] as RosterRow).person !== r.person, r.from, to, CATEGORY_BITS[r.category]);
        i = j;
      }
    };
    let persons = 0;
    let periodCount = 0;
    let charCount = 0;
    eachPeriod((person, first) => {
      periodCount++;
      if (first) (persons++, (charCount += person.length));
    });
    let slots = 1;
    while (slots < persons * 2) slots *= 2;
    const words = HEADER + slots + 2 * (persons + 1) + 3 * periodCount;
    const buffer = new SharedArrayBuffer(words * 4 + charCount * 2);
    const w = new Int32Array(buffer, 0, words);
    const chars = new Uint16Array(buffer, words * 4, charCount);
    w.set([MAGIC, persons, slots, periodCount, charCount]);
    const namesAt = HEADER + slots;
    const spansAt = namesAt + persons + 1;
    const periodsAt = spansAt + persons + 1;
    let i = -1;
    let c = 0;
    let q = 0;
    eachPeriod((person, first, from, to, bit) => {
      if (first) {
        i++;
        w[namesAt + i] = c;
        for (let k = 0; k < person.length; k++) chars[c++] = person.charCodeAt(k);
        w[spansAt + i] = q;
        let s = hash(person) & (slots - 1);
        while (w[HEADER + s] !== 0) s = (s + 1) & (slots - 1);
        w[HEADER + s] = i + 1;
      }
      const at = periodsAt + 3 * q++;
      w[at] = from;
      w[at + 1] = to;
      w[at + 2] = bit;
    });
    w[namesAt + persons] = c;
    w[spansAt + persons] = q;
    return new RosterIndex(buffer);
  }

  /** The index another thread built (its `buffer`). */
  static fromShared(buffer: SharedArrayBuffer): RosterIndex {
    return new RosterIndex(buffer);
  }

  get size(): number {
    return this.persons;
  }

  /** Person index, or -1 when the person is on no roster. */
  private find(person: string): number {
    const w = this.words;
    for (let s = hash(person) & this.mask; ; s = (s + 1) & this.mask) {
      const i = (w[HEADER + s] as number) - 1;
      if (i < 0) return -1;
      const start = w[this.namesAt + i] as number;
      const end = w[this.namesAt + i + 1] as number;
      if (end - start !== person.length) continue;
      let k = 0;
      while (k < person.length && this.chars[start + k] === person.charCodeAt(k)) k++;
      if (k === person.length) return i;
    }
  }

  has(person: string): boolean {
    return this.find(person) >= 0;
  }

  /** The person's merged periods, in (category, from) order. */
  periodsOf(person: string): Period[] {
    const i = this.find(person);
    if (i < 0) return [];
    const w = this.words;
    const out: Period[] = [];
    for (let q = w[this.spansAt + i] as number; q < (w[this.spansAt + i + 1] as number); q++) {
      const at = this.periodsAt + 3 * q;
      out.push({ from: w[at] as number, to: w[at + 1] as number, bit: w[at + 2] as number });
    }
    return out;
  }

  /** Bits (CATEGORY_BITS) of the categories in force on `day`: from ≤ day ≤ to. */
  categoriesOn(person: string, day: number): number {
    const i = this.find(person);
    if (i < 0) return 0;
    const w = this.words;
    let bits = 0;
    for (let q = w[this.spansAt + i] as number, end = w[this.spansAt + i + 1] as number; q < end; q++) {
      const at = this.periodsAt + 3 * q;
      if ((w[at] as number) <= day && day <= (w[at + 1] as number)) bits |= w[at + 2] as number;
    }
    return bits;
  }

  /**
   * LIUAN-4: bits of the categories the person enters later in the calendar year of `day`
   * (a period starting after `day`, in the same year) and is not in on `day`.
   */
  enteredLaterInYear(person: string, day: number): number {
    const year = yearOfDay(day);
    let bits = 0;
    for (const p of this.periodsOf(person)) if (p.from > day && yearOfDay(p.from) === year) bits |= p.bit;
    return bits & ~this.categoriesOn(person, day);
  }
}
