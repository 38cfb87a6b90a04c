import { Decimal, ONE, ZERO } from '../../money.js';
import { BUILTINS, type BuiltinValue } from '../../builtins.js';
import type { LetSym, ModifierSym, ParamSym, TExpr } from '../ir.js';
import type { VersionView } from './versions.js';

/**
 * Three-valued (Kleene) evaluation of conditions over a partly known claim. A value the
 * analysis does not know — a claim field not (yet) assigned, a layer, an amount that is not
 * compared with a constant — is UNKNOWN; `false and UNKNOWN` is false, `true or UNKNOWN` true.
 * So when a condition evaluates to true (false) under a partial claim, it is true (false) for
 * every claim that completes it: the search (search.ts) relies on this and on nothing else.
 */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Value = Decimal | boolean | string | number | ReadonlySet<string | number> | typeof UNKNOWN;

/** A (partial) claim: finite fields by name, `cat:NAME` for a category, `acc:NAME` for an accumulator before the claim. */
export type Assignment = ReadonlyMap<string, string | number | boolean | Decimal>;

export class Evaluator {
  private readonly params = new Map<ParamSym, Value>();
  private lets = new Map<LetSym, Value>();

  constructor(
    private readonly version: VersionView,
    /** Comparisons of an amount with a constant, evaluated on sampled amounts (search.ts). */
    private readonly sampled: ReadonlySet<TExpr>,
  ) {}

  /** Evaluates under one assignment (let values are remembered until the next call of `reset`). */
  reset(): void {
    this.lets = new Map();
  }

  eval(e: TExpr, a: Assignment, depth = 0): Value {
    if (depth > 200) return UNKNOWN;
    const d = depth + 1;
    switch (e.k) {
      case 'const':
        return e.value;
      case 'param':
        return this.param(e.param, a, d);
      case 'field':
        return this.field(e.field, a);
      case 'acc':
        return UNKNOWN; // only a sampled comparison reads an amount
      case 'let': {
        if (this.lets.has(e.let)) return this.lets.get(e.let) as Value;
        const v = this.eval(e.let.expr, a, d);
        this.lets.set(e.let, v);
        return v;
      }
      case 'set':
        return new Set(e.set.elements.map((x) => x.value));
      case 'setLit': {
        const vs = e.elements.map((x) => this.eval(x, a, d));
        if (vs.some((v) => v === UNKNOWN)) return UNKNOWN;
        return new Set(vs.map((v) => key(v)));
      }
      case 'index': {
        const k = this.eval(e.key, a, d);
        if (k === UNKNOWN) return UNKNOWN;
        const row = e.table.rows.find((r) => equal(r.key, k));
        const value = row ? row.value : e.table.otherwise;
        return value ? this.eval(value, a, d) : UNKNOWN;
      }
      case 'not': {
        const v = this.eval(e.operand, a, d);
        return typeof v === 'boolean' ? !v : UNKNOWN;
      }
      case 'neg': {
        const v = this.eval(e.operand, a, d);
        return v instanceof Decimal ? v.negated() : UNKNOWN;
      }
      case 'if': {
        const c = this.eval(e.cond, a, d);
        if (c === true) return this.eval(e.then, a, d);
        if (c === false) return this.eval(e.else, a, d);
        const t = this.eval(e.then, a, d);
        const f = this.eval(e.else, a, d);
        return t !== UNKNOWN && f !== UNKNOWN && equal(t, f) ? t : UNKNOWN;
      }
      case 'binary':
        return this.sampled.has(e) ? this.sampledCompare(e, a, d) : this.binary(e, a, d);
      case 'call':
        return this.call(e, a, d);
      case 'adjusted':
        return this.adjusted(e, a, d);
      default:
        return UNKNOWN; // layers, paid, remaining, locals, bands: amounts the analysis does not follow
    }
  }

  private param(p: ParamSym, a: Assignment, d: number): Value {
    if (this.params.has(p)) return this.params.get(p) as Value;
    const chosen = this.version.paramValue(p);
    const v = chosen ? this.eval(chosen, a, d) : UNKNOWN;
    this.params.set(p, v);
    return v;
  }

  private field(name: string, a: Assignment): Value {
    if (name === 'categories') {
      // Only a complete set is a value; `x in categories` is read member by member (binary).
      return UNKNOWN;
    }
    const v = a.get(name);
    if (v === undefined || v instanceof Decimal) return UNKNOWN;
    return v;
  }

  /** An amount (field or accumulator) compared with a constant: the sample decides. */
  private sampledCompare(e: Extract<TExpr, { k: 'binary' }>, a: Assignment, d: number): Value {
    const l = this.amount(e.left, a, d);
    const r = this.amount(e.right, a, d);
    if (l === undefined || r === undefined) return UNKNOWN;
    return compare(e.op, l, r);
  }

  private amount(e: TExpr, a: Assignment, d: number): Decimal | undefined {
    if (e.k === 'field' || e.k === 'acc') {
      const v = a.get(amountVar(e));
      return v instanceof Decimal ? v : typeof v === 'number' ? new Decimal(v) : undefined;
    }
    const v = this.eval(e, a, d);
    return v instanceof Decimal ? v : typeof v === 'number' ? new Decimal(v) : undefined;
  }

  private binary(e: Extract<TExpr, { k: 'binary' }>, a: Assignment, d: number): Value {
    if (e.op === 'and' || e.op === 'or') {
      const l = this.eval(e.left, a, d);
      if (e.op === 'and' && l === false) return false;
      if (e.op === 'or' && l === true) return true;
      const r = this.eval(e.right, a, d);
      if (e.op === 'and') return r === false ? false : l === true && r === true ? true : UNKNOWN;
      return r === true ? true : l === false && r === false ? false : UNKNOWN;
    }
    if ((e.op === 'in' || e.op === 'not in') && e.right.k === 'field' && e.right.field === 'categories') {
      const m = this.eval(e.left, a, d);
      if (typeof m !== 'string') return UNKNOWN;
      const v = a.get(`cat:${m}`);
      if (typeof v !== 'boolean') return UNKNOWN;
      return e.op === 'in' ? v : !v;
    }
    const l = this.eval(e.left, a, d);
    if (e.op === '??') return l; // the optional fields are never assigned: UNKNOWN
    const r = this.eval(e.right, a, d);
    if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
    switch (e.op) {
      case 'in':
      case 'not in': {
        if (!(r instanceof Set)) return UNKNOWN;
        const has = r.has(key(l)) || [...r].some((x) => equal(x, l));
        return e.op === 'in' ? has : !has;
      }
      case '==':
        return equal(l, r);
      case '!=':
        return !equal(l, r);
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const x = dec(l);
        const y = dec(r);
        return x && y ? compare(e.op, x, y) : UNKNOWN;
      }
      default: {
        const x = dec(l);
        const y = dec(r);
        if (!x || !y) return UNKNOWN;
        return arithmetic(e.op, x, y, e.clampRatio);
      }
    }
  }

  private call(e: Extract<TExpr, { k: 'call' }>, a: Assignment, d: number): Value {
    const args = e.args.map((x) => this.eval(x, a, d));
    if (args.some((v) => v === UNKNOWN)) return UNKNOWN;
    const b = BUILTINS[e.fn];
    if (b.signature.kind === 'same-numeric') {
      const ds = args.map(dec);
      return ds.every((v) => v !== undefined) ? (b.decimal(ds as Decimal[]) as Value) : UNKNOWN;
    }
    const want = b.signature.params;
    const typed = args.every((v, i) => (want[i] === 'text' ? typeof v === 'string' : v instanceof Decimal));
    return typed ? (b.decimal(args as BuiltinValue[]) as Value) : UNKNOWN;
  }

  /** A parameter or row under modifiers: known when no modifier in force can hold, else UNKNOWN. */
  private adjusted(e: Extract<TExpr, { k: 'adjusted' }>, a: Assignment, d: number): Value {
    for (const adj of e.adjustments) {
      if (!this.version.inForce(adj.modifier)) continue;
      const w = adj.modifier.when ? this.eval(adj.modifier.when, a, d) : true;
      if (w !== false) return UNKNOWN;
    }
    return this.eval(e.base, a, d);
  }

  /** A modifier's condition in this version (false when it is not in force). */
  modifierHolds(m: ModifierSym, a: Assignment): Value {
    if (!this.version.inForce(m)) return false;
    return m.when ? this.eval(m.when, a) : true;
  }
}

/** The assignment key of an amount read: `total`, `acc:NAME`. */
export function amountVar(e: TExpr): string {
  return e.k === 'acc' ? `acc:${e.acc.name}` : e.k === 'field' ? e.field : '';
}

function key(v: Value): string | number {
  if (v instanceof Decimal) return v.toNumber();
  return typeof v === 'string' || typeof v === 'number' ? v : String(v);
}

function dec(v: Value): Decimal | undefined {
  return v instanceof Decimal ? v : typeof v === 'number' ? new Decimal(v) : undefined;
}

export function equal(a: Value | string | number, b: Value | string | number): boolean {
  const x = dec(a);
  const y = dec(b);
  if (x && y) return x.eq(y);
  return a === b;
}

function compare(op: string, x: Decimal, y: Decimal): boolean {
  switch (op) {
    case '<':
      return x.lt(y);
    case '<=':
      return x.lte(y);
    case '>':
      return x.gt(y);
    case '>=':
      return x.gte(y);
    case '==':
      return x.eq(y);
    default:
      return !x.eq(y);
  }
}

function arithmetic(op: string, x: Decimal, y: Decimal, clamp: boolean): Value {
  let r: Decimal;
  switch (op) {
    case '+':
      r = x.plus(y);
      break;
    case '-':
      r = x.minus(y);
      break;
    case '*':
    case 'of':
      r = x.times(y);
      break;
    case '/':
      if (y.isZero()) return UNKNOWN;
      r = x.dividedBy(y);
      break;
    case 'above':
      return Decimal.max(ZERO, x.minus(y));
    case 'capped':
      return Decimal.min(x, Decimal.max(ZERO, y));
    default:
      return UNKNOWN;
  }
  return clamp ? Decimal.min(ONE, Decimal.max(ZERO, r)) : r;
}
