import { error, sortDiagnostics, hasErrors, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDate } from '../dates.js';
import type { SourceFile, Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { ParsedFile } from '../syntax/parse.js';
import { headerOf, type PolicyUnit } from '../units.js';
import { CLAIM_FIELDS, FUNCTIONS, LAYERS, STATE_NAMES, isLayer, lookupEnumValue, type LayerName } from '../vocabulary.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import { resolveAccumulator, resolveBands, resolveCap, resolveLet, resolveParam, resolveSet, resolveTable } from './declarations.js';
import type { AdjustmentIR, CapSym, ClauseInfo, LetSym, ModifierSym, PropertyIR, ResolvedPolicy, RuleIR, TExpr, VersionInfo } from './ir.js';
import { Modifiers } from './modifiers.js';
import { sameType } from './types.js';
import { ExprResolver, type GlobalResolver } from './resolver.js';
import { checkRules } from './rules.js';
import { analyzeRules, type CoversIR } from './analysis/analyze.js';
import { checkCovers, checkProperties } from './properties.js';
import { checkAudits } from './audit/check-audits.js';
import type { AuditIR } from './audit/audit-ir.js';
import { checkKpis } from './kpi/check-kpis.js';
import type { KpiIR } from './kpi/kpi-ir.js';
import { KIND_WORDS, type Entry } from './symbols.js';
import { suggest } from './suggest.js';
import { TYPE_NAMES } from './types.js';

export interface CheckResult {
  /** Present when there are no errors. */
  readonly policy?: ResolvedPolicy;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
}


/**
 * AST → resolved policy. The checks run as an ordered list of named passes (as in OPA's
 * compiler); each reports through the one diagnostic type, and the resolved policy is
 * returned only when none reported an error.
 */
export function checkPolicy(parsed: readonly ParsedFile[]): CheckResult {
  const header = headerOf(parsed);
  return checkUnit({ path: '.', id: '.', files: parsed, imports: [], diagnostics: [], ...(header ? { header } : {}) });
}

/** Checks a policy (or module) together with the bases it extends and imports. */
export function checkUnit(unit: PolicyUnit): CheckResult {
  return new PolicyChecker(unit).run();
}

/** A declaration with the unit it comes from. */
interface Tagged {
  readonly decl: A.Declaration;
  readonly unit: PolicyUnit;
  readonly top: boolean;
}

/** Base first (extends, then imports: names only), then the unit's own declarations. */
function flatten(unit: PolicyUnit, namesOnly: boolean, top: boolean, seen: Set<string>, out: Tagged[]): void {
  if (seen.has(unit.id)) return;
  seen.add(unit.id);
  if (unit.base) flatten(unit.base, namesOnly, false, seen, out);
  for (const imp of unit.imports) flatten(imp, true, false, seen, out);
  for (const f of unit.files) {
    for (const decl of f.ast.declarations) {
      if (decl.kind === 'policy') continue;
      if (namesOnly && (decl.kind === 'rule' || decl.kind === 'modifier' || decl.kind === 'cap' || decl.kind === 'property' || decl.kind === 'covers' || decl.kind === 'audit' || decl.kind === 'kpi')) continue;
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

class PolicyChecker implements GlobalResolver, CheckContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly entries = new Map<string, Entry>();
  readonly declaredLayers = new Set<LayerName>();
  private readonly files = new Map<string, SourceFile>();
  readonly exprs: ExprResolver;
  private header: A.PolicyDecl | undefined;
  readonly versions: VersionInfo[] = [];
  readonly clauses = new Map<string, ClauseInfo>();
  private readonly ruleDecls: { decl: A.RuleDecl; unit: string }[] = [];
  private readonly modifierDecls: A.ModifierDecl[] = [];
  private readonly modifiers = new Modifiers(this);
  private modifierSyms: ModifierSym[] = [];
  /** Definitions replaced by `override let`, read through `base`. */
  private readonly baseLets = new Map<LetSym, LetSym>();
  private readonly replacedEntries: Entry[] = [];
  private rules: RuleIR[] = [];
  private readonly counts = { let: 0, accumulator: 0 };

  constructor(private readonly unit: PolicyUnit) {
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

  private get isModule(): boolean {
    return this.unit.header?.module === true;
  }

  private readonly passes: readonly [string, () => void][] = [
    ['declarations', () => this.collectDeclarations()],
    ['header', () => this.checkHeader()],
    ['resolve-globals', () => this.resolveGlobals()],
    ['modifiers', () => (this.modifierSyms = this.modifiers.all())],
    ['overrides', () => this.checkOverrides()],
    ['rules', () => (this.rules = checkRules(this, this.ruleDecls.map((r) => r.decl)))],
    ['properties', () => (this.properties = checkProperties(this, this.propertyDecls))],
    ['covers', () => this.covers.push(...checkCovers(this, this.coversDecls))],
    ['audits', () => (this.audits = checkAudits(this, this.auditDecls))],
    ['kpis', () => (this.kpis = checkKpis(this, this.kpiDecls))],
    ['unused', () => this.checkUnused()],
    ['analysis', () => this.analyze()],
  ];

  private readonly propertyDecls: A.PropertyDecl[] = [];
  private readonly coversDecls: A.CoversDecl[] = [];
  private readonly auditDecls: A.AuditDecl[] = [];
  private audits: AuditIR[] = [];
  private readonly kpiDecls: A.KpiDecl[] = [];
  private kpis: KpiIR[] = [];
  private properties: PropertyIR[] = [];
  private readonly covers: CoversIR[] = [];

  /** Rule interplay (check/analysis), on a policy that is otherwise correct. */
  private analyze(): void {
    if (hasErrors(this.diagnostics)) return;
    const input = { rules: this.rules, modifiers: this.modifierSyms, caps: this.caps(), versions: this.versions, covers: this.covers };
    analyzeRules(input, (d) => this.report(d));
  }

  adjustmentsFor(entry: Entry): readonly AdjustmentIR[] {
    return this.modifiers.adjustmentsFor(entry);
  }

  capsOn(layer: LayerName): readonly CapSym[] {
    return this.caps().filter((c) => c.layer === layer);
  }

  private caps(): CapSym[] {
    return [...this.entries.values()].flatMap((e) => (e.kind === 'cap' && e.sym ? [e.sym] : []));
  }

  run(): CheckResult {
    // Syntax errors leave holes in the tree: name and type checks would only add noise.
    const syntaxBroken = hasErrors(this.diagnostics);
    for (const [name, pass] of this.passes) {
      if (syntaxBroken && name !== 'header' && name !== 'declarations') continue;
      pass();
    }
    const diagnostics = sortDiagnostics(this.diagnostics);
    if (hasErrors(diagnostics)) return { diagnostics, files: this.files };
    return { policy: this.result(), diagnostics, files: this.files };
  }

  nextIndex(kind: 'let' | 'accumulator'): number {
    return this.counts[kind]++;
  }

  report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  private tagged(): Tagged[] {
    const out: Tagged[] = [];
    flatten(this.unit, false, true, new Set(), out);
    return out;
  }

  // ---------------------------------------------------------------- header

  private checkHeader(): void {
    const headers = this.unit.files.flatMap((p) => p.ast.declarations).filter((d): d is A.PolicyDecl => d.kind === 'policy');
    const first = headers[0];
    if (!first) {
      LAYERS.forEach((l) => this.declaredLayers.add(l)); // no header: do not pile E106 on E401
      if (hasErrors(this.diagnostics)) return; // the header may be in the part that did not parse
      const file = this.unit.files[0];
      const span: Span = { file: file?.source.path ?? '<none>', start: 0, end: 0 };
      this.report(error('E401', span, 'no policy header: start the policy with `policy NAME { title "…" version YYYY-MM-DD … }`'));
      return;
    }
    for (const extra of headers.slice(1)) {
      this.report(
        error('E401', extra.name.span, `a second policy header (${extra.name.name}); a policy has exactly one`, {
          related: [{ span: first.name.span, message: 'the first header is here' }],
        }),
      );
    }
    this.header = first;
    const seen = new Map<string, Span>();
    for (const v of first.versions) {
      const day = parseDate(v.date.value);
      if (day === undefined) {
        this.report(error('E208', v.date.span, `${v.date.value} is not a calendar date`));
        continue;
      }
      const prev = seen.get(v.date.value);
      if (prev) {
        this.report(error('E104', v.date.span, `version ${v.date.value} is declared twice`, { related: [{ span: prev, message: 'first declared here' }] }));
        continue;
      }
      seen.set(v.date.value, v.date.span);
      this.versions.push({ date: v.date.value, day, cites: citation(this, v.meta).cites, span: v.span });
    }
    this.versions.sort((a, b) => a.day - b.day);
    if (first.module && first.versions.length > 0) {
      this.report(error('E402', first.versions[0]?.span ?? first.name.span, `module ${first.name.name} declares a version; versions belong to the policies that extend it`));
      this.versions.length = 0;
    } else if (!first.module && first.versions.length === 0) {
      this.report(error('E402', first.name.span, `policy ${first.name.name} declares no version; add \`version YYYY-MM-DD\` with its effective date`));
    }
    const layers = first.layers ?? LAYERS.map((name) => ({ name, span: first.name.span }));
    for (const l of layers) {
      if (!isLayer(l.name)) {
        const s = suggest(l.name, LAYERS);
        this.report(error('E103', l.span, `unknown layer ${l.name}${s ? `; did you mean ${s}?` : ''} (layers: ${LAYERS.join(', ')})`, s ? { suggestion: s } : {}));
      } else if (this.declaredLayers.has(l.name)) {
        this.report(error('E104', l.span, `layer ${l.name} is listed twice`));
      } else {
        this.declaredLayers.add(l.name);
      }
    }
    if (first.layers && !this.declaredLayers.has('patient')) {
      this.report(error('E106', first.layersSpan ?? first.name.span, 'the layers must include patient, which takes what remains'));
      this.declaredLayers.add('patient');
    }
  }

  // ---------------------------------------------------------------- declarations

  reservedWhat(name: string): string | undefined {
    if (isLayer(name)) return 'a layer';
    if (CLAIM_FIELDS[name]) return 'a claim field';
    if (STATE_NAMES[name]) return 'a settlement value';
    if (FUNCTIONS[name]) return 'a function';
    if (TYPE_NAMES[name]) return 'a type name';
    const ev = lookupEnumValue(name);
    if (ev) return `a value of ${ev.kind}`;
    return undefined;
  }

  private collectDeclarations(): void {
    const ruleNames = new Map<string, { span: Span; unit: string }>();
    const modifierNames = new Map<string, Span>();
    for (const { decl: d, unit, top } of this.tagged()) {
      switch (d.kind) {
        case 'policy':
          break;
        case 'clause': {
          const id = d.id.value;
          const prev = this.clauses.get(id);
          if (prev) {
            this.report(error('E104', d.id.span, `clause ${id} is declared twice`, { related: [{ span: prev.span, message: 'first declared here' }] }));
          } else {
            this.clauses.set(id, { id, title: d.title.value, span: d.id.span, ...(d.text ? { text: d.text.value } : {}) });
          }
          break;
        }
        case 'rule':
          this.collectRule(d, unit.id, ruleNames);
          break;
        case 'property':
          this.propertyDecls.push(d);
          break;
        case 'covers':
          this.coversDecls.push(d);
          break;
        case 'audit':
          this.auditDecls.push(d);
          break;
        case 'kpi':
          this.kpiDecls.push(d);
          break;
        case 'modifier': {
          const prev = d.oneLine ? undefined : modifierNames.get(d.name.name);
          if (prev) {
            this.report(error('E104', d.name.span, `modifier ${d.name.name} is declared twice`, { related: [{ span: prev, message: 'first declared here' }] }));
            break;
          }
          modifierNames.set(d.name.name, d.name.span);
          this.modifierDecls.push(d);
          break;
        }
        default:
          this.collectEntry(d, unit, top);
      }
    }
    this.modifiers.bind(this.modifierDecls);
  }

  private collectRule(d: A.RuleDecl, unit: string, ruleNames: Map<string, { span: Span; unit: string }>): void {
    const prev = ruleNames.get(d.name.name);
    if (d.override) {
      const at = this.ruleDecls.findIndex((r) => r.decl.name.name === d.name.name);
      const replaced = this.ruleDecls[at];
      if (!replaced || replaced.unit === unit) {
        this.report(error('E501', d.name.span, `override rule ${d.name.name}: ${replaced ? 'the rule is this policy\'s own, not its base\'s' : 'the base has no such rule'}`, this.overrideHint(d.name.name, this.ruleDecls.map((r) => r.decl.name.name))));
        return;
      }
      this.ruleDecls[at] = { decl: d, unit };
      return;
    }
    if (prev) {
      const code = prev.unit === unit ? 'E104' : 'E503';
      const how = code === 'E503' ? '; write `override rule` to replace the base\'s' : '';
      this.report(error(code, d.name.span, `rule ${d.name.name} is declared ${code === 'E503' ? 'in the base already' : 'twice'}${how}`, { related: [{ span: prev.span, message: 'first declared here' }] }));
      return;
    }
    ruleNames.set(d.name.name, { span: d.name.span, unit });
    this.ruleDecls.push({ decl: d, unit });
  }

  private overrideHint(name: string, names: Iterable<string>): { suggestion?: string } {
    const s = suggest(name, names);
    return s ? { suggestion: s } : {};
  }

  private collectEntry(d: Exclude<A.Declaration, A.PolicyDecl | A.ClauseDecl | A.RuleDecl | A.ModifierDecl | A.PropertyDecl | A.CoversDecl | A.AuditDecl | A.KpiDecl>, unit: PolicyUnit, top: boolean): void {
    if (d.name.name === '') return; // recovery hole, already reported
    const kind = d.kind === 'setDecl' ? 'set' : d.kind;
    const reserved = this.reservedWhat(d.name.name);
    if (reserved) {
      this.report(error('E104', d.name.span, `${d.name.name} is ${reserved}; choose another name for this ${KIND_WORDS[kind]}`));
      return;
    }
    const prev = this.entries.get(d.name.name);
    const override = 'override' in d ? d.override : undefined;
    if (override) {
      if (!prev || prev.unit === unit.id) {
        const what = prev ? `${d.name.name} is this policy's own ${KIND_WORDS[prev.kind]}, not its base's` : `the base has no ${KIND_WORDS[kind]} ${d.name.name}`;
        const sug = prev ? {} : this.overrideHint(d.name.name, [...this.entries.values()].filter((e) => e.kind === kind).map((e) => e.decl.name.name));
        this.report(error('E501', d.name.span, `override ${KIND_WORDS[kind]} ${d.name.name}: ${what}${sug.suggestion ? `; did you mean ${sug.suggestion}?` : ''}`, sug));
        return;
      }
      if (prev.kind !== kind) {
        this.report(
          error('E501', d.name.span, `override ${KIND_WORDS[kind]} ${d.name.name}: the base's ${d.name.name} is a ${KIND_WORDS[prev.kind]}`, {
            related: [{ span: prev.decl.name.span, message: 'declared here' }],
          }),
        );
        return;
      }
      this.replacedEntries.push(prev);
      this.entries.set(d.name.name, { kind, decl: d, state: 0, used: prev.used, unit: unit.id, top, replaced: prev } as Entry);
      return;
    }
    if (prev) {
      const inBase = prev.unit !== unit.id;
      this.report(
        error(
          inBase ? 'E503' : 'E104',
          d.name.span,
          inBase
            ? `${d.name.name} is already declared in the base as a ${KIND_WORDS[prev.kind]}; write \`override ${KIND_WORDS[prev.kind] === 'let-binding' ? 'let' : prev.kind}\` to replace it`
            : `${d.name.name} is already declared as a ${KIND_WORDS[prev.kind]}`,
          { related: [{ span: prev.decl.name.span, message: 'first declared here' }] },
        ),
      );
      return;
    }
    this.entries.set(d.name.name, { kind, decl: d, state: 0, used: false, unit: unit.id, top } as Entry);
  }

  resolveEntry(entry: Entry, at: Span): void {
    if (entry.state === 2) return;
    if (entry.state === 1) {
      this.report(
        error('E110', at, `${entry.decl.name.name} is defined in terms of itself`, {
          related: [{ span: entry.decl.name.span, message: `${KIND_WORDS[entry.kind]} ${entry.decl.name.name} is declared here` }],
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

  private resolveGlobals(): void {
    for (const entry of this.entries.values()) this.resolveEntry(entry, entry.decl.name.span);
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

  /** An override keeps the kind and the type of what it replaces (E501). */
  private checkOverrides(): void {
    for (const [name, entry] of this.entries) {
      const old = 'replaced' in entry ? entry.replaced : undefined;
      if (!old || entry.kind === 'let') continue;
      this.resolveEntry(old, old.decl.name.span);
      const typeOf = (e: Entry) =>
        e.kind === 'param' ? e.sym?.type : e.kind === 'table' ? e.sym?.valueType : e.kind === 'set' ? e.sym?.elementType : undefined;
      const before = typeOf(old);
      const after = typeOf(entry);
      const byBefore = old.kind === 'table' ? old.decl.by.name : undefined;
      const byAfter = entry.kind === 'table' ? entry.decl.by.name : undefined;
      if (before && after && before !== 'error' && after !== 'error' && !sameType(before, after)) {
        this.report(error('E501', entry.decl.name.span, `override of ${name} changes its type from ${String(before)} to ${String(after)}`, { related: [{ span: old.decl.name.span, message: 'the base declares it here' }] }));
      } else if (byBefore !== byAfter) {
        this.report(error('E501', entry.decl.name.span, `override of table ${name} is keyed by ${byAfter ?? '?'}, the base's by ${byBefore ?? '?'}`, { related: [{ span: old.decl.name.span, message: 'the base declares it here' }] }));
      }
    }
  }

  // ---------------------------------------------------------------- rules

  // ---------------------------------------------------------------- warnings

  /** W202 for the checked policy's own declarations; a module's are there for policies to use. */
  private checkUnused(): void {
    if (this.isModule) return;
    for (const e of this.entries.values()) {
      if (!e.used && e.top && e.kind !== 'cap') {
        this.report(warning('W202', e.decl.name.span, `${KIND_WORDS[e.kind]} ${e.decl.name.name} is declared but never used`));
      }
    }
  }

  // ---------------------------------------------------------------- result

  private result(): ResolvedPolicy {
    const header = this.header as A.PolicyDecl;
    const pick = <K extends Entry['kind']>(kind: K) =>
      [...this.entries.values()].filter((e) => e.kind === kind).map((e) => e.sym) as NonNullable<Extract<Entry, { kind: K }>['sym']>[];
    const caps = this.caps();
    const lets = [...pick('let'), ...this.baseLets.values()];
    return {
      name: header.name.name,
      module: header.module,
      title: header.title?.value ?? header.name.name,
      document: header.document?.value ?? '',
      versions: this.versions,
      layers: LAYERS.filter((l) => this.declaredLayers.has(l)),
      clauses: this.clauses,
      params: pick('param'),
      tables: pick('table'),
      sets: pick('set'),
      lets: lets.sort((a, b) => a.index - b.index),
      accumulators: [...pick('accumulator'), ...caps.map((c) => c.acc)].sort((a, b) => a.index - b.index),
      bands: pick('bands'),
      caps,
      modifiers: this.modifierSyms,
      rules: this.rules,
      properties: this.properties,
      audits: this.audits,
      kpis: this.kpis,
      files: this.files,
      bases: [...(header.extends ? [header.extends.value] : []), ...header.imports.map((i) => i.value)],
    };
  }
}
