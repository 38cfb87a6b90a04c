import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../scripts/lib/bench-compare.js';

describe('pnpm bench: change against the previous run', () => {
  it('matches rows by kind and text fields and gives each number its change', () => {
    const previous = [
      { kind: 'engine', policy: 'anyi', claimsPerSecond: 200_000 },
      { kind: 'batch', claims: 1_000_000, seconds: 40 },
    ];
    const current = [
      { kind: 'engine', policy: 'anyi', claimsPerSecond: 250_000 }, // +25%: 50 000 / 200 000
      { kind: 'engine', policy: 'hefei', claimsPerSecond: 1 },
      { kind: 'batch', claims: 1_000_000, seconds: 30 }, // −25%: −10 / 40
    ];
    expect(compareRuns(previous, current)).toEqual([
      'engine · anyi: claimsPerSecond 200000 → 250000 (+25.0%)',
      'engine · hefei: new',
      'batch: claims 1000000 → 1000000 (0.0%), seconds 40 → 30 (-25.0%)',
    ]);
  });
});
