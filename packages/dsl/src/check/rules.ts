import { error, related, warning } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import type { Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import { LAYERS, isLayer, type LayerName } from '../vocabulary.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import type { RuleIR, TExpr, TStmt } from './ir.js';
import { ZERO } from '../money.js';
import type { Scope } from './resolver.js';
import type { Entry } from './symbols.js';
import { aKindRef, didYouMean, reservedRef } from './words.js';
import { suggest } from './suggest.js';
import type { Type } from './types.js';
import { resolveApplicability } from './applicability.js';
import { expectType } from './typing.js';

/**
 * Rules, in the order they run: each cites a clause (E301), assigns only declared layers (E103,
 * E106), never `patient` (E107) and no layer twice (E105), adds only to accumulators (E108);
 * reading a layer before any earlier rule assigns it is worth a warning (W201).
 */

export function checkRules(ctx: CheckContext, ruleDecls: readonly A.RuleDecl[]): RuleIR[] {
  const rules: RuleIR[] = [];
  /** Layers some earlier rule assigns, for W201. */
  const assignedBefore = new Set<LayerName>();
  ruleDecls.forEach((d, index) => {
    const rule = checkRule(ctx, d, index, assignedBefore);
    if (rule) rules.push(rule);
    for (const s of rule?.body ?? []) if (s.k === 'assign') assignedBefore.add(s.layer);
  });
  return rules;
}

function checkRule(ctx: CheckContext, d: A.RuleDecl, index: number, assignedBefore: ReadonlySet<LayerName>): RuleIR | undefined {
  const owner = `rule ${d.name.name}`;
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0) {
    ctx.report(error('E301', d.name.span, ref('rule.no-citation', { owner })));
  }

  const locals = new Map<string, { slot: number; type: Type }>();
  const assignedHere = new Map<LayerName, Span>();
  const onLayerRead = (layer: LayerName, span: Span): void => {
    if (!assignedBefore.has(layer) && !assignedHere.has(layer) && layer !== 'patient') {
      ctx.report(warning('W201', span, ref('rule.read-before-assign', { owner, layer })));
    }
  };
  const scope: Scope = { context: 'rule', owner, locals, onLayerRead };
  const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);

  const body: TStmt[] = [];
  for (const s of d.body) {
    switch (s.kind) {
      case 'let': {
        const expr = ctx.exprs.resolve(s.value, scope);
        const name = s.name.name;
        const clash = reservedRef(name) ?? (ctx.entries.has(name) ? aKindRef((ctx.entries.get(name) as Entry).kind) : undefined);
        if (clash) {
          ctx.report(error('E104', s.name.span, ref('rule.let-clash', { name, clash })));
          break;
        }
        if (locals.has(name)) {
          ctx.report(error('E104', s.name.span, ref('rule.let-bound', { name, owner })));
          break;
        }
        const slot = locals.size;
        locals.set(name, { slot, type: expr.type });
        body.push({ k: 'let', slot, name, expr, span: s.span });
        break;
      }
      case 'assign':
      case 'topup': {
        const value = ctx.exprs.resolve(s.value, scope);
        const layer = assignTarget(ctx, s.target, owner, assignedHere);
        if (!layer) break;
        expectType(ctx, value, 'money', s.kind === 'topup' ? ref('rule.where.topup', { layer }) : ref('rule.where.layer', { layer }));
        assignedHere.set(layer, s.target.span);
        const expr = s.kind === 'topup' ? topUp(value, s.span) : value;
        body.push({ k: 'assign', layer, expr, span: s.span, caps: ctx.capsOn(layer) });
        break;
      }
      case 'add': {
        const expr = ctx.exprs.resolve(s.value, scope);
        const entry = ctx.entries.get(s.target.name);
        if (!entry || entry.kind !== 'accumulator' || !entry.sym) {
          const accs = [...ctx.entries.values()].filter((x) => x.kind === 'accumulator').map((x) => x.decl.name.name);
          const sug = entry ? undefined : suggest(s.target.name, accs);
          const name = s.target.name;
          const suggestion = didYouMean(sug);
          const what = isLayer(name)
            ? ref('rule.add-layer', { name, suggestion })
            : entry
              ? ref('rule.add-not-accumulator', { name, kind: aKindRef(entry.kind), suggestion })
              : ref('rule.add-unknown', { name, suggestion });
          ctx.report(error('E108', s.target.span, what, sug ? { suggestion: sug } : {}));
          break;
        }
        entry.used = true;
        expectType(ctx, expr, 'money', ref('rule.where.accumulator', { name: s.target.name }));
        body.push({ k: 'add', acc: entry.sym, expr, span: s.span });
        break;
      }
      case 'flag': {
        const w = s.when ? ctx.exprs.resolve(s.when, scope) : undefined;
        if (w) expectType(ctx, w, 'bool', ref('rule.where.flag'));
        body.push({ k: 'flag', message: s.message.value, span: s.span, ...(w ? { when: w } : {}) });
        break;
      }
    }
  }
  return {
    name: d.name.name,
    index,
    body,
    localCount: locals.size,
    span: d.span,
    nameSpan: d.name.span,
    ...applies,
    ...cit,
  };
}

/** `L tops up to X` pays what lifts the paying layers to X: max(0, X − paid). */
function topUp(target: TExpr, span: Span): TExpr {
  const paid: TExpr = { k: 'state', name: 'paid', type: 'money', span };
  const gap: TExpr = { k: 'binary', op: '-', type: 'money', left: target, right: paid, clampRatio: false, span };
  return { k: 'call', fn: 'max', type: 'money', args: [{ k: 'const', type: 'money', value: ZERO, span }, gap], span };
}

function assignTarget(ctx: CheckContext, target: A.Ident, owner: string, assignedHere: ReadonlyMap<LayerName, Span>): LayerName | undefined {
  const name = target.name;
  if (!isLayer(name)) {
    const entry = ctx.entries.get(name);
    const hint = entry?.kind === 'accumulator' ? ref('rule.unknown-layer.accumulator', { name }) : '';
    const s = hint ? undefined : suggest(name, LAYERS);
    ctx.report(
      error('E103', target.span, ref('rule.unknown-layer', { name, suggestion: didYouMean(s), hint, layers: LAYERS.join(', ') }), s ? { suggestion: s } : {}),
    );
    return undefined;
  }
  if (name === 'patient') {
    ctx.report(error('E107', target.span, ref('rule.assign-patient')));
    return undefined;
  }
  if (!ctx.declaredLayers.has(name)) {
    ctx.report(error('E106', target.span, ref('rule.layer-undeclared', { layer: name })));
    return undefined;
  }
  const first = assignedHere.get(name);
  if (first) {
    ctx.report(error('E105', target.span, ref('rule.assigned-twice', { owner, layer: name }), { related: [related(first, ref('rule.first-assigned'))] }));
    return undefined;
  }
  return name;
}
