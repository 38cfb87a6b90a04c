import { ZERO, type AccumulatorSym, type Decimal } from '@policy/dsl';
import type { Claim } from '../claim.js';

/**
 * Per-person, per-calendar-year accumulators (deductible met, paid so far, out-of-pocket so
 * far). One store per batch; a claim reads the values as they stood before it, and its
 * additions are committed only once it has settled, so a rejected claim changes nothing.
 */
export class AccumulatorStore {
  private readonly values = new Map<string, Decimal>();

  key(acc: AccumulatorSym, claim: Claim): string {
    let k = `${acc.index}\u0000${claim.personId}\u0000${claim.year}`;
    for (const field of acc.keys) k += `\u0000${String((claim as unknown as Record<string, unknown>)[field])}`;
    return k;
  }

  get(acc: AccumulatorSym, claim: Claim): Decimal {
    return this.values.get(this.key(acc, claim)) ?? ZERO;
  }

  add(acc: AccumulatorSym, claim: Claim, amount: Decimal): void {
    if (amount.isZero()) return;
    const k = this.key(acc, claim);
    this.values.set(k, (this.values.get(k) ?? ZERO).plus(amount));
  }

  /** Forgets everything (a new batch). */
  clear(): void {
    this.values.clear();
  }

  get size(): number {
    return this.values.size;
  }
}
