import { error, related } from '../../diagnostics/diagnostic.js';
import { ref, type MessageParam } from '../../messages/index.js';
import type { Analysis } from './analysis.js';
import { assignedLayers } from './analysis.js';
import { describeClaim, prepare } from './query.js';
import { search, truth } from './search.js';

const SHAPES = 3;

/**
 * E604: `covers LAYER when COND` declares that every claim meeting COND gets a rule assigning
 * LAYER. The search lists shapes of claims (partial claims: every completion is one) that meet
 * COND while no rule assigning the layer applies. A shape it cannot decide is left out.
 */
export function checkGaps(a: Analysis): void {
  for (const c of a.covers) {
    for (const { layer, span } of c.layers) {
      for (const view of a.views) {
        const rules = a.rules.filter((r) => view.inForce(r) && assignedLayers(r).includes(layer));
        const { vars, ev } = prepare(view, [c.when, ...rules.map((r) => r.when)]);
        const r = search(
          vars,
          (x) => {
            ev.reset();
            const t = truth(ev, c.when, x);
            if (t === false) return 'prune';
            let open = false;
            for (const rule of rules) {
              const w = truth(ev, rule.when, x);
              if (w === true) return 'prune';
              if (w !== false) open = true;
            }
            return t === true && !open ? 'accept' : 'continue';
          },
          SHAPES + 1,
        );
        if (r.accepted.length === 0) continue;
        const shown = r.accepted.slice(0, SHAPES).map((s) => describeClaim(s, view));
        const more = r.accepted.length > SHAPES ? ref('analysis.and-more') : '';
        a.report(
          error('E604', span, ref('analysis.covers-gap', { layer, shapes: shapes(shown), more }), {
            related: [related(c.when.span, ref('analysis.covers-claims')), ...rules.slice(0, 4).map((x) => related(x.nameSpan, ref('analysis.covers-other-rule', { rule: x.name, layer })))],
          }),
        );
        break;
      }
    }
  }
}

/** Shapes of claims joined by `; ` (a plain string when none has words of its own). */
function shapes(list: readonly MessageParam[]): MessageParam {
  if (list.every((p) => typeof p !== 'object')) return list.join('; ');
  const [head, ...rest] = list;
  if (head === undefined) return '';
  return rest.length === 0 ? head : ref('analysis.shapes.and', { head, tail: shapes(rest) });
}
