import { yearOfDay } from '@policy/dsl';
import { CATEGORY_BITS } from '../claim.js';
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

/** Rows of one category and person, sorted by from → their union as disjoint periods (touching ones joined). */
function union(bit: number, rows: readonly RosterRow[]): Period[] {
  const out: { bit: number; from: number; to: number }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ bit, from: r.from, to: r.to });
  }
  return out;
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

  /** The index over `rows` (any order; several files together). */
  static build(rows: readonly RosterRow[]): RosterIndex {
    const byPerson = new Map<string, RosterRow[]>();
    for (const r of rows) {
      const list = byPerson.get(r.person);
      if (list) list.push(r);
      else byPerson.set(r.person, [r]);
    }
    const persons = [...byPerson.keys()];
    const periodsOf = persons.map((p) => {
      const list = (byPerson.get(p) as RosterRow[]).slice().sort((a, b) => CATEGORY_BITS[a.category] - CATEGORY_BITS[b.category] || a.from - b.from);
      const out: Period[] = [];
      for (let i = 0; i < list.length; ) {
        const c = (list[i] as RosterRow).category;
        let j = i;
        while (j < list.length && (list[j] as RosterRow).category === c) j++;
        out.push(...union(CATEGORY_BITS[c], list.slice(i, j)));
        i = j;
      }
      return out;
    });
    let slots = 1;
    while (slots < persons.length * 2) slots *= 2;
    const periodCount = periodsOf.reduce((n, p) => n + p.length, 0);
    const charCount = persons.reduce((n, p) => n + p.length, 0);
    const words = HEADER + slots + 2 * (persons.length + 1) + 3 * periodCount;
    const buffer = new SharedArrayBuffer(words * 4 + charCount * 2);
    const w = new Int32Array(buffer, 0, words);
    const chars = new Uint16Array(buffer, words * 4, charCount);
    w.set([MAGIC, persons.length, slots, periodCount, charCount]);
    const namesAt = HEADER + slots;
    const spansAt = namesAt + persons.length + 1;
    const periodsAt = spansAt + persons.length + 1;
    let c = 0;
    let q = 0;
    persons.forEach((p, i) => {
      w[namesAt + i] = c;
      for (let k = 0; k < p.length; k++) chars[c++] = p.charCodeAt(k);
      w[spansAt + i] = q;
      for (const period of periodsOf[i] as Period[]) {
        w.set([period.from, period.to, period.bit], periodsAt + 3 * q++);
      }
      let s = hash(p) & (slots - 1);
      while (w[HEADER + s] !== 0) s = (s + 1) & (slots - 1);
      w[HEADER + s] = i + 1;
    });
    w[namesAt + persons.length] = c;
    w[spansAt + persons.length] = q;
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
