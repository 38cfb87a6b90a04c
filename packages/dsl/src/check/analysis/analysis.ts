import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../source.js';
import type { LayerName } from '../../vocabulary.js';
import type { CapSym, ModifierSym, RuleIR, TableSym, TExpr, VersionInfo } from '../ir.js';
import type { VersionView } from './versions.js';

/** What the rule-interplay passes share (analyze.ts runs them). */

/** A `covers` declaration: every claim meeting the condition gets a rule assigning each layer. */
export interface CoversIR {
  readonly layers: readonly { readonly layer: LayerName; readonly span: Span }[];
  readonly when: TExpr;
  readonly span: Span;
}

export interface AnalysisInput {
  readonly rules: readonly RuleIR[];
  readonly modifiers: readonly ModifierSym[];
  readonly caps: readonly CapSym[];
  readonly versions: readonly VersionInfo[];
  readonly covers: readonly CoversIR[];
  /** Tables read anywhere but directly in a rule (lets, modifiers, caps, properties, kpis, …): their rows are not judged. */
  readonly tablesReadElsewhere?: ReadonlySet<TableSym>;
}

export interface Analysis extends AnalysisInput {
  readonly views: readonly VersionView[];
  report(d: Diagnostic): void;
}

/** The first statement of a rule assigning a layer. */
export function assignmentOf(r: RuleIR, layer: LayerName): Span | undefined {
  for (const s of r.body) if (s.k === 'assign' && s.layer === layer) return s.span;
  return undefined;
}

export function assignedLayers(r: RuleIR): LayerName[] {
  return r.body.flatMap((s) => (s.k === 'assign' ? [s.layer] : []));
}
