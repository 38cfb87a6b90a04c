import { Decimal, LAYERS, PAYING_LAYERS, ZERO, formatMoney, formatRatio, type KpiIR, type KpiTermIR, type LayerName } from '@policy/dsl';
import type { CompiledPolicy, CompiledVersion, SettledClaim } from '../compile/compile-policy.js';
import { compileExpr, type Fn } from '../compile/compile-expr.js';
import { ClaimContext, LAYER_INDEX } from '../runtime/context.js';

/**
 * A policy's kpis (docs/kpis.md) over settled claims: each settled claim is added once; the
 * terms read it as settled (layers, `patient` = what remains, `paid`) under the version that
 * settled it. Sums are exact (decimal.js); the value is numerator ÷ denominator.
 */

export interface KpiValue {
  readonly name: string;
  /** ratio as a percentage with 2 decimals, money in yuan, days with 2 decimals; null when the denominator is 0. */
  readonly value: string | null;
  readonly numerator: string;
  readonly denominator?: string;
  readonly type: string;
  readonly target?: { readonly op: string; readonly value: string };
  /** Whether the value meets the target (absent without a target or a value). */
  readonly met?: boolean;
  readonly cites: readonly string[];
  readonly assumed?: string;
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

export class KpiTally {
  private readonly kpis: readonly KpiIR[];
  private readonly num: Decimal[];
  private readonly den: Decimal[];
  private readonly byVersion = new Map<CompiledVersion, { ctx: ClaimContext; kpis: (CompiledKpi | undefined)[] }>();

  constructor(private readonly policy: CompiledPolicy) {
    this.kpis = policy.resolved.kpis;
    this.num = this.kpis.map(() => ZERO);
    this.den = this.kpis.map(() => ZERO);
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
    v.kpis.forEach((k, i) => {
      if (!k || (k.when && k.when(c) !== true)) return;
      this.num[i] = (this.num[i] as Decimal).plus(termValue(k.num, c));
      if (k.den) this.den[i] = (this.den[i] as Decimal).plus(termValue(k.den, c));
    });
  }

  /** The sums so far as decimal strings (numerator, denominator per kpi), and start again: a worker's part. */
  take(): [string, string][] {
    const out = this.kpis.map((_, i): [string, string] => [(this.num[i] as Decimal).toString(), (this.den[i] as Decimal).toString()]);
    this.num.fill(ZERO);
    this.den.fill(ZERO);
    return out;
  }

  /** Adds a worker's part (`take`) to these sums. */
  merge(parts: readonly (readonly [string, string])[]): void {
    parts.forEach(([n, d], i) => {
      if (i >= this.kpis.length) return;
      this.num[i] = (this.num[i] as Decimal).plus(new Decimal(n));
      this.den[i] = (this.den[i] as Decimal).plus(new Decimal(d));
    });
  }

  /** The values so far, in declaration order. */
  values(): KpiValue[] {
    return this.kpis.map((k, i) => {
      const n = this.num[i] as Decimal;
      const d = this.den[i] as Decimal;
      const raw = !k.denominator ? n : d.isZero() ? undefined : n.dividedBy(d);
      const target = k.target ? this.targetValue(k) : undefined;
      const met = raw !== undefined && target ? compare(raw, k.target?.op ?? '>=', target) : undefined;
      return {
        name: k.name,
        value: raw === undefined ? null : show(raw, k.type),
        numerator: show(n, k.numerator.type),
        ...(k.denominator ? { denominator: show(d, k.denominator.type) } : {}),
        type: typeof k.type === 'string' ? k.type : 'set',
        ...(k.target && target ? { target: { op: k.target.op, value: show(target, k.type) } } : {}),
        ...(met !== undefined ? { met } : {}),
        cites: k.cites,
        ...(k.assumed !== undefined ? { assumed: k.assumed } : {}),
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

function termValue(t: CompiledTerm, c: ClaimContext): Decimal {
  if (t.where && t.where(c) !== true) return ZERO;
  return t.value ? (t.value(c) as Decimal) : new Decimal(1);
}

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
