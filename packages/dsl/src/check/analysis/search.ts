import { Decimal } from '../../money.js';
import { enumValues, LEVELS, ENUMS } from '../../vocabulary.js';
import type { TExpr } from '../ir.js';
import { childExprs } from '../ir-walk.js';
import { Evaluator, UNKNOWN, amountVar, type Assignment, type Value } from './evaluate.js';
import type { VersionView } from './versions.js';

/**
 * The finite part of a claim, enumerated: the search assigns only the fields the conditions
 * read, one at a time, and stops a branch as soon as three-valued evaluation decides it. Amounts
 * (total, inCatalog, date, accumulators) take part only where a condition compares them with a
 * constant: they are sampled at each such constant, a fen (a day) either side, and 0 — which
 * visits every interval the constants cut, so the answer is exact for those comparisons. Any
 * other use of an amount is UNKNOWN, and a branch left UNKNOWN makes the answer `unknown`.
 */

export interface Var {
  readonly name: string;
  readonly values: readonly (string | number | boolean | Decimal)[];
}

const FINITE: Record<string, () => readonly (string | number | boolean)[]> = {
  visit: () => enumValues('visit'),
  region: () => enumValues('region'),
  referral: () => enumValues('referral'),
  level: () => LEVELS,
  designated: () => [true, false],
  disaster: () => [false, true],
};
const TEXT_FIELDS = new Set(['disease', 'hospitalId']);
const SAMPLED_FIELDS = new Set(['total', 'inCatalog', 'date']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);
const FEN = new Decimal('0.01');

/** What a group of conditions reads, collected once per query. */
export class Collector {
  readonly fields = new Set<string>();
  readonly categories = new Set<string>();
  readonly texts = new Set<string>();
  readonly prefixes = new Set<string>();
  readonly suffixes = new Set<string>();
  readonly parts = new Set<string>();
  readonly samples = new Map<string, Decimal[]>();
  readonly sampled = new Set<TExpr>();
  private readonly seen = new Set<unknown>();

  constructor(private readonly version: VersionView) {}

  add(e: TExpr, depth = 0): void {
    if (depth > 200) return;
    const d = depth + 1;
    switch (e.k) {
      case 'field':
        if (e.field === 'categories') Object.keys(ENUMS.category).forEach((c) => this.categories.add(c));
        else this.fields.add(e.field);
        return;
      case 'const':
        if (typeof e.value === 'string') this.texts.add(e.value);
        return;
      case 'set':
        for (const x of e.set.elements) if (typeof x.value === 'string') this.texts.add(x.value);
        return;
      case 'param': {
        const v = this.version.paramValue(e.param);
        if (v) this.add(v, d);
        return;
      }
      case 'let':
        if (this.seen.has(e.let)) return;
        this.seen.add(e.let);
        this.add(e.let.expr, d);
        return;
      case 'index':
        if (!this.seen.has(e.table)) {
          this.seen.add(e.table);
          for (const r of e.table.rows) {
            if (typeof r.key === 'string') this.texts.add(r.key);
            this.add(r.value, d);
          }
          if (e.table.otherwise) this.add(e.table.otherwise, d);
        }
        this.add(e.key, d);
        return;
      case 'binary':
        if ((e.op === 'in' || e.op === 'not in') && e.right.k === 'field' && e.right.field === 'categories' && e.left.k === 'const') {
          this.categories.add(String(e.left.value));
          return;
        }
        if (COMPARISONS.has(e.op) && this.sample(e)) return;
        break;
      case 'call': {
        const [x, y] = e.args;
        if (y?.k === 'const' && typeof y.value === 'string' && x?.k !== 'const') {
          if (e.fn === 'ends_with') this.suffixes.add(y.value);
          if (e.fn === 'starts_with') this.prefixes.add(y.value);
          if (e.fn === 'contains') this.parts.add(y.value);
        }
        break;
      }
      case 'adjusted':
        for (const a of e.adjustments) if (a.modifier.when) this.add(a.modifier.when, d);
        break;
    }
    for (const c of childExprs(e)) this.add(c, d);
  }

  /** `amount op constant` (either way round): sampled at the constant. */
  private sample(e: Extract<TExpr, { k: 'binary' }>): boolean {
    const pick = (v: TExpr, c: TExpr): boolean => {
      if (!((v.k === 'field' && SAMPLED_FIELDS.has(v.field)) || v.k === 'acc')) return false;
      if (!claimFree(c)) return false;
      const value = new Evaluator(this.version, new Set()).eval(c, new Map());
      const x = value instanceof Decimal ? value : typeof value === 'number' ? new Decimal(value) : undefined;
      if (!x) return false;
      const name = amountVar(v);
      const step = v.k === 'field' && v.field === 'date' ? new Decimal(1) : FEN;
      const list = this.samples.get(name) ?? [];
      list.push(x.minus(step), x, x.plus(step));
      this.samples.set(name, list);
      this.sampled.add(e);
      return true;
    };
    return pick(e.left, e.right) || pick(e.right, e.left);
  }

  /** The variables to enumerate, finite fields first. */
  vars(): Var[] {
    const out: Var[] = [];
    for (const [f, values] of Object.entries(FINITE)) if (this.fields.has(f)) out.push({ name: f, values: values() });
    for (const c of [...this.categories].sort()) out.push({ name: `cat:${c}`, values: [true, false] });
    for (const f of TEXT_FIELDS) if (this.fields.has(f)) out.push({ name: f, values: this.textCandidates() });
    const totals = this.samples.get('total');
    const inCat = this.samples.get('inCatalog');
    if (totals && inCat) totals.push(...inCat); // a total at least the in-catalogue amount
    for (const [name, list] of this.samples) out.push({ name, values: this.amounts(name, list) });
    return out;
  }

  private amounts(name: string, list: Decimal[]): Decimal[] {
    let values = [...list, new Decimal(0)];
    if (name === 'date') {
      const lo = this.version.fromDay;
      const hi = this.version.untilDay;
      values = values.filter((v) => (lo === undefined || v.gte(lo)) && (hi === undefined || v.lt(hi)));
      if (lo !== undefined) values.push(new Decimal(lo));
    } else {
      values = values.filter((v) => !v.isNegative());
    }
    const unique = new Map(values.map((v) => [v.toString(), v]));
    return [...unique.values()].sort((a, b) => a.comparedTo(b));
  }

  /**
   * Strings that show every combination of the text tests read: each constant, and made-up names
   * with each prefix, part and suffix tested (〇 stands for any other characters), and "" (absent).
   */
  private textCandidates(): string[] {
    const out = new Set<string>(['', '〇〇']);
    for (const t of this.texts) out.add(t);
    for (const p of ['', ...this.prefixes]) {
      for (const c of ['', ...this.parts]) {
        for (const s of ['', ...this.suffixes]) out.add(`${p}〇${c}${c ? '〇' : ''}${s}`);
      }
    }
    return [...out];
  }
}

/** An expression that reads nothing from a claim or a settlement. */
function claimFree(e: TExpr, depth = 0): boolean {
  if (depth > 100) return false;
  switch (e.k) {
    case 'field':
    case 'acc':
    case 'let':
    case 'layer':
    case 'state':
    case 'local':
    case 'adjusted':
    case 'index':
    case 'bands':
      return false;
    default:
      return childExprs(e).every((c) => claimFree(c, depth + 1));
  }
}

export type Verdict = 'prune' | 'accept' | 'continue';

export interface SearchResult {
  /** Partial claims every completion of which was accepted. */
  readonly accepted: Assignment[];
  /** Some branch could not be decided (or the budget ran out). */
  readonly undecided: boolean;
}

const BUDGET = 20000;

/** Depth-first over the variables; `test` sees a fresh evaluation each time. */
export function search(vars: readonly Var[], test: (a: Assignment) => Verdict, want = 1): SearchResult {
  const accepted: Assignment[] = [];
  let undecided = false;
  let exhausted = false;
  let steps = 0;
  const a = new Map<string, string | number | boolean | Decimal>();
  const go = (i: number): void => {
    if (accepted.length >= want || exhausted) return;
    if (++steps > BUDGET) {
      exhausted = true;
      undecided = true;
      return;
    }
    if (!valid(a)) return;
    const v = test(a);
    if (v === 'prune') return;
    if (v === 'accept') {
      accepted.push(new Map(a));
      return;
    }
    const x = vars[i];
    if (!x) {
      undecided = true;
      return;
    }
    for (const value of x.values) {
      a.set(x.name, value);
      go(i + 1);
      if (accepted.length >= want || exhausted) break;
    }
    a.delete(x.name);
  };
  go(0);
  return { accepted, undecided };
}

/** A claim's in-catalogue amount is part of its total. */
function valid(a: Assignment): boolean {
  const t = a.get('total');
  const i = a.get('inCatalog');
  return !(t instanceof Decimal && i instanceof Decimal && i.gt(t));
}

/** The three-valued truth of a condition (absent: true). */
export function truth(ev: Evaluator, e: TExpr | undefined, a: Assignment): Value {
  if (!e) return true;
  const v = ev.eval(e, a);
  return typeof v === 'boolean' ? v : UNKNOWN;
}
