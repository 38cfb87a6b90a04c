import type { AccumulatorSym, Decimal, LayerName, ResolvedPolicy } from '@policy/dsl';
import type { Claim } from '../claim.js';
import type { AccumulatorStore } from '../runtime/accumulators.js';
import type { Flag } from '../runtime/context.js';
import { fromScaled, toScaled } from '../runtime/scaled.js';
import type { EmittedVersion } from './emit-version.js';
import { FixedErrors } from './fixed-errors.js';
import { FixedSettlement } from './fixed-settlement.js';

/** Thrown by generated code when a value may have left the safe-integer range. */
const OVERFLOW: unique symbol = Symbol('fixed-point overflow');
const NOFLAGS: readonly Flag[] = Object.freeze([]);

type SettleFn = (claim: Claim, acc: readonly number[], add: number[], out: { flags: readonly Flag[] }) => number[];

/**
 * One version compiled to fixed-point code. `settle` returns undefined when it cannot settle a
 * claim exactly — an amount past the safe-integer range, in the claim, an accumulator or any
 * intermediate value — and the caller settles that claim with decimal.js instead.
 */
export class FixedVersion {
  private readonly fn: SettleFn;
  private readonly accIn: number[];
  private readonly accAdd: number[];
  private readonly out: { flags: readonly Flag[] } = { flags: NOFLAGS };
  private readonly accumulators: readonly AccumulatorSym[];

  /** The runtime values the source names V[i]. */
  get values(): readonly unknown[] {
    return this.emitted.values;
  }

  constructor(
    private readonly policy: ResolvedPolicy,
    readonly date: string,
    private readonly emitted: EmittedVersion,
    private readonly scales: readonly number[],
  ) {
    const errors = new FixedErrors(policy, emitted.tables, emitted.spans);
    // The source holds no policy text but through JSON.stringify (see emit-expr.ts).
    const factory = new Function('V', 'E', 'OVERFLOW', 'NOFLAGS', emitted.source) as (...args: unknown[]) => SettleFn;
    this.fn = factory(emitted.values, errors, OVERFLOW, NOFLAGS);
    this.accumulators = policy.accumulators;
    this.accIn = this.accumulators.map(() => 0);
    this.accAdd = this.accumulators.map(() => 0);
  }

  /** The generated source, for reading and debugging. */
  get source(): string {
    return this.emitted.source;
  }

  settle(claim: Claim, store: AccumulatorStore): FixedSettlement | undefined {
    if (Number.isNaN(claim.totalFen) || Number.isNaN(claim.inCatalogFen) || Number.isNaN(claim.quotaFen)) return undefined;
    const slot = store.slot(claim);
    const accs = this.accumulators;
    for (let i = 0; i < accs.length; i++) {
      const a = accs[i] as AccumulatorSym;
      const v = a.keys.length === 0 ? (slot.values[i] as number | Decimal) : slot.get(a, claim);
      const n = typeof v === 'number' ? v : toScaled(v, this.scales[i] as number);
      if (n === undefined) return undefined;
      this.accIn[i] = n;
    }
    let fen: number[];
    try {
      fen = this.fn(claim, this.accIn, this.accAdd, this.out);
    } catch (e) {
      if (e === OVERFLOW) return undefined;
      throw e;
    }
    for (let i = 0; i < accs.length; i++) {
      const add = this.accAdd[i] as number;
      if (add === 0) continue;
      const a = accs[i] as AccumulatorSym;
      const sum = (this.accIn[i] as number) + add;
      // Past the safe range the sum is kept exactly, as a Decimal (read back by either evaluator).
      if (a.keys.length === 0 && Number.isSafeInteger(sum)) {
        slot.values[i] = sum;
        continue;
      }
      const scale = this.scales[i] as number;
      slot.set(a, claim, Number.isSafeInteger(sum) ? sum : fromScaled(this.accIn[i] as number, scale).plus(fromScaled(add, scale)));
    }
    const policy = this.policy;
    return new FixedSettlement(claim, policy.name, this.date, policy.layers as readonly LayerName[], this.out.flags, fen);
  }
}
