import { error, sortDiagnostics, hasErrors, warning, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDate } from '../dates.js';
import type { SourceFile, Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { ParsedFile } from '../syntax/parse.js';
import { CLAIM_FIELDS, FUNCTIONS, LAYERS, STATE_NAMES, isLayer, lookupEnumValue, type LayerName } from '../vocabulary.js';
import { citation } from './citation.js';
import type { CheckContext } from './context.js';
import { resolveAccumulator, resolveLet, resolveParam, resolveSet, resolveTable } from './declarations.js';
import type { ClauseInfo, ResolvedPolicy, RuleIR, VersionInfo } from './ir.js';
import { ExprResolver, type GlobalResolver } from './resolver.js';
import { checkRules } from './rules.js';
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
  return new PolicyChecker(parsed).run();
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
  private readonly ruleDecls: A.RuleDecl[] = [];
  private rules: RuleIR[] = [];
  private readonly counts = { let: 0, accumulator: 0 };

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
    ['rules', () => (this.rules = checkRules(this, this.ruleDecls))],
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

  nextIndex(kind: 'let' | 'accumulator'): number {
    return this.counts[kind]++;
  }

  report(d: Diagnostic): void {
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
      this.versions.push({ date: v.date.value, day, cites: citation(this, v.meta).cites, span: v.span });
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
      case 'let':
        entry.sym = resolveLet(this, entry.decl);
        break;
      case 'accumulator':
        entry.sym = resolveAccumulator(this, entry.decl);
        break;
    }
    entry.state = 2;
  }

  private resolveGlobals(): void {
    for (const entry of this.entries.values()) this.resolveEntry(entry, entry.decl.name.span);
  }

  // ---------------------------------------------------------------- rules

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
