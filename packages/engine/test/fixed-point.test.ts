import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSources, loadPolicy, parseDate, policyFolders, renderDiagnostic, type ResolvedPolicy, type TExpr } from '@policy/dsl';
import { compilePolicy, policyTextConstants, settleBatch, type ClaimItem, type CompiledPolicy, type Outcome } from '../src/index.js';
import { settlementToCsvCells, settlementToJson, validateRecord } from '@policy/claims';
import { history, type RawClaim } from './arbitraries.js';

/**
 * The fixed-point evaluator against the decimal.js one, the reference: for every policy under
 * policies/ (and the grammar's own example), over generated claim histories, every claim gets
 * the same settlement — every layer, flag and version, in JSON and CSV — or the same rejection,
 * word for word. Histories with amounts far past any invoice drive the fixed-point code over
 * the safe-integer range, where it must hand claims to decimal.js and still agree.
 */

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 150);
const folders = [...policyFolders('policies'), 'packages/dsl/testdata/good/minimal.policy'];

function items(raw: readonly RawClaim[]): ClaimItem[] {
  return raw.flatMap((r, index) => {
    const v = validateRecord(r, { line: index + 1 });
    return v.ok ? [{ index, location: { line: index + 1 }, claim: v.claim }] : [];
  });
}

function seen(o: Outcome): string {
  if (o.kind === 'rejected') return `rejected ${JSON.stringify(o.rejection)}`;
  return `${JSON.stringify(settlementToJson(o.settlement))} ${JSON.stringify(settlementToCsvCells(o.settlement))}`;
}

function expectSame(fixed: CompiledPolicy, reference: CompiledPolicy, raw: readonly RawClaim[]): void {
  const list = items(raw);
  const a = settleBatch(fixed, list);
  const b = settleBatch(reference, list);
  a.forEach((o, i) => expect(seen(o), `claim ${(list[i] as ClaimItem).claim.id}`).toBe(seen(b[i] as Outcome)));
}

/** Amounts up to 10^15 yuan: products and sums leave the safe-integer range. */
function huge(raw: RawClaim[], scale: bigint): RawClaim[] {
  return raw.map((c) => {
    const out = { ...c };
    for (const f of ['total', 'inCatalog', 'quota'] as const) {
      if (out[f] === undefined) continue;
      const fen = BigInt(Math.round(Number(out[f]) * 100)) * scale;
      out[f] = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    }
    return out;
  });
}

describe.each(folders)('the fixed-point evaluator of %s', (path) => {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(`${path} does not check clean`);
  const fixed = compilePolicy(loaded.policy);
  const reference = compilePolicy(loaded.policy, { engine: 'decimal' });
  const first = loaded.policy.versions[0]?.date ?? '2018-01-01';
  const from = new Date((parseDate(first) as number) * 86_400_000 - 5 * 86_400_000).toISOString().slice(0, 10);
  const arb = history({ diseases: policyTextConstants(loaded.policy), from, days: 2600 });

  it('settles every claim exactly as decimal.js does, or rejects it with the same reason', () => {
    fc.assert(fc.property(arb, (raw) => expectSame(fixed, reference, raw)), { numRuns: RUNS });
  });

  it('agrees past the safe-integer range, where it hands claims to decimal.js', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom(10_000n, 1_000_000n, 100_000_000n), (raw, scale) => expectSame(fixed, reference, huge(raw, scale))),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  });
});

describe('which evaluator settles a version', () => {
  it('is the fixed-point one for 安义, and settles its claims with it', () => {
    const loaded = loadPolicy('policies/anyi');
    const policy = compilePolicy(loaded.policy as ResolvedPolicy);
    expect(policy.engines).toEqual([{ date: '2018-01-01', engine: 'fixed-point' }]);
    const v = validateRecord(
      { id: 'A', personId: 'P', date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-03-01', discharged: '2018-03-05', total: '10000.00', inCatalog: '8000.00' },
      { line: 1 },
    );
    if (!v.ok) throw new Error(v.rejection.message);
    const [o] = settleBatch(policy, [{ index: 0, location: { line: 1 }, claim: v.claim }]);
    expect(o?.kind === 'settled' && o.settlement.fen).toEqual([600000, 0, 0, 0, 0, 0, 0, 400000]);
  });

  const HEADER = `policy t {
  title "test"
  version 2018-01-01 cites "T-1"
  version 2020-01-01 cites "T-1"
  layers basic, hospital, patient
}
clause "T-1" "第一条"
`;
  function compiled(body: string): CompiledPolicy {
    const r = checkSources({ 't.policy': HEADER + body });
    if (!r.policy) throw new Error(r.diagnostics.map((d) => renderDiagnostic(d, r.files)).join('\n'));
    return compilePolicy(r.policy);
  }

  it('is decimal.js for a division whose quotient need not end, and fixed-point for one that does', () => {
    const third = compiled('rule r cites "T-1" { basic = total / 3 }');
    expect(third.engines.map((e) => e.engine)).toEqual(['decimal', 'decimal']);
    expect(third.engines[0]).toMatchObject({ reason: 'division by 3, whose quotients need not end' });
    // By a value read per claim: fixed-point, claim by claim exact or handed to decimal.js.
    const ratio = compiled('rule r cites "T-1" { basic = inCatalog × (inCatalog / total) }');
    expect(ratio.engines.map((e) => e.engine)).toEqual(['fixed-point', 'fixed-point']);
    const claim = (id: string, total: string, inCatalog: string): RawClaim => ({
      id, personId: id, date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county', admitted: '2018-03-01', discharged: '2018-03-05', total, inCatalog,
    });
    // A: 8000 / 10000 = 0.8 ends: 8000 × 0.8 = 6400.00 fixed-point. B: 100 / 300 does not end: decimal.js.
    // C: the divisor is 0 — rejected with decimal.js's words.
    const list = items([claim('A', '10000.00', '8000.00'), claim('B', '300.00', '100.00'), claim('C', '0.00', '0.00')]);
    const outcomes = settleBatch(ratio, list);
    const reference = settleBatch(compilePolicy(ratio.resolved, { engine: 'decimal' }), list);
    expect(outcomes.map((o) => (o.kind === 'settled' ? o.settlement.fen?.[0] ?? 'decimal' : 'rejected'))).toEqual([640000, 'decimal', 'rejected']);
    outcomes.forEach((o, i) => expect(seen(o)).toBe(seen(reference[i] as Outcome)));
    expect(outcomes[2]?.kind === 'rejected' && outcomes[2].rejection.message).toMatch(/division by zero in rule r/);
    expect(compiled('rule r cites "T-1" { basic = total / 8 }').engines.map((e) => e.engine)).toEqual(['fixed-point', 'fixed-point']);
  });

  it('is decimal.js, per version, for a rule in force only there that the fixed-point code cannot run', () => {
    const p = compiled('rule a cites "T-1" until 2020-01-01 { basic = 50% × total }\nrule b cites "T-1" from 2020-01-01 { basic = total / 7 }');
    expect(p.engines.map((e) => e.engine)).toEqual(['fixed-point', 'decimal']);
  });

  it('is the fixed-point one for every version of every shipped policy (modifiers, bands and yearly caps included)', () => {
    const engines = Object.fromEntries(
      ['anyi', 'chifeng', 'hefei', 'jinzhai', 'liuan'].map((p) => [p, compilePolicy(loadPolicy(`policies/${p}`).policy as ResolvedPolicy).engines]),
    );
    for (const [p, list] of Object.entries(engines)) {
      expect(list.length, p).toBeGreaterThan(0);
      for (const e of list) expect(e, `${p} ${e.date}`).toEqual({ date: e.date, engine: 'fixed-point' });
    }
  });
  it('is decimal.js for an expression kind or a property it does not know (the language grew)', () => {
    const loaded = loadPolicy('policies/anyi');
    const policy = loaded.policy as ResolvedPolicy;
    const rule = policy.rules.find((r) => r.body.some((s) => s.k === 'assign')) as ResolvedPolicy['rules'][number];
    const assign = rule.body.find((s) => s.k === 'assign') as Extract<ResolvedPolicy['rules'][number]['body'][number], { k: 'assign' }>;
    const withNode = (expr: unknown): ResolvedPolicy => ({
      ...policy,
      rules: policy.rules.map((r) => (r === rule ? { ...r, body: r.body.map((s) => (s === assign ? { ...s, expr: expr as TExpr } : s)) } : r)),
    });
    const future = compilePolicy(withNode({ ...assign.expr, k: 'future' }));
    expect(future.engines[0]).toMatchObject({ date: '2018-01-01', engine: 'decimal' });
    expect(JSON.stringify(future.engines[0])).toContain('future');
    const capped = compilePolicy({ ...policy, rules: policy.rules.map((r) => (r === rule ? { ...r, body: r.body.map((s) => (s === assign ? { ...s, cap: 1 } : s)) } : r)) } as ResolvedPolicy);
    expect(capped.engines[0]).toMatchObject({ engine: 'decimal', reason: 'stmt assign carries "cap", which it does not know' });
  });
});

describe('claims past the safe-integer range', () => {
  const policy = compilePolicy(loadPolicy('policies/anyi').policy as ResolvedPolicy);
  const reference = compilePolicy(loadPolicy('policies/anyi').policy as ResolvedPolicy, { engine: 'decimal' });
  const claim = (id: string, total: string, inCatalog: string): RawClaim => ({
    id, personId: 'P', date: '2018-03-05', categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county',
    admitted: '2018-03-01', discharged: '2018-03-05', total, inCatalog,
  });
  it('are settled by decimal.js, exactly, whether the claim or an intermediate value is too large', () => {
    const raws = [
      claim('A', '100.00', '80.00'),
      claim('B', '99999999999999.99', '99999999999999.99'), // 10^16 fen: past the range already
      claim('C', '100000000000.00', '90000000000.00'), // 10^13 fen: a product with 80% is past it
      claim('D', '200.00', '100.00'), // after them: the accumulators hold exact Decimals now
    ];
    const list = items(raws);
    const outcomes = settleBatch(policy, list);
    expect(outcomes.map((o) => (o.kind === 'settled' ? o.settlement.fen !== undefined : 'rejected'))).toEqual([true, false, false, false]);
    outcomes.forEach((o, i) => expect(seen(o)).toBe(seen(settleBatch(reference, list)[i] as Outcome)));
  });
});
