import { LAYERS, PAYING_LAYERS, ZERO, roundFen, formatMoney, type Decimal, type LayerName } from '@policy/dsl';
import type { Claim } from '../claim.js';
import type { RuleTrace, TracePosition, TraceStep } from '../trace.js';
import { SettlementError, reason } from './errors.js';

export const LAYER_INDEX: Readonly<Record<LayerName, number>> = Object.fromEntries(LAYERS.map((l, i) => [l, i])) as Record<
  LayerName,
  number
>;
const PAYING = new Set<number>(PAYING_LAYERS.map((l) => LAYER_INDEX[l]));

export interface Flag {
  readonly rule: string;
  readonly message: string;
}

/**
 * What a traced settlement saw besides its steps: the branches its `if`s took and the table
 * rows it read (for `policy test --coverage`). Only the traced evaluator writes to it.
 */
export class ReadLog {
  /** By `${position id}:${value}`, in the order first seen. */
  readonly branches = new Map<string, { readonly at: TracePosition; readonly value: boolean }>();
  /** By `${table}\u0000${key}`. */
  readonly rows = new Map<string, { readonly table: string; readonly key: string }>();

  branch(id: string, at: TracePosition, value: boolean): void {
    const key = `${id}:${value}`;
    if (!this.branches.has(key)) this.branches.set(key, { at, value });
  }

  row(table: string, key: string): void {
    const k = `${table}\u0000${key}`;
    if (!this.rows.has(k)) this.rows.set(k, { table, key });
  }
}

/**
 * The mutable state of one claim while it settles. One context is reused for every claim of
 * a compiled version (reset by `begin`), so the hot path allocates little.
 */
export class ClaimContext {
  claim!: Claim;
  readonly layers: Decimal[] = LAYERS.map(() => ZERO);
  /** Which rule assigned each layer in this claim (undefined: not assigned). */
  readonly assignedBy: (string | undefined)[] = LAYERS.map(() => undefined);
  /** Sum of every layer assigned so far, the hospital's share included. */
  assignedSum: Decimal = ZERO;
  /** Sum of the paying layers assigned so far. */
  paid: Decimal = ZERO;
  /** Accumulator values before this claim, by accumulator index. */
  readonly acc: Decimal[];
  /** What this claim adds to each accumulator, committed after it settles. */
  readonly accAdd: Decimal[];
  readonly letValues: unknown[];
  readonly letGen: number[];
  gen = 0;
  readonly locals: unknown[] = [];
  flags: Flag[] = [];
  /** The rule running now, for error messages. */
  rule = '';
  /** Present only when a trace was asked for. */
  steps: TraceStep[] | undefined;
  ruleTraces: RuleTrace[] | undefined;
  reads: ReadLog | undefined;

  constructor(accumulatorCount: number, letCount: number) {
    this.acc = new Array<Decimal>(accumulatorCount).fill(ZERO);
    this.accAdd = new Array<Decimal>(accumulatorCount).fill(ZERO);
    this.letValues = new Array<unknown>(letCount);
    this.letGen = new Array<number>(letCount).fill(-1);
  }

  begin(claim: Claim, trace: boolean): void {
    this.claim = claim;
    this.gen++;
    for (let i = 0; i < this.layers.length; i++) {
      this.layers[i] = ZERO;
      this.assignedBy[i] = undefined;
    }
    this.assignedSum = ZERO;
    this.paid = ZERO;
    this.accAdd.fill(ZERO);
    this.flags = [];
    this.rule = '';
    this.steps = undefined;
    this.ruleTraces = trace ? [] : undefined;
    this.reads = trace ? new ReadLog() : undefined;
  }

  /** total − every layer assigned so far: what the patient would pay now. */
  remaining(): Decimal {
    return this.claim.total.minus(this.assignedSum);
  }

  /**
   * Assigns a layer: rounds half-up to the fen (D4), and refuses what would break the
   * contract — a negative amount, a second assignment in one claim, layers over the invoice.
   */
  assign(index: number, value: Decimal): Decimal {
    const layer = LAYERS[index] as LayerName;
    let amount = roundFen(value);
    if (amount.isZero()) amount = ZERO; // no "-0.00"
    if (amount.isNegative()) {
      throw new SettlementError(reason('engine.layer.negative-by-rule', { rule: this.rule, layer, amount: formatMoney(amount) }), this.rule);
    }
    const previous = this.assignedBy[index];
    if (previous !== undefined) {
      throw new SettlementError(
        reason('engine.layer.assigned-twice', { layer, previous, rule: this.rule }),
        this.rule,
      );
    }
    this.layers[index] = amount;
    this.assignedBy[index] = this.rule;
    this.assignedSum = this.assignedSum.plus(amount);
    if (PAYING.has(index)) this.paid = this.paid.plus(amount);
    if (this.assignedSum.greaterThan(this.claim.total)) {
      throw new SettlementError(
        reason('engine.layers.over-after-rule', { rule: this.rule, total: formatMoney(this.claim.total), over: formatMoney(this.assignedSum.minus(this.claim.total)) }),
        this.rule,
      );
    }
    return amount;
  }
}
