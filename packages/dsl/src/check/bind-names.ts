import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../messages/index.js';
import { didYouMean } from './words.js';
import type { Span } from '../source.js';
import { CLAIM_FIELDS, LAYERS, STATE_NAMES, enumNames, isLayer, lookupEnumValue, type LayerName } from '../vocabulary.js';
import type { AdjustmentIR, TExpr } from './ir.js';
import type { Entry } from './symbols.js';
import { suggest } from './suggest.js';
import { isScalar, type Scalar, type Type } from './types.js';

/**
 * Binding: what a name in an expression refers to — a local, a declaration (resolved on first
 * use), a layer, a claim field, the settlement state or an enum value — and whether the place
 * it stands (constant, let, rule) may read it (E101, E102, E106, E111, E112). Typing is
 * typing.ts's; the structure of expressions is resolver.ts's.
 */

/** Where an expression stands decides what it may read. */
export type Context = 'constant' | 'let' | 'rule';

export interface Scope {
  readonly context: Context;
  /** What is being defined, for messages ("parameter 起付线"); a table message when it has words to translate. */
  readonly owner: string | MessageRef;
  readonly locals?: ReadonlyMap<string, { readonly slot: number; readonly type: Type }>;
  /** Called on every layer read, for W201. */
  readonly onLayerRead?: (layer: LayerName, span: Span) => void;
  /** Inside `override let`: the definition it replaces. */
  readonly base?: () => TExpr;
}

export interface GlobalResolver {
  /** Resolves a global declaration on first use (cycles report E110). */
  resolveEntry(entry: Entry, at: Span): void;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly declaredLayers: ReadonlySet<LayerName>;
  /** The modifiers' adjustments of a parameter, table or bands (empty when none). */
  adjustmentsFor(entry: Entry): readonly AdjustmentIR[];
}

const err = (span: Span): TExpr => ({ k: 'error', type: 'error', span });

export class NameBinder {
  constructor(
    private readonly globals: GlobalResolver,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  /** Every name a bare identifier could have meant, for "did you mean". */
  private knownNames(scope: Scope): string[] {
    return [
      ...(scope.locals?.keys() ?? []),
      ...this.globals.entries.keys(),
      ...LAYERS,
      ...Object.keys(CLAIM_FIELDS),
      ...Object.keys(STATE_NAMES),
      ...enumNames(),
    ];
  }

  name(name: string, span: Span, scope: Scope): TExpr {
    const local = scope.locals?.get(name);
    if (local) return { k: 'local', type: local.type, slot: local.slot, name, span };

    const entry = this.globals.entries.get(name);
    if (entry) {
      this.globals.resolveEntry(entry, span);
      entry.used = true;
      switch (entry.kind) {
        case 'param': {
          if (!entry.sym) return err(span);
          const read: TExpr = { k: 'param', type: entry.sym.type, param: entry.sym, span };
          // Parameters are the declared values; modifiers apply where the claim is known.
          return scope.context === 'constant' ? read : this.adjusted(entry, name, read);
        }
        case 'bands':
          this.report(error('E203', span, ref('rule.bands-bare', { name })));
          return err(span);
        case 'cap':
          if (scope.context === 'constant') return this.notConstant(name, ref('rule.what.cap'), span, scope);
          return entry.sym ? { k: 'acc', type: 'money', acc: entry.sym.acc, span } : err(span);
        case 'set':
          return entry.sym ? { k: 'set', type: { collection: this.elementScalar(entry.sym.elementType) }, set: entry.sym, span } : err(span);
        case 'table':
          this.report(error('E203', span, ref('rule.table-bare', { name, by: entry.decl.by.name })));
          return err(span);
        case 'let':
          if (scope.context === 'constant') return this.notConstant(name, ref('rule.what.let'), span, scope);
          return entry.sym ? { k: 'let', type: entry.sym.type, let: entry.sym, span } : err(span);
        case 'accumulator':
          if (scope.context === 'constant') return this.notConstant(name, ref('rule.what.accumulator'), span, scope);
          return entry.sym ? { k: 'acc', type: 'money', acc: entry.sym, span } : err(span);
      }
    }

    if (isLayer(name)) {
      if (scope.context === 'constant') return this.notConstant(name, ref('rule.what.layer'), span, scope);
      if (scope.context === 'let') {
        this.report(
          error('E111', span, ref('rule.let-reads-layer', { owner: scope.owner, layer: name })),
        );
        return err(span);
      }
      if (!this.globals.declaredLayers.has(name)) {
        this.report(error('E106', span, ref('rule.layer-undeclared', { layer: name })));
      }
      scope.onLayerRead?.(name, span);
      return { k: 'layer', type: 'money', layer: name, span };
    }

    if (CLAIM_FIELDS[name]) return this.field(name, span, scope, false);

    const state = STATE_NAMES[name];
    if (state) {
      if (scope.context === 'constant') return this.notConstant(name, ref('rule.what.state'), span, scope);
      if (scope.context === 'let') {
        this.report(error('E111', span, ref('rule.let-reads-state', { owner: scope.owner, name })));
        return err(span);
      }
      return { k: 'state', type: state.type, name: name as 'paid' | 'remaining', span };
    }

    const ev = lookupEnumValue(name);
    if (ev) return { k: 'const', type: ev.kind, value: ev.value, span };

    const s = suggest(name, this.knownNames(scope));
    this.report(
      error('E101', span, ref('rule.unknown-name', { name, suggestion: didYouMean(s) }), s ? { suggestion: s } : {}),
    );
    return err(span);
  }

  private elementScalar(t: Type): Scalar {
    return isScalar(t) ? t : t.collection;
  }

  notConstant(name: string, what: MessageRef, span: Span, scope: Scope): TExpr {
    this.report(error('E112', span, ref('rule.not-constant', { owner: scope.owner, name, what })));
    return err(span);
  }

  field(name: string, span: Span, scope: Scope, explicit: boolean): TExpr {
    const info = CLAIM_FIELDS[name];
    if (!info) {
      const s = suggest(name, Object.keys(CLAIM_FIELDS));
      this.report(
        error('E102', span, ref('rule.unknown-field', { name, suggestion: didYouMean(s) }), s ? { suggestion: s } : {}),
      );
      return err(span);
    }
    if (scope.context === 'constant') {
      return this.notConstant(explicit ? `claim.${name}` : name, ref('rule.what.field'), span, scope);
    }
    return { k: 'field', type: info.type, field: name, span };
  }

  /** Wraps a read in the adjustments modifiers make to its target, if any. */
  adjusted(entry: Entry, target: string, read: TExpr): TExpr {
    const adjustments = this.globals.adjustmentsFor(entry);
    if (adjustments.length === 0) return read;
    return { k: 'adjusted', type: read.type, target, base: read, adjustments, span: read.span };
  }
}
