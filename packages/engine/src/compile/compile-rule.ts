import { Decimal, ZERO, formatMoney, type CapSym, type LetSym, type RuleIR, type TExpr } from '@policy/dsl';
import { LAYER_INDEX, type ClaimContext } from '../runtime/context.js';
import { SettlementError } from '../runtime/errors.js';
import type { LetExpansion, RuleTrace, TraceStep } from '../trace.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { compileFiller, newSink, type FillSink, type Filler } from './fill-formula.js';
import { formatValue } from './format-value.js';
import { SourceText, conjuncts, inputReaders, type InputReader } from './trace-info.js';

/**
 * One rule, compiled into closures. A version compiles its rules twice: untraced (what settles
 * claims; it builds no trace and reads no source text) and, the first time a trace is asked
 * for, traced (steps with formulas filled in, the part of a condition that failed, branches
 * and table rows for coverage).
 */

export type Step = (c: ClaimContext) => void;

/** A yearly cap the claim met, as a trace shows it. */
interface CapTrace {
  readonly name: string;
  readonly cap: string;
  readonly used: string;
  readonly left: string;
  readonly before: string;
}

/** Trace-only: one part of a condition (`a and b and c` has three), to name the one that failed. */
interface ConditionPart {
  readonly text: string;
  readonly test: Fn;
  readonly fill: Filler;
  readonly readers: readonly InputReader[];
  /** When the part is a let of the condition kind: the parts of its formula, to say why it failed. */
  readonly let?: { readonly name: string; readonly parts: readonly ConditionPart[] };
}

export interface CompiledRule {
  readonly ir: RuleIR;
  readonly when?: Fn;
  readonly steps: readonly Step[];
  readonly conditionParts: readonly ConditionPart[];
  readonly conditionText?: string;
}

/** What the traced compilation shares between rules: the source and each let's filler. */
export class TraceCompiler {
  private readonly lets = new Map<LetSym, { fill: Filler; read: Fn; formula: string; at: LetExpansion['at'] }>();

  constructor(
    readonly env: CompileEnv,
    readonly source: SourceText,
  ) {}

  /**
   * The lets a formula read, each expanded one level; rows they read go to the same sink, and so
   * do the rows of the lets those read, however deep (a rule reading 基本医保住院应付, which reads
   * 本次起付线 = 住院起付线[level], still shows the table row), without expanding them.
   */
  expandLets(c: ClaimContext, sink: FillSink): LetExpansion[] {
    const out: LetExpansion[] = [];
    const seen = new Set<LetSym>(sink.lets);
    for (const sym of [...sink.lets]) {
      const info = this.letInfo(sym);
      const inner: FillSink = { lets: new Set(), rows: sink.rows, ...(sink.adjusted ? { adjusted: sink.adjusted } : {}) };
      const filled = info.fill(c, inner);
      out.push({ name: sym.name, formula: info.formula, filled, value: formatValue(info.read(c), sym.type), at: info.at });
      this.nestedRows(c, inner.lets, sink, seen);
    }
    return out;
  }

  /** The table rows read by nested lets (each let once), into the sink. */
  private nestedRows(c: ClaimContext, lets: ReadonlySet<LetSym>, sink: FillSink, seen: Set<LetSym>): void {
    for (const sym of lets) {
      if (seen.has(sym)) continue;
      seen.add(sym);
      const inner: FillSink = { lets: new Set(), rows: sink.rows, ...(sink.adjusted ? { adjusted: sink.adjusted } : {}) };
      this.letInfo(sym).fill(c, inner);
      this.nestedRows(c, inner.lets, sink, seen);
    }
  }

  private letInfo(sym: LetSym): { fill: Filler; read: Fn; formula: string; at: LetExpansion['at'] } {
    let info = this.lets.get(sym);
    if (!info) {
      info = { fill: compileFiller(sym.expr, this.env, this.source), read: compileExpr({ k: 'let', let: sym, type: sym.type, span: sym.span }, this.env), formula: this.source.text(sym.expr.span), at: this.source.location(sym.span) };
      this.lets.set(sym, info);
    }
    return info;
  }

  conditionParts(e: TExpr, depth: number): ConditionPart[] {
    return conjuncts(e).map((p) => {
      const part = {
        text: this.source.text(p.span),
        test: compileExpr(p, this.env),
        fill: compileFiller(p, this.env, this.source),
        readers: inputReaders(p, this.env, this.source),
      };
      if (p.k !== 'let' || depth >= 3) return part;
      return { ...part, let: { name: p.let.name, parts: this.conditionParts(p.let.expr, depth + 1) } };
    });
  }
}

export function compileRule(ir: RuleIR, env: CompileEnv, inForce: (r: CapSym) => boolean, traced?: TraceCompiler): CompiledRule {
  const steps = ir.body.map((s): Step => {
    switch (s.k) {
      case 'let':
        return letStep(s, env, traced);
      case 'assign':
        return assignStep(s, env, inForce, traced);
      case 'add': {
        const i = s.acc.index;
        const name = s.acc.name;
        const value = compileExpr(s.expr, env);
        return (c) => {
          const v = value(c) as Decimal;
          c.accAdd[i] = (c.accAdd[i] as Decimal).plus(v);
          if (c.steps) {
            const before = c.acc[i] as Decimal;
            c.steps.push({
              kind: 'accumulator',
              name,
              before: formatValue(before, 'money'),
              add: formatValue(v, 'money'),
              after: formatValue(before.plus(c.accAdd[i] as Decimal), 'money'),
            });
          }
        };
      }
      case 'flag': {
        const when = s.when ? compileExpr(s.when, env) : undefined;
        const rule = ir.name;
        const message = s.message;
        return (c) => {
          if (when && !when(c)) return;
          c.flags.push({ rule, message });
          c.steps?.push({ kind: 'flag', message });
        };
      }
    }
  });
  const parts = traced && ir.when ? traced.conditionParts(ir.when, 0) : [];
  return {
    ir,
    steps,
    conditionParts: parts,
    ...(ir.when ? { when: compileExpr(ir.when, env) } : {}),
    ...(traced && ir.when ? { conditionText: traced.source.text(ir.when.span) } : {}),
  };
}

function letStep(s: Extract<RuleIR['body'][number], { k: 'let' }>, env: CompileEnv, traced?: TraceCompiler): Step {
  const slot = s.slot;
  const value = compileExpr(s.expr, env);
  if (!traced) {
    return (c) => {
      c.locals[slot] = value(c);
    };
  }
  const formula = traced.source.text(s.expr.span);
  const fill = compileFiller(s.expr, env, traced.source);
  const name = s.name;
  const type = s.expr.type;
  return (c) => {
    const v = value(c);
    c.locals[slot] = v;
    if (!c.steps) return;
    const sink = newSink();
    const filled = fill(c, sink);
    const rows = [...sink.rows.values()];
    c.steps.push({ kind: 'let', name, value: formatValue(v, type), formula, filled, ...(rows.length > 0 ? { rows } : {}) });
  };
}

function assignStep(
  s: Extract<RuleIR['body'][number], { k: 'assign' }>,
  env: CompileEnv,
  inForce: (r: CapSym) => boolean,
  traced?: TraceCompiler,
): Step {
  const index = LAYER_INDEX[s.layer];
  const layer = s.layer;
  const value = compileExpr(s.expr, env);
  const caps = s.caps.filter(inForce).map((cap) => ({
    cap,
    amount: compileExpr(cap.amount, env),
    ...(cap.when ? { when: compileExpr(cap.when, env) } : {}),
  }));
  // What a traced step shows besides the amount: read before the assignment changes `paid` and `remaining`.
  const explain = traced ? explainer(s, env, traced) : undefined;
  if (caps.length === 0) {
    if (!explain) return (c) => void c.assign(index, value(c) as Decimal);
    return (c) => {
      const v = value(c) as Decimal;
      const shown = c.steps && explain ? explain(c, v) : undefined;
      const amount = c.assign(index, v);
      if (shown) c.steps?.push({ kind: 'layer', layer, amount: formatMoney(amount), ...shown });
    };
  }
  // Yearly caps: the amount is held to what each cap in force has left this year, and what the
  // layer is given counts towards every cap whose condition the claim meets. The accumulators
  // of the caps a claim meets, reused from claim to claim (one at a time).
  const met: number[] = [];
  return (c) => {
    const computed = value(c) as Decimal;
    let v = computed;
    const capsShown: CapTrace[] | undefined = c.steps ? [] : undefined;
    met.length = 0;
    for (const k of caps) {
      if (k.when && !k.when(c)) continue;
      const limit = k.amount(c) as Decimal;
      const used = c.acc[k.cap.acc.index] as Decimal;
      const left = Decimal.max(ZERO, limit.minus(used));
      met.push(k.cap.acc.index);
      capsShown?.push({ name: k.cap.name, cap: formatMoney(limit), used: formatMoney(used), left: formatMoney(left), before: formatValue(computed, 'money') });
      if (v.greaterThan(left)) v = left;
    }
    const shown = c.steps && explain ? explain(c, computed) : undefined;
    const amount = c.assign(index, v);
    for (const i of met) c.accAdd[i] = (c.accAdd[i] as Decimal).plus(amount);
    if (shown) {
      c.steps?.push({ kind: 'layer', layer, amount: formatMoney(amount), ...shown, ...(capsShown && capsShown.length > 0 ? { caps: capsShown } : {}) });
    }
  };
}

type LayerExplanation = Omit<Extract<TraceStep, { kind: 'layer' }>, 'kind' | 'layer' | 'amount' | 'caps'>;

/** The formula of an assignment as a trace shows it: text, values read, numbers filled in, lets expanded. */
function explainer(s: Extract<RuleIR['body'][number], { k: 'assign' }>, env: CompileEnv, traced: TraceCompiler): (c: ClaimContext, value: Decimal) => LayerExplanation {
  const formula = traced.source.text(s.expr.span);
  const at = traced.source.location(s.span);
  const readers = inputReaders(s.expr, env, traced.source);
  const fill = compileFiller(s.expr, env, traced.source);
  return (c, value) => {
    const inputs = readInputs(readers, c);
    const sink = newSink();
    const filled = fill(c, sink);
    // Modifiers that moved a value inside the lets read (the formula's own are in inputs already).
    const inLets: FillSink = { ...sink, adjusted: new Map() };
    const lets = traced.expandLets(c, inLets);
    for (const [label, a] of inLets.adjusted ?? []) {
      if (inputs[`${label} adjusted`] !== undefined) continue;
      inputs[label] = a.value;
      inputs[`${label} adjusted`] = a.how;
    }
    const rows = [...sink.rows.values()];
    return {
      formula,
      inputs,
      at,
      filled,
      value: formatValue(value, 'money'),
      ...(lets.length > 0 ? { lets } : {}),
      ...(rows.length > 0 ? { rows } : {}),
    };
  };
}

/** The trace node of a rule whose condition failed: the first part that was false, and why. */
export function notAppliedTrace(rule: CompiledRule, c: ClaimContext, base: Omit<RuleTrace, 'applied' | 'steps'>): RuleTrace {
  const part = rule.conditionParts.find((p) => !p.test(c));
  if (!part) return { ...base, applied: false, failed: rule.conditionText ?? '', steps: [] };
  const inputs = readInputs(part.readers, c);
  const because: { let: string; failed: string; filled: string }[] = [];
  let p: ConditionPart | undefined = part;
  while (p?.let) {
    const inner: ConditionPart | undefined = p.let.parts.find((q) => !q.test(c));
    if (!inner) break;
    because.push({ let: p.let.name, failed: inner.text, filled: inner.fill(c, newSink()) });
    p = inner;
  }
  return {
    ...base,
    applied: false,
    failed: part.text,
    failedFilled: part.fill(c, newSink()),
    failedInputs: inputs,
    ...(because.length > 0 ? { failedBecause: because } : {}),
    steps: [],
  };
}

/**
 * The values a formula names, for the trace. A name may sit in a branch the claim did not take
 * (an `if`'s other side, whose table may have no row for this claim): reading it must not turn
 * an explanation into a rejection, so such a value is shown as not read.
 */
function readInputs(readers: readonly InputReader[], c: ClaimContext): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const r of readers) {
    try {
      inputs[r.label] = formatValue(r.read(c), r.type);
    } catch (e) {
      if (!(e instanceof SettlementError)) throw e;
      inputs[r.label] = '(not read)';
    }
  }
  return inputs;
}
