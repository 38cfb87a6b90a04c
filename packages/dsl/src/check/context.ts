import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../source.js';
import type { LayerName } from '../vocabulary.js';
import type { CapSym, ClauseInfo, VersionInfo } from './ir.js';
import type { ExprResolver } from './resolver.js';
import type { Entry } from './symbols.js';

/** What the checking passes share: the symbols found so far and where to report. */
export interface CheckContext {
  report(d: Diagnostic): void;
  readonly exprs: ExprResolver;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly declaredLayers: ReadonlySet<LayerName>;
  readonly versions: readonly VersionInfo[];
  readonly clauses: ReadonlyMap<string, ClauseInfo>;
  /** Resolves a global declaration on first use (cycles are E110). */
  resolveEntry(entry: Entry, at: Span): void;
  /** The next index of a let-binding or accumulator, in declaration order. */
  nextIndex(kind: 'let' | 'accumulator'): number;
  /** The yearly caps on a layer. */
  capsOn(layer: LayerName): readonly CapSym[];
}
