import {
  Decimal,
  LAYERS,
  ZERO,
  formatMoney,
  type Constant,
  type LayerName,
  type ParamSym,
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
import { ClaimContext, LAYER_INDEX } from '../runtime/context.js';
import { SettlementError } from '../runtime/errors.js';
import type { RuleTrace, TraceStep } from '../trace.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { TraceCompiler, compileRule, notAppliedTrace, type CompiledRule } from './compile-rule.js';
import { SourceText } from './trace-info.js';
import type { SettledClaim } from './settled-claim.js';

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
 * One version of a policy, compiled: parameter values fixed, rules filtered by their
 * effective dates, every expression a closure. Settling a claim runs the closures in order.
 */
export class CompiledVersion {
  readonly date: string;
  readonly day: number;
  /** The rules in force in this version, in order. */
  readonly rulesInForce: readonly RuleIR[];
  private readonly rules: CompiledRule[];
  private readonly ctx: ClaimContext;
  private readonly paramValues = new Map<ParamSym, Constant>();
  private readonly letFns: Fn[] = [];
  private readonly tracedLetFns: Fn[] = [];
  private tracedRules: CompiledRule[] | undefined;
  private readonly inForce: (r: { readonly from?: string; readonly until?: string }) => boolean;
  private readonly env: CompileEnv;

  constructor(
    private readonly policy: ResolvedPolicy,
    version: VersionInfo,
    private readonly source: SourceText,
  ) {
    this.date = version.date;
    this.day = version.day;
    const inForce = (r: { readonly from?: string; readonly until?: string }): boolean =>
      (r.from === undefined || r.from <= this.date) && (r.until === undefined || this.date < r.until);
    const env: CompileEnv = { paramValue: (p) => this.paramValue(p, env), letFns: this.letFns, active: inForce };
    this.env = env;
    for (const l of policy.lets) this.letFns[l.index] = compileExpr(l.expr, env);
    this.rulesInForce = policy.rules.filter(inForce);
    this.rules = this.rulesInForce.map((r) => compileRule(r, env, inForce));
    this.inForce = inForce;
    this.ctx = new ClaimContext(policy.accumulators.length, policy.lets.length);
  }

  /** A parameter's value in this version: the latest value dated on or before it. */
  private paramValue(p: ParamSym, env: CompileEnv): Constant {
    const cached = this.paramValues.get(p);
    if (cached !== undefined) return cached;
    let chosen = p.values[0];
    for (const v of p.values) if (v.from <= this.date) chosen = v;
    if (!chosen) throw new Error(`parameter ${p.name} has no value`);
    const value = compileExpr(chosen.expr, env)(undefined as unknown as ClaimContext) as Constant;
    this.paramValues.set(p, value);
    return value;
  }

  /** Whether a dated declaration (modifier, cap, rule) is in force in this version (for the fixed-point compiler). */
  active(r: { readonly from?: string; readonly until?: string }): boolean {
    return this.inForce(r);
  }

  /** A parameter read's value in this version (for the fixed-point compiler). */
  parameter(e: Extract<TExpr, { k: 'param' }>): Constant {
    return this.env.paramValue(e.param);
  }

  /** The value of an expression that reads nothing from a claim (table rows, for the fixed-point compiler). */
  constant(e: TExpr): unknown {
    return compileExpr(e, this.env)(undefined as unknown as ClaimContext);
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

  private propertyFns: { readonly ir: PropertyIR; readonly when?: Fn; readonly body: Fn }[] | undefined;

  /**
   * The declared properties in force in this version, on the claim `settle` (decimal.js) settled
   * last: whether each applies (its `when`) and holds. Layers read as the settlement left them,
   * `patient` as what remains; accumulators as they stood before the claim.
   */
  properties(): { readonly property: PropertyIR; readonly applies: boolean; readonly holds: boolean }[] {
    const fns = this.compiledProperties();
    const c = this.ctx;
    c.layers[LAYER_INDEX.patient] = c.remaining();
    try {
      return fns.map((p) => {
        const applies = p.when ? p.when(c) === true : true;
        return { property: p.ir, applies, holds: applies ? p.body(c) === true : true };
      });
    } finally {
      c.layers[LAYER_INDEX.patient] = ZERO;
    }
  }

  /** Whether a claim meets a property's `when` before any rule runs (for a claim the settlement rejected). */
  propertyApplies(name: string, claim: Claim, store: AccumulatorStore): boolean {
    const p = this.compiledProperties().find((x) => x.ir.name === name);
    if (!p) return false;
    const c = this.ctx;
    c.begin(claim, false);
    for (const a of this.policy.accumulators) c.acc[a.index] = store.get(a, claim);
    return p.when ? p.when(c) === true : true;
  }

  private compiledProperties(): { readonly ir: PropertyIR; readonly when?: Fn; readonly body: Fn }[] {
    this.propertyFns ??= this.policy.properties.filter(this.inForce).map((ir) => ({
      ir,
      body: compileExpr(ir.body, this.env),
      ...(ir.when ? { when: compileExpr(ir.when, this.env) } : {}),
    }));
    return this.propertyFns;
  }

  /** Settles one claim. Accumulators are read from the store and committed only on success. */
  settle(claim: Claim, store: AccumulatorStore, trace: boolean): SettledClaim {
    const c = this.ctx;
    c.begin(claim, trace);
    const accs = this.policy.accumulators;
    for (const a of accs) c.acc[a.index] = store.get(a, claim);
    for (const rule of trace ? this.traced() : this.rules) {
      c.rule = rule.ir.name;
      if (trace) {
        this.runTraced(rule, c);
        continue;
      }
      if (rule.when && !rule.when(c)) continue;
      for (const step of rule.steps) step(c);
    }
    c.rule = '';
    const patient = c.remaining();
    if (patient.isNegative()) {
      throw new SettlementError(`the layers exceed the invoice by ${formatMoney(patient.negated())}`);
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

  /** The rules compiled for tracing, built the first time a trace is asked for. */
  private traced(): CompiledRule[] {
    if (this.tracedRules) return this.tracedRules;
    const source = this.source;
    const env: CompileEnv = {
      paramValue: this.env.paramValue,
      letFns: this.tracedLetFns,
      active: this.env.active,
      logReads: { position: (span) => ({ ...source.location(span), column: source.column(span) }) },
    };
    for (const l of this.policy.lets) this.tracedLetFns[l.index] = compileExpr(l.expr, env);
    const tracer = new TraceCompiler(env, source);
    this.tracedRules = this.rulesInForce.map((r) => compileRule(r, env, this.inForce, tracer));
    return this.tracedRules;
  }

  private runTraced(rule: CompiledRule, c: ClaimContext): void {
    const ir = rule.ir;
    const base = {
      rule: ir.name,
      cites: this.source.clauses(ir),
      readings: ir.readings,
      at: this.source.location(ir.nameSpan),
      ...(rule.conditionText !== undefined ? { condition: rule.conditionText } : {}),
    };
    if (rule.when && !rule.when(c)) {
      c.ruleTraces?.push(notAppliedTrace(rule, c, base));
      return;
    }
    const steps: TraceStep[] = [];
    c.steps = steps;
    try {
      for (const step of rule.steps) step(c);
    } finally {
      c.steps = undefined;
      const node: RuleTrace = { ...base, applied: true, steps };
      c.ruleTraces?.push(node);
    }
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
