import { Decimal, LAYERS, PAYING_LAYERS, ZERO, formatMoney, formatRatio, type KpiIR, type KpiTermIR, type LayerName } from '@policy/dsl';
import type { Claim } from '../claim.js';
import { CATEGORY_BITS } from '../claim.js';
import type { CompiledPolicy, CompiledVersion, SettledClaim } from '../compile/compile-policy.js';
import { compileExpr, type Fn } from '../compile/compile-expr.js';
import { ClaimContext, LAYER_INDEX } from '../runtime/context.js';
import { FenSum } from '../runtime/fen-sum.js';
import { fenTerm, hasFen, readsSettlement, scaledDecimal, type FenTerm } from './fen-terms.js';

/**
 * A policy's kpis (docs/kpis.md) over settled claims: each settled claim is added once; the
 * terms read it as settled (layers, `patient` = what remains, `paid`) under the version that
 * settled it. Sums are exact (decimal.js); the value is numerator ÷ denominator, overall and,
 * with `by F`, per group; `persons` terms count the person-years among the claims counted
 * (with at least N of them), which needs each person-year's claims in one part: batch's workers
 * settle a person whole before they hand their sums over (`take`), so they are.
 * Terms of whole numbers (fen-terms.ts) over fixed-point settlements are summed as integers and
 * folded into the decimal sums when the tally is read: the same exact sums, without a decimal.js
 * addition per claim (kpi-tally.test.ts proves the two paths equal).
 */

export interface KpiGroupValue {
  readonly key: string;
  readonly value: string | null;
  readonly numerator: string;
  readonly denominator?: string;
  /** With `growth`: this year's value over the year before's, less 1 (null for the first year, or when either is missing or 0). */
  readonly growth?: string | null;
  readonly met?: boolean;
}

export interface KpiValue {
  readonly name: string;
  /** ratio as a percentage with 2 decimals, money in yuan, days with 2 decimals; null when the denominator is 0. With `growth`: the last year's growth. */
  readonly value: string | null;
  readonly numerator: string;
  readonly denominator?: string;
  readonly type: string;
  readonly target?: { readonly op: string; readonly value: string };
  /** Whether the value meets the target (absent without a target or a value). */
  readonly met?: boolean;
  readonly cites: readonly string[];
  readonly assumed?: string;
  readonly by?: string;
  readonly growth?: boolean;
  /** With `by`: each group, in key order (years and months ascending, levels 0–3). */
  readonly groups?: readonly KpiGroupValue[];
}

interface CompiledTerm {
  readonly value?: Fn;
  readonly where?: Fn;
}

interface CompiledKpi {
  readonly when?: Fn;
  readonly num: CompiledTerm;
  readonly den?: CompiledTerm;
}

const PAYING = new Set<LayerName>(PAYING_LAYERS);

/** Sums of one group of one kpi: decimal, plus the whole numbers of the fast path not folded in yet. */
interface Sums {
  num: Decimal;
  den: Decimal;
  readonly numFen: FenSum;
  readonly denFen: FenSum;
}

/** A worker's part of one kpi: [group, numerator, denominator] as decimal strings. */
export type KpiPart = readonly (readonly [string, string, string])[];

/** The group keys of a claim: one, or a claim's categories (`none` for none). */
function groupKeys(by: KpiIR['by'], c: Claim): readonly string[] {
  switch (by) {
    case undefined:
      return [];
    case 'year':
      return [String(c.year)];
    case 'month':
      return [c.date.slice(0, 7)];
    case 'level':
      return [String(c.level)];
    case 'region':
      return [c.region];
    case 'visit':
      return [c.visit];
    case 'category': {
      const keys = (Object.keys(CATEGORY_BITS) as (keyof typeof CATEGORY_BITS)[]).filter((k) => c.categories.has(k));
      return keys.length === 0 ? ['none'] : keys;
    }
  }
}

export class KpiTally {
  private readonly kpis: readonly KpiIR[];
  /** Per kpi: group → sums. */
  private readonly sums: Map<string, Sums>[];
  /** Per kpi and side (0 numerator, 1 denominator) of a `persons` term: group \0 person \0 year → claims counted, since the last flush. */
  private readonly pending: (readonly [Map<string, number> | undefined, Map<string, number> | undefined])[];
  private readonly byVersion = new Map<CompiledVersion, { ctx: ClaimContext; kpis: (CompiledKpi | undefined)[] }>();
  /** Per kpi: its numerator's and denominator's whole-number reading, when they have one. */
  private readonly fast: (readonly [FenTerm | undefined, FenTerm | undefined])[];
  /**
   * Whether a closure the tally runs may read the settled layers (or `paid`, or a let): then
   * each claim's layers go into the context as Decimals, as the decimal path always puts them.
   */
  readonly readsLayers: boolean;

  constructor(private readonly policy: CompiledPolicy) {
    this.kpis = policy.resolved.kpis;
    this.sums = this.kpis.map(() => new Map());
    this.pending = this.kpis.map((k) => [k.numerator.aggregate === 'persons' ? new Map() : undefined, k.denominator?.aggregate === 'persons' ? new Map() : undefined]);
    this.fast = this.kpis.map((k) => [fenTerm(k.numerator), k.denominator ? fenTerm(k.denominator) : undefined]);
    const termReads = (t: KpiTermIR | undefined, f: FenTerm | undefined): boolean => t !== undefined && (readsSettlement(t.where) || (f === undefined && readsSettlement(t.value)));
    this.readsLayers = this.kpis.some((k, i) => readsSettlement(k.when) || termReads(k.numerator, this.fast[i]?.[0]) || termReads(k.denominator, this.fast[i]?.[1]));
  }

  get empty(): boolean {
    return this.kpis.length === 0;
  }

  add(s: SettledClaim): void {
    if (this.kpis.length === 0) return;
    const version = this.policy.versionFor(s.claim.day);
    if (!version) return;
    const v = this.compiled(version);
    const c = v.ctx;
    c.begin(s.claim, false);
    const fen = hasFen(s);
    if (!fen || this.readsLayers) {
      let assigned = ZERO;
      let paid = ZERO;
      for (const l of LAYERS) {
        if (l === 'patient') continue;
        const amount = s.layers[l];
        c.layers[LAYER_INDEX[l]] = amount;
        assigned = assigned.plus(amount);
        if (PAYING.has(l)) paid = paid.plus(amount);
      }
      c.assignedSum = assigned;
      c.paid = paid;
    }
    v.kpis.forEach((k, i) => {
      if (!k || (k.when && k.when(c) !== true)) return;
      const ir = this.kpis[i] as KpiIR;
      const [pn, pd] = this.pending[i] as readonly [Map<string, number> | undefined, Map<string, number> | undefined];
      const [fn, fd] = this.fast[i] as readonly [FenTerm | undefined, FenTerm | undefined];
      // Each term once per claim (its closures do not depend on the group), then added to the
      // overall sums under '' and, with `by`, each group's: a claim with two categories is in
      // two groups but counted once overall.
      const num = pn ? undefined : termAmount(k.num, c, s, fen ? fn : undefined);
      const den = !k.den || pd ? undefined : termAmount(k.den, c, s, fen ? fd : undefined);
      for (const key of ir.by ? ['', ...groupKeys(ir.by, s.claim)] : ['']) {
        const g = this.group(i, key);
        if (pn) countPerson(pn, key, s.claim, k.num, c);
        else if (typeof num === 'number') g.numFen.add(num);
        else if (num !== undefined) g.num = g.num.plus(num);
        if (k.den) {
          if (pd) countPerson(pd, key, s.claim, k.den, c);
          else if (typeof den === 'number') g.denFen.add(den);
          else if (den !== undefined) g.den = g.den.plus(den);
        }
      }
    });
  }

  private group(i: number, key: string): Sums {
    const m = this.sums[i] as Map<string, Sums>;
    let g = m.get(key);
    if (!g) {
      g = { num: ZERO, den: ZERO, numFen: new FenSum(), denFen: new FenSum() };
      m.set(key, g);
    }
    return g;
  }

  /**
   * Turns the person-years counted since the last flush into sums (the persons with at least
   * `minimum` claims), and folds the whole numbers of the fast path into the decimal sums.
   */
  private flush(): void {
    this.kpis.forEach((k, i) => {
      const [fn, fd] = this.fast[i] as readonly [FenTerm | undefined, FenTerm | undefined];
      for (const g of (this.sums[i] as Map<string, Sums>).values()) {
        if (!g.numFen.isZero) g.num = g.num.plus(scaledDecimal(g.numFen.value, fn?.scale ?? 0));
        if (!g.denFen.isZero) g.den = g.den.plus(scaledDecimal(g.denFen.value, fd?.scale ?? 0));
        g.numFen.clear();
        g.denFen.clear();
      }
      const [pn, pd] = this.pending[i] as readonly [Map<string, number> | undefined, Map<string, number> | undefined];
      const fold = (pending: Map<string, number> | undefined, term: KpiTermIR | undefined, side: 'num' | 'den'): void => {
        if (!pending || !term) return;
        const min = term.minimum ?? 1;
        for (const [id, n] of pending) {
          const g = this.group(i, id.slice(0, id.indexOf('\u0000')));
          if (n >= min) g[side] = g[side].plus(1);
        }
        pending.clear();
      };
      fold(pn, k.numerator, 'num');
      fold(pd, k.denominator, 'den');
    });
  }

  /** The sums so far per kpi and group (decimal strings), and start again: a worker's part. */
  take(): KpiPart[] {
    this.flush();
    return this.sums.map((m) => {
      const part = [...m].map(([key, g]): [string, string, string] => [key, g.num.toString(), g.den.toString()]);
      m.clear();
      return part;
    });
  }

  /** Adds a worker's part (`take`) to these sums. */
  merge(parts: readonly KpiPart[]): void {
    parts.forEach((part, i) => {
      if (i >= this.kpis.length) return;
      for (const [key, n, d] of part) {
        const g = this.group(i, key);
        g.num = g.num.plus(new Decimal(n));
        g.den = g.den.plus(new Decimal(d));
      }
    });
  }

  /** The values so far, in declaration order. */
  values(): KpiValue[] {
    this.flush();
    return this.kpis.map((k, i) => {
      const m = this.sums[i] as Map<string, Sums>;
      const target = k.target ? this.targetValue(k) : undefined;
      const judge = (raw: Decimal | undefined): boolean | undefined => (raw !== undefined && target ? compare(raw, k.target?.op ?? '>=', target) : undefined);
      const quotientOf = (g: Sums): Decimal | undefined => (!k.denominator ? g.num : g.den.isZero() ? undefined : g.num.dividedBy(g.den));
      const baseType = k.growth ? baseTypeOf(k) : k.type;
      const head = {
        name: k.name,
        type: typeof k.type === 'string' ? k.type : 'set',
        ...(k.target && target ? { target: { op: k.target.op, value: show(target, k.type) } } : {}),
        cites: k.cites,
        ...(k.assumed !== undefined ? { assumed: k.assumed } : {}),
      };
      const all = m.get('') ?? { num: ZERO, den: ZERO, numFen: new FenSum(), denFen: new FenSum() };
      if (!k.by) {
        const raw = quotientOf(all);
        const met = judge(raw);
        return { ...head, value: raw === undefined ? null : show(raw, k.type), numerator: show(all.num, k.numerator.type), ...(k.denominator ? { denominator: show(all.den, k.denominator.type) } : {}), ...(met !== undefined ? { met } : {}) };
      }
      const keys = [...m.keys()].filter((key) => key !== '').sort(keyOrder);
      let previous: Decimal | undefined;
      let previousYear: number | undefined;
      let lastGrowth: Decimal | undefined;
      const groups = keys.map((key): KpiGroupValue => {
        const g = m.get(key) as Sums;
        const raw = quotientOf(g);
        const common = { key, value: raw === undefined ? null : show(raw, baseType), numerator: show(g.num, k.numerator.type), ...(k.denominator ? { denominator: show(g.den, k.denominator.type) } : {}) };
        if (!k.growth) {
          const met = judge(raw);
          return { ...common, ...(met !== undefined ? { met } : {}) };
        }
        const year = Number(key);
        const growth = previous !== undefined && previousYear === year - 1 && raw !== undefined && !previous.isZero() ? raw.dividedBy(previous).minus(1) : undefined;
        previous = raw;
        previousYear = year;
        lastGrowth = growth;
        const met = judge(growth);
        return { ...common, growth: growth === undefined ? null : show(growth, 'ratio'), ...(met !== undefined ? { met } : {}) };
      });
      const overall = k.growth ? lastGrowth : quotientOf(all);
      const met = judge(overall);
      return {
        ...head,
        value: overall === undefined ? null : show(overall, k.type),
        numerator: show(all.num, k.numerator.type),
        ...(k.denominator ? { denominator: show(all.den, k.denominator.type) } : {}),
        ...(met !== undefined ? { met } : {}),
        by: k.by,
        ...(k.growth ? { growth: true } : {}),
        groups,
      };
    });
  }

  private targetValue(k: KpiIR): Decimal | undefined {
    const version = this.policy.versions[this.policy.versions.length - 1];
    if (!k.target || !version) return undefined;
    const v = compileExpr(k.target.value, version.compileEnv)(undefined as unknown as ClaimContext);
    return v instanceof Decimal ? v : undefined;
  }

  private compiled(version: CompiledVersion): { ctx: ClaimContext; kpis: (CompiledKpi | undefined)[] } {
    let v = this.byVersion.get(version);
    if (v) return v;
    const env = version.compileEnv;
    const inForce = (k: KpiIR): boolean => (k.from === undefined || k.from <= version.date) && (k.until === undefined || version.date < k.until);
    const term = (t: KpiTermIR): CompiledTerm => ({ ...(t.value ? { value: compileExpr(t.value, env) } : {}), ...(t.where ? { where: compileExpr(t.where, env) } : {}) });
    v = {
      ctx: new ClaimContext(this.policy.resolved.accumulators.length, this.policy.resolved.lets.length),
      kpis: this.kpis.map((k) => (inForce(k) ? { num: term(k.numerator), ...(k.denominator ? { den: term(k.denominator) } : {}), ...(k.when ? { when: compileExpr(k.when, env) } : {}) } : undefined)),
    };
    this.byVersion.set(version, v);
    return v;
  }
}

/** The type of a growth kpi's yearly values: what numerator ÷ denominator is without the growth. */
function baseTypeOf(k: KpiIR): unknown {
  const n = k.numerator.type;
  const d = k.denominator?.type;
  if (d === undefined) return n;
  if (d === 'number') return n === 'number' ? 'ratio' : n;
  return 'ratio';
}

/** Years, months and levels ascending as numbers or dates; the rest by name. */
function keyOrder(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function countPerson(pending: Map<string, number>, key: string, claim: Claim, t: CompiledTerm, c: ClaimContext): void {
  if (t.where && t.where(c) !== true) return;
  const id = `${key}\u0000${claim.personId}\u0000${claim.year}`;
  pending.set(id, (pending.get(id) ?? 0) + 1);
}

/**
 * A term's amount of the claim in the context: undefined when its `where` excludes it; a whole
 * number at the fast term's scale when there is one (the claim has fen); a Decimal otherwise.
 */
function termAmount(t: CompiledTerm, c: ClaimContext, s: SettledClaim, fast: FenTerm | undefined): Decimal | number | undefined {
  if (t.where && t.where(c) !== true) return undefined;
  if (fast) return fast.read(s);
  return t.value ? (t.value(c) as Decimal) : ONE;
}

const ONE = new Decimal(1);

function compare(a: Decimal, op: string, b: Decimal): boolean {
  if (op === '>=') return a.greaterThanOrEqualTo(b);
  if (op === '<=') return a.lessThanOrEqualTo(b);
  if (op === '>') return a.greaterThan(b);
  return a.lessThan(b);
}

/** A ratio as a percentage with 2 decimals (half-up), money to the fen, days and counts with 2 decimals at most. */
function show(v: Decimal, type: unknown): string {
  if (type === 'ratio') return formatRatio(v.toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
  if (type === 'money') return formatMoney(v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP));
  return v.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
}
