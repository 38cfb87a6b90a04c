import type { Constant, ParamSym, TExpr } from '@policy/dsl';
import type { ClaimContext } from '../runtime/context.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';

/** A dated declaration: a rule, modifier, cap or property with its from/until. */
export interface Dated {
  readonly from?: string;
  readonly until?: string;
}

/**
 * What one version fixes before any claim: each parameter's value on the version's date, which
 * dated declarations are in force, constants (table rows) evaluated once. The decimal.js
 * evaluator compiles against `env`; the fixed-point emitter asks `parameter`, `constant`,
 * `active` (its VersionSource).
 */
export class VersionValues {
  readonly env: CompileEnv;
  private readonly paramValues = new Map<ParamSym, Constant>();

  constructor(
    readonly date: string,
    letFns: Fn[],
  ) {
    const env: CompileEnv = { paramValue: (p) => this.paramValue(p), letFns, active: (r) => this.inForce(r) };
    this.env = env;
  }

  /** Whether a dated declaration is in force in this version (from ≤ date < until). */
  inForce(r: Dated): boolean {
    return (r.from === undefined || r.from <= this.date) && (r.until === undefined || this.date < r.until);
  }

  /** A parameter's value in this version: the latest value dated on or before it. */
  paramValue(p: ParamSym): Constant {
    const cached = this.paramValues.get(p);
    if (cached !== undefined) return cached;
    let chosen = p.values[0];
    for (const v of p.values) if (v.from <= this.date) chosen = v;
    if (!chosen) throw new Error(`parameter ${p.name} has no value`);
    const value = compileExpr(chosen.expr, this.env)(undefined as unknown as ClaimContext) as Constant;
    this.paramValues.set(p, value);
    return value;
  }

  /** The value of an expression that reads nothing from a claim (table rows). */
  constant(e: TExpr): unknown {
    return compileExpr(e, this.env)(undefined as unknown as ClaimContext);
  }
}
