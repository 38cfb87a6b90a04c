import { error, related, warning } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { AccumulatorSym, RuleIR } from '../ir.js';
import type { Span } from '../../source.js';
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

/** The accumulators a rule adds to, each with the span of its first `+=`. */
function additions(r: RuleIR): Map<AccumulatorSym, Span> {
  const out = new Map<AccumulatorSym, Span>();
  for (const s of r.body) if (s.k === 'add' && !out.has(s.acc)) out.set(s.acc, s.span);
  return out;
}

/**
 * W605: two rules add to one accumulator and some claim meets both conditions — the claim is
 * counted twice toward the yearly total (the engine does not refuse it: two rules may mean to add
 * two different amounts). Within one rule, two `+=` to one accumulator are the analyst's own.
 */
export function checkAccumulatorOverlap(a: Analysis): void {
  const rules = a.rules;
  for (let j = 0; j < rules.length; j++) {
    const later = rules[j];
    if (!later) continue;
    const laterAdds = additions(later);
    for (const [acc, laterSpan] of laterAdds) {
      for (let i = 0; i < j; i++) {
        const first = rules[i];
        const firstSpan = first ? additions(first).get(acc) : undefined;
        if (!first || !firstSpan) continue;
        for (const view of a.views) {
          if (!view.inForce(first) || !view.inForce(later)) continue;
          const r = satisfy(view, [first.when, later.when]);
          if (r.status !== 'sat') continue;
          a.report(
            warning('W605', laterSpan, ref('analysis.adds-twice', { first: first.name, later: later.name, accumulator: acc.name, claim: describeClaim(r.witness, view) }), {
              related: [related(first.nameSpan, ref('analysis.also-applies', { rule: first.name })), related(firstSpan, ref('analysis.adds-here', { rule: first.name, accumulator: acc.name }))],
            }),
          );
          break;
        }
      }
    }
  }
}
