import { LAYERS } from '@policy/dsl';
import type { SettledClaim } from '@policy/engine';

/**
 * Money in a diff is whole fen as BigInt: sums and differences of any size stay exact, and
 * a settlement's layers come as fen from the fixed-point evaluator (or from its decimals).
 */

/** The layers of a settlement in whole fen, in the contract's order. */
export function layersFen(s: SettledClaim): bigint[] {
  const fen = s.fen;
  if (fen) return fen.map((v) => BigInt(v));
  return LAYERS.map((l) => BigInt(s.layers[l].times(100).toFixed(0)));
}

/** Whether two settlements give every layer the same amount. */
export function sameLayers(a: SettledClaim, b: SettledClaim): boolean {
  const fa = a.fen;
  const fb = b.fen;
  if (fa && fb) {
    for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return false;
    return true;
  }
  for (const l of LAYERS) if (!a.layers[l].equals(b.layers[l])) return false;
  return true;
}

export function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

export interface MoneyStyle {
  /** `+` before a positive amount (deltas). */
  readonly sign?: boolean;
  /** Thousands separated by `,` (for people). */
  readonly group?: boolean;
}

/** Whole fen as yuan with 2 decimals: `1234.50`, or `+1,234.50` for people. Negative: `-`. */
export function money(fen: bigint, style: MoneyStyle = {}): string {
  const negative = fen < 0n;
  const digits = String(negative ? -fen : fen).padStart(3, '0');
  let whole = digits.slice(0, -2);
  if (style.group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative ? '-' : style.sign && fen > 0n ? '+' : '';
  return `${sign}${whole}.${digits.slice(-2)}`;
}
