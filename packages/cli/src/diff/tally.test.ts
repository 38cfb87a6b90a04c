import { LAYERS } from '@policy/dsl';
import { describe, expect, it } from 'vitest';
import type { LayerChange } from './report.js';
import { topChanges } from './tally.js';

function change(id: string, deltas: Partial<Record<(typeof LAYERS)[number], bigint>>): LayerChange {
  const delta = LAYERS.map((l) => deltas[l] ?? 0n);
  return { index: 0, id, personId: 'P', date: '2018-01-01', location: { line: 1 }, before: delta.map(() => 0n), after: delta, delta };
}

describe('topChanges', () => {
  it('orders by |Δ patient|, then the largest |Δ| of any layer, then id; keeps the first n', () => {
    const changes = [
      change('c', { basic: 500n, patient: -500n }),
      change('a', { basic: 100n, patient: -100n }),
      change('b', { supplementary: 900n, basic: -900n }), // patient 0, but a large move
      change('d', { patient: 500n, medical_assistance: -500n }),
      change('e', { patient: -500n, basic: 700n, fallback: -200n }),
      change('f', { hospital: 50n, basic: -50n }),
    ];
    expect(topChanges(changes, 10).map((c) => c.id)).toEqual(['e', 'c', 'd', 'a', 'b', 'f']);
    expect(topChanges(changes, 2).map((c) => c.id)).toEqual(['e', 'c']);
    expect(topChanges(changes, 0)).toEqual([]);
    // The same whatever the input order.
    expect(topChanges([...changes].reverse(), 10).map((c) => c.id)).toEqual(['e', 'c', 'd', 'a', 'b', 'f']);
  });
});
