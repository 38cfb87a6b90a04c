import { related, warning } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { Span } from '../../source.js';
import { LAYERS, PAYING_LAYERS, type LayerName } from '../../vocabulary.js';
import type { RuleIR, TExpr } from '../ir.js';
import { childExprs } from '../ir-walk.js';
import type { Analysis } from './analysis.js';
import { assignedLayers, assignmentOf } from './analysis.js';
import { describeClaim, satisfy } from './query.js';

/**
 * W603: a rule reads a layer, `paid` or `remaining` and a LATER rule changes it for a claim both
 * apply to, so the earlier rule computed with a value that does not last. Reading a layer that a
 * later rule assigns is always a hazard. `paid` and `remaining` are meant to change as the layers
 * run in the contract's order (D7: basic → … → finance → hospital): a later rule is a hazard
 * only when it assigns a layer that comes before one the reading rule assigns (the fallback
 * above critical illness), or the reader assigns nothing. W201 is the other half: a read before
 * any rule assigns the layer. Accumulators are not order hazards: `+=` takes effect after the
 * claim, so every rule of a claim reads the same value.
 */
export function checkOrder(a: Analysis): void {
  a.rules.forEach((reader, i) => {
    const reads = readsOf(reader);
    if (reads.length === 0) return;
    const own = assignedLayers(reader).map((l) => LAYERS.indexOf(l));
    const upstream = (l: LayerName) => own.length === 0 || own.some((o) => LAYERS.indexOf(l) < o);
    const reported = new Set<string>();
    for (const later of a.rules.slice(i + 1)) {
      for (const read of reads) {
        const changed = assignedLayers(later).filter((l) =>
          read.what === 'remaining' ? l !== 'patient' && upstream(l) : read.what === 'paid' ? PAYING_LAYERS.includes(l) && upstream(l) : l === read.what,
        );
        const layer = changed[0];
        if (!layer || reported.has(`${read.what}\u0000${later.name}`)) continue;
        for (const view of a.views) {
          if (!view.inForce(reader) || !view.inForce(later)) continue;
          const r = satisfy(view, [settled(reader.when), later.when]);
          if (r.status !== 'sat') continue;
          reported.add(`${read.what}\u0000${later.name}`);
          const params = { reader: reader.name, name: read.what, later: later.name, layer, claim: describeClaim(r.witness, view) };
          a.report(
            warning('W603', read.span, ref(read.what === 'paid' || read.what === 'remaining' ? 'analysis.order-state' : 'analysis.order-layer', params), {
              related: [
                related(reader.nameSpan, ref('analysis.runs-first', { rule: reader.name })),
                related(assignmentOf(later, layer) ?? later.nameSpan, ref('analysis.assigns-afterwards', { rule: later.name, layer })),
              ],
            }),
          );
          break;
        }
      }
    }
  });
}

interface Read {
  readonly what: LayerName | 'paid' | 'remaining';
  readonly span: Span;
}

/** The first read of each layer or settlement value in a rule (its condition and statements). */
function readsOf(r: RuleIR): Read[] {
  const out = new Map<string, Read>();
  const walk = (e: TExpr, depth = 0): void => {
    if (depth > 200) return;
    if (e.k === 'layer' && !out.has(e.layer)) out.set(e.layer, { what: e.layer, span: e.span });
    if (e.k === 'state' && !out.has(e.name)) out.set(e.name, { what: e.name, span: e.span });
    for (const c of childExprs(e)) walk(c, depth + 1);
  };
  if (r.when) walk(r.when);
  for (const s of r.body) {
    if (s.k === 'flag') {
      if (s.when) walk(s.when);
    } else walk(s.expr);
  }
  return [...out.values()];
}

/**
 * A reader's condition without the conjuncts that read layers or settlement values: whether those
 * hold depends on the order itself, so the claims the rest admits are the ones at risk.
 */
function settled(e: TExpr | undefined): TExpr | undefined {
  if (!e) return undefined;
  if (e.k === 'binary' && e.op === 'and') {
    const l = settled(e.left);
    const r = settled(e.right);
    if (!l) return r;
    if (!r) return l;
    return l === e.left && r === e.right ? e : { ...e, left: l, right: r };
  }
  return readsSettlement(e) ? undefined : e;
}

function readsSettlement(e: TExpr, depth = 0): boolean {
  if (depth > 200) return true;
  if (e.k === 'layer' || e.k === 'state' || e.k === 'local') return true;
  return childExprs(e).some((c) => readsSettlement(c, depth + 1));
}
