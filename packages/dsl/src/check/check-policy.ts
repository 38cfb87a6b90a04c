import { error, warning, sortDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDate } from '../dates.js';
import { Decimal } from '../money.js';
import type { SourceFile, Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { ParsedFile } from '../syntax/parse.js';
import {
  CLAIM_FIELDS,
  ENUMS,
  FUNCTIONS,
  KEY_FIELDS,
  LAYERS,
  LEVELS,
  STATE_NAMES,
  isLayer,
  lookupEnumValue,
  type EnumKind,
  type LayerName,
} from '../vocabulary.js';
import { foldConstant } from './constants.js';
import type {
  AccumulatorSym,
  Citation,
  ClauseInfo,
  LetSym,
  ParamSym,
  ResolvedPolicy,
  RuleIR,
  SetSym,
  TableKey,
  TableSym,
  TExpr,
  TStmt,
  VersionInfo,
} from './ir.js';
import { ExprResolver, type GlobalResolver, type Scope } from './resolver.js';
import { KIND_WORDS, type Entry } from './symbols.js';
import { suggest } from './suggest.js';
import { isScalar, TYPE_NAMES, type Type } from './types.js';

export interface CheckResult {
  /** Present when there are no errors. */
  readonly policy?: ResolvedPolicy;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
}

const READING_ID = /^D\d+$/;

/**
 * AST → resolved policy. The checks run as an ordered list of named passes (as in OPA's
 * compiler); each reports through the one diagnostic type, and the resolved policy is
 * returned only when none reported an error.
 */
export function checkPolicy(parsed: readonly ParsedFile[]): CheckResult {
  return new PolicyChecker(parsed).run();
}

class PolicyChecker implements GlobalResolver {
  readonly diagnostics: Diagnostic[] = [];
  readonly entries = new Map<string, Entry>();
  readonly declaredLayers = new Set<LayerName>();
  private readonly files = new Map<string, SourceFile>();
  private readonly exprs: ExprResolver;
  private header: A.PolicyDecl | undefined;
  private versions: VersionInfo[] = [];
  private readonly clauses = new Map<string, ClauseInfo>();
  private readonly ruleDecls: A.RuleDecl[] = [];
  private readonly rules: RuleIR[] = [];
  private letCount = 0;
  private accCount = 0;

  constructor(private readonly parsed: readonly ParsedFile[]) {
    for (const p of parsed) {
      this.files.set(p.source.path, p.source);
      this.diagnostics.push(...p.diagnostics);
    }
    this.exprs = new ExprResolver(this, this.diagnostics);
  }

  private readonly passes: readonly [string, () => void][] = [
    ['declarations', () => this.collectDeclarations()],
    ['header', () => this.checkHeader()],
    ['resolve-globals', () => this.resolveGlobals()],
    ['rules', () => this.checkRules()],
    ['unused', () => this.checkUnused()],
  ];

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

  private report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  private declarations(): A.Declaration[] {
    return this.parsed.flatMap((p) => p.ast.declarations);
  }

  // ---------------------------------------------------------------- header

  private checkHeader(): void {
    const headers = this.declarations().filter((d): d is A.PolicyDecl => d.kind === 'policy');
    const first = headers[0];
    if (!first) {
      LAYERS.forEach((l) => this.declaredLayers.add(l)); // no header: do not pile E106 on E401
      if (hasErrors(this.diagnostics)) return; // the header may be in the part that did not parse
      const file = this.parsed[0];
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
      this.versions.push({ date: v.date.value, day, cites: this.citation(v.meta).cites, span: v.span });
    }
    this.versions.sort((a, b) => a.day - b.day);
    if (first.versions.length === 0) {
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

  private reservedWhat(name: string): string | undefined {
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
    const ruleNames = new Map<string, Span>();
    for (const d of this.declarations()) {
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
        case 'rule': {
          const prev = ruleNames.get(d.name.name);
          if (prev) {
            this.report(error('E104', d.name.span, `rule ${d.name.name} is declared twice`, { related: [{ span: prev, message: 'first declared here' }] }));
          } else {
            ruleNames.set(d.name.name, d.name.span);
          }
          this.ruleDecls.push(d);
          break;
        }
        default: {
          if (d.name.name === '') break; // recovery hole, already reported
          const kind = d.kind === 'setDecl' ? 'set' : d.kind;
          const reserved = this.reservedWhat(d.name.name);
          if (reserved) {
            this.report(error('E104', d.name.span, `${d.name.name} is ${reserved}; choose another name for this ${KIND_WORDS[kind]}`));
            break;
          }
          const prev = this.entries.get(d.name.name);
          if (prev) {
            this.report(
              error('E104', d.name.span, `${d.name.name} is already declared as a ${KIND_WORDS[prev.kind]}`, {
                related: [{ span: prev.decl.name.span, message: 'first declared here' }],
              }),
            );
            break;
          }
          this.entries.set(d.name.name, { kind, decl: d, state: 0, used: false } as Entry);
        }
      }
    }
  }

  private citation(meta: readonly A.Meta[]): Citation {
    const cites: string[] = [];
    const readings: string[] = [];
    let assumed: string | undefined;
    let note: string | undefined;
    for (const m of meta) {
      for (const v of m.values) {
        if (m.kind === 'cites') {
          cites.push(v.value);
          if (this.clauses.size > 0 && !this.clauses.has(v.value)) {
            const s = suggest(v.value, this.clauses.keys());
            this.report(error('E302', v.span, `clause ${v.value} is not declared${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
          } else if (this.clauses.size === 0) {
            this.report(error('E302', v.span, `clause ${v.value} is not declared: list the document's clauses with \`clause "ID" "title"\``));
          }
        } else if (m.kind === 'reading') {
          readings.push(v.value);
          if (!READING_ID.test(v.value)) {
            this.report(error('E302', v.span, `a reading names a decision of design/decisions.md such as "D10", not ${JSON.stringify(v.value)}`));
          }
        } else if (m.kind === 'assumed') {
          assumed = assumed === undefined ? v.value : `${assumed} ${v.value}`;
        } else {
          note = note === undefined ? v.value : `${note} ${v.value}`;
        }
      }
    }
    return { cites, readings, ...(assumed !== undefined ? { assumed } : {}), ...(note !== undefined ? { note } : {}) };
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
        entry.sym = this.resolveParam(entry.decl);
        break;
      case 'table':
        entry.sym = this.resolveTable(entry.decl);
        break;
      case 'set':
        entry.sym = this.resolveSet(entry.decl);
        break;
      case 'let':
        entry.sym = this.resolveLet(entry.decl);
        break;
      case 'accumulator':
        entry.sym = this.resolveAccumulator(entry.decl);
        break;
    }
    entry.state = 2;
  }

  private resolveGlobals(): void {
    for (const entry of this.entries.values()) this.resolveEntry(entry, entry.decl.name.span);
  }

  private constantScope(owner: string): Scope {
    return { context: 'constant', owner };
  }

  private checkRatioRange(e: TExpr, owner: string): void {
    if (e.type !== 'ratio' && e.type !== 'points') return;
    if (e.k === 'const') return; // a literal is checked where it is read (resolver)
    const v = foldConstant(e);
    if (v instanceof Decimal && (v.lessThan(0) || v.greaterThan(1))) {
      this.report(error('E204', e.span, `${owner} is ${v.times(100).toString()}%, outside 0–100%`));
    }
  }

  private resolveParam(d: A.ParamDecl): ParamSym {
    const owner = `parameter ${d.name.name}`;
    const cit = this.citation(d.meta);
    if (cit.cites.length === 0 && cit.assumed === undefined) {
      this.report(
        error('E303', d.name.span, `${owner} neither cites a clause nor is marked assumed: add cites "…" or assumed "why"`),
      );
    }
    const scope = this.constantScope(owner);
    const values: { from: string; expr: TExpr }[] = [];
    const firstVersion = this.versions[0]?.date ?? '0000-01-01';
    if (d.value) {
      values.push({ from: firstVersion, expr: this.exprs.resolve(d.value, scope) });
    } else {
      for (const dv of d.dated ?? []) {
        if (!this.versions.some((v) => v.date === dv.date.value)) {
          this.report(error('E403', dv.date.span, `${dv.date.value} is not a version of this policy (versions: ${this.versions.map((v) => v.date).join(', ')})`));
        }
        values.push({ from: dv.date.value, expr: this.exprs.resolve(dv.value, scope) });
      }
      values.sort((a, b) => a.from.localeCompare(b.from));
      const earliest = values[0];
      if (!earliest) {
        this.report(error('E203', d.name.span, `${owner} has no value`));
      } else if (earliest.from !== firstVersion && this.versions.length > 0) {
        this.report(error('E403', d.name.span, `${owner} has no value before ${earliest.from}, but the policy starts ${firstVersion}`));
      }
    }
    let type: Type = values[0]?.expr.type ?? 'error';
    if (d.typeName) {
      const declared = TYPE_NAMES[d.typeName.name];
      if (!declared) {
        const s = suggest(d.typeName.name, Object.keys(TYPE_NAMES));
        this.report(error('E101', d.typeName.span, `unknown type ${d.typeName.name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
      } else {
        type = declared;
      }
    }
    for (const v of values) {
      this.exprs.expect(v.expr, type, owner);
      this.checkRatioRange(v.expr, owner);
    }
    return { kind: 'param', name: d.name.name, type, values, span: d.name.span, ...cit };
  }

  private tableKey(field: string, keyType: Type, e: A.Expr): { key: TableKey } | { problem: string } | undefined {
    if (e.kind === 'error') return undefined;
    if (keyType === 'level') {
      if (e.kind === 'numeric' && e.unit === 'number' && /^[0-3]$/.test(e.value)) return { key: Number(e.value) };
      return { problem: `a ${field} key is one of 0, 1, 2, 3` };
    }
    if (keyType === 'text') {
      if (e.kind === 'string') return { key: e.value };
      return { problem: `a ${field} key is text in quotes, e.g. "食道癌"` };
    }
    const name = e.kind === 'name' ? e.name : e.kind === 'string' ? e.value : undefined;
    const ev = name !== undefined ? lookupEnumValue(name) : undefined;
    if (ev && ev.kind === keyType) return { key: ev.value };
    return { problem: `a ${field} key is one of ${Object.keys(ENUMS[keyType as EnumKind] ?? {}).join(', ')}` };
  }

  private resolveTable(d: A.TableDecl): TableSym {
    const owner = `table ${d.name.name}`;
    const cit = this.citation(d.meta);
    if (cit.cites.length === 0 && cit.assumed === undefined) {
      this.report(error('E303', d.name.span, `${owner} neither cites a clause nor is marked assumed: add cites "…" or assumed "why"`));
    }
    const by = d.by.name;
    let keyType: Type = 'error';
    if (!CLAIM_FIELDS[by]) {
      const s = suggest(by, KEY_FIELDS);
      this.report(error('E102', d.by.span, `unknown claim field ${by}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
    } else if (!(KEY_FIELDS as readonly string[]).includes(by)) {
      this.report(error('E203', d.by.span, `a table cannot be keyed by ${by}; key fields: ${KEY_FIELDS.join(', ')}`));
    } else {
      keyType = (CLAIM_FIELDS[by] as { type: Type }).type;
    }
    const scope = this.constantScope(owner);
    const rows: { key: TableKey; value: TExpr; span: Span }[] = [];
    const seen = new Map<TableKey, Span>();
    let valueType: Type | undefined;
    for (const row of d.rows) {
      const value = this.exprs.resolve(row.value, scope);
      if (valueType === undefined && value.type !== 'error') valueType = value.type;
      else if (valueType !== undefined) this.exprs.expect(value, valueType, `every value of ${owner}`);
      this.checkRatioRange(value, `${owner}[${row.key.kind === 'string' ? row.key.value : row.key.kind === 'numeric' ? row.key.value : row.key.kind === 'name' ? row.key.name : '?'}]`);
      if (keyType === 'error') continue;
      const k = this.tableKey(by, keyType, row.key);
      if (!k) continue;
      if ('problem' in k) {
        this.report(error('E203', row.key.span, k.problem));
        continue;
      }
      const prev = seen.get(k.key);
      if (prev !== undefined) {
        this.report(error('E109', row.key.span, `${owner} has two rows for ${String(k.key)}`, { related: [{ span: prev, message: 'the first row is here' }] }));
        continue;
      }
      seen.set(k.key, row.key.span);
      rows.push({ key: k.key, value, span: row.span });
    }
    let otherwise: TExpr | undefined;
    if (d.otherwise) {
      otherwise = this.exprs.resolve(d.otherwise, scope);
      if (valueType !== undefined) this.exprs.expect(otherwise, valueType, `the otherwise of ${owner}`);
      else valueType = otherwise.type;
    }
    // Coverage: a level or enum table without `otherwise` must have a row for every value.
    if (!otherwise && keyType !== 'error') {
      const all: TableKey[] | undefined =
        keyType === 'level' ? [...LEVELS] : isScalar(keyType) && keyType in ENUMS ? Object.keys(ENUMS[keyType as EnumKind]) : undefined;
      const missing = all?.filter((k) => !seen.has(k)) ?? [];
      if (missing.length > 0) {
        this.report(error('E404', d.name.span, `${owner} has no row for ${by} ${missing.join(', ')}; add the rows or an \`otherwise: …\``));
      }
    }
    if (d.domain) {
      const setEntry = this.entries.get(d.domain.name);
      if (!setEntry || setEntry.kind !== 'set') {
        const sets = [...this.entries.values()].filter((x) => x.kind === 'set').map((x) => x.decl.name.name);
        const s = suggest(d.domain.name, sets);
        this.report(error('E101', d.domain.span, `unknown set ${d.domain.name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
      } else {
        this.resolveEntry(setEntry, d.domain.span);
        setEntry.used = true;
        const members = new Set(setEntry.sym?.elements.map((x) => x.value) ?? []);
        const missing = [...members].filter((m) => !seen.has(m));
        const extra = [...seen.keys()].filter((k) => !members.has(k));
        if (missing.length > 0 || extra.length > 0) {
          const parts = [];
          if (missing.length > 0) parts.push(`no row for ${missing.join(', ')}`);
          if (extra.length > 0) parts.push(`rows not in ${d.domain.name}: ${extra.join(', ')}`);
          this.report(error('E405', d.domain.span, `${owner} must have one row for each member of ${d.domain.name}: ${parts.join('; ')}`));
        }
      }
    }
    return {
      kind: 'table',
      name: d.name.name,
      by,
      keyType,
      valueType: valueType ?? 'error',
      rows,
      span: d.name.span,
      ...(otherwise ? { otherwise } : {}),
      ...cit,
    };
  }

  private resolveSet(d: A.SetDecl): SetSym {
    const owner = `set ${d.name.name}`;
    const cit = this.citation(d.meta);
    const scope = this.constantScope(owner);
    const elements: { value: string | number; span: Span }[] = [];
    const seen = new Map<string | number, Span>();
    let elementType: Type | undefined;
    for (const e of d.elements) {
      const t = this.exprs.resolve(e, scope);
      if (t.type === 'error') continue;
      if (elementType === undefined) elementType = t.type;
      else if (!this.exprs.expect(t, elementType, `every member of ${owner}`)) continue;
      const v = foldConstant(t);
      if (typeof v !== 'string' && !(v instanceof Decimal)) {
        this.report(error('E112', t.span, `a member of ${owner} must be a constant`));
        continue;
      }
      const value = v instanceof Decimal ? v.toNumber() : v;
      const prev = seen.get(value);
      if (prev) {
        this.report(error('E109', t.span, `${owner} lists ${String(value)} twice`, { related: [{ span: prev, message: 'first listed here' }] }));
        continue;
      }
      seen.set(value, t.span);
      elements.push({ value, span: t.span });
    }
    if (d.elements.length === 0) this.report(error('E203', d.name.span, `${owner} is empty`));
    return { kind: 'set', name: d.name.name, elementType: elementType ?? 'error', elements, span: d.name.span, ...cit };
  }

  private resolveLet(d: A.LetDecl): LetSym {
    const expr = this.exprs.resolve(d.value, { context: 'let', owner: `let ${d.name.name}` });
    const note = this.citation(d.meta).note;
    return { kind: 'let', name: d.name.name, index: this.letCount++, type: expr.type, expr, span: d.name.span, ...(note !== undefined ? { note } : {}) };
  }

  private resolveAccumulator(d: A.AccumulatorDecl): AccumulatorSym {
    const cit = this.citation(d.meta);
    const keys: string[] = [];
    for (const k of d.keys) {
      if (!(KEY_FIELDS as readonly string[]).includes(k.name)) {
        const s = suggest(k.name, KEY_FIELDS);
        this.report(error('E102', k.span, `an accumulator can be kept by ${KEY_FIELDS.join(', ')}, not ${k.name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
      } else {
        keys.push(k.name);
      }
    }
    return { kind: 'accumulator', name: d.name.name, index: this.accCount++, keys, span: d.name.span, ...cit };
  }

  // ---------------------------------------------------------------- rules

  private checkRules(): void {
    /** Layers some earlier rule assigns, for W201. */
    const assignedBefore = new Set<LayerName>();
    this.ruleDecls.forEach((d, index) => {
      const rule = this.checkRule(d, index, assignedBefore);
      if (rule) this.rules.push(rule);
      for (const s of rule?.body ?? []) if (s.k === 'assign') assignedBefore.add(s.layer);
    });
  }

  private versionDate(lit: A.DateLiteral | undefined): string | undefined {
    if (!lit) return undefined;
    if (parseDate(lit.value) === undefined) {
      this.report(error('E208', lit.span, `${lit.value} is not a calendar date`));
      return undefined;
    }
    if (!this.versions.some((v) => v.date === lit.value)) {
      this.report(error('E403', lit.span, `${lit.value} is not a version of this policy; declare \`version ${lit.value}\` in the header (versions: ${this.versions.map((v) => v.date).join(', ')})`));
    }
    return lit.value;
  }

  private checkRule(d: A.RuleDecl, index: number, assignedBefore: ReadonlySet<LayerName>): RuleIR | undefined {
    const owner = `rule ${d.name.name}`;
    const cit = this.citation(d.meta);
    if (cit.cites.length === 0) {
      this.report(error('E301', d.name.span, `${owner} cites no clause; add cites "ID" after its name`));
    }
    const from = this.versionDate(d.from);
    const until = this.versionDate(d.until);
    if (from && until && until <= from) this.report(error('E403', d.until?.span ?? d.name.span, `${owner} ends (${until}) before it starts (${from})`));

    const locals = new Map<string, { slot: number; type: Type }>();
    const assignedHere = new Map<LayerName, Span>();
    const onLayerRead = (layer: LayerName, span: Span): void => {
      if (!assignedBefore.has(layer) && !assignedHere.has(layer) && layer !== 'patient') {
        this.report(warning('W201', span, `${owner} reads layer ${layer} before any rule assigns it, so it reads 0.00`));
      }
    };
    const scope: Scope = { context: 'rule', owner, locals, onLayerRead };
    const when = d.when ? this.exprs.resolve(d.when, scope) : undefined;
    if (when) this.exprs.expect(when, 'bool', `the condition of ${owner}`);

    const body: TStmt[] = [];
    for (const s of d.body) {
      switch (s.kind) {
        case 'let': {
          const expr = this.exprs.resolve(s.value, scope);
          const name = s.name.name;
          const clash = this.reservedWhat(name) ?? (this.entries.has(name) ? `a ${KIND_WORDS[(this.entries.get(name) as Entry).kind]}` : undefined);
          if (clash) {
            this.report(error('E104', s.name.span, `${name} is ${clash}; a let inside a rule needs a name of its own`));
            break;
          }
          if (locals.has(name)) {
            this.report(error('E104', s.name.span, `${name} is already bound in ${owner}`));
            break;
          }
          const slot = locals.size;
          locals.set(name, { slot, type: expr.type });
          body.push({ k: 'let', slot, name, expr, span: s.span });
          break;
        }
        case 'assign': {
          const expr = this.exprs.resolve(s.value, scope);
          const layer = this.assignTarget(s.target, owner, assignedHere);
          if (!layer) break;
          this.exprs.expect(expr, 'money', `layer ${layer}`);
          assignedHere.set(layer, s.target.span);
          body.push({ k: 'assign', layer, expr, span: s.span });
          break;
        }
        case 'add': {
          const expr = this.exprs.resolve(s.value, scope);
          const entry = this.entries.get(s.target.name);
          if (!entry || entry.kind !== 'accumulator' || !entry.sym) {
            const what = isLayer(s.target.name)
              ? `${s.target.name} is a layer: assign it with =`
              : entry
                ? `${s.target.name} is a ${KIND_WORDS[entry.kind]}, not an accumulator`
                : `${s.target.name} is not a declared accumulator`;
            const accs = [...this.entries.values()].filter((x) => x.kind === 'accumulator').map((x) => x.decl.name.name);
            const sug = entry ? undefined : suggest(s.target.name, accs);
            this.report(error('E108', s.target.span, `${what}${sug ? `; did you mean ${sug}?` : ''}`, sug ? { suggestion: sug } : {}));
            break;
          }
          entry.used = true;
          this.exprs.expect(expr, 'money', `accumulator ${s.target.name}`);
          body.push({ k: 'add', acc: entry.sym, expr, span: s.span });
          break;
        }
        case 'flag': {
          const w = s.when ? this.exprs.resolve(s.when, scope) : undefined;
          if (w) this.exprs.expect(w, 'bool', 'the condition of a flag');
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
      ...(from ? { from } : {}),
      ...(until ? { until } : {}),
      ...(when ? { when } : {}),
      ...cit,
    };
  }

  private assignTarget(target: A.Ident, owner: string, assignedHere: ReadonlyMap<LayerName, Span>): LayerName | undefined {
    const name = target.name;
    if (!isLayer(name)) {
      const entry = this.entries.get(name);
      const hint = entry?.kind === 'accumulator' ? `; ${name} is an accumulator: add to it with +=` : '';
      const s = hint ? undefined : suggest(name, LAYERS);
      this.report(
        error('E103', target.span, `unknown layer ${name}${s ? `; did you mean ${s}?` : ''}${hint} (layers: ${LAYERS.join(', ')})`, s ? { suggestion: s } : {}),
      );
      return undefined;
    }
    if (name === 'patient') {
      this.report(error('E107', target.span, 'patient is what remains after the other layers; it cannot be assigned'));
      return undefined;
    }
    if (!this.declaredLayers.has(name)) {
      this.report(error('E106', target.span, `layer ${name} is not among the layers declared in the policy header`));
      return undefined;
    }
    const first = assignedHere.get(name);
    if (first) {
      this.report(error('E105', target.span, `${owner} assigns layer ${name} twice`, { related: [{ span: first, message: 'first assigned here' }] }));
      return undefined;
    }
    return name;
  }

  // ---------------------------------------------------------------- warnings

  private checkUnused(): void {
    for (const e of this.entries.values()) {
      if (!e.used) {
        this.report(warning('W202', e.decl.name.span, `${KIND_WORDS[e.kind]} ${e.decl.name.name} is declared but never used`));
      }
    }
  }

  // ---------------------------------------------------------------- result

  private result(): ResolvedPolicy {
    const header = this.header as A.PolicyDecl;
    const pick = <K extends Entry['kind']>(kind: K) =>
      [...this.entries.values()].filter((e) => e.kind === kind).map((e) => e.sym) as NonNullable<Extract<Entry, { kind: K }>['sym']>[];
    return {
      name: header.name.name,
      title: header.title?.value ?? header.name.name,
      document: header.document?.value ?? '',
      versions: this.versions,
      layers: LAYERS.filter((l) => this.declaredLayers.has(l)),
      clauses: this.clauses,
      params: pick('param'),
      tables: pick('table'),
      sets: pick('set'),
      lets: pick('let').sort((a, b) => a.index - b.index),
      accumulators: pick('accumulator').sort((a, b) => a.index - b.index),
      rules: this.rules,
      files: this.files,
    };
  }
}
