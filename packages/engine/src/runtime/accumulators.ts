import { ZERO, type AccumulatorSym, type Decimal } from '@policy/dsl';
import type { Claim } from '../claim.js';
import { fromScaled } from './scaled.js';

/**
 * Per-person, per-calendar-year accumulators (deductible met, paid so far, out-of-pocket so
 * far). One store per batch; a claim reads the values as they stood before it, and its
 * additions are committed only once it has settled, so a rejected claim changes nothing.
 *
 * A value is held as the evaluator that last wrote it left it: a scaled integer (a JS number
 * at the policy's scale for that accumulator, written by the fixed-point evaluator) or an exact
 * Decimal (written by decimal.js). Each evaluator reads either, exactly; a value the
 * fixed-point evaluator cannot hold makes it hand the claim to decimal.js.
 */
export type AccValue = number | Decimal;

/** One person-year: accumulators by index; an accumulator kept `by` fields holds a map by their values. */
export class AccumulatorSlot {
  readonly values: AccValue[];
  readonly keyed: (Map<string, AccValue> | undefined)[];

  constructor(count: number) {
    this.values = new Array<AccValue>(count).fill(0);
    this.keyed = new Array<Map<string, AccValue> | undefined>(count);
  }

  get(acc: AccumulatorSym, claim: Claim): AccValue {
    if (acc.keys.length === 0) return this.values[acc.index] as AccValue;
    return this.keyed[acc.index]?.get(subKey(acc, claim)) ?? 0;
  }

  set(acc: AccumulatorSym, claim: Claim, value: AccValue): void {
    if (acc.keys.length === 0) {
      this.values[acc.index] = value;
      return;
    }
    let map = this.keyed[acc.index];
    if (!map) this.keyed[acc.index] = map = new Map();
    map.set(subKey(acc, claim), value);
  }
}

function subKey(acc: AccumulatorSym, claim: Claim): string {
  let k = '';
  for (const field of acc.keys) k += `\u0000${String((claim as unknown as Record<string, unknown>)[field])}`;
  return k;
}

export class AccumulatorStore {
  private readonly slots = new Map<string, AccumulatorSlot>();
  private lastPerson = '';
  private lastYear = Number.NaN;
  private lastSlot: AccumulatorSlot | undefined;

  /**
   * @param scales the scale of each accumulator's scaled integers, by accumulator index
   *   (CompiledPolicy.accumulatorScales)
   */
  constructor(private readonly scales: readonly number[]) {}

  /** The claim's person-year (claims of one person-year come one after another: the last is kept at hand). */
  slot(claim: Claim): AccumulatorSlot {
    if (this.lastSlot && claim.personId === this.lastPerson && claim.year === this.lastYear) return this.lastSlot;
    const key = `${claim.personId}\u0000${claim.year}`;
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = new AccumulatorSlot(this.scales.length)));
    this.lastPerson = claim.personId;
    this.lastYear = claim.year;
    this.lastSlot = slot;
    return slot;
  }

  /** The value as a Decimal (the decimal.js evaluator). */
  get(acc: AccumulatorSym, claim: Claim): Decimal {
    const v = this.slot(claim).get(acc, claim);
    if (typeof v !== 'number') return v;
    return v === 0 ? ZERO : fromScaled(v, this.scaleOf(acc));
  }

  /** Adds a Decimal (the decimal.js evaluator). */
  add(acc: AccumulatorSym, claim: Claim, amount: Decimal): void {
    if (amount.isZero()) return;
    this.slot(claim).set(acc, claim, this.get(acc, claim).plus(amount));
  }

  private scaleOf(acc: AccumulatorSym): number {
    const s = this.scales[acc.index];
    if (s === undefined) throw new Error(`no scale for accumulator ${acc.name}`);
    return s;
  }

  /** Forgets everything (a new batch). */
  clear(): void {
    this.slots.clear();
    this.lastSlot = undefined;
  }

  get size(): number {
    return this.slots.size;
  }
}
