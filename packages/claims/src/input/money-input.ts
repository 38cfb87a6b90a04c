import { parseMoney } from '@policy/dsl';
import type { Decimal } from '@policy/dsl';

/**
 * Money as a claim may give it: a contract money string ("1234.50"), or a JSON number.
 *
 * A JSON number has been through a binary double before we see it. Below 2^46 (≈ 7.04e13)
 * doubles lie less than 0.01 apart, so the shortest decimal form of the double (`String(n)`)
 * is exactly the amount that was written, whenever that had at most 2 decimals. From 2^46 on,
 * two amounts a fen apart can share one double (80000000000000.01 reads back as
 * 80000000000000.02), so larger JSON numbers are refused: such amounts must be strings.
 */
export const MONEY_NUMBER_LIMIT = 70_000_000_000_000;

/** The amount, or undefined when `value` is not contract money (the schema says why). */
export function readMoney(value: unknown): Decimal | undefined {
  if (typeof value === 'string') return parseMoney(value);
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (value < 0 || value >= MONEY_NUMBER_LIMIT) return undefined;
  // String(-0) is "0"; tiny numbers print with an exponent ("1e-7") and fail MONEY_TEXT.
  return parseMoney(String(value));
}

/** A finite JSON number refused only for its size: the message tells to write a string. */
export function isMoneyNumberTooLarge(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= MONEY_NUMBER_LIMIT;
}

/**
 * Contract money (as `readMoney` accepts it) in whole fen, computed from its digits: NaN when
 * the amount is past Number.MAX_SAFE_INTEGER fen, where a JS number no longer holds it exactly.
 */
export function moneyFen(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : (value as string);
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  const cents = dot === -1 ? '00' : text.slice(dot + 1).padEnd(2, '0');
  const fen = Number(whole) * 100 + Number(cents);
  return Number.isSafeInteger(fen) ? fen : Number.NaN;
}
