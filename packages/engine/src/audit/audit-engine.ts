import { Decimal, ZERO, type AuditIR, type HistoryIR } from '@policy/dsl';
import type { Claim } from '../claim.js';
import { compareClaims } from '../settle.js';
import type { CompiledPolicy, CompiledVersion } from '../compile/compile-policy.js';
import { compileExpr, type Fn } from '../compile/compile-expr.js';
import { formatValue } from '../compile/format-value.js';
import { ClaimContext } from '../runtime/context.js';
import type { Finding, FindingParameter } from './finding.js';

/**
 * Audits over a person's history (docs/audits.md). A claim is audited against the person's
 * claims before it in (date, id) order — every year's, not only its own — under the policy
 * version in force on its date. Audits read claims, never settlements: nothing here settles.
 */

type Step = (c: AuditRun) => void;

/** The state of one audit of one claim. */
interface AuditRun {
  readonly ctx: ClaimContext;
  readonly earlier: readonly Claim[];
  /** Ids the history reads matched, in date order. */
  readonly related: Set<string>;
  readonly findings: string[];
}

interface CompiledAudit {
  readonly ir: AuditIR;
  readonly when?: Fn;
  readonly steps: readonly Step[];
  readonly parameters: readonly FindingParameter[];
}

/** Where a claim begins and ends: its stay, or its date. */
const start = (c: Claim): number => c.admitted ?? c.day;
const end = (c: Claim): number => c.discharged ?? c.day;

function sameAs(field: string): (a: Claim, b: Claim) => boolean {
  switch (field) {
    case 'disease':
      return (a, b) => a.disease !== '' && a.disease === b.disease;
    case 'hospitalId':
      return (a, b) => a.hospitalId !== '' && a.hospitalId === b.hospitalId;
    case 'diagnoses':
      return (a, b) => {
        for (const d of a.diagnoses) if (b.diagnoses.has(d)) return true;
        return false;
      };
    default:
      return (a, b) => (a as unknown as Record<string, unknown>)[field] === (b as unknown as Record<string, unknown>)[field];
  }
}

function amountOf(field: string): (c: Claim) => Decimal {
  switch (field) {
    case 'total':
      return (c) => c.total;
    case 'inCatalog':
      return (c) => c.inCatalog;
    case 'outOfCatalog':
      return (c) => c.outOfCatalog;
    case 'stay':
      return (c) => new Decimal(c.stay);
    default:
      throw new Error(`no amount for field ${field}`);
  }
}

/** The earlier claims a history read keeps, in date order. */
function compileSelection(h: HistoryIR, version: CompiledVersion, earlierCtx: ClaimContext): (r: AuditRun) => Claim[] {
  const env = version.compileEnv;
  const where = h.where ? compileExpr(h.where, env) : undefined;
  const within = h.within ? compileExpr(h.within, env) : undefined;
  const same = h.same.map(sameAs);
  return (r) => {
    const claim = r.ctx.claim;
    const from = within ? start(claim) - (within(r.ctx) as Decimal).toNumber() : undefined;
    const out: Claim[] = [];
    for (const e of r.earlier) {
      if (from !== undefined && end(e) < from) continue;
      if (h.during && (e.day < start(claim) || e.day > claim.day)) continue;
      if (!same.every((s) => s(claim, e))) continue;
      if (where) {
        earlierCtx.begin(e, false);
        if (where(earlierCtx) !== true) continue;
      }
      out.push(e);
    }
    return out;
  };
}

function compileHistory(h: HistoryIR, slot: number, version: CompiledVersion, earlierCtx: ClaimContext): Step {
  const select = compileSelection(h, version, earlierCtx);
  const amount = h.field ? amountOf(h.field) : undefined;
  return (r) => {
    const matched = select(r);
    for (const m of matched) r.related.add(m.id);
    let value: Decimal;
    if (h.aggregate === 'count') value = new Decimal(matched.length);
    else if (h.aggregate === 'sum') value = matched.reduce((s, m) => s.plus((amount as (c: Claim) => Decimal)(m)), ZERO);
    else value = matched.reduce((s, m) => Decimal.max(s, (amount as (c: Claim) => Decimal)(m)), ZERO);
    r.ctx.locals[slot] = value;
  };
}

function compileAudit(ir: AuditIR, version: CompiledVersion, earlierCtx: ClaimContext): CompiledAudit {
  const env = version.compileEnv;
  const steps: Step[] = ir.body.map((s): Step => {
    if (s.k === 'history') return compileHistory(s.history, s.slot, version, earlierCtx);
    if (s.k === 'let') {
      const f = compileExpr(s.expr, env);
      return (r) => (r.ctx.locals[s.slot] = f(r.ctx));
    }
    const when = s.when ? compileExpr(s.when, env) : undefined;
    return (r) => {
      if (!when || when(r.ctx) === true) r.findings.push(s.message);
    };
  });
  const parameters = ir.params.map((p) => ({
    name: p.name,
    value: p.type === 'days' ? `${formatValue(env.paramValue(p), p.type)}日` : formatValue(env.paramValue(p), p.type),
    cites: p.cites,
    ...(p.assumed !== undefined ? { assumed: p.assumed } : {}),
  }));
  return { ir, steps, parameters, ...(ir.when ? { when: compileExpr(ir.when, env) } : {}) };
}

/** The audits of one version, compiled once. */
class VersionAudits {
  private readonly ctx: ClaimContext;
  private readonly audits: readonly CompiledAudit[];

  constructor(
    policyLets: number,
    readonly version: CompiledVersion,
    audits: readonly AuditIR[],
  ) {
    const inForce = (a: AuditIR): boolean => (a.from === undefined || a.from <= version.date) && (a.until === undefined || version.date < a.until);
    this.ctx = new ClaimContext(0, policyLets);
    const earlierCtx = new ClaimContext(0, policyLets);
    this.audits = audits.filter(inForce).map((a) => compileAudit(a, version, earlierCtx));
  }

  audit(claim: Claim, earlier: readonly Claim[], out: Finding[]): void {
    for (const a of this.audits) {
      const ctx = this.ctx;
      ctx.begin(claim, false);
      if (a.when && a.when(ctx) !== true) continue;
      const run: AuditRun = { ctx, earlier, related: new Set(), findings: [] };
      for (const step of a.steps) step(run);
      const related = earlier.filter((e) => run.related.has(e.id)).map((e) => e.id);
      for (const message of run.findings) {
        out.push({
          claimId: claim.id,
          personId: claim.personId,
          date: claim.date,
          audit: a.ir.name,
          cites: a.ir.cites,
          result: a.ir.result,
          stage: a.ir.stage,
          message,
          related,
          windows: a.ir.windows,
          parameters: a.parameters,
          version: this.version.date,
        });
      }
    }
  }
}

/** A policy's audits, compiled for each of its versions. */
export class CompiledAudits {
  readonly audits: readonly AuditIR[];
  private readonly byVersion = new Map<CompiledVersion, VersionAudits>();

  constructor(private readonly policy: CompiledPolicy) {
    this.audits = policy.resolved.audits;
  }

  /**
   * The findings on `claim`, given the person's claims before it in (date, id) order. A claim
   * dated before the policy's first version has none (its settlement is rejected instead).
   */
  auditClaim(claim: Claim, earlier: readonly Claim[]): Finding[] {
    const out: Finding[] = [];
    const version = this.policy.versionFor(claim.day);
    if (!version || this.audits.length === 0) return out;
    let va = this.byVersion.get(version);
    if (!va) {
      va = new VersionAudits(this.policy.resolved.lets.length, version, this.audits);
      this.byVersion.set(version, va);
    }
    va.audit(claim, earlier, out);
    return out;
  }

  /** One person's claims (any order): each audited against those before it. Findings in date order. */
  auditPerson(claims: readonly Claim[]): Finding[] {
    const sorted = [...claims].sort(compareClaims);
    const out: Finding[] = [];
    sorted.forEach((c, i) => out.push(...this.auditClaim(c, sorted.slice(0, i))));
    return out;
  }
}
