import { LAYERS, PAYING_LAYERS, type CapSym, type Constant, type LetSym, type ResolvedPolicy, type RuleIR, type Span, type TExpr, type TStmt, type TableSym } from '@policy/dsl';
import { LAYER_INDEX } from '../runtime/context.js';
import { POW10 } from '../runtime/scaled.js';
import { align, emitExpr, type Code, type ExprScope } from './emit-expr.js';
import { checkShape } from './ir-shape.js';
import { Unsupported } from './unsupported.js';

/** What the emitter needs from the decimal.js compilation of the same version (a CompiledVersion). */
export interface VersionSource {
  readonly date: string;
  /** The rules in force in this version, in order. */
  readonly rulesInForce: readonly RuleIR[];
  parameter(e: Extract<TExpr, { k: 'param' }>): Constant;
  constant(e: TExpr): unknown;
  /** Whether a dated modifier or cap is in force in this version. */
  active(r: { readonly from?: string; readonly until?: string }): boolean;
}

export interface EmittedVersion {
  /** The body of `new Function('V', 'E', 'OVERFLOW', 'NOFLAGS', source)`, which returns `settle(claim, A, D, O)`. */
  readonly source: string;
  /** Runtime values the source names V[i]. */
  readonly values: readonly unknown[];
  readonly tables: readonly TableSym[];
  readonly spans: readonly Span[];
  /** Per accumulator, the largest scale a `+=` adds at. */
  readonly addScales: readonly number[];
}

const PAYING = new Set(PAYING_LAYERS.map((l) => LAYER_INDEX[l]));
const FEN_LAYERS = LAYERS.length - 1; // patient is what remains

/**
 * One version as one JavaScript function over scaled integers (see emit-expr.ts): the rules in
 * order, each layer assignment rounded half-up to the fen and checked like ClaimContext.assign,
 * accumulator additions collected and handed back only when the claim settles.
 */
export function emitVersion(policy: ResolvedPolicy, src: VersionSource, accScales: readonly number[]): EmittedVersion {
  const e = new Emitter(policy, src, accScales);
  const body = e.rules();
  return { source: e.program(body), values: e.values, tables: e.tables, spans: e.spans, addScales: e.addScales };
}

class Emitter implements ExprScope {
  readonly values: unknown[] = [];
  readonly tables: TableSym[] = [];
  readonly spans: Span[] = [];
  readonly addScales: number[];
  private temps = 0;
  private readonly lets = new Map<LetSym, { name: string; scale?: number; code?: string }>();
  private locals = new Map<number, Code>();
  private localNames = new Set<string>();
  private rulePrefix = '';
  inLet = false;

  constructor(
    private readonly policy: ResolvedPolicy,
    private readonly src: VersionSource,
    private readonly accScales: readonly number[],
  ) {
    this.addScales = accScales.map(() => 0);
  }

  parameter(e: Extract<TExpr, { k: 'param' }>): Constant {
    checkShape('param', e.param);
    return this.src.parameter(e);
  }

  constant(e: TExpr): unknown {
    return this.src.constant(e);
  }

  active(r: { readonly from?: string; readonly until?: string }): boolean {
    return this.src.active(r);
  }

  value(v: unknown): string {
    this.values.push(v);
    return `V${this.values.length - 1}`;
  }

  temp(): string {
    return `t${this.temps++}`;
  }

  tableIndex(t: TableSym): number {
    const i = this.tables.indexOf(t);
    return i >= 0 ? i : this.tables.push(t) - 1;
  }

  spanIndex(e: TExpr): number {
    return this.spans.push(e.span) - 1;
  }

  accumulatorScale(index: number): number {
    const s = this.accScales[index];
    if (s === undefined) throw new Unsupported(`accumulator ${index}`);
    return s;
  }

  letRef(l: LetSym): Code {
    checkShape('let', l);
    let entry = this.lets.get(l);
    if (!entry) {
      entry = { name: `let${l.index}` };
      this.lets.set(l, entry);
      const outer = this.inLet;
      this.inLet = true;
      const code = emitExpr(l.expr, this);
      this.inLet = outer;
      entry.scale = code.scale;
      entry.code = code.js;
    } else if (entry.code === undefined) {
      throw new Unsupported(`let ${l.name} reads itself`);
    }
    return { js: `${entry.name}()`, ...(entry.scale !== undefined ? { scale: entry.scale } : {}) };
  }

  local(slot: number): Code {
    const c = this.locals.get(slot);
    if (!c) throw new Unsupported(`a local read before it is set (slot ${slot})`);
    return c;
  }

  rules(): string {
    const policy = this.policy;
    checkShape('policy', policy);
    policy.accumulators.forEach((a, i) => {
      checkShape('accumulator', a);
      if (a.index !== i) throw new Unsupported(`accumulator ${a.name} is not at its index`);
    });
    const out: string[] = [];
    for (const rule of this.src.rulesInForce) {
      checkShape('rule', rule);
      const index = policy.rules.indexOf(rule);
      if (index < 0) throw new Unsupported(`rule ${rule.name} is not in the policy`);
      this.locals = new Map();
      this.rulePrefix = `v${index}_`;
      const when = rule.when ? emitExpr(rule.when, this).js : 'true';
      const stmts = rule.body.map((s) => this.statement(s, index));
      out.push(`rule = ${index};`, `if (${when}) {`, ...stmts.map((s) => `  ${s}`), '}');
    }
    return out.join('\n  ');
  }

  private statement(s: TStmt, rule: number): string {
    checkShape(`stmt:${s.k}`, s);
    switch (s.k) {
      case 'let': {
        const code = emitExpr(s.expr, this);
        const name = `${this.rulePrefix}${s.slot}`;
        const before = this.locals.get(s.slot);
        if (before && before.scale !== code.scale) throw new Unsupported(`local ${s.name} changes scale`);
        this.locals.set(s.slot, { js: name, ...(code.scale !== undefined ? { scale: code.scale } : {}) });
        this.localNames.add(name);
        return `${name} = ${code.js};`;
      }
      case 'assign': {
        if (!Object.hasOwn(LAYER_INDEX, s.layer) || s.layer === 'patient') throw new Unsupported(`assignment to ${String(s.layer)}`);
        const k = LAYER_INDEX[s.layer];
        const code = emitExpr(s.expr, this);
        if (code.scale === undefined) throw new Unsupported(`layer ${s.layer} assigned a value that is not money`);
        const capped = this.caps(s.caps, code);
        const sc = capped.value.scale as number;
        const fen = sc <= 2 ? align(capped.value, 2) : `rh(${capped.value.js}, ${POW10[sc - 2]})`;
        return [
          ...capped.before,
          `x = ${fen}; if (x === 0) x = 0;`,
          `if (x < 0) throw E.negative(rule, ${k}, x);`,
          `if (B${k} !== -1) throw E.twice(${k}, B${k}, rule);`,
          `L${k} = x; B${k} = rule; S = ck(S + x);${PAYING.has(k) ? ' P = ck(P + x);' : ''}`,
          `if (S > T) throw E.over(rule, T, S);`,
          ...capped.after,
        ].join(' ');
      }
      case 'add': {
        checkShape('accumulator', s.acc);
        const i = s.acc.index;
        const code = emitExpr(s.expr, this);
        const sc = code.scale;
        if (sc === undefined) throw new Unsupported(`accumulator ${s.acc.name} added a value that is not money`);
        this.addScales[i] = Math.max(this.addScales[i] ?? 0, sc);
        const target = this.accumulatorScale(i);
        // A scale above the accumulator's makes the planner raise it and emit again.
        return `d${i} = ck(d${i} + ${sc <= target ? align(code, target) : code.js});`;
      }
      case 'flag': {
        const flag = this.value(Object.freeze({ rule: this.policy.rules[rule]?.name ?? '', message: s.message }));
        const push = `if (F === NOFLAGS) F = []; F.push(${flag});`;
        return s.when ? `if (${emitExpr(s.when, this).js}) { ${push} }` : push;
      }
      default:
        throw new Unsupported(`statement kind ${JSON.stringify((s as { k: unknown }).k)}`);
    }
  }

  /**
   * Yearly caps on an assignment, as compile-rule.ts's assignStep: the value first, then each cap
   * in force in order — its condition, its amount — holds the value to what the cap has left this
   * year, max(0, cap − accumulator as it stood before the claim); once the layer is assigned (in
   * whole fen), that amount is added to the accumulator of every cap whose condition held.
   */
  private caps(caps: readonly CapSym[], value: Code): { value: Code; before: string[]; after: string[] } {
    const active = caps.filter((cap) => {
      checkShape('cap', cap);
      checkShape('accumulator', cap.acc);
      return this.src.active(cap);
    });
    if (active.length === 0) return { value, before: [], after: [] };
    const parts = active.map((cap) => {
      const i = cap.acc.index;
      const when = cap.when ? emitExpr(cap.when, this).js : undefined;
      const limit = emitExpr(cap.amount, this);
      if (limit.scale === undefined) throw new Unsupported(`cap ${cap.name} is not an amount`);
      return { i, when, limit, used: { js: `a${i}`, scale: this.accumulatorScale(i) }, met: when ? this.temp() : undefined };
    });
    const s = Math.max(value.scale as number, ...parts.flatMap((p) => [p.limit.scale as number, p.used.scale as number]));
    const v = this.temp();
    const left = this.temp();
    const before = [`${v} = ${align(value, s)};`];
    for (const p of parts) {
      const hold = `${left} = Math.max(0, ck(${align(p.limit, s)} - ${align(p.used, s)})); if (${v} > ${left}) ${v} = ${left};`;
      before.push(p.met ? `${p.met} = ${p.when}; if (${p.met}) { ${hold} }` : hold);
    }
    const after = parts.map((p) => {
      this.addScales[p.i] = Math.max(this.addScales[p.i] ?? 0, 2);
      const target = this.accumulatorScale(p.i);
      // A scale under 2 makes the planner raise the accumulator's and emit again.
      const add = `d${p.i} = ck(d${p.i} + ${target >= 2 ? align({ js: 'x', scale: 2 }, target) : 'x'});`;
      return p.met ? `if (${p.met}) ${add}` : add;
    });
    return { value: { js: v, scale: s }, before, after };
  }

  program(rules: string): string {
    const accs = this.accScales.map((_, i) => i);
    const fenLayers = Array.from({ length: FEN_LAYERS }, (_, k) => k);
    const declared = new Set(this.policy.layers.map((l) => LAYER_INDEX[l]));
    const lets = [...this.lets.values()];
    const vars = [
      'c', 'T = 0', 'x = 0', 'rule = -1',
      ...accs.map((i) => `a${i} = 0`),
      ...lets.map((l) => `g${l.name} = false, x${l.name}`),
      ...Array.from({ length: this.temps }, (_, i) => `t${i}`),
    ];
    return [
      '"use strict";',
      'const MAX = 9007199254740991;',
      'function ck(x) { if (x > MAX || x < -MAX) throw OVERFLOW; return x; }',
      'function rh(x, d) { const r = x % d; const q = (x - r) / d; return 2 * (r < 0 ? -r : r) >= d ? (x < 0 ? q - 1 : q + 1) : q; }',
      'function cl(x, one) { return x < 0 ? 0 : x > one ? one : x; }',
      'function nn(x) { return x <= 0 ? 0 : x; }',
      'function dv(x, y) { if (x % y !== 0) throw OVERFLOW; return x / y; }',
      ...this.values.map((_, i) => `const V${i} = V[${i}];`),
      `let ${vars.join(', ')};`,
      ...lets.map((l) => `function ${l.name}() { if (g${l.name}) return x${l.name}; x${l.name} = ${l.code}; g${l.name} = true; return x${l.name}; }`),
      'return function settle(claim, A, D, O) {',
      '  c = claim; T = claim.totalFen; rule = -1;',
      ...accs.map((i) => `  a${i} = A[${i}];`),
      ...lets.map((l) => `  g${l.name} = false;`),
      `  let S = 0, P = 0, F = NOFLAGS${fenLayers.map((k) => `, L${k} = 0, B${k} = -1`).join('')}${accs.map((i) => `, d${i} = 0`).join('')};`,
      ...(this.localNames.size > 0 ? [`  let ${[...this.localNames].join(', ')};`] : []),
      `  ${rules}`,
      '  rule = -1;',
      '  const Q = T - S;',
      '  if (Q < 0) throw E.exceed(Q);',
      ...fenLayers.filter((k) => !declared.has(k)).map((k) => `  if (L${k} !== 0) throw E.undeclared(${k}, L${k});`),
      ...accs.map((i) => `  D[${i}] = d${i};`),
      '  O.flags = F;',
      `  return [${fenLayers.map((k) => `L${k}`).join(', ')}, Q];`,
      '};',
    ].join('\n');
  }
}
