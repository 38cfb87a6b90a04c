import { error, related } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import type * as A from '../syntax/ast.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import type { AdjustmentIR, ModifierSym } from './ir.js';
import type { Scope } from './resolver.js';
import type { Entry } from './symbols.js';
import { aKindRef, didYouMean, typeRef } from './words.js';
import { suggest } from './suggest.js';
import { isNumeric, type Type } from './types.js';
import { resolveApplicability } from './applicability.js';

/**
 * Modifiers and one-line adjustments. Targets are bound when the declarations are collected
 * (E502 for a name that is not a parameter, table or bands); conditions and amounts are
 * resolved on the first read of a target, so a modifier whose amount reads its own target is
 * a cycle (E110). Every read of an adjusted target in a let or rule carries its adjustments.
 */

interface Pending {
  readonly decl: A.ModifierDecl;
  sym?: ModifierSym;
  state: 0 | 1 | 2;
}

const ADJUSTABLE = new Set<Entry['kind']>(['param', 'table', 'bands']);

export class Modifiers {
  private readonly pending: Pending[] = [];
  private readonly byTarget = new Map<Entry, { readonly mod: Pending; readonly adj: A.Adjustment }[]>();
  private readonly resolved = new Map<Entry, AdjustmentIR[]>();
  private readonly resolving = new Set<Entry>();

  constructor(private readonly ctx: CheckContext) {}

  /** Binds every adjustment to its target; call once all declarations are known. */
  bind(decls: readonly A.ModifierDecl[]): void {
    for (const decl of decls) {
      const mod: Pending = { decl, state: 0 };
      this.pending.push(mod);
      for (const adj of decl.adjustments) {
        const entry = this.ctx.entries.get(adj.target.name);
        if (!entry || !ADJUSTABLE.has(entry.kind)) {
          const names = [...this.ctx.entries.values()].filter((e) => ADJUSTABLE.has(e.kind)).map((e) => e.decl.name.name);
          const s = entry ? undefined : suggest(adj.target.name, names);
          const name = adj.target.name;
          const suggestion = didYouMean(s);
          const what = entry ? ref('rule.adjust-kind', { name, kind: aKindRef(entry.kind), suggestion }) : ref('rule.adjust-unknown', { name, suggestion });
          this.ctx.report(error('E502', adj.target.span, what, s ? { suggestion: s } : {}));
          continue;
        }
        entry.used = true;
        const list = this.byTarget.get(entry) ?? [];
        list.push({ mod, adj });
        this.byTarget.set(entry, list);
      }
    }
  }

  /** The adjustments of a target, resolved on first use. */
  adjustmentsFor(entry: Entry): readonly AdjustmentIR[] {
    const done = this.resolved.get(entry);
    if (done) return done;
    const list = this.byTarget.get(entry);
    if (!list) return [];
    if (this.resolving.has(entry)) {
      this.ctx.report(
        error('E110', entry.decl.name.span, ref('rule.adjust-cycle', { name: entry.decl.name.name }), {
          related: list.map(({ adj }) => related(adj.span, ref('rule.adjusted-here'))),
        }),
      );
      return [];
    }
    this.resolving.add(entry);
    const out: AdjustmentIR[] = [];
    for (const { mod, adj } of list) {
      const modifier = this.modifier(mod);
      const amount = this.amount(entry, adj, mod.decl);
      if (modifier && amount) out.push({ modifier, op: adj.op, amount, span: adj.span });
    }
    this.resolving.delete(entry);
    this.resolved.set(entry, out);
    return out;
  }

  /** Resolves every modifier (also those whose targets are never read), for their diagnostics. */
  all(): ModifierSym[] {
    for (const entry of this.byTarget.keys()) this.adjustmentsFor(entry);
    for (const p of this.pending) this.modifier(p);
    return this.pending.flatMap((p) => (p.sym ? [p.sym] : []));
  }

  private scope(decl: A.ModifierDecl): Scope {
    return { context: 'let', owner: decl.oneLine ? decl.name.name : `modifier ${decl.name.name}` };
  }

  private modifier(p: Pending): ModifierSym | undefined {
    if (p.state === 2) return p.sym;
    if (p.state === 1) {
      this.ctx.report(error('E110', p.decl.name.span, ref('rule.modifier-cycle', { name: p.decl.name.name })));
      return undefined;
    }
    p.state = 1;
    const d = p.decl;
    const owner = d.oneLine ? d.name.name : `modifier ${d.name.name}`;
    const cit = citation(this.ctx, d.meta);
    if (cit.cites.length === 0) this.ctx.report(error('E301', d.name.span, ref('rule.no-citation-short', { owner })));
    p.sym = {
      name: d.name.name,
      oneLine: d.oneLine,
      span: d.name.span,
      ...resolveApplicability(this.ctx, d, owner, d.name.span, this.scope(d)),
      ...cit,
    };
    p.state = 2;
    return p.sym;
  }

  private targetType(entry: Entry): Type {
    this.ctx.resolveEntry(entry, entry.decl.name.span);
    switch (entry.kind) {
      case 'param':
        return entry.sym?.type ?? 'error';
      case 'table':
        return entry.sym?.valueType ?? 'error';
      default:
        return 'ratio';
    }
  }

  private amount(entry: Entry, adj: A.Adjustment, decl: A.ModifierDecl) {
    const amount = this.ctx.exprs.resolve(adj.amount, this.scope(decl));
    const target = this.targetType(entry);
    if (amount.type === 'error' || target === 'error') return undefined;
    const name = adj.target.name;
    if (!isNumeric(target)) {
      this.ctx.report(error('E502', adj.target.span, ref('rule.adjust-not-numeric', { name, type: typeRef(target) })));
      return undefined;
    }
    const ok =
      adj.op === '*'
        ? amount.type === 'ratio' || amount.type === 'number'
        : target === 'ratio'
          ? amount.type === 'points' || amount.type === 'ratio'
          : amount.type === target;
    if (!ok) {
      const want = adj.op === '*' ? ref('rule.adjust-want.scale') : target === 'ratio' ? ref('rule.adjust-want.points') : typeRef(target);
      this.ctx.report(error('E502', amount.span, ref('rule.adjust-amount', { name, op: adj.op === '*' ? '×' : adj.op, want, actual: typeRef(amount.type) })));
      return undefined;
    }
    return amount;
  }
}
