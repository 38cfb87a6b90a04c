import { error, warning } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import { LAYERS, isLayer, type LayerName } from '../vocabulary.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import type { RuleIR, TExpr, TStmt } from './ir.js';
import { ZERO } from '../money.js';
import type { Scope } from './resolver.js';
import { KIND_WORDS, type Entry } from './symbols.js';
import { suggest } from './suggest.js';
import type { Type } from './types.js';
import { resolveApplicability } from './applicability.js';

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
    ctx.report(error('E301', d.name.span, `${owner} cites no clause; add cites "ID" after its name`));
  }

  const locals = new Map<string, { slot: number; type: Type }>();
  const assignedHere = new Map<LayerName, Span>();
  const onLayerRead = (layer: LayerName, span: Span): void => {
    if (!assignedBefore.has(layer) && !assignedHere.has(layer) && layer !== 'patient') {
      ctx.report(warning('W201', span, `${owner} reads layer ${layer} before any rule assigns it, so it reads 0.00`));
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
        const clash = ctx.reservedWhat(name) ?? (ctx.entries.has(name) ? `a ${KIND_WORDS[(ctx.entries.get(name) as Entry).kind]}` : undefined);
        if (clash) {
          ctx.report(error('E104', s.name.span, `${name} is ${clash}; a let inside a rule needs a name of its own`));
          break;
        }
        if (locals.has(name)) {
          ctx.report(error('E104', s.name.span, `${name} is already bound in ${owner}`));
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
        ctx.exprs.expect(value, 'money', s.kind === 'topup' ? `the target of ${layer} tops up to` : `layer ${layer}`);
        assignedHere.set(layer, s.target.span);
        const expr = s.kind === 'topup' ? topUp(value, s.span) : value;
        body.push({ k: 'assign', layer, expr, span: s.span, caps: ctx.capsOn(layer) });
        break;
      }
      case 'add': {
        const expr = ctx.exprs.resolve(s.value, scope);
        const entry = ctx.entries.get(s.target.name);
        if (!entry || entry.kind !== 'accumulator' || !entry.sym) {
          const what = isLayer(s.target.name)
            ? `${s.target.name} is a layer: assign it with =`
            : entry
              ? `${s.target.name} is a ${KIND_WORDS[entry.kind]}, not an accumulator`
              : `${s.target.name} is not a declared accumulator`;
          const accs = [...ctx.entries.values()].filter((x) => x.kind === 'accumulator').map((x) => x.decl.name.name);
          const sug = entry ? undefined : suggest(s.target.name, accs);
          ctx.report(error('E108', s.target.span, `${what}${sug ? `; did you mean ${sug}?` : ''}`, sug ? { suggestion: sug } : {}));
          break;
        }
        entry.used = true;
        ctx.exprs.expect(expr, 'money', `accumulator ${s.target.name}`);
        body.push({ k: 'add', acc: entry.sym, expr, span: s.span });
        break;
      }
      case 'flag': {
        const w = s.when ? ctx.exprs.resolve(s.when, scope) : undefined;
        if (w) ctx.exprs.expect(w, 'bool', 'the condition of a flag');
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
    const hint = entry?.kind === 'accumulator' ? `; ${name} is an accumulator: add to it with +=` : '';
    const s = hint ? undefined : suggest(name, LAYERS);
    ctx.report(
      error('E103', target.span, `unknown layer ${name}${s ? `; did you mean ${s}?` : ''}${hint} (layers: ${LAYERS.join(', ')})`, s ? { suggestion: s } : {}),
    );
    return undefined;
  }
  if (name === 'patient') {
    ctx.report(error('E107', target.span, 'patient is what remains after the other layers; it cannot be assigned'));
    return undefined;
  }
  if (!ctx.declaredLayers.has(name)) {
    ctx.report(error('E106', target.span, `layer ${name} is not among the layers declared in the policy header`));
    return undefined;
  }
  const first = assignedHere.get(name);
  if (first) {
    ctx.report(error('E105', target.span, `${owner} assigns layer ${name} twice`, { related: [{ span: first, message: 'first assigned here' }] }));
    return undefined;
  }
  return name;
}
