import { Decimal, LAYERS, PAYING_LAYERS, type KpiTermIR, type TExpr } from '@policy/dsl';
import type { SettledClaim } from '../compile/compile-policy.js';

/**
 * The kpi terms that can be summed as whole numbers (KpiTally's fast path): `count`, and `sum`
 * of `paid`, `total`, `inCatalog`, `outOfCatalog`, `stay` or a layer other than `patient`. A
 * fixed-point settlement holds its layers in whole fen (`s.fen`) and the claim its amounts
 * (`totalFen`, `inCatalogFen`), so these sums need no Decimal per claim: they are folded into
 * the decimal sums when the tally is read. Any other term is evaluated by its compiled closure.
 */
export interface FenTerm {
  /** The term's amount of a settled claim with `s.fen`, as a whole number at `scale`. */
  readonly read: (s: SettledClaim) => number;
  /** Decimal places of the whole number: 2 for money (fen), 0 for counts and days. */
  readonly scale: number;
}

const PAYING_INDEX: readonly number[] = PAYING_LAYERS.map((l) => LAYERS.indexOf(l));
const ONE: FenTerm = { read: () => 1, scale: 0 };

export function fenTerm(t: KpiTermIR): FenTerm | undefined {
  if (t.aggregate === 'count') return ONE;
  if (t.aggregate !== 'sum' || !t.value) return undefined;
  const e = t.value;
  switch (e.k) {
    case 'field':
      if (e.field === 'total') return { read: (s) => s.claim.totalFen, scale: 2 };
      if (e.field === 'inCatalog') return { read: (s) => s.claim.inCatalogFen, scale: 2 };
      if (e.field === 'outOfCatalog') return { read: (s) => s.claim.totalFen - s.claim.inCatalogFen, scale: 2 };
      if (e.field === 'stay') return { read: (s) => s.claim.stay, scale: 0 };
      return undefined;
    case 'state':
      if (e.name !== 'paid') return undefined;
      return {
        read: (s) => {
          const fen = s.fen as readonly number[];
          let paid = 0;
          for (const i of PAYING_INDEX) paid += fen[i] as number;
          return paid;
        },
        scale: 2,
      };
    case 'layer': {
      if (e.layer === 'patient') return undefined;
      const i = LAYERS.indexOf(e.layer);
      return { read: (s) => (s.fen as readonly number[])[i] as number, scale: 2 };
    }
    default:
      return undefined;
  }
}

/** Whether a settled claim's amounts are all whole fen the fast path can read exactly. */
export function hasFen(s: SettledClaim): boolean {
  const fen = s.fen;
  return fen !== undefined && fen.length === LAYERS.length && Number.isSafeInteger(s.claim.totalFen) && Number.isSafeInteger(s.claim.inCatalogFen);
}

/** Nodes whose value depends on the settlement (or on state the kpi context does not hold): a closure over one needs the layers in its context. */
const SETTLEMENT_NODES = new Set(['state', 'layer', 'local', 'acc']);

/**
 * Whether an expression may read the settlement: a conservative walk of the whole tree, symbols
 * included (a let's definition, modifier conditions), true at the first node of SETTLEMENT_NODES.
 */
export function readsSettlement(e: TExpr | undefined): boolean {
  if (e === undefined) return false;
  const seen = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || v instanceof Decimal || v instanceof Set || v instanceof Map || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(walk);
    const o = v as Record<string, unknown>;
    if (typeof o['k'] === 'string' && SETTLEMENT_NODES.has(o['k'])) return true;
    for (const key of Object.keys(o)) if (key !== 'span' && key !== 'type' && walk(o[key])) return true;
    return false;
  };
  return walk(e);
}

/** A whole number at `scale` decimal places as a Decimal, exactly. */
export function scaledDecimal(n: bigint, scale: number): Decimal {
  return new Decimal(scale === 0 ? n.toString() : `${n.toString()}e-${scale}`);
}
