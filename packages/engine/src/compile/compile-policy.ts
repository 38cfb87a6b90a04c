import {
  Decimal,
  LAYERS,
  formatMoney,
  type Constant,
  type LayerName,
  type PropertyIR,
  type ResolvedPolicy,
  type RuleIR,
  type TExpr,
  type VersionInfo,
} from '@policy/dsl';
import type { Claim } from '../claim.js';
import { planFixed, type FixedPlan, type VersionEngine } from '../fixed/plan.js';
import type { FixedVersion } from '../fixed/fixed-version.js';
import type { AccumulatorStore } from '../runtime/accumulators.js';
import { ClaimContext } from '../runtime/context.js';
import { SettlementError, reason } from '../runtime/errors.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { compileRule, type CompiledRule } from './compile-rule.js';
import { SourceText } from './trace-info.js';
import type { SettledClaim } from './settled-claim.js';
import { TracedRules } from './traced-rules.js';
import { VersionProperties } from './version-properties.js';
import { VersionValues, type Dated } from './version-values.js';

export type { SettledClaim } from './settled-claim.js';

/**
 * Top-level lets whose values an output wants beside the layers (e.g. the deductible applied,
 * for the platform's act_pay_dedc): resolved once by name (CompiledPolicy.probe), read for each
 * claim before its settlement commits its accumulators.
 */
export interface LetProbe {
  readonly names: readonly string[];
  readonly indices: readonly number[];
  readonly types: readonly string[];
}

/**
 * One version of a policy, compiled: parameter values fixed (version-values.ts), rules filtered
 * by their effective dates, every expression a closure. Settling a claim runs the closures in
 * order; a traced settlement runs the traced compilation (traced-rules.ts) instead.
 */
export class CompiledVersion {
  readonly date: string;
  readonly day: number;
  /** The rules in force in this version, in order. */
  readonly rulesInForce: readonly RuleIR[];
  private readonly rules: CompiledRule[];
  private readonly ctx: ClaimContext;
  private readonly letFns: Fn[] = [];
  private readonly values: VersionValues;
  private readonly traced: TracedRules;
  private readonly declaredProperties: VersionProperties;

  constructor(
    private readonly policy: ResolvedPolicy,
    version: VersionInfo,
    source: SourceText,
  ) {
    this.date = version.date;
    this.day = version.day;
    this.values = new VersionValues(version.date, this.letFns);
    const env = this.values.env;
    for (const l of policy.lets) this.letFns[l.index] = compileExpr(l.expr, env);
    this.rulesInForce = policy.rules.filter((r) => this.values.inForce(r));
    this.rules = this.rulesInForce.map((r) => compileRule(r, env, (x) => this.values.inForce(x)));
    this.ctx = new ClaimContext(policy.accumulators.length, policy.lets.length);
    this.traced = new TracedRules(policy, this.rulesInForce, this.values, source);
    this.declaredProperties = new VersionProperties(policy, this.values, this.ctx);
  }

  /** How this version compiles an expression (its parameter values and lets), for the audit evaluator. */
  get compileEnv(): CompileEnv {
    return this.values.env;
  }

  /** Whether a dated declaration (modifier, cap, rule) is in force in this version (for the fixed-point compiler). */
  active(r: Dated): boolean {
    return this.values.inForce(r);
  }

  /** A parameter read's value in this version (for the fixed-point compiler). */
  parameter(e: Extract<TExpr, { k: 'param' }>): Constant {
    return this.values.paramValue(e.param);
  }

  /** The value of an expression that reads nothing from a claim (table rows, for the fixed-point compiler). */
  constant(e: TExpr): unknown {
    return this.values.constant(e);
  }

  /**
   * The values of top-level lets for a claim, as its settlement sees them: accumulators as they
   * stand before it. Top-level lets cannot read layers (E111), so they do not depend on when in
   * the settlement they are read. Call before settling the claim (which commits its additions).
   */
  probe(claim: Claim, store: AccumulatorStore, lets: readonly number[]): unknown[] {
    const c = this.ctx;
    c.begin(claim, false);
    for (const a of this.policy.accumulators) c.acc[a.index] = store.get(a, claim);
    return lets.map((i) => {
      if (c.letGen[i] === c.gen) return c.letValues[i];
      const v = (this.letFns[i] as Fn)(c);
      c.letValues[i] = v;
      c.letGen[i] = c.gen;
      return v;
    });
  }

  /** The declared properties in force, on the claim `settle` (decimal.js) settled last (version-properties.ts). */
  properties(): { readonly property: PropertyIR; readonly applies: boolean; readonly holds: boolean }[] {
    return this.declaredProperties.evaluate();
  }

  /** Whether a claim meets a property's `when` before any rule runs (for a claim the settlement rejected). */
  propertyApplies(name: string, claim: Claim, store: AccumulatorStore): boolean {
    return this.declaredProperties.applies(name, claim, store);
  }

  /** Settles one claim. Accumulators are read from the store and committed only on success. */
  settle(claim: Claim, store: AccumulatorStore, trace: boolean): SettledClaim {
    const c = this.ctx;
    c.begin(claim, trace);
    const accs = this.policy.accumulators;
    for (const a of accs) c.acc[a.index] = store.get(a, claim);
    for (const rule of trace ? this.traced.rules() : this.rules) {
      c.rule = rule.ir.name;
      if (trace) {
        this.traced.run(rule, c);
        continue;
      }
      if (rule.when && !rule.when(c)) continue;
      for (const step of rule.steps) step(c);
    }
    c.rule = '';
    const patient = c.remaining();
    if (patient.isNegative()) {
      throw new SettlementError(reason('engine.layers.over', { over: formatMoney(patient.negated()) }));
    }
    const layers = {} as Record<LayerName, Decimal>;
    LAYERS.forEach((l, i) => (layers[l] = c.layers[i] as Decimal));
    layers.patient = patient;
    for (const a of accs) store.add(a, claim, c.accAdd[a.index] as Decimal);
    const result: SettledClaim = {
      claim,
      policy: this.policy.name,
      version: this.date,
      layers,
      declaredLayers: this.policy.layers,
      flags: c.flags,
      ...(trace
        ? {
            trace: {
              version: this.date,
              rules: c.ruleTraces ?? [],
              patient: { amount: formatMoney(patient), formula: 'total − the other layers' },
              branches: [...(c.reads?.branches.values() ?? [])],
              tableRows: [...(c.reads?.rows.values() ?? [])],
            },
          }
        : {}),
    };
    return result;
  }
}

export interface CompileOptions {
  /**
   * `auto` (default): versions the fixed-point compiler can settle exactly are settled by it,
   * the others by decimal.js; `decimal`: decimal.js for every claim (the reference).
   */
  readonly engine?: 'auto' | 'decimal';
}

/** A policy compiled once: one evaluator per version, chosen by the claim's date (D5). */
export class CompiledPolicy {
  readonly name: string;
  readonly title: string;
  readonly layers: readonly LayerName[];
  readonly versions: readonly CompiledVersion[];
  private readonly fixed: FixedPlan;

  constructor(
    readonly resolved: ResolvedPolicy,
    options: CompileOptions = {},
  ) {
    this.name = resolved.name;
    this.title = resolved.title;
    this.layers = resolved.layers;
    const source = new SourceText(resolved);
    this.versions = resolved.versions.map((v) => new CompiledVersion(resolved, v, source));
    this.fixed = options.engine === 'decimal' ? decimalOnly(resolved, this.versions) : planFixed(resolved, this.versions);
  }

  /** The fixed-point code of a version, when it has one. */
  fixedFor(version: CompiledVersion): FixedVersion | undefined {
    return this.fixed.versions.get(version.date);
  }

  /** Which evaluator settles each version. */
  get engines(): readonly VersionEngine[] {
    return this.fixed.engines;
  }

  /** The scale of each accumulator's values in a store (see runtime/accumulators.ts). */
  get accumulatorScales(): readonly number[] {
    return this.fixed.scales;
  }

  /** The version in force on a day, or undefined before the first one. */
  versionFor(day: number): CompiledVersion | undefined {
    let chosen: CompiledVersion | undefined;
    for (const v of this.versions) if (v.day <= day) chosen = v;
    return chosen;
  }

  get firstVersion(): string {
    return this.versions[0]?.date ?? '';
  }

  /** Resolves top-level lets by name for SettleOptions.probe; undefined names are listed in the error. */
  probe(names: readonly string[]): LetProbe {
    const lets = this.resolved.lets;
    const indices = names.map((n) => {
      const l = lets.find((x) => x.name === n);
      if (!l) throw new UnknownLetError(n, lets.map((x) => x.name));
      return l.index;
    });
    const types = indices.map((i) => String(lets.find((x) => x.index === i)?.type ?? ''));
    return { names, indices, types };
  }
}

/** A let named from outside the policy (a mapping file) that the policy does not have. */
export class UnknownLetError extends Error {
  override readonly name = 'UnknownLetError';
  constructor(
    readonly letName: string,
    readonly known: readonly string[],
  ) {
    super(`${letName} is not a top-level let of this policy (its lets: ${known.length > 0 ? known.join(', ') : 'none'})`);
  }
}

function decimalOnly(resolved: ResolvedPolicy, versions: readonly CompiledVersion[]): FixedPlan {
  const engines = versions.map((v): VersionEngine => ({ date: v.date, engine: 'decimal', reason: 'decimal.js was asked for' }));
  return { versions: new Map(), engines, scales: resolved.accumulators.map(() => 0) };
}

export function compilePolicy(resolved: ResolvedPolicy, options: CompileOptions = {}): CompiledPolicy {
  return new CompiledPolicy(resolved, options);
}
