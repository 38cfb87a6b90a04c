import { ZERO, type PropertyIR, type ResolvedPolicy } from '@policy/dsl';
import type { Claim } from '../claim.js';
import type { AccumulatorStore } from '../runtime/accumulators.js';
import { LAYER_INDEX, type ClaimContext } from '../runtime/context.js';
import { compileExpr, type Fn } from './compile-expr.js';
import type { VersionValues } from './version-values.js';

interface CompiledProperty {
  readonly ir: PropertyIR;
  readonly when?: Fn;
  readonly body: Fn;
}

/** The declared properties in force in a version (`policy test` samples them), compiled on first use. */
export class VersionProperties {
  private compiled: CompiledProperty[] | undefined;

  constructor(
    private readonly policy: ResolvedPolicy,
    private readonly values: VersionValues,
    private readonly ctx: ClaimContext,
  ) {}

  /**
   * On the claim the version settled last (decimal.js): whether each property applies (its
   * `when`) and holds. Layers read as the settlement left them, `patient` as what remains;
   * accumulators as they stood before the claim.
   */
  evaluate(): { readonly property: PropertyIR; readonly applies: boolean; readonly holds: boolean }[] {
    const c = this.ctx;
    c.layers[LAYER_INDEX.patient] = c.remaining();
    try {
      return this.all().map((p) => {
        const applies = p.when ? p.when(c) === true : true;
        return { property: p.ir, applies, holds: applies ? p.body(c) === true : true };
      });
    } finally {
      c.layers[LAYER_INDEX.patient] = ZERO;
    }
  }

  /** Whether a claim meets a property's `when` before any rule runs (for a claim the settlement rejected). */
  applies(name: string, claim: Claim, store: AccumulatorStore): boolean {
    const p = this.all().find((x) => x.ir.name === name);
    if (!p) return false;
    const c = this.ctx;
    c.begin(claim, false);
    for (const a of this.policy.accumulators) c.acc[a.index] = store.get(a, claim);
    return p.when ? p.when(c) === true : true;
  }

  private all(): CompiledProperty[] {
    const env = this.values.env;
    this.compiled ??= this.policy.properties.filter((p) => this.values.inForce(p)).map((ir) => ({
      ir,
      body: compileExpr(ir.body, env),
      ...(ir.when ? { when: compileExpr(ir.when, env) } : {}),
    }));
    return this.compiled;
  }
}
