import { Decimal, formatDate, parseDate, yearOfDay, type ResolvedPolicy, type TExpr } from '@policy/dsl';
import { childExprs } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim, type Level, type Referral, type Region, type Visit } from '../claim.js';

/** A claim as `policy eval` reads it (contract fields, money in yuan strings): what a counterexample shows. */
export interface PlainClaim {
  readonly id: string;
  readonly personId: string;
  readonly date: string;
  readonly categories: Category[];
  readonly visit: Visit;
  readonly level: Level;
  readonly region: Region;
  readonly referral: Referral;
  readonly designated: boolean;
  readonly disaster: boolean;
  readonly disease: string;
  readonly admitted: string;
  readonly discharged: string;
  readonly total: string;
  readonly inCatalog: string;
  readonly quota?: string;
}

const yuan = (fen: number | bigint): string => new Decimal(fen.toString()).dividedBy(100).toFixed(2);

/** The fields a generated claim is made of (amounts in fen, days as day numbers). */
export interface ClaimShape {
  readonly categories: Category[];
  readonly visit: Visit;
  readonly level: Level;
  readonly region: Region;
  readonly referral: Referral;
  readonly designated: boolean;
  readonly disaster: boolean;
  readonly disease: string;
  readonly day: number;
  readonly stay: number;
  readonly totalFen: number;
  readonly inCatalogFen: number;
  readonly quotaFen?: number;
}

export function plainClaim(s: ClaimShape, id: string, personId: string): PlainClaim {
  return {
    id,
    personId,
    date: formatDate(s.day),
    categories: s.categories,
    visit: s.visit,
    level: s.level,
    region: s.region,
    referral: s.referral,
    designated: s.designated,
    disaster: s.disaster,
    disease: s.disease,
    admitted: formatDate(s.day - s.stay),
    discharged: formatDate(s.day),
    total: yuan(s.totalFen),
    inCatalog: yuan(s.inCatalogFen),
    ...(s.quotaFen !== undefined ? { quota: yuan(s.quotaFen) } : {}),
  };
}

/** A validated claim from a plain one (the fields `policy eval` would fill in the same way). */
export function toClaim(p: PlainClaim): Claim {
  const day = parseDate(p.date) as number;
  const admitted = parseDate(p.admitted);
  const discharged = parseDate(p.discharged);
  const total = new Decimal(p.total);
  const inCatalog = new Decimal(p.inCatalog);
  const quota = p.quota !== undefined ? new Decimal(p.quota) : undefined;
  const fen = (d: Decimal) => d.times(100).toNumber();
  return {
    id: p.id,
    personId: p.personId,
    date: p.date,
    day,
    year: yearOfDay(day),
    categories: new Set(p.categories),
    categoryBits: p.categories.reduce((b, c) => b | CATEGORY_BITS[c], 0),
    visit: p.visit,
    level: p.level,
    region: p.region,
    referral: p.referral,
    designated: p.designated,
    disaster: p.disaster,
    disease: p.disease,
    diagnoses: new Set(),
    admitted,
    discharged,
    stay: admitted !== undefined && discharged !== undefined ? discharged - admitted : 0,
    total,
    inCatalog,
    outOfCatalog: total.minus(inCatalog),
    quota,
    totalFen: fen(total),
    inCatalogFen: fen(inCatalog),
    quotaFen: quota ? fen(quota) : undefined,
    hospitalId: '',
    extra: {},
  };
}

/**
 * Disease names worth trying on a policy: every text its sets, tables and conditions name, a
 * made-up name for each suffix or prefix it tests (`ends_with(disease, "癌")`), and none ("").
 */
export function diseaseCandidates(policy: ResolvedPolicy): string[] {
  const out = new Set<string>(['', '其他疾病']);
  for (const s of policy.sets) for (const e of s.elements) if (typeof e.value === 'string') out.add(e.value);
  for (const t of policy.tables) for (const r of t.rows) if (typeof r.key === 'string') out.add(r.key);
  const walk = (e: TExpr, depth = 0): void => {
    if (depth > 100) return;
    if (e.k === 'const' && typeof e.value === 'string') out.add(e.value);
    if (e.k === 'call' && (e.fn === 'ends_with' || e.fn === 'starts_with' || e.fn === 'contains')) {
      const part = e.args[1];
      if (part?.k === 'const' && typeof part.value === 'string') out.add(e.fn === 'starts_with' ? `${part.value}某病` : `某${part.value}`);
    }
    for (const c of childExprs(e)) walk(c, depth + 1);
  };
  for (const l of policy.lets) walk(l.expr);
  for (const r of policy.rules) {
    if (r.when) walk(r.when);
    for (const s of r.body) if (s.k !== 'flag') walk(s.expr);
  }
  for (const p of policy.properties) {
    if (p.when) walk(p.when);
    walk(p.body);
  }
  return [...out];
}
