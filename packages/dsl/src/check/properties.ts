import { error, related } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import { didYouMean } from './words.js';
import type { Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import { LAYERS, isLayer, type LayerName } from '../vocabulary.js';
import type { CoversIR } from './analysis/analyze.js';
import { resolveApplicability } from './applicability.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import type { PropertyIR } from './ir.js';
import type { Scope } from './resolver.js';
import { suggest } from './suggest.js';
import { expectType } from './typing.js';

/**
 * `property NAME cites … [from] [until] [when c] { BOOLEAN }`: a statement about every settled
 * claim that meets `c` (docs/analysis.md). The condition and the body read claim fields, lets,
 * accumulators (their values before the claim), and the layers as the settlement leaves them
 * (`patient` included). A property cites a clause (E301); its body is a condition (E203).
 */
export function checkProperties(ctx: CheckContext, decls: readonly A.PropertyDecl[]): PropertyIR[] {
  const out: PropertyIR[] = [];
  const names = new Map<string, Span>();
  for (const d of decls) {
    const owner = `property ${d.name.name}`;
    const prev = names.get(d.name.name);
    if (prev) {
      ctx.report(error('E104', d.name.span, ref('rule.declared-twice', { owner }), { related: [related(prev, ref('rule.first-declared'))] }));
      continue;
    }
    names.set(d.name.name, d.name.span);
    const cit = citation(ctx, d.meta);
    if (cit.cites.length === 0) ctx.report(error('E301', d.name.span, ref('rule.property-no-citation', { owner })));
    const scope: Scope = { context: 'rule', owner, locals: new Map() };
    const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);
    const body = ctx.exprs.resolve(d.body, scope);
    expectType(ctx, body, 'bool', ref('rule.where.body-of', { owner }));
    out.push({ name: d.name.name, body, span: d.span, nameSpan: d.name.span, ...applies, ...cit });
  }
  return out;
}

/** `covers LAYER, … when c`: the layers are declared ones other than patient; `c` reads the claim only. */
export function checkCovers(ctx: CheckContext, decls: readonly A.CoversDecl[]): CoversIR[] {
  const out: CoversIR[] = [];
  for (const d of decls) {
    const owner = `covers ${d.layers.map((l) => l.name).join(', ')}`;
    citation(ctx, d.meta);
    const layers: { layer: LayerName; span: Span }[] = [];
    for (const l of d.layers) {
      if (!isLayer(l.name)) {
        const s = suggest(l.name, LAYERS);
        ctx.report(error('E103', l.span, ref('rule.covers-unknown-layer', { name: l.name, suggestion: didYouMean(s) }), s ? { suggestion: s } : {}));
      } else if (l.name === 'patient') {
        ctx.report(error('E107', l.span, ref('rule.covers-patient')));
      } else if (!ctx.declaredLayers.has(l.name)) {
        ctx.report(error('E106', l.span, ref('rule.layer-undeclared', { layer: l.name })));
      } else {
        layers.push({ layer: l.name, span: l.span });
      }
    }
    const scope: Scope = { context: 'let', owner };
    const applies = resolveApplicability(ctx, d, owner, d.span, scope);
    const when = applies.when ?? { k: 'const', type: 'bool', value: true, span: d.span };
    out.push({ layers, when, span: d.span });
  }
  return out;
}
