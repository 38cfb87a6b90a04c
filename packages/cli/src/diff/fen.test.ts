import { describe, expect, it } from 'vitest';
import { money } from './fen.js';
import { percent, percentText } from './render-common.js';

describe('money in a diff', () => {
  it('writes whole fen as yuan with 2 decimals, signs and thousands on request', () => {
    expect(money(0n)).toBe('0.00');
    expect(money(5n)).toBe('0.05');
    expect(money(-5n)).toBe('-0.05');
    expect(money(123456789n)).toBe('1234567.89');
    expect(money(123456789n, { group: true, sign: true })).toBe('+1,234,567.89');
    expect(money(-100000n, { group: true, sign: true })).toBe('-1,000.00');
    expect(money(0n, { sign: true })).toBe('0.00');
    // Past 2^53 fen: still exact.
    expect(money(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it('gives the change in % of before: 2 decimals half up, "new" from 0, null when both are 0', () => {
    expect(percent(5847654n, 6066882n)).toBe('3.75'); // 2192.28 / 58476.54 = 3.7490 %
    expect(percent(200n, 201n)).toBe('0.50');
    expect(percent(800n, 801n)).toBe('0.13'); // 0.125 → 0.13 (half up)
    expect(percent(0n, 1n)).toBe('new');
    expect(percent(0n, 0n)).toBeNull();
    expect(percent(100n, 0n)).toBe('-100.00');
    // A decrease too small to show keeps its sign; none is 0.00.
    expect(percent(1000000n, 999999n)).toBe('-0.00');
    expect(percent(7n, 7n)).toBe('0.00');
    expect(percentText(5847654n, 6066882n)).toBe('+3.75%');
    expect(percentText(1000000n, 999999n)).toBe('-0.00%');
    expect(percentText(1000000n, 1000001n)).toBe('+0.00%');
    expect(percentText(0n, 0n)).toBe('—');
    expect(percentText(0n, 3n)).toBe('new');
  });
});
