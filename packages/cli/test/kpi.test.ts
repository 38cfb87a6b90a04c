import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { policySync as policy, tempDir } from './run-cli.js';

/**
 * Every shipped kpi (docs/kpis.md), as `batch --summary-json` reports it, against a computation
 * written here from the claims file and the settlements CSV alone: whole fen in BigInt, the
 * filters spelled out again, rounding half-up as the summary does.
 */

type Row = Record<string, string>;

function csv(path: string): Row[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = (head as string).split(',');
  // The example and generated files quote nothing (no field holds a comma).
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i] as string, v])));
}

const fen = (s: string | undefined): bigint => BigInt((s ?? '0').replace('.', ''));
/** discharged − admitted, 0 when either is absent (the contract's `stay`). */
const days = (a: string | undefined, b: string | undefined): bigint => (a && b ? BigInt(Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000)) : 0n);
const PAYING = ['basic', 'critical_illness', 'medical_assistance', 'supplementary', 'fallback', 'finance'];

interface Joined {
  readonly claim: Row;
  readonly paid: bigint;
}

function join2(claims: Row[], settlements: Row[]): Joined[] {
  const byId = new Map(claims.map((c) => [c['id'], c]));
  return settlements.map((s) => ({ claim: byId.get(s['id']) as Row, paid: PAYING.reduce((sum, l) => sum + fen(s[l]), 0n) }));
}

/** num ÷ den as the summary prints a ratio: a percentage, 2 decimals, half-up, trailing zeros dropped. */
function pct(num: bigint, den: bigint): string {
  const q = (num * 20000n + den) / (2n * den);
  return `${Number(q) / 100}%`;
}
/** money ÷ count to the fen, half-up. */
function perClaim(sumFen: bigint, n: bigint): string {
  const q = (sumFen * 2n + n) / (2n * n);
  return `${q / 100n}.${String(q % 100n).padStart(2, '0')}`;
}
/** days ÷ count with 2 decimals, half-up, trailing zeros dropped. */
function perStay(sum: bigint, n: bigint): string {
  const q = (sum * 200n + n) / (2n * n);
  return String(Number(q) / 100);
}

/** num ÷ den − 1 as a signed percentage, 2 decimals, half-up away from zero, trailing zeros dropped. */
function growthPct(now: bigint, before: bigint): string {
  const d = now - before;
  const q = ((d < 0n ? -d : d) * 20000n + before) / (2n * before);
  return `${d < 0n ? '-' : ''}${Number(q) / 100}%`;
}

interface Group {
  key: string;
  value: string | null;
  growth?: string | null;
  met?: boolean;
}

function run(policyPath: string, claimsPath: string): { kpis: { name: string; value: string | null; met?: boolean; target?: { value: string }; groups?: Group[] }[]; joined: Joined[] } {
  const dir = tempDir();
  const out = join(dir, 's.csv');
  const summary = join(dir, 'summary.json');
  const r = policy(['batch', '--policy', policyPath, '--in', claimsPath, '--out', out, '--summary-json', summary]);
  expect(r.status).toBe(0);
  return { kpis: (JSON.parse(readFileSync(summary, 'utf8')) as { kpis: never }).kpis, joined: join2(csv(claimsPath), csv(out)) };
}

const poor = (c: Row): boolean => (c['categories'] ?? '').split('|').includes('registered_poor');

describe('安义 kpis over examples/claims.csv', () => {
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    r = run('policies/anyi', 'examples/claims.csv');
  });
  const value = (name: string): string | undefined => r.kpis.find((k) => k.name === name)?.value ?? undefined;
  // 住院类 in 安义: inpatient, or 门诊观察 settled as a stay (门诊观察按住院结算 = true)
  const stay = (c: Row): boolean => c['visit'] === 'inpatient' || c['visit'] === 'outpatient_observation';

  it('ratios of paid to total and to the in-catalogue amount, all and poor', () => {
    const all = r.joined;
    const p = all.filter((j) => poor(j.claim));
    const sum = (xs: Joined[], f: (j: Joined) => bigint): bigint => xs.reduce((s, j) => s + f(j), 0n);
    expect(value('贫困人口实际报销比例')).toBe(pct(sum(p, (j) => j.paid), sum(p, (j) => fen(j.claim['total']))));
    expect(value('实际报销比例')).toBe(pct(sum(all, (j) => j.paid), sum(all, (j) => fen(j.claim['total']))));
    expect(value('政策范围内报销比例')).toBe(pct(sum(all, (j) => j.paid), sum(all, (j) => fen(j.claim['inCatalog']))));
    const k = r.kpis.find((x) => x.name === '贫困人口实际报销比例');
    expect(k?.met).toBe(Number.parseFloat(k?.value ?? '0') >= 90);
  });

  it('county share, cost and length of stays', () => {
    const stays = r.joined.filter((j) => stay(j.claim));
    const n = BigInt(stays.length);
    expect(value('县域内住院率')).toBe(pct(BigInt(stays.filter((j) => j.claim['region'] === 'county').length), n));
    expect(value('次均住院费用')).toBe(perClaim(stays.reduce((s, j) => s + fen(j.claim['total']), 0n), n));
    expect(value('平均住院日')).toBe(perStay(stays.reduce((s, j) => s + days(j.claim['admitted'], j.claim['discharged']), 0n), n));
    expect(r.kpis).toHaveLength(8);
  });

  it('the yearly growth of medical costs (ANYI-9 < 10%) and the effective ratio by provider level', () => {
    const total = (y: string): bigint => r.joined.filter((j) => (j.claim['date'] ?? '').startsWith(y)).reduce((s, j) => s + fen(j.claim['total']), 0n);
    const years = [...new Set(r.joined.map((j) => (j.claim['date'] ?? '').slice(0, 4)))].sort();
    expect(years).toEqual(['2018', '2019']);
    const growth = growthPct(total('2019'), total('2018'));
    const k = r.kpis.find((x) => x.name === '年度医疗费用增长幅度');
    expect(k?.value).toBe(growth);
    expect(k?.met).toBe(Number.parseFloat(growth) < 10);
    expect(k?.groups?.map((g) => [g.key, g.growth ?? null])).toEqual([
      ['2018', null],
      ['2019', growth],
    ]);
    const byLevel = r.kpis.find((x) => x.name === '各级医疗机构实际报销比例')?.groups ?? [];
    const want = ['0', '1', '2', '3']
      .map((level) => r.joined.filter((j) => j.claim['level'] === level))
      .filter((xs) => xs.length > 0)
      .map((xs) => [xs[0]?.claim['level'], pct(xs.reduce((s, j) => s + j.paid, 0n), xs.reduce((s, j) => s + fen(j.claim['total']), 0n))]);
    expect(byLevel.map((g) => [g.key, g.value])).toEqual(want);
  });
});

describe('赤峰 kpis over generated claims, against the attachment reference values', () => {
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    const path = join(tempDir(), 'chifeng.csv');
    expect(policy(['generate', '--policy', 'policies/chifeng', '--count', '400', '--seed', '7', '--format', 'csv', '--out', path]).status).toBe(0);
    r = run('policies/chifeng', path);
  });

  it('each value, and met against its target', () => {
    const stays = r.joined.filter((j) => poor(j.claim) && j.claim['visit'] === 'inpatient');
    const n = BigInt(stays.length);
    const p = r.joined.filter((j) => poor(j.claim));
    const want: Record<string, [string, boolean | undefined]> = {};
    const county = pct(BigInt(stays.filter((j) => j.claim['region'] === 'county').length), n);
    want['县域内就诊率'] = [county, Number.parseFloat(county) >= 89.84];
    const cost = perClaim(stays.reduce((s, j) => s + fen(j.claim['total']), 0n), n);
    want['贫困人口次均住院费用'] = [cost, Number.parseFloat(cost) <= 5850.7];
    const los = perStay(stays.reduce((s, j) => s + days(j.claim['admitted'], j.claim['discharged']), 0n), n);
    want['贫困人口平均住院日'] = [los, Number.parseFloat(los) <= 10.9];
    const ratio = pct(p.reduce((s, j) => s + j.paid, 0n), p.reduce((s, j) => s + fen(j.claim['total']), 0n));
    want['贫困人口实际报销比例'] = [ratio, Number.parseFloat(ratio) >= 90];
    want['政策范围内报销比例'] = [pct(r.joined.reduce((s, j) => s + j.paid, 0n), r.joined.reduce((s, j) => s + fen(j.claim['inCatalog']), 0n)), undefined];
    // Person-years of the poor admitted, and those admitted twice or more in the year.
    const perPersonYear = new Map<string, number>();
    for (const j of stays) {
      const key = `${j.claim['personId']}/${(j.claim['date'] ?? '').slice(0, 4)}`;
      perPersonYear.set(key, (perPersonYear.get(key) ?? 0) + 1);
    }
    const repeat = pct(BigInt([...perPersonYear.values()].filter((c) => c >= 2).length), BigInt(perPersonYear.size));
    want['贫困人口年重复住院比例'] = [repeat, Number.parseFloat(repeat) <= 39.84];
    expect(n > 10n).toBe(true);
    expect(Object.fromEntries(r.kpis.map((k) => [k.name, [k.value, k.met]]))).toEqual(want);
  });
});

describe('kpis are the same for any number of workers', () => {
  it('persons, groups and growth: 1 worker and 3 workers give the same summary', () => {
    const dir = tempDir();
    const path = join(dir, 'chifeng.csv');
    expect(policy(['generate', '--policy', 'policies/chifeng', '--count', '600', '--seed', '11', '--format', 'csv', '--out', path]).status).toBe(0);
    const kpisWith = (workers: string): unknown => {
      const summary = join(dir, `summary-${workers}.json`);
      expect(policy(['batch', '--policy', 'policies/chifeng', '--in', path, '--out', join(dir, `s-${workers}.csv`), '--summary-json', summary, '--workers', workers]).status).toBe(0);
      return (JSON.parse(readFileSync(summary, 'utf8')) as { kpis: unknown }).kpis;
    };
    const one = kpisWith('1');
    expect(kpisWith('3')).toEqual(one);
    expect((one as { name: string }[]).map((k) => k.name)).toContain('贫困人口年重复住院比例');
  });
});
