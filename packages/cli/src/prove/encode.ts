import { Decimal, LAYERS, PAYING_LAYERS, enumValues, type AccumulatorSym, type AdjustmentIR, type LayerName, type LetSym, type ParamSym, type ResolvedPolicy, type TExpr } from '@policy/dsl';
import type { Arith, Bool } from 'z3-solver';
import { NotDecidable, Terms, type Term, type Z } from './terms.js';

/**
 * One version of a policy as constraints: the claim's fields and the accumulators before it as
 * unknowns, every rule in force run symbolically in order (its condition guards what it
 * assigns), each layer rounded half-up to the fen, and every way the engine rejects a claim (a
 * negative layer, a layer assigned twice, layers over the invoice, a table with no row, a
 * division by zero) collected in `rejected`. What the encoding cannot express exactly raises
 * NotDecidable, and the property is reported `unknown` with that reason.
 *
 * Why this file is long: it mirrors compile-expr.ts and compile-rule.ts node for node, and the
 * two are easiest to compare side by side when each is one file.
 */

type B = Bool<'main'> | boolean;

type Val =
  | { readonly k: 'num'; readonly t: Term }
  | { readonly k: 'bool'; readonly b: B }
  /** An enumerated or text claim field: an index into its domain. */
  | { readonly k: 'sym'; readonly domain: readonly string[]; readonly z: Arith<'main'> }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'set'; readonly items: readonly (string | number)[] }
  | { readonly k: 'cats' }
  | { readonly k: 'opt'; readonly present: B; readonly value: Val };

export interface VersionScope {
  readonly date: string;
  readonly day: number;
  readonly untilDay?: number;
  inForce(r: { readonly from?: string; readonly until?: string }): boolean;
}

export interface ClaimVars {
  readonly visit: Arith<'main'>;
  readonly region: Arith<'main'>;
  readonly referral: Arith<'main'>;
  readonly level: Arith<'main'>;
  readonly designated: Bool<'main'>;
  readonly disaster: Bool<'main'>;
  readonly cats: Record<string, Bool<'main'>>;
  readonly disease: Arith<'main'>;
  readonly hospitalId: Arith<'main'>;
  readonly day: Arith<'main'>;
  readonly stay: Arith<'main'>;
  readonly total: Arith<'main'>;
  readonly inCatalog: Arith<'main'>;
  readonly quota: Arith<'main'>;
  readonly quotaPresent: Bool<'main'>;
  readonly accs: Map<AccumulatorSym, Arith<'main'>>;
}

export class Encoder {
  readonly terms: Terms;
  readonly vars: ClaimVars;
  readonly domain: Bool<'main'>[] = [];
  private rejects: B[] = [];
  private readonly lets = new Map<LetSym, { val: Val; err: B }>();
  private readonly params = new Map<ParamSym, Val>();
  readonly enums: Record<'visit' | 'region' | 'referral', readonly string[]>;

  constructor(
    readonly z: Z,
    private readonly policy: ResolvedPolicy,
    private readonly version: VersionScope,
    readonly texts: readonly string[],
  ) {
    this.terms = new Terms(z);
    this.enums = { visit: enumValues('visit'), region: enumValues('region'), referral: enumValues('referral') };
    const int = (n: string) => z.Int.const(n);
    const cats: Record<string, Bool<'main'>> = {};
    for (const c of enumValues('category')) cats[c] = z.Bool.const(`cat_${c}`);
    const accs = new Map<AccumulatorSym, Arith<'main'>>();
    policy.accumulators.forEach((a, i) => accs.set(a, int(`acc${i}`)));
    this.vars = {
      visit: int('visit'),
      region: int('region'),
      referral: int('referral'),
      level: int('level'),
      designated: z.Bool.const('designated'),
      disaster: z.Bool.const('disaster'),
      cats,
      disease: int('disease'),
      hospitalId: int('hospitalId'),
      day: int('day'),
      stay: int('stay'),
      total: int('total'),
      inCatalog: int('inCatalog'),
      quota: int('quota'),
      quotaPresent: z.Bool.const('quotaPresent'),
      accs,
    };
    const v = this.vars;
    const range = (x: Arith<'main'>, lo: number, hi: number) => this.domain.push(x.ge(lo), x.le(hi));
    range(v.visit, 0, this.enums.visit.length - 1);
    range(v.region, 0, this.enums.region.length - 1);
    range(v.referral, 0, this.enums.referral.length - 1);
    range(v.level, 0, 3);
    range(v.disease, 0, texts.length - 1);
    range(v.hospitalId, 0, texts.length - 1);
    range(v.stay, 0, 3650);
    this.domain.push(v.day.ge(version.day), v.day.lt(version.untilDay ?? version.day + 3650));
    // Amounts in whole fen, an in-catalogue part of the total; up to 10^12 fen (10 billion yuan).
    this.domain.push(v.total.ge(0), v.total.le(1e12), v.inCatalog.ge(0), v.inCatalog.le(v.total), v.quota.ge(0), v.quota.le(1e12));
    for (const a of accs.values()) this.domain.push(a.ge(0), a.le(1e12));
  }

  /** Settles symbolically; returns the layers as the settlement leaves them and whether it is rejected. */
  settle(): { layers: Record<LayerName, Term>; rejected: B } {
    const T = this.terms;
    const layers = Object.fromEntries(LAYERS.map((l) => [l, T.num(0)])) as Record<LayerName, Term>;
    const assigned = Object.fromEntries(LAYERS.map((l) => [l, false as B])) as Record<LayerName, B>;
    this.layers = layers;
    for (const rule of this.policy.rules) {
      if (!this.version.inForce(rule)) continue;
      const applies = rule.when ? this.bool(this.eval(rule.when, true)) : true;
      if (applies === false) continue;
      const locals: Val[] = [];
      this.locals = locals;
      for (const s of rule.body) {
        if (s.k === 'let') locals[s.slot] = this.eval(s.expr, applies);
        if (s.k !== 'assign') continue;
        let v = this.num(this.eval(s.expr, applies));
        for (const cap of s.caps) {
          if (!this.version.inForce(cap)) continue;
          const w = cap.when ? this.bool(this.eval(cap.when, applies)) : true;
          const used = this.acc(cap.acc);
          const left = T.max(T.num(0), T.sub(this.num(this.eval(cap.amount, applies)), used));
          v = T.ite(w, T.min(v, left), v);
        }
        const amount = T.roundHalfUp(v);
        this.reject(and(this.z, applies, T.cmp('<', amount, T.num(0))));
        this.reject(and(this.z, applies, assigned[s.layer]));
        const others = LAYERS.filter((l) => l !== s.layer).reduce((acc, l) => T.add(acc, layers[l]), T.num(0));
        this.reject(and(this.z, applies, T.cmp('>', T.add(others, amount), this.num(this.field('total')))));
        layers[s.layer] = T.ite(applies, amount, layers[s.layer]);
        assigned[s.layer] = or(this.z, assigned[s.layer], applies);
      }
      this.locals = [];
    }
    const sum = LAYERS.filter((l) => l !== 'patient').reduce((acc, l) => T.add(acc, layers[l]), T.num(0));
    layers.patient = T.sub(T.int(this.vars.total), sum);
    return { layers, rejected: this.rejected() };
  }

  rejected(): B {
    return this.rejects.reduce<B>((a, b) => or(this.z, a, b), false);
  }

  /** A condition over the claim and the final layers (a property's `when` or body), with its own errors. */
  condition(e: TExpr | undefined): { b: B; err: B } {
    if (!e) return { b: true, err: false };
    const saved = this.rejects;
    this.rejects = [];
    const b = this.bool(this.eval(e, true));
    const err = this.rejected();
    this.rejects = saved;
    return { b, err };
  }

  private layers: Record<LayerName, Term> | undefined;
  private locals: Val[] = [];

  private reject(b: B): void {
    if (b !== false) this.rejects.push(b);
  }

  private acc(a: AccumulatorSym): Term {
    const v = this.vars.accs.get(a);
    if (!v) throw new NotDecidable(`accumulator ${a.name} is unknown to the prover`);
    return this.terms.int(v);
  }

  num(v: Val): Term {
    if (v.k === 'num') return v.t;
    throw new NotDecidable(`expected a number, got ${v.k}`);
  }

  bool(v: Val): B {
    if (v.k === 'bool') return v.b;
    throw new NotDecidable(`expected a condition, got ${v.k}`);
  }

  private field(name: string): Val {
    const v = this.vars;
    const real = (x: Arith<'main'>): Val => ({ k: 'num', t: this.terms.int(x) });
    switch (name) {
      case 'visit':
      case 'region':
      case 'referral':
        return { k: 'sym', domain: this.enums[name], z: v[name] };
      case 'disease':
      case 'hospitalId':
        return { k: 'sym', domain: this.texts, z: v[name] };
      case 'level':
        return real(v.level);
      case 'designated':
        return { k: 'bool', b: v.designated };
      case 'disaster':
        return { k: 'bool', b: v.disaster };
      case 'categories':
        return { k: 'cats' };
      case 'date':
        return real(v.day);
      case 'stay':
        return real(v.stay);
      case 'total':
        return real(v.total);
      case 'inCatalog':
        return real(v.inCatalog);
      case 'outOfCatalog':
        return { k: 'num', t: this.terms.sub(this.terms.int(v.total), this.terms.int(v.inCatalog)) };
      case 'quota':
        return { k: 'opt', present: v.quotaPresent, value: real(v.quota) };
      default:
        throw new NotDecidable(`the claim field ${name} is outside what the prover models`);
    }
  }

  private param(p: ParamSym): Val {
    const cached = this.params.get(p);
    if (cached) return cached;
    let chosen = p.values[0];
    for (const x of p.values) if (x.from <= this.version.date) chosen = x;
    if (!chosen) throw new NotDecidable(`parameter ${p.name} has no value`);
    const v = this.eval(chosen.expr, true);
    this.params.set(p, v);
    return v;
  }

  private letValue(l: LetSym, guard: B): Val {
    let m = this.lets.get(l);
    if (!m) {
      const saved = this.rejects;
      this.rejects = [];
      const val = this.eval(l.expr, true);
      m = { val, err: this.rejected() };
      this.rejects = saved;
      this.lets.set(l, m);
    }
    this.reject(and(this.z, guard, m.err));
    return m.val;
  }

  eval(e: TExpr, guard: B): Val {
    const T = this.terms;
    switch (e.k) {
      case 'const':
        return this.constant(e.value, e.type);
      case 'param':
        return this.param(e.param);
      case 'field':
        return this.field(e.field);
      case 'acc':
        return { k: 'num', t: this.acc(e.acc) };
      case 'let':
        return this.letValue(e.let, guard);
      case 'local': {
        const v = this.locals[e.slot];
        if (!v) throw new NotDecidable(`local ${e.name} read before it is bound`);
        return v;
      }
      case 'layer':
        return { k: 'num', t: this.layers?.[e.layer] ?? T.num(0) };
      case 'state': {
        const ls = this.layers;
        if (!ls) return { k: 'num', t: T.num(0) };
        const pick = e.name === 'paid' ? PAYING_LAYERS : LAYERS.filter((l) => l !== 'patient');
        const sum = pick.reduce((acc, l) => T.add(acc, ls[l]), T.num(0));
        return { k: 'num', t: e.name === 'paid' ? sum : T.sub(this.num(this.field('total')), sum) };
      }
      case 'set':
        return { k: 'set', items: e.set.elements.map((x) => x.value) };
      case 'setLit': {
        const items = e.elements.map((x) => this.eval(x, guard));
        return { k: 'set', items: items.map((x) => constKey(x)) };
      }
      case 'index':
        return this.index(e, guard);
      case 'neg':
        return { k: 'num', t: T.neg(this.num(this.eval(e.operand, guard))) };
      case 'not':
        return { k: 'bool', b: not(this.z, this.bool(this.eval(e.operand, guard))) };
      case 'if': {
        const c = this.bool(this.eval(e.cond, guard));
        const a = this.eval(e.then, and(this.z, guard, c));
        const b = this.eval(e.else, and(this.z, guard, not(this.z, c)));
        return this.choose(c, a, b);
      }
      case 'binary':
        return this.binary(e, guard);
      case 'call':
        return this.call(e, guard);
      case 'adjusted':
        return this.adjusted(this.eval(e.base, guard), e.adjustments, e.type, guard);
      case 'bands':
        return this.bands(e, guard);
      default:
        throw new NotDecidable(`an expression the prover does not model (${e.k})`);
    }
  }

  private constant(v: unknown, type: unknown): Val {
    if (v instanceof Decimal) return { k: 'num', t: this.terms.num(type === 'money' ? v.times(100) : v) };
    if (typeof v === 'boolean') return { k: 'bool', b: v };
    if (typeof v === 'number') return { k: 'num', t: this.terms.num(v) };
    if (typeof v === 'string') return { k: 'str', v };
    if (v instanceof Set) return { k: 'set', items: [...(v as Set<string | number>)] };
    throw new NotDecidable('a constant the prover does not model');
  }

  private choose(c: B, a: Val, b: Val): Val {
    if (c === true) return a;
    if (c === false) return b;
    if (a.k === 'num' && b.k === 'num') return { k: 'num', t: this.terms.ite(c, a.t, b.t) };
    if (a.k === 'bool' && b.k === 'bool') return { k: 'bool', b: or(this.z, and(this.z, c, a.b), and(this.z, not(this.z, c), b.b)) };
    throw new NotDecidable(`an if … then … else of ${a.k} values`);
  }

  private index(e: Extract<TExpr, { k: 'index' }>, guard: B): Val {
    const key = this.eval(e.key, guard);
    const rows = e.table.rows;
    let result: Val | undefined = e.table.otherwise ? this.eval(e.table.otherwise, guard) : undefined;
    let matched: B = false;
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i];
      if (!r) continue;
      const hit = this.equals(key, this.constant(r.key, typeof r.key === 'number' ? 'level' : 'text'));
      const value = this.eval(r.value, guard);
      result = result ? this.choose(hit, value, result) : value;
      matched = or(this.z, matched, hit);
    }
    if (!e.table.otherwise) this.reject(and(this.z, guard, not(this.z, matched)));
    if (!result) throw new NotDecidable(`table ${e.table.name} has no rows`);
    return result;
  }

  /** D1, D2: value × (factors in force) + (amounts in force); ratios clamped to 0–100%, money at ≥ 0. */
  private adjusted(base: Val, adjustments: readonly AdjustmentIR[], type: unknown, guard: B): Val {
    const T = this.terms;
    const active = adjustments.filter((a) => this.version.inForce(a.modifier));
    if (active.length === 0) return base;
    let factor = T.num(1);
    let shift = T.num(0);
    for (const a of active) {
      const w = a.modifier.when ? this.bool(this.eval(a.modifier.when, guard)) : true;
      const amt = this.num(this.eval(a.amount, guard));
      if (a.op === '*') factor = T.ite(w, T.mul(factor, amt), factor);
      else shift = T.ite(w, a.op === '+' ? T.add(shift, amt) : T.sub(shift, amt), shift);
    }
    const v = T.add(T.mul(this.num(base), factor), shift);
    if (type === 'ratio') return { k: 'num', t: T.clamp(v, new Decimal(0), new Decimal(1)) };
    if (type === 'money') return { k: 'num', t: T.clamp(v, new Decimal(0)) };
    return { k: 'num', t: v };
  }

  private bands(e: Extract<TExpr, { k: 'bands' }>, guard: B): Val {
    const T = this.terms;
    const zero = T.num(0);
    const lo = e.lower ? T.max(zero, this.num(this.eval(e.lower, guard))) : zero;
    const hi = T.max(zero, this.num(this.eval(e.upper, guard)));
    let sum = zero;
    for (const row of e.bands.rows) {
      const from = T.max(lo, T.num(row.lower.times(100)));
      const to = row.upper ? T.min(hi, T.num(row.upper.times(100))) : hi;
      const part = T.max(zero, T.sub(to, from));
      const ratio = this.num(this.adjusted({ k: 'num', t: T.num(row.ratio) }, e.adjustments, 'ratio', guard));
      sum = T.add(sum, T.mul(part, ratio));
    }
    // B(a, b) is 0 when b ≤ a; the parts above are then all 0 as well.
    return { k: 'num', t: sum };
  }

  private binary(e: Extract<TExpr, { k: 'binary' }>, guard: B): Val {
    const T = this.terms;
    const z = this.z;
    if (e.op === 'and' || e.op === 'or') {
      const l = this.bool(this.eval(e.left, guard));
      const r = this.bool(this.eval(e.right, e.op === 'and' ? and(z, guard, l) : and(z, guard, not(z, l))));
      return { k: 'bool', b: e.op === 'and' ? and(z, l, r) : or(z, l, r) };
    }
    if (e.op === '??') {
      const l = this.eval(e.left, guard);
      if (l.k !== 'opt') return l;
      const r = this.eval(e.right, and(z, guard, not(z, l.present)));
      return this.choose(l.present, l.value, r);
    }
    const l = this.eval(e.left, guard);
    const r = this.eval(e.right, guard);
    switch (e.op) {
      case 'in':
      case 'not in': {
        const has = this.member(l, r);
        return { k: 'bool', b: e.op === 'in' ? has : not(z, has) };
      }
      case '==':
        return { k: 'bool', b: this.equals(l, r) };
      case '!=':
        return { k: 'bool', b: not(z, this.equals(l, r)) };
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { k: 'bool', b: T.cmp(e.op, this.num(l), this.num(r)) };
      case '+':
      case '-': {
        const v = e.op === '+' ? T.add(this.num(l), this.num(r)) : T.sub(this.num(l), this.num(r));
        return { k: 'num', t: e.clampRatio ? T.clamp(v, new Decimal(0), new Decimal(1)) : v };
      }
      case '*':
      case 'of':
        return { k: 'num', t: T.mul(this.num(l), this.num(r)) };
      case '/': {
        const d = this.num(r);
        this.reject(and(z, guard, T.cmp('==', d, T.num(0))));
        return { k: 'num', t: T.div(this.num(l), d) };
      }
      default:
        throw new NotDecidable(`the operator ${e.op}`);
    }
  }

  private call(e: Extract<TExpr, { k: 'call' }>, guard: B): Val {
    const T = this.terms;
    const args = e.args.map((a) => this.eval(a, guard));
    switch (e.fn) {
      case 'min':
      case 'max':
        return { k: 'num', t: args.map((a) => this.num(a)).reduce((x, y) => (e.fn === 'min' ? T.min(x, y) : T.max(x, y))) };
      case 'round_fen':
        return { k: 'num', t: T.roundHalfUp(this.num(args[0] as Val)) };
      case 'ends_with':
      case 'starts_with':
      case 'contains': {
        const [x, y] = args;
        if (y?.k !== 'str') throw new NotDecidable(`${e.fn} with a part that is not a constant`);
        const test = (s: string) => (e.fn === 'ends_with' ? s.endsWith(y.v) : e.fn === 'starts_with' ? s.startsWith(y.v) : s.includes(y.v));
        if (x?.k === 'str') return { k: 'bool', b: test(x.v) };
        if (x?.k !== 'sym') throw new NotDecidable(`${e.fn} of a value the prover does not model`);
        return { k: 'bool', b: this.anyIndex(x, (s) => test(s)) };
      }
      default:
        throw new NotDecidable(`the function ${e.fn}`);
    }
  }

  private anyIndex(x: Extract<Val, { k: 'sym' }>, test: (s: string) => boolean): B {
    const hits = x.domain.flatMap((s, i) => (test(s) ? [x.z.eq(i)] : []));
    return hits.length === 0 ? false : hits.length === 1 ? (hits[0] as Bool<'main'>) : this.z.Or(...hits);
  }

  private equals(l: Val, r: Val): B {
    const z = this.z;
    if (l.k === 'num' && r.k === 'num') return this.terms.cmp('==', l.t, r.t);
    if (l.k === 'bool' && r.k === 'bool') return typeof l.b === 'boolean' && typeof r.b === 'boolean' ? l.b === r.b : z.Eq(asBool(z, l.b), asBool(z, r.b));
    if (l.k === 'str' && r.k === 'str') return l.v === r.v;
    if (l.k === 'sym' && r.k === 'str') return this.anyIndex(l, (s) => s === r.v);
    if (l.k === 'str' && r.k === 'sym') return this.anyIndex(r, (s) => s === l.v);
    if (l.k === 'sym' && r.k === 'sym') return l.z.eq(r.z);
    throw new NotDecidable(`comparing ${l.k} with ${r.k}`);
  }

  private member(x: Val, set: Val): B {
    const z = this.z;
    if (set.k === 'cats') {
      if (x.k !== 'str') throw new NotDecidable('a category that is not a constant');
      const c = this.vars.cats[x.v];
      if (!c) throw new NotDecidable(`unknown category ${x.v}`);
      return c;
    }
    if (set.k !== 'set') throw new NotDecidable(`membership in ${set.k}`);
    const tests = set.items.map((m) => this.equals(x, this.constant(m, typeof m === 'number' ? 'level' : 'text')));
    return tests.reduce<B>((a, b) => or(z, a, b), false);
  }
}

function constKey(v: Val): string | number {
  if (v.k === 'str') return v.v;
  if (v.k === 'num' && v.t.t === 'const') return v.t.v.toNumber();
  throw new NotDecidable('a set whose members are not constants');
}

function asBool(z: Z, b: B): Bool<'main'> {
  return typeof b === 'boolean' ? z.Bool.val(b) : b;
}

export function and(z: Z, a: B, b: B): B {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return z.And(a, b);
}

export function or(z: Z, a: B, b: B): B {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  return z.Or(a, b);
}

export function not(z: Z, a: B): B {
  return typeof a === 'boolean' ? !a : z.Not(a);
}
