import { Decimal } from '@policy/dsl';

/**
 * Exact decimals as scaled integers: the value n × 10^−scale held in a JS number n that is a
 * safe integer. Every conversion here is exact or refuses (returns undefined); nothing rounds.
 * Scales stop at 22, the last power of ten a double holds exactly.
 */

export const MAX_SCALE = 22;

/** 10^0 … 10^22, each exact. */
export const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => 10 ** i);

/** The fewest decimals that write `d` exactly (0 for integers). */
export function minimalScale(d: Decimal): number {
  return d.decimalPlaces();
}

/** `d` as an integer at `scale`, or undefined when it has more decimals or is past the safe range. */
export function toScaled(d: Decimal, scale: number): number | undefined {
  if (scale > MAX_SCALE || d.decimalPlaces() > scale) return undefined;
  const n = d.times(POW10[scale] as number);
  if (n.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return undefined;
  return n.toNumber();
}

/** The Decimal that the scaled integer `n` stands for (exact: n has at most 16 digits). */
export function fromScaled(n: number, scale: number): Decimal {
  return scale === 0 ? new Decimal(n) : new Decimal(n).dividedBy(POW10[scale] as number);
}

/** Whole fen as the contract writes money: `1234` → "12.34", `-5` → "-0.05", −0 → "0.00". */
export function fenText(fen: number): string {
  const negative = fen < 0;
  const digits = String(negative ? -fen : fen);
  const text =
    digits.length > 2 ? `${digits.slice(0, -2)}.${digits.slice(-2)}` : digits.length === 2 ? `0.${digits}` : `0.0${digits}`;
  return negative ? `-${text}` : text;
}
