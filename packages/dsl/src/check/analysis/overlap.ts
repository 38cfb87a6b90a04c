import { error } from '../../diagnostics/diagnostic.js';
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
            error('E601', later.nameSpan, `rules ${first.name} and ${later.name} both assign ${layer} to one claim, e.g. ${describeClaim(r.witness, view)}; such a claim is rejected: make their conditions exclusive`, {
              related: [
                { span: first.nameSpan, message: `rule ${first.name} also applies to it` },
                { span: assignmentOf(first, layer) ?? first.nameSpan, message: `${first.name} assigns ${layer} here` },
                { span: assignmentOf(later, layer) ?? later.nameSpan, message: `${later.name} assigns ${layer} here` },
              ],
            }),
          );
          break;
        }
      }
    }
  }
}
