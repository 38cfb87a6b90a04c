import { Decimal } from '@policy/dsl';
import type { Arith, Bool, Context } from 'z3-solver';

/**
 * Numbers as the prover builds them: a known constant, a solver term, or a choice between two
 * (an `if`, a table row by level). Keeping choices apart until they meet a solver term keeps
 * `money × ratio[level]` linear: the product is pushed into each branch, where the ratio is a
 * constant. Every solver term is a whole-number expression over a constant denominator
 * (value = n / d): the queries are pure linear integer arithmetic, which z3 decides far better
 * than a mix of reals and integers. Money is in fen (a claim's amounts are whole fen); a layer is
 * rounded half-up to a whole fen when it is assigned, by a fresh whole number r with
 * 2d·r ≤ 2n + d < 2d·r + 2d — exactly floor(n/d + 1/2).
 */
export type Z = Context<'main'>;

type Int = Arith<'main'>;

export type Term =
  | { readonly t: 'const'; readonly v: Decimal }
  | { readonly t: 'z3'; readonly n: Int; readonly d: bigint }
  | { readonly t: 'ite'; readonly c: Bool<'main'>; readonly a: Term; readonly b: Term };

export class NotDecidable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotDecidable';
  }
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

function fraction(v: Decimal): [bigint, bigint] {
  const [n, d] = v.toFraction() as [Decimal, Decimal];
  return [BigInt(n.toFixed(0)), BigInt(d.toFixed(0))];
}

export class Terms {
  /** Set when a product of two unknowns had to be built (non-linear). */
  nonLinear = false;
  /** The definitions of the rounded amounts: asserted with the rest. */
  readonly rounded: Bool<'main'>[] = [];

  constructor(readonly z: Z) {}

  num(v: Decimal | number): Term {
    return { t: 'const', v: new Decimal(v) };
  }

  /** A whole-number solver value (an input in fen, a level, a day). */
  int(x: Int): Term {
    return { t: 'z3', n: x, d: 1n };
  }

  private ival(v: bigint): Int {
    return this.z.Int.val(v);
  }

  /** n / d with d a positive constant. */
  lower(x: Term): { n: Int; d: bigint } {
    switch (x.t) {
      case 'const': {
        const [n, d] = fraction(x.v);
        return { n: this.ival(n), d };
      }
      case 'z3':
        return { n: x.n, d: x.d };
      case 'ite': {
        const a = this.lower(x.a);
        const b = this.lower(x.b);
        const l = lcm(a.d, b.d);
        return { n: this.z.If(x.c, this.scale(a.n, l / a.d), this.scale(b.n, l / b.d)) as Int, d: l };
      }
    }
  }

  private scale(n: Int, k: bigint): Int {
    return k === 1n ? n : n.mul(this.ival(k));
  }

  /** Both sides over one denominator. */
  private common(x: Term, y: Term): { a: Int; b: Int; d: bigint } {
    const p = this.lower(x);
    const q = this.lower(y);
    const d = lcm(p.d, q.d);
    return { a: this.scale(p.n, d / p.d), b: this.scale(q.n, d / q.d), d };
  }

  ite(c: Bool<'main'> | boolean, a: Term, b: Term): Term {
    if (c === true) return a;
    if (c === false) return b;
    if (a.t === 'const' && b.t === 'const' && a.v.eq(b.v)) return a;
    return { t: 'ite', c, a, b };
  }

  private map2(x: Term, y: Term, f: (a: Term, b: Term) => Term): Term {
    if (x.t === 'ite' && y.t !== 'const') return this.ite(x.c, this.map2(x.a, y, f), this.map2(x.b, y, f));
    if (y.t === 'ite' && x.t !== 'const') return this.ite(y.c, this.map2(x, y.a, f), this.map2(x, y.b, f));
    if (x.t === 'ite') return this.ite(x.c, this.map2(x.a, y, f), this.map2(x.b, y, f));
    if (y.t === 'ite') return this.ite(y.c, this.map2(x, y.a, f), this.map2(x, y.b, f));
    return f(x, y);
  }

  /**
   * Two choices among constants (a ratio by level, adjusted by modifiers) combine branch by branch
   * into one choice among constants, so that a later product with an amount stays linear; up to
   * a limit on the branches, past which the solver gets the expression as it is.
   */
  private folds(x: Term, y: Term): boolean {
    return constTree(x) && constTree(y) && (x.t === 'ite' || y.t === 'ite') && leaves(x) * leaves(y) <= 256;
  }

  add(x: Term, y: Term): Term {
    if (x.t === 'const' && y.t === 'const') return this.num(x.v.plus(y.v));
    if (this.folds(x, y)) return this.map2(x, y, (a, b) => this.add(a, b));
    if (x.t === 'const' && x.v.isZero()) return y;
    if (y.t === 'const' && y.v.isZero()) return x;
    const { a, b, d } = this.common(x, y);
    return { t: 'z3', n: a.add(b), d };
  }

  sub(x: Term, y: Term): Term {
    if (x.t === 'const' && y.t === 'const') return this.num(x.v.minus(y.v));
    if (this.folds(x, y)) return this.map2(x, y, (a, b) => this.sub(a, b));
    if (y.t === 'const' && y.v.isZero()) return x;
    const { a, b, d } = this.common(x, y);
    return { t: 'z3', n: a.sub(b), d };
  }

  neg(x: Term): Term {
    return this.sub(this.num(0), x);
  }

  /** A solver term times a constant p/q: (n·p) / (d·q). */
  private times(x: Term, v: Decimal): Term {
    if (v.isZero()) return this.num(0);
    if (v.eq(1)) return x;
    if (x.t === 'const') return this.num(x.v.times(v));
    if (x.t === 'ite') return this.ite(x.c, this.times(x.a, v), this.times(x.b, v));
    const [p, q] = fraction(v);
    const d = x.d * q;
    const g = gcd(p, d);
    // Keep numbers small: divide out what p and the denominator share.
    return { t: 'z3', n: this.scale(x.n, p / g), d: d / g };
  }

  /** A product, linear when one side is a constant in every branch. */
  mul(x: Term, y: Term): Term {
    if (x.t === 'const') return this.times(y, x.v);
    if (y.t === 'const') return this.times(x, y.v);
    return this.map2(x, y, (a, b) => {
      if (a.t === 'const') return this.times(b, a.v);
      if (b.t === 'const') return this.times(a, b.v);
      this.nonLinear = true;
      const p = this.lower(a);
      const q = this.lower(b);
      return { t: 'z3', n: p.n.mul(q.n), d: p.d * q.d };
    });
  }

  /** A quotient by a constant (the caller rejects a zero divisor); by an unknown is beyond the prover. */
  div(x: Term, y: Term): Term {
    return this.map2(x, y, (a, b) => {
      if (b.t !== 'const') throw new NotDecidable('a division by an amount that is not a constant (non-linear)');
      if (b.v.isZero()) return this.num(0);
      return this.times(a, new Decimal(1).dividedBy(b.v));
    });
  }

  min(x: Term, y: Term): Term {
    if (x.t === 'const' && y.t === 'const') return this.num(Decimal.min(x.v, y.v));
    if (this.folds(x, y)) return this.map2(x, y, (a, b) => this.min(a, b));
    const { a, b, d } = this.common(x, y);
    return { t: 'z3', n: this.z.If(a.le(b), a, b) as Int, d };
  }

  max(x: Term, y: Term): Term {
    if (x.t === 'const' && y.t === 'const') return this.num(Decimal.max(x.v, y.v));
    if (this.folds(x, y)) return this.map2(x, y, (a, b) => this.max(a, b));
    const { a, b, d } = this.common(x, y);
    return { t: 'z3', n: this.z.If(a.ge(b), a, b) as Int, d };
  }

  clamp(x: Term, lo: Decimal, hi?: Decimal): Term {
    const l = this.max(x, this.num(lo));
    return hi === undefined ? l : this.min(l, this.num(hi));
  }

  /** Half-up to a whole unit: floor(x + 1/2) — a fen when x is in fen (D4). */
  roundHalfUp(x: Term): Term {
    if (x.t === 'const') return this.num(x.v.toDecimalPlaces(0, Decimal.ROUND_HALF_UP));
    const { n, d } = this.lower(x);
    if (d === 1n) return { t: 'z3', n, d: 1n };
    const r = this.z.Int.const(`round${this.rounded.length / 2}`);
    const twoDr = this.scale(r, 2n * d);
    const twoNd = this.scale(n, 2n).add(this.ival(d));
    this.rounded.push(twoDr.le(twoNd), twoNd.lt(twoDr.add(this.ival(2n * d))));
    return this.int(r);
  }

  cmp(op: string, x: Term, y: Term): Bool<'main'> | boolean {
    if (x.t === 'const' && y.t === 'const') {
      const c = x.v.comparedTo(y.v);
      return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0;
    }
    const { a, b } = this.common(x, y);
    switch (op) {
      case '<':
        return a.lt(b);
      case '<=':
        return a.le(b);
      case '>':
        return a.gt(b);
      case '>=':
        return a.ge(b);
      case '==':
        return a.eq(b);
      default:
        return a.neq(b);
    }
  }
}

function constTree(x: Term): boolean {
  return x.t === 'const' || (x.t === 'ite' && constTree(x.a) && constTree(x.b));
}

function leaves(x: Term): number {
  return x.t === 'ite' ? leaves(x.a) + leaves(x.b) : 1;
}
