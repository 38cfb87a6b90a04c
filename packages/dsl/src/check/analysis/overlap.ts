import { error, related } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { Analysis } from './analysis.js';
import { assignedLayers, assignmentOf } from './analysis.js';
import { describeClaim, satisfy } from './query.js';

/**
 * E601: two rules assign one layer and some claim meets both conditions — the engine rejects
 * that claim at run time ("assigned by both"). E105 is the same mistake inside one rule.
 */
export function checkOverlap(a: Analysis): void {
  const rules = a.rules;
  for (let j = 0; j < rules.length; j++) {
    const later = rules[j];
    if (!later) continue;
    for (const layer of new Set(assignedLayers(later))) {
      for (let i = 0; i < j; i++) {
        const first = rules[i];
        if (!first || !assignedLayers(first).includes(layer)) continue;
        for (const view of a.views) {
          if (!view.inForce(first) || !view.inForce(later)) continue;
          const r = satisfy(view, [first.when, later.when]);
          if (r.status !== 'sat') continue;
          a.report(
            error('E601', later.nameSpan, ref('analysis.overlap', { first: first.name, later: later.name, layer, claim: describeClaim(r.witness, view) }), {
              related: [
                related(first.nameSpan, ref('analysis.also-applies', { rule: first.name })),
                related(assignmentOf(first, layer) ?? first.nameSpan, ref('analysis.assigns-here', { rule: first.name, layer })),
                related(assignmentOf(later, layer) ?? later.nameSpan, ref('analysis.assigns-here', { rule: later.name, layer })),
              ],
            }),
          );
          break;
        }
      }
    }
  }
}
