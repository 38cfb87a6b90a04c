import { Decimal, type PropertyIR } from '@policy/dsl';
import { AccumulatorStore, SettlementError, diseaseCandidates, plainClaim, toClaim, type ClaimShape, type CompiledPolicy, type PlainClaim } from '@policy/engine';
import type { Arith, Bool, Model } from 'z3-solver';
import { Encoder, and, not, or } from './encode.js';
import { NotDecidable, type Z } from './terms.js';

/** What `policy prove` says of one property. */
export interface PropertyVerdict {
  readonly name: string;
  readonly cites: readonly string[];
  readonly status: 'proved' | 'counterexample' | 'unknown';
  readonly version?: string;
  readonly claim?: PlainClaim;
  /** The accumulators before the claim (yuan), when a counterexample needs any other than 0. */
  readonly history?: { readonly accumulators: Readonly<Record<string, string>> };
  readonly reason?: string;
}

export interface Z3Handle {
  readonly z: Z;
  /** Why the solver answered unknown (Z3_solver_get_reason_unknown). */
  reasonUnknown(solver: unknown): string;
}

/**
 * Each property, for every claim of every version: constraints (encode.ts) for "the claim meets
 * `when`, and it is rejected or the body is false". Unsatisfiable in every version: proved. A
 * model is a counterexample; when it needs accumulators other than 0, one from a fresh
 * person-year (every accumulator 0, a claim `policy eval` settles alone) is looked for too. Each is settled by
 * the engine before it is reported; one the engine does not reproduce is reported as unknown.
 */
export async function provePolicy(h: Z3Handle, policy: CompiledPolicy, only: string | undefined, timeoutMs: number): Promise<PropertyVerdict[]> {
  const resolved = policy.resolved;
  const props = resolved.properties.filter((p) => only === undefined || p.name === only);
  const texts = diseaseCandidates(resolved);
  const versions = resolved.versions.map((v, i) => {
    const next = resolved.versions[i + 1];
    const inForce = (r: { readonly from?: string; readonly until?: string }) => (r.from === undefined || r.from <= v.date) && (r.until === undefined || v.date < r.until);
    return { date: v.date, day: v.day, ...(next ? { untilDay: next.day } : {}), inForce };
  });
  const encoded = new Map<string, { enc: Encoder; settled?: ReturnType<Encoder['settle']>; error?: string }>();
  const out: PropertyVerdict[] = [];
  for (const p of props) {
    let unknown: string | undefined;
    let found: PropertyVerdict | undefined;
    for (const v of versions) {
      if (!v.inForce(p)) continue;
      let e = encoded.get(v.date);
      if (!e) {
        const enc = new Encoder(h.z, resolved, v, texts);
        try {
          e = { enc, settled: enc.settle() };
        } catch (err) {
          if (!(err instanceof NotDecidable)) throw err;
          e = { enc, error: err.message };
        }
        encoded.set(v.date, e);
      }
      if (!e.settled) {
        unknown ??= `version ${v.date}: ${e.error}`;
        continue;
      }
      const r = await proveIn(h, e.enc, e.settled.rejected, p, policy, v.date, timeoutMs);
      if (r.status === 'counterexample') {
        found = r;
        break;
      }
      if (r.status === 'unknown') unknown ??= `version ${v.date}: ${r.reason}`;
    }
    const base = { name: p.name, cites: p.cites };
    out.push(found ?? (unknown ? { ...base, status: 'unknown', reason: unknown } : { ...base, status: 'proved' }));
  }
  return out;
}

async function proveIn(h: Z3Handle, enc: Encoder, rejected: Bool<'main'> | boolean, p: PropertyIR, policy: CompiledPolicy, version: string, timeoutMs: number): Promise<PropertyVerdict> {
  const z = h.z;
  const base = { name: p.name, cites: p.cites, version };
  let when: ReturnType<Encoder['condition']>;
  let body: ReturnType<Encoder['condition']>;
  try {
    when = enc.condition(p.when);
    body = enc.condition(p.body);
  } catch (err) {
    if (!(err instanceof NotDecidable)) throw err;
    return { ...base, status: 'unknown', reason: err.message };
  }
  const bad = or(z, or(z, rejected, or(z, when.err, body.err)), not(z, body.b));
  const goal = and(z, when.b, bad);
  if (goal === false) return { ...base, status: 'proved' };
  const nonLinear = enc.terms.nonLinear;
  // A fresh solver for each question: z3 preprocesses a one-shot query (solve-eqs, simplify)
  // but not one asked after push().
  const attempt = async (fresh: boolean): Promise<PropertyVerdict | 'unsat'> => {
    const solver = new z.Solver();
    try {
      solver.set('timeout', timeoutMs);
      solver.add(...enc.domain, ...enc.terms.rounded);
      if (goal !== true) solver.add(goal);
      if (fresh) for (const a of enc.vars.accs.values()) solver.add(a.eq(0));
      const r = await solver.check();
      if (r === 'unsat') return 'unsat';
      if (r === 'unknown') {
        const why = h.reasonUnknown(solver);
        return { ...base, status: 'unknown', reason: `${nonLinear ? 'non-linear arithmetic; ' : ''}the solver gave up (${why || 'no reason given'}, timeout ${timeoutMs / 1000}s)` };
      }
      return counterexample(enc, solver.model(), p, policy, base);
    } finally {
      solver.release();
    }
  };
  const any = await attempt(false);
  if (any === 'unsat') return { ...base, status: 'proved' };
  if (any.status !== 'counterexample' || !any.history) return any;
  // A counterexample from a fresh person-year, if there is one, is a claim `policy eval` settles alone.
  const fresh = await attempt(true);
  return fresh !== 'unsat' && fresh.status === 'counterexample' ? fresh : any;
}

function counterexample(enc: Encoder, m: Model<'main'>, p: PropertyIR, policy: CompiledPolicy, base: { name: string; cites: readonly string[]; version: string }): PropertyVerdict {
  const v = enc.vars;
  const int = (x: Arith<'main'>): number => Number(String(m.eval(x, true)));
  const bool = (x: Bool<'main'>): boolean => String(m.eval(x, true)) === 'true';
  const shape: ClaimShape = {
    categories: Object.entries(v.cats).filter(([, b]) => bool(b)).map(([c]) => c) as ClaimShape['categories'],
    visit: enc.enums.visit[int(v.visit)] as ClaimShape['visit'],
    level: int(v.level) as ClaimShape['level'],
    region: enc.enums.region[int(v.region)] as ClaimShape['region'],
    referral: enc.enums.referral[int(v.referral)] as ClaimShape['referral'],
    designated: bool(v.designated),
    disaster: bool(v.disaster),
    disease: enc.texts[int(v.disease)] ?? '',
    day: int(v.day),
    stay: int(v.stay),
    totalFen: int(v.total),
    inCatalogFen: int(v.inCatalog),
    ...(bool(v.quotaPresent) ? { quotaFen: int(v.quota) } : {}),
  };
  const claim = plainClaim(shape, 'C1', 'P1');
  const accumulators: Record<string, string> = {};
  for (const [acc, x] of v.accs) {
    const fen = int(x);
    if (fen !== 0) accumulators[acc.name] = new Decimal(fen).dividedBy(100).toFixed(2);
  }
  const check = reproduce(policy, p, claim, accumulators);
  if (!check.reproduced) {
    return { ...base, status: 'unknown', reason: `the solver's counterexample does not reproduce in the engine (${check.reason}): a gap in the prover's model of the policy`, claim };
  }
  return {
    ...base,
    status: 'counterexample',
    claim,
    ...(Object.keys(accumulators).length > 0 ? { history: { accumulators } } : {}),
    reason: check.reason,
  };
}

/** Settles the counterexample with the engine (decimal.js) from the accumulators it names. */
export function reproduce(policy: CompiledPolicy, p: PropertyIR, plain: PlainClaim, accumulators: Readonly<Record<string, string>>): { reproduced: boolean; reason: string } {
  const claim = toClaim(plain);
  const version = policy.versionFor(claim.day);
  if (!version) return { reproduced: false, reason: `no version in force on ${plain.date}` };
  const store = new AccumulatorStore(policy.accumulatorScales);
  for (const a of policy.resolved.accumulators) {
    const value = accumulators[a.name];
    if (value !== undefined) store.add(a, claim, new Decimal(value));
  }
  try {
    const settled = version.settle(claim, store, false);
    const r = version.properties().find((x) => x.property === p);
    if (!r?.applies) return { reproduced: false, reason: 'the claim does not meet the condition' };
    if (r.holds) return { reproduced: false, reason: 'the property holds for it' };
    const layers = settled.declaredLayers.map((l) => `${l} ${settled.layers[l].toFixed(2)}`).join(', ');
    return { reproduced: true, reason: `the body is false: ${layers}` };
  } catch (e) {
    if (!(e instanceof SettlementError)) throw e;
    return version.propertyApplies(p.name, claim, store) ? { reproduced: true, reason: `rejected: ${e.message}` } : { reproduced: false, reason: `rejected outside the condition: ${e.message}` };
  }
}
