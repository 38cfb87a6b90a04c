import type { Constant, LetSym, TExpr, TableSym } from '@policy/dsl';
import { MAX_SCALE, POW10 } from '../runtime/scaled.js';
import { Unsupported } from './unsupported.js';

/** The shapes the fixed-point emitters share (emit-expr.ts, emit-modifiers.ts, emit-version.ts). */

export interface Code {
  readonly js: string;
  /** The scale, for a number of the language; undefined for every other value. */
  readonly scale?: number;
}

/** What expressions need from the version being compiled. */
export interface ExprScope {
  /** A parameter's value in this version (decimal.js Constant). */
  parameter(e: Extract<TExpr, { k: 'param' }>): Constant;
  /** Whether a dated modifier is in force in the version being compiled. */
  active(r: { readonly from?: string; readonly until?: string }): boolean;
  /** Evaluates a constant expression (table rows) with the decimal.js compiler. */
  constant(e: TExpr): unknown;
  /** Registers a runtime value; returns its name in the generated source. */
  value(v: unknown): string;
  /** A fresh temporary variable. */
  temp(): string;
  /** The name and scale of a let's cached function, emitting it on first use. */
  letRef(l: LetSym): Code;
  /** A local of the rule being compiled. */
  local(slot: number): Code;
  /** The scale of an accumulator's values. */
  accumulatorScale(index: number): number;
  /** Index of a table in the error helper's list. */
  tableIndex(t: TableSym): number;
  /** Index of a span in the error helper's list. */
  spanIndex(e: TExpr): number;
  /** True while compiling a top-level let: it may not read layers, locals or the settlement state. */
  readonly inLet: boolean;
}

/** The expression emitter, handed to the modifier and band emitters (which it calls back). */
export type Emit = (e: TExpr, scope: ExprScope) => Code;

export function scaleOf(c: Code): number {
  if (c.scale === undefined) throw new Unsupported('a number without a scale');
  return c.scale;
}

/** `c` at a scale ≥ its own. */
export function align(c: Code, to: number): string {
  const s = scaleOf(c);
  if (s === to) return c.js;
  if (to > MAX_SCALE || to < s) throw new Unsupported(`scale ${to}`);
  const factor = POW10[to - s] as number;
  // A literal is aligned here, once: its product is exact while it is a safe integer.
  const literal = /^\(?(-?\d+)\)?$/.exec(c.js);
  if (literal && Number.isSafeInteger(Number(literal[1]) * factor)) {
    const n = Number(literal[1]) * factor;
    return n < 0 ? `(${n})` : String(n);
  }
  return `ck(${c.js} * ${factor})`;
}
