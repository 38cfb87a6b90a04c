import {
  BUILTINS,
  Decimal,
  ONE,
  ZERO,
  type AdjustmentIR,
  type BuiltinValue,
  type Constant,
  type ModifierSym,
  type ParamSym,
  type TExpr,
  type TableSym,
  type Type,
} from '@policy/dsl';
import { PLAIN_HOOKS, type ExprHooks } from './expr-hooks.js';
import type { Claim } from '../claim.js';
import type { ClaimContext } from '../runtime/context.js';
import { LAYER_INDEX } from '../runtime/context.js';
import { SettlementError, reason } from '../runtime/errors.js';

/**
 * Typed expressions → closures. Everything that can be decided once is decided here (which
 * operation, which field, which table row array); a closure does only the claim's work.
 *
 * Runtime values: money, ratios, points, plain numbers and days are Decimals; levels and
 * dates are JS integers; enums and text are strings; sets are JS Sets of strings/integers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fn = (c: ClaimContext) => any;

export interface CompileEnv {
  /** A parameter's value in the version being compiled. */
  paramValue(p: ParamSym): Constant;
  /** Compiled top-level lets, by index (filled before any claim runs). */
  readonly letFns: Fn[];
  /** Whether a modifier is in force in the version being compiled (its from/until). */
  active(m: ModifierSym): boolean;
  /** What the version wraps around `if`s and table lookups (expr-hooks.ts); default: nothing. */
  readonly hooks?: ExprHooks;
}

/** An adjustment in force, compiled. */
export interface CompiledAdjustment {
  readonly adjustment: AdjustmentIR;
  readonly when?: Fn;
  readonly amount: Fn;
}

export function compileAdjustments(adjustments: readonly AdjustmentIR[], env: CompileEnv): CompiledAdjustment[] {
  return adjustments
    .filter((a) => env.active(a.modifier))
    .map((a) => ({
      adjustment: a,
      amount: compileExpr(a.amount, env),
      ...(a.modifier.when ? { when: compileExpr(a.modifier.when, env) } : {}),
    }));
}

/** D1, D2: value × (product of the factors in force) + (sum of the amounts in force). */
function applyAdjustments(adjs: readonly CompiledAdjustment[], c: ClaimContext, value: Decimal): Decimal {
  let factor = ONE;
  let shift = ZERO;
  for (const a of adjs) {
    if (a.when && !a.when(c)) continue;
    const v = a.amount(c) as Decimal;
    switch (a.adjustment.op) {
      case '*':
        factor = factor.times(v);
        break;
      case '+':
        shift = shift.plus(v);
        break;
      default:
        shift = shift.minus(v);
    }
  }
  return value.times(factor).plus(shift);
}

/** Ratios stay within 0–100%, money at ≥ 0. */
function clampTo(type: Type): (v: Decimal) => Decimal {
  if (type === 'ratio') return clampRatio;
  if (type === 'money') return (v) => (v.isNegative() ? ZERO : v);
  return (v) => v;
}

function compileAdjusted(e: Extract<TExpr, { k: 'adjusted' }>, env: CompileEnv): Fn {
  const base = compileExpr(e.base, env);
  const adjs = compileAdjustments(e.adjustments, env);
  if (adjs.length === 0) return base;
  const clamp = clampTo(e.type);
  return (c) => clamp(applyAdjustments(adjs, c, base(c) as Decimal));
}

function compileBands(e: Extract<TExpr, { k: 'bands' }>, env: CompileEnv): Fn {
  const lower = e.lower ? compileExpr(e.lower, env) : undefined;
  const upper = compileExpr(e.upper, env);
  const rows = e.bands.rows;
  const adjs = compileAdjustments(e.adjustments, env);
  return (c) => {
    const lo = lower ? Decimal.max(ZERO, lower(c) as Decimal) : ZERO;
    const hi = Decimal.max(ZERO, upper(c) as Decimal);
    let sum = ZERO;
    if (!hi.greaterThan(lo)) return sum;
    for (const row of rows) {
      const from = Decimal.max(lo, row.lower);
      const to = row.upper ? Decimal.min(hi, row.upper) : hi;
      if (!to.greaterThan(from)) continue;
      const ratio = adjs.length === 0 ? row.ratio : clampRatio(applyAdjustments(adjs, c, row.ratio));
      sum = sum.plus(to.minus(from).times(ratio));
    }
    return sum;
  };
}

const DECIMAL_TYPES = new Set<Type>(['money', 'ratio', 'points', 'number', 'days']);
const isDecimalType = (t: Type): boolean => DECIMAL_TYPES.has(t);

const FIELD_READERS: Record<string, (c: Claim) => unknown> = {
  id: (c) => c.id,
  personId: (c) => c.personId,
  date: (c) => c.day,
  categories: (c) => c.categories,
  visit: (c) => c.visit,
  level: (c) => c.level,
  region: (c) => c.region,
  referral: (c) => c.referral,
  designated: (c) => c.designated,
  disaster: (c) => c.disaster,
  disease: (c) => c.disease,
  diagnoses: (c) => c.diagnoses,
  admitted: (c) => c.admitted,
  discharged: (c) => c.discharged,
  total: (c) => c.total,
  inCatalog: (c) => c.inCatalog,
  outOfCatalog: (c) => c.outOfCatalog,
  quota: (c) => c.quota,
  hospitalId: (c) => c.hospitalId,
  stay: (c) => new Decimal(c.stay),
  year: (c) => new Decimal(c.year),
};

function primitive(v: unknown): unknown {
  return v instanceof Decimal ? v.toNumber() : v;
}

/** Reads a value as a JS number (levels, dates, and Decimals compared with them). */
function numberFn(f: Fn, t: Type): Fn {
  return isDecimalType(t) ? (c) => (f(c) as Decimal).toNumber() : f;
}

function clampRatio(r: Decimal): Decimal {
  if (r.lessThan(0)) return ZERO;
  if (r.greaterThan(1)) return ONE;
  return r;
}

function tableLookup(table: TableSym, env: CompileEnv, key: Fn): Fn {
  return (env.hooks ?? PLAIN_HOOKS).tableRead(table, tableLookupPlain(table, env, key), key);
}

function tableLookupPlain(table: TableSym, env: CompileEnv, key: Fn): Fn {
  const otherwiseFn = table.otherwise ? compileExpr(table.otherwise, env) : undefined;
  const otherwise = otherwiseFn?.(undefined as unknown as ClaimContext) as unknown;
  const rows = new Map<string | number, unknown>();
  for (const row of table.rows) rows.set(row.key, compileExpr(row.value, env)(undefined as unknown as ClaimContext));
  if (table.keyType === 'level') {
    const byLevel = [0, 1, 2, 3].map((l) => (rows.has(l) ? rows.get(l) : otherwise));
    return (c) => {
      const v = byLevel[key(c) as number];
      if (v === undefined) throw new SettlementError(reason('engine.table.no-row', { table: table.name, by: table.by, key: String(key(c)) }), c.rule);
      return v;
    };
  }
  return (c) => {
    const k = key(c) as string;
    const v = rows.has(k) ? rows.get(k) : otherwise;
    if (v === undefined) {
      throw new SettlementError(reason('engine.table.no-row', { table: table.name, by: table.by, key: JSON.stringify(k) }), c.rule);
    }
    return v;
  };
}

export function compileExpr(e: TExpr, env: CompileEnv): Fn {
  switch (e.k) {
    case 'const': {
      const v = e.value;
      return () => v;
    }
    case 'param': {
      const v = env.paramValue(e.param);
      return () => v;
    }
    case 'field': {
      const read = FIELD_READERS[e.field];
      if (!read) throw new Error(`no reader for claim field ${e.field}`);
      return (c) => read(c.claim);
    }
    case 'state':
      return e.name === 'paid' ? (c) => c.paid : (c) => c.remaining();
    case 'layer': {
      if (e.layer === 'patient') return (c) => c.remaining();
      const i = LAYER_INDEX[e.layer];
      return (c) => c.layers[i];
    }
    case 'acc': {
      const i = e.acc.index;
      return (c) => c.acc[i];
    }
    case 'let': {
      const i = e.let.index;
      const fns = env.letFns;
      return (c) => {
        if (c.letGen[i] === c.gen) return c.letValues[i];
        const v = (fns[i] as Fn)(c);
        c.letValues[i] = v;
        c.letGen[i] = c.gen;
        return v;
      };
    }
    case 'local': {
      const slot = e.slot;
      return (c) => c.locals[slot];
    }
    case 'set': {
      const members = new Set(e.set.elements.map((x) => x.value));
      return () => members;
    }
    case 'index':
      return tableLookup(e.table, env, compileExpr(e.key, env));
    case 'neg': {
      const f = compileExpr(e.operand, env);
      return (c) => (f(c) as Decimal).negated();
    }
    case 'not': {
      const f = compileExpr(e.operand, env);
      return (c) => !f(c);
    }
    case 'binary':
      return compileBinary(e, env);
    case 'call':
      return compileCall(e, env);
    case 'if': {
      const cond = compileExpr(e.cond, env);
      const then = compileExpr(e.then, env);
      const els = compileExpr(e.else, env);
      return (env.hooks ?? PLAIN_HOOKS).ifExpr(e, cond, then, els);
    }
    case 'setLit': {
      const fns = e.elements.map((x) => compileExpr(x, env));
      if (e.elements.every((x) => x.k === 'const')) {
        const members = new Set(fns.map((f) => primitive(f(undefined as unknown as ClaimContext))));
        return () => members;
      }
      return (c) => new Set(fns.map((f) => primitive(f(c))));
    }
    case 'adjusted':
      return compileAdjusted(e, env);
    case 'bands':
      return compileBands(e, env);
    case 'error':
      throw new Error('cannot compile an expression with errors');
  }
}

function compileBinary(e: Extract<TExpr, { k: 'binary' }>, env: CompileEnv): Fn {
  const l = compileExpr(e.left, env);
  const r = compileExpr(e.right, env);
  const lt = e.left.type;
  const rt = e.right.type;
  switch (e.op) {
    case 'and':
      return (c) => l(c) && r(c);
    case 'or':
      return (c) => l(c) || r(c);
    case '??':
      return (c) => {
        const v = l(c);
        return v === undefined ? r(c) : v;
      };
    case '+':
      if (lt === 'date') return (c) => (l(c) as number) + (r(c) as Decimal).toNumber();
      if (e.clampRatio) return (c) => clampRatio((l(c) as Decimal).plus(r(c) as Decimal));
      return (c) => (l(c) as Decimal).plus(r(c) as Decimal);
    case '-':
      if (lt === 'date' && rt === 'date') return (c) => new Decimal((l(c) as number) - (r(c) as number));
      if (lt === 'date') return (c) => (l(c) as number) - (r(c) as Decimal).toNumber();
      if (e.clampRatio) return (c) => clampRatio((l(c) as Decimal).minus(r(c) as Decimal));
      return (c) => (l(c) as Decimal).minus(r(c) as Decimal);
    case '*':
    case 'of':
      return (c) => (l(c) as Decimal).times(r(c) as Decimal);
    case '/':
      return (c) => {
        const d = r(c) as Decimal;
        if (d.isZero()) throw new SettlementError(reason('engine.division-by-zero', { rule: c.rule }), c.rule, e.span);
        return (l(c) as Decimal).dividedBy(d);
      };
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=':
      return compileComparison(e.op, l, r, lt, rt);
    case 'in':
    case 'not in': {
      const key = isDecimalType(lt) ? (c: ClaimContext) => (l(c) as Decimal).toNumber() : l;
      const negate = e.op === 'not in';
      return (c) => (r(c) as Set<unknown>).has(key(c)) !== negate;
    }
    case 'above':
    case 'capped':
      throw new Error(`'${e.op}' is lowered by the checker and never reaches the engine`);
  }
}

function compileComparison(op: string, l: Fn, r: Fn, lt: Type, rt: Type): Fn {
  if (isDecimalType(lt) && isDecimalType(rt)) {
    switch (op) {
      case '<':
        return (c) => (l(c) as Decimal).lessThan(r(c) as Decimal);
      case '<=':
        return (c) => (l(c) as Decimal).lessThanOrEqualTo(r(c) as Decimal);
      case '>':
        return (c) => (l(c) as Decimal).greaterThan(r(c) as Decimal);
      case '>=':
        return (c) => (l(c) as Decimal).greaterThanOrEqualTo(r(c) as Decimal);
      case '==':
        return (c) => (l(c) as Decimal).equals(r(c) as Decimal);
      default:
        return (c) => !(l(c) as Decimal).equals(r(c) as Decimal);
    }
  }
  const ln = lt === 'level' || lt === 'date' || rt === 'level' || rt === 'date' ? numberFn(l, lt) : l;
  const rn = lt === 'level' || lt === 'date' || rt === 'level' || rt === 'date' ? numberFn(r, rt) : r;
  switch (op) {
    case '<':
      return (c) => ln(c) < rn(c);
    case '<=':
      return (c) => ln(c) <= rn(c);
    case '>':
      return (c) => ln(c) > rn(c);
    case '>=':
      return (c) => ln(c) >= rn(c);
    case '==':
      return (c) => ln(c) === rn(c);
    default:
      return (c) => ln(c) !== rn(c);
  }
}

function compileCall(e: Extract<TExpr, { k: 'call' }>, env: CompileEnv): Fn {
  const args = e.args.map((a) => compileExpr(a, env));
  const f = BUILTINS[e.fn].decimal;
  const [a, b] = args as [Fn, Fn];
  if (args.length === 1) return (c) => f([a(c) as BuiltinValue]);
  if (args.length === 2) return (c) => f([a(c) as BuiltinValue, b(c) as BuiltinValue]);
  return (c) => f(args.map((g) => g(c) as BuiltinValue));
}
