import { LAYERS, ZERO, formatMoney, type Decimal } from '@policy/dsl';
import type { Claim, RecordLocation, Rejection } from './claim.js';
import type { CompiledPolicy, LetProbe, SettledClaim } from './compile/compile-policy.js';
import { AccumulatorStore } from './runtime/accumulators.js';
import { SettlementError, reason, renderReason, type ReasonRef } from './runtime/errors.js';

export interface SettleOptions {
  /** Build the trace tree of every settlement. */
  readonly trace?: boolean;
  /** Also read these lets for every claim (SettledClaim.values). */
  readonly probe?: LetProbe;
}

/**
 * The contract's invariant, checked on every claim: the layers add up to `total` exactly,
 * every layer is ≥ 0 with at most 2 decimals, and layers the policy does not declare are 0.
 */
export function checkInvariant(s: SettledClaim): void {
  let sum: Decimal = ZERO;
  for (const layer of LAYERS) {
    const v = s.layers[layer];
    if (v.isNegative() && !v.isZero()) throw new SettlementError(reason('engine.layer.negative', { layer, amount: v.toString() }));
    if (v.decimalPlaces() > 2) throw new SettlementError(reason('engine.layer.not-fen', { layer, amount: v.toString() }));
    if (!s.declaredLayers.includes(layer) && !v.isZero()) {
      throw new SettlementError(reason('engine.layer.undeclared', { layer, amount: formatMoney(v) }));
    }
    sum = sum.plus(v);
  }
  if (!sum.equals(s.claim.total)) {
    throw new SettlementError(reason('engine.layers.sum', { sum: formatMoney(sum), total: formatMoney(s.claim.total) }));
  }
}

/**
 * Settles one claim with the version in force on its date (D5); throws SettlementError. The
 * version's fixed-point code settles it when there is one and no trace is asked for; decimal.js
 * (the reference, which the fixed-point code is proven equal to) settles the rest, and any claim
 * the fixed-point code cannot settle exactly.
 */
export function settleClaim(policy: CompiledPolicy, claim: Claim, store: AccumulatorStore, options: SettleOptions = {}): SettledClaim {
  const version = policy.versionFor(claim.day);
  if (!version) {
    throw new SettlementError(reason('engine.date.before-first-version', { date: claim.date, policy: policy.name, first: policy.firstVersion }));
  }
  // Read before the settlement commits the claim's additions to the accumulators.
  const values = options.probe ? version.probe(claim, store, options.probe.indices) : undefined;
  if (options.trace !== true) {
    const fixed = policy.fixedFor(version)?.settle(claim, store);
    if (fixed) {
      if (values) fixed.values = values;
      return fixed;
    }
  }
  const settled = version.settle(claim, store, options.trace === true);
  checkInvariant(settled);
  return values ? { ...settled, values } : settled;
}

export interface ClaimItem {
  /** Position of the record in the input (0-based). */
  readonly index: number;
  readonly location: RecordLocation;
  readonly claim: Claim;
}

export type Outcome =
  | { readonly kind: 'settled'; readonly index: number; readonly settlement: SettledClaim }
  | { readonly kind: 'rejected'; readonly index: number; readonly rejection: Rejection };

/** A settlement error as a rejection that names the claim, the rule and where it is written. */
export function settlementRejection(policy: CompiledPolicy, item: ClaimItem, e: SettlementError): Rejection {
  let where: string | ReasonRef = '';
  if (e.rule) {
    const rule = policy.resolved.rules.find((r) => r.name === e.rule);
    const file = rule ? policy.resolved.files.get(rule.nameSpan.file) : undefined;
    where = rule && file ? reason('engine.where.rule-at', { rule: rule.name, at: `${file.path}:${file.position(rule.nameSpan.start).line}` }) : reason('engine.where.rule', { rule: e.rule });
  }
  const versionProblem = e.message.startsWith('date ');
  const problem = e.text ?? e.message;
  const text = versionProblem ? e.text : reason('engine.cannot-settle', { id: item.claim.id, problem, where });
  return {
    location: item.location,
    id: item.claim.id,
    ...(versionProblem ? { field: 'date' } : {}),
    message: versionProblem ? e.message : `cannot settle claim ${item.claim.id}: ${e.message}${typeof where === 'string' ? where : renderReason(where, 'en')}`,
    ...(text !== undefined ? { text } : {}),
  };
}

/** Claims of one person-year settle in (date, id) order: the order their accumulators see them. */
export function compareClaims(a: Claim, b: Claim): number {
  if (a.personId !== b.personId) return a.personId < b.personId ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  if (a.day !== b.day) return a.day - b.day;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Settles a set of claims as one batch: each person-year in (date, id) order with fresh
 * accumulators, whatever the input order. Outcomes come back in input order.
 */
export function settleBatch(policy: CompiledPolicy, items: readonly ClaimItem[], options: SettleOptions = {}): Outcome[] {
  const store = new AccumulatorStore(policy.accumulatorScales);
  const order = settlementOrder(items);
  const outcomes = new Array<Outcome>(items.length);
  let person: string | undefined;
  for (const i of order) {
    const item = items[i] as ClaimItem;
    // In this order a person's claims come together and never again: their accumulators can go.
    if (item.claim.personId !== person) {
      person = item.claim.personId;
      store.clear();
    }
    outcomes[i] = settleItem(policy, item, store, options);
  }
  return outcomes;
}

/** Positions of `items` in settlement order; items already in it (presorted input) are not sorted again. */
function settlementOrder(items: readonly ClaimItem[]): number[] {
  const order = items.map((_, i) => i);
  for (let i = 1; i < items.length; i++) {
    if (compareClaims((items[i - 1] as ClaimItem).claim, (items[i] as ClaimItem).claim) > 0) {
      return order.sort((a, b) => compareClaims((items[a] as ClaimItem).claim, (items[b] as ClaimItem).claim));
    }
  }
  return order;
}

export function settleItem(policy: CompiledPolicy, item: ClaimItem, store: AccumulatorStore, options: SettleOptions = {}): Outcome {
  try {
    return { kind: 'settled', index: item.index, settlement: settleClaim(policy, item.claim, store, options) };
  } catch (e) {
    if (!(e instanceof SettlementError)) throw e;
    return { kind: 'rejected', index: item.index, rejection: settlementRejection(policy, item, e) };
  }
}
