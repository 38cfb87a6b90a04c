import DecimalJs from 'decimal.js';

/**
 * Money, in one module. Every amount is a decimal.js value of the one configured clone
 * below; amounts never become JS numbers. Rounding happens only at the named points here:
 *
 * - `roundFen`: half-up to the fen (0.01 yuan) — D4: each layer amount is rounded when it
 *   is computed; the `patient` layer is what remains.
 * - Intermediate values (let-bindings, ratios, accumulator sums of rounded layers) are kept
 *   exact: 40 significant digits is far beyond any invoice times any ratio, so products of
 *   money and ratios are exact; only division can be inexact, and then to 40 digits.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);
export const TEN_THOUSAND = new Decimal(10000);

/** D4: half-up to the fen. */
export function roundFen(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP);
}

/** Exactly two decimals, as the contract writes every amount ("12.30", never "12.3"). */
export function formatMoney(amount: Decimal): string {
  return amount.toFixed(2, DecimalJs.ROUND_HALF_UP);
}

/** A ratio shown to people: 0.9 → "90%", 0.875 → "87.5%". */
export function formatRatio(ratio: Decimal): string {
  return `${ratio.times(100).toDecimalPlaces(6).toString()}%`;
}

/** Amounts in claims: digits, an optional fraction of one or two digits. No sign, no exponent. */
export const MONEY_TEXT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;

/** Parses a contract money string, or returns undefined when it is not one. */
export function parseMoney(text: string): Decimal | undefined {
  if (!MONEY_TEXT.test(text)) return undefined;
  return new Decimal(text);
}

export function isWholeFen(amount: Decimal): boolean {
  return amount.decimalPlaces() <= 2;
}
