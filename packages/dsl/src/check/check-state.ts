import type { AuditIR } from './audit/audit-ir.js';
import type { PremiumIR } from './ir.js';
import type { KpiIR } from './kpi/kpi-ir.js';
import { error, related, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import type { SourceFile, Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { PolicyUnit } from '../units.js';
import type { LayerName } from '../vocabulary.js';
import type { CoversIR } from './analysis/analyze.js';
import type { CheckContext } from './context.js';
import { resolveAccumulator, resolveBands, resolveCap, resolveLet, resolveParam, resolveSet, resolveTable } from './declarations.js';
import type { AdjustmentIR, CapSym, ClauseInfo, LetSym, ModifierSym, PropertyIR, RuleIR, TExpr, VersionInfo } from './ir.js';
import { Modifiers } from './modifiers.js';
import { ExprResolver, type GlobalResolver } from './resolver.js';
import type { Entry } from './symbols.js';
import { kindRef } from './words.js';

/** A declaration with the unit it comes from. */
export interface Tagged {
  readonly decl: A.Declaration;
  readonly unit: PolicyUnit;
  /** The checked unit's own declaration (not a base's or an import's). */
  readonly top: boolean;
}

/**
 * What the checker's passes (check/passes/*) share: the unit being checked, the diagnostics, the
 * symbol table and what each pass has produced for the later ones. Passes write their results
 * here; nothing else is kept between them.
 */
export class CheckState implements GlobalResolver, CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly entries = new Map<string, Entry>();
  readonly declaredLayers = new Set<LayerName>();
  readonly files = new Map<string, SourceFile>();
  readonly exprs: ExprResolver;
  header: A.PolicyDecl | undefined;
  readonly versions: VersionInfo[] = [];
  readonly clauses = new Map<string, ClauseInfo>();
  readonly ruleDecls: { decl: A.RuleDecl; unit: string }[] = [];
  readonly modifierDecls: A.ModifierDecl[] = [];
  readonly propertyDecls: A.PropertyDecl[] = [];
  readonly coversDecls: A.CoversDecl[] = [];
  readonly auditDecls: A.AuditDecl[] = [];
  readonly premiumDecls: A.PremiumDecl[] = [];
  readonly kpiDecls: A.KpiDecl[] = [];
  readonly modifiers = new Modifiers(this);
  modifierSyms: ModifierSym[] = [];
  /** Definitions replaced by `override let`, read through `base`. */
  readonly baseLets = new Map<LetSym, LetSym>();
  readonly replacedEntries: Entry[] = [];
  rules: RuleIR[] = [];
  properties: PropertyIR[] = [];
  readonly covers: CoversIR[] = [];
  audits: AuditIR[] = [];
  premiums: PremiumIR[] = [];
  kpis: KpiIR[] = [];
  private readonly counts = { let: 0, accumulator: 0 };

  constructor(readonly unit: PolicyUnit) {
    for (const u of allUnits(unit)) {
      for (const p of u.files) {
        if (this.files.has(p.source.path)) continue;
        this.files.set(p.source.path, p.source);
        this.diagnostics.push(...p.diagnostics);
      }
      this.diagnostics.push(...u.diagnostics);
    }
    this.exprs = new ExprResolver(this, this.diagnostics);
  }

  get isModule(): boolean {
    return this.unit.header?.module === true;
  }

  report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  nextIndex(kind: 'let' | 'accumulator'): number {
    return this.counts[kind]++;
  }

  adjustmentsFor(entry: Entry): readonly AdjustmentIR[] {
    return this.modifiers.adjustmentsFor(entry);
  }

  capsOn(layer: LayerName): readonly CapSym[] {
    return this.caps().filter((c) => c.layer === layer);
  }

  caps(): CapSym[] {
    return [...this.entries.values()].flatMap((e) => (e.kind === 'cap' && e.sym ? [e.sym] : []));
  }

  /** Every declaration: the bases' first (extends, then imports: names only), then the unit's own. */
  tagged(): Tagged[] {
    const out: Tagged[] = [];
    flatten(this.unit, false, true, new Set(), out);
    return out;
  }

  resolveEntry(entry: Entry, at: Span): void {
    if (entry.state === 2) return;
    if (entry.state === 1) {
      this.report(
        error('E110', at, ref('rule.cycle', { name: entry.decl.name.name }), {
          related: [related(entry.decl.name.span, ref('rule.cycle-declared', { kind: kindRef(entry.kind), name: entry.decl.name.name }))],
        }),
      );
      return;
    }
    entry.state = 1;
    switch (entry.kind) {
      case 'param':
        entry.sym = resolveParam(this, entry.decl);
        break;
      case 'table':
        entry.sym = resolveTable(this, entry.decl);
        break;
      case 'set':
        entry.sym = resolveSet(this, entry.decl);
        break;
      case 'let': {
        const replaced = entry.replaced;
        entry.sym = resolveLet(this, entry.decl, replaced ? () => this.baseLet(replaced, at) : undefined);
        break;
      }
      case 'accumulator':
        entry.sym = resolveAccumulator(this, entry.decl);
        break;
      case 'bands':
        entry.sym = resolveBands(this, entry.decl);
        break;
      case 'cap':
        entry.sym = resolveCap(this, entry.decl);
        break;
    }
    entry.state = 2;
  }

  /** `base` in `override let X`: the replaced definition, as a let of its own named `X (base)`. */
  private baseLet(replaced: Entry, at: Span): TExpr {
    this.resolveEntry(replaced, at);
    const resolved = replaced.kind === 'let' ? replaced.sym : undefined;
    if (!resolved) return { k: 'error', type: 'error', span: at };
    // One symbol, named for traces, read by every `base` and listed among the policy's lets.
    let sym = this.baseLets.get(resolved);
    if (!sym) {
      sym = { ...resolved, name: `${resolved.name} (base)` };
      this.baseLets.set(resolved, sym);
    }
    return { k: 'let', type: sym.type, let: sym, span: at };
  }
}

function flatten(unit: PolicyUnit, namesOnly: boolean, top: boolean, seen: Set<string>, out: Tagged[]): void {
  if (seen.has(unit.id)) return;
  seen.add(unit.id);
  if (unit.base) flatten(unit.base, namesOnly, false, seen, out);
  for (const imp of unit.imports) flatten(imp, true, false, seen, out);
  for (const f of unit.files) {
    for (const decl of f.ast.declarations) {
      if (decl.kind === 'policy') continue;
      if (namesOnly && (decl.kind === 'rule' || decl.kind === 'modifier' || decl.kind === 'cap' || decl.kind === 'property' || decl.kind === 'covers' || decl.kind === 'audit' || decl.kind === 'kpi' || decl.kind === 'premium')) continue;
      out.push({ decl, unit, top });
    }
  }
}

function allUnits(unit: PolicyUnit, out: PolicyUnit[] = []): PolicyUnit[] {
  out.push(unit);
  if (unit.base) allUnits(unit.base, out);
  for (const i of unit.imports) allUnits(i, out);
  return out;
}
