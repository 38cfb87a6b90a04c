import type { ResolvedPolicy, RuleIR } from '@policy/dsl';
import type { ClaimContext } from '../runtime/context.js';
import type { RuleTrace, TraceStep } from '../trace.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { TraceCompiler, compileRule, notAppliedTrace, type CompiledRule } from './compile-rule.js';
import { readLogging } from './expr-hooks.js';
import type { SourceText } from './trace-info.js';
import type { VersionValues } from './version-values.js';

/**
 * A version's rules compiled a second time, for tracing (built the first time a trace is asked
 * for): the read-logging hooks applied to every expression, steps that fill their formulas in,
 * and each rule run into a trace node — applied with its steps, or not applied with the part
 * of its condition that failed.
 */
export class TracedRules {
  private compiled: CompiledRule[] | undefined;
  private readonly letFns: Fn[] = [];

  constructor(
    private readonly policy: ResolvedPolicy,
    private readonly rulesInForce: readonly RuleIR[],
    private readonly values: VersionValues,
    private readonly source: SourceText,
  ) {}

  rules(): readonly CompiledRule[] {
    if (this.compiled) return this.compiled;
    const source = this.source;
    const env: CompileEnv = {
      paramValue: this.values.env.paramValue,
      letFns: this.letFns,
      active: this.values.env.active,
      hooks: readLogging((span) => ({ ...source.location(span), column: source.column(span) })),
    };
    for (const l of this.policy.lets) this.letFns[l.index] = compileExpr(l.expr, env);
    const tracer = new TraceCompiler(env, source);
    this.compiled = this.rulesInForce.map((r) => compileRule(r, env, (x) => this.values.inForce(x), tracer));
    return this.compiled;
  }

  /** Runs one traced rule on the claim, adding its node to the claim's trace. */
  run(rule: CompiledRule, c: ClaimContext): void {
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
