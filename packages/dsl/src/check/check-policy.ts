import { sortDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { ParsedFile } from '../syntax/parse.js';
import { headerOf, type PolicyUnit } from '../units.js';
import { LAYERS } from '../vocabulary.js';
import { CheckState } from './check-state.js';
import type { ResolvedPolicy } from './ir.js';
import { PASSES } from './passes/index.js';
import type { Entry } from './symbols.js';

/** How long one pass took (`policy check --metrics`). */
export interface PassMetric {
  readonly pass: string;
  readonly ms: number;
  /** False when the pass was skipped because the syntax is broken. */
  readonly ran: boolean;
}

export interface CheckResult {
  /** Present when there are no errors. */
  readonly policy?: ResolvedPolicy;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
  /** Per-pass timings, in the order the passes ran. */
  readonly metrics: readonly PassMetric[];
}

/**
 * AST → resolved policy. The checks run as the ordered list of registered passes
 * (check/passes/index.ts, as in OPA's compiler); each reports through the one diagnostic type,
 * and the resolved policy is returned only when none reported an error.
 */
export function checkPolicy(parsed: readonly ParsedFile[]): CheckResult {
  const header = headerOf(parsed);
  return checkUnit({ path: '.', id: '.', files: parsed, imports: [], diagnostics: [], ...(header ? { header } : {}) });
}

/** Checks a policy (or module) together with the bases it extends and imports. */
export function checkUnit(unit: PolicyUnit): CheckResult {
  const state = new CheckState(unit);
  const syntaxBroken = hasErrors(state.diagnostics);
  const metrics: PassMetric[] = [];
  for (const pass of PASSES) {
    const ran = !syntaxBroken || pass.runsOnBrokenSyntax;
    const started = performance.now();
    if (ran) pass.run(state);
    metrics.push({ pass: pass.name, ms: performance.now() - started, ran });
  }
  const diagnostics = sortDiagnostics(state.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, files: state.files, metrics };
  return { policy: resultOf(state), diagnostics, files: state.files, metrics };
}

function resultOf(state: CheckState): ResolvedPolicy {
  const header = state.header as A.PolicyDecl;
  const pick = <K extends Entry['kind']>(kind: K) =>
    [...state.entries.values()].filter((e) => e.kind === kind).map((e) => e.sym) as NonNullable<Extract<Entry, { kind: K }>['sym']>[];
  const caps = state.caps();
  const lets = [...pick('let'), ...state.baseLets.values()];
  return {
    name: header.name.name,
    module: header.module,
    title: header.title?.value ?? header.name.name,
    document: header.document?.value ?? '',
    versions: state.versions,
    layers: LAYERS.filter((l) => state.declaredLayers.has(l)),
    clauses: state.clauses,
    params: pick('param'),
    tables: pick('table'),
    sets: pick('set'),
    lets: lets.sort((a, b) => a.index - b.index),
    accumulators: [...pick('accumulator'), ...caps.map((c) => c.acc)].sort((a, b) => a.index - b.index),
    bands: pick('bands'),
    caps,
    modifiers: state.modifierSyms,
    rules: state.rules,
    properties: state.properties,
    audits: state.audits,
    kpis: state.kpis,
    premiums: state.premiums,
    files: state.files,
    bases: [...(header.extends ? [header.extends.value] : []), ...header.imports.map((i) => i.value)],
  };
}
