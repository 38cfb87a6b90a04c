import { reason, renderReason, withText, type ReasonRef } from '../runtime/errors.js';
import { Decimal, ZERO, formatMoney, parseDate, roundFen, type PremiumIR, type SubsidyIR } from '@policy/dsl';
import { CATEGORY_BITS, type Category, type Claim } from '../claim.js';
import type { CompiledPolicy, CompiledVersion } from '../compile/compile-policy.js';
import { compileExpr, type Fn } from '../compile/compile-expr.js';
import { formatValue } from '../compile/format-value.js';
import { ClaimContext } from '../runtime/context.js';

/**
 * Premium subsidies (docs/premiums.md): for a person and a year, each premium the person is
 * enrolled in (its `when`), its contribution standard, the first subsidy in force whose condition
 * holds (分类资助: one class a person) and what the person pays. A person-year is read under the
 * version in force on December 31 of the year (P2); its categories are those held on any day of
 * the year (P1). Nothing here reads a file: the rosters come in as categories.
 */

export interface PremiumParameter {
  readonly name: string;
  readonly value: string;
  readonly cites: readonly string[];
  readonly assumed?: string;
}

export interface PremiumRow {
  readonly person: string;
  readonly year: number;
  readonly premium: string;
  /** The categories the person held during the year, in the contract's order. */
  readonly categories: readonly Category[];
  /** The version the year was read under. */
  readonly version: string;
  readonly standard: Decimal;
  /** The subsidy class that applied, absent when none did (the person pays the standard). */
  readonly subsidy?: string;
  readonly source?: string;
  readonly subsidyAmount: Decimal;
  readonly pays: Decimal;
  /** The subsidy's clauses, else the premium's. */
  readonly cites: readonly string[];
  readonly parameters: readonly PremiumParameter[];
}

/** A premium whose amounts break the contract for a person-year: a policy error, named. */
export class PremiumError extends Error {
  override readonly name = 'PremiumError';
  constructor(
    readonly person: string,
    readonly year: number,
    readonly premium: string,
    message: string | ReasonRef,
  ) {
    const text = reason('engine.premium.error', { person, year, premium, problem: message });
    super(renderReason(text, 'en'));
    withText(this, text);
  }

  /** The message as a table entry (its English is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;
}

interface CompiledSubsidy {
  readonly ir: SubsidyIR;
  readonly value: Fn;
  readonly when?: Fn;
}

interface CompiledPremium {
  readonly ir: PremiumIR;
  readonly when?: Fn;
  readonly standard: Fn;
  readonly subsidies: readonly CompiledSubsidy[];
  readonly parameters: readonly PremiumParameter[];
}

function inForce(d: { readonly from?: string; readonly until?: string }, version: CompiledVersion): boolean {
  return (d.from === undefined || d.from <= version.date) && (d.until === undefined || version.date < d.until);
}

/** A person-year as the compiled expressions read it: only `categories`, `categoryBits` and `year` carry meaning (E705 keeps the rest unread). */
function personYearClaim(person: string, year: number, categories: ReadonlySet<Category>): Claim {
  const date = `${String(year).padStart(4, '0')}-12-31`;
  const day = parseDate(date) as number;
  let bits = 0;
  for (const c of categories) bits |= CATEGORY_BITS[c];
  return {
    id: `${person}/${year}`,
    personId: person,
    date,
    day,
    year,
    categories,
    categoryBits: bits,
    visit: 'outpatient',
    level: 0,
    region: 'county',
    referral: 'referred',
    designated: true,
    disaster: false,
    disease: '',
    diagnoses: new Set(),
    admitted: undefined,
    discharged: undefined,
    stay: 0,
    total: ZERO,
    inCatalog: ZERO,
    outOfCatalog: ZERO,
    quota: undefined,
    totalFen: 0,
    inCatalogFen: 0,
    quotaFen: undefined,
    hospitalId: '',
    extra: {},
  };
}

/** The premiums of one version, compiled once. */
class VersionPremiums {
  readonly ctx: ClaimContext;
  readonly premiums: readonly CompiledPremium[];

  constructor(
    policyLets: number,
    readonly version: CompiledVersion,
    premiums: readonly PremiumIR[],
  ) {
    this.ctx = new ClaimContext(0, policyLets);
    const env = version.compileEnv;
    this.premiums = premiums
      .filter((p) => inForce(p, version))
      .map((p) => ({
        ir: p,
        standard: compileExpr(p.standard, env),
        subsidies: p.subsidies.filter((s) => inForce(s, version)).map((s) => ({ ir: s, value: compileExpr(s.value, env), ...(s.when ? { when: compileExpr(s.when, env) } : {}) })),
        parameters: p.params.map((q) => ({ name: q.name, value: formatValue(env.paramValue(q), q.type), cites: q.cites, ...(q.assumed !== undefined ? { assumed: q.assumed } : {}) })),
        ...(p.when ? { when: compileExpr(p.when, env) } : {}),
      }));
  }
}

const money = (v: unknown): Decimal => (v instanceof Decimal ? roundFen(v) : ZERO);

/** A policy's premiums, compiled for each version a year is read under. */
export class CompiledPremiums {
  readonly premiums: readonly PremiumIR[];
  private readonly byVersion = new Map<CompiledVersion, VersionPremiums>();

  constructor(private readonly policy: CompiledPolicy) {
    this.premiums = policy.resolved.premiums;
  }

  /** The version a year is read under: the one in force on its December 31 (undefined before the first version). */
  versionOfYear(year: number): CompiledVersion | undefined {
    const day = parseDate(`${String(year).padStart(4, '0')}-12-31`);
    return day === undefined ? undefined : this.policy.versionFor(day);
  }

  /** One row per premium the person is enrolled in that year; PremiumError when a subsidy breaks the contract. */
  personYear(person: string, year: number, categories: ReadonlySet<Category>): PremiumRow[] {
    const version = this.versionOfYear(year);
    if (!version || this.premiums.length === 0) return [];
    let vp = this.byVersion.get(version);
    if (!vp) {
      vp = new VersionPremiums(this.policy.resolved.lets.length, version, this.premiums);
      this.byVersion.set(version, vp);
    }
    const claim = personYearClaim(person, year, categories);
    const held = (Object.keys(CATEGORY_BITS) as Category[]).filter((c) => categories.has(c));
    const rows: PremiumRow[] = [];
    for (const p of vp.premiums) {
      const ctx = vp.ctx;
      ctx.begin(claim, false);
      if (p.when && p.when(ctx) !== true) continue;
      const standard = money(p.standard(ctx));
      if (standard.isNegative()) throw new PremiumError(person, year, p.ir.name, reason('engine.premium.standard-negative', { amount: formatMoney(standard) }));
      const chosen = p.subsidies.find((s) => !s.when || s.when(ctx) === true);
      const amount = chosen ? money(chosen.value(ctx)) : ZERO;
      if (chosen && amount.isNegative()) throw new PremiumError(person, year, p.ir.name, reason('engine.premium.subsidy-negative', { subsidy: chosen.ir.name, amount: formatMoney(amount) }));
      if (amount.greaterThan(standard)) {
        throw new PremiumError(person, year, p.ir.name, reason('engine.premium.subsidy-over', { subsidy: String(chosen?.ir.name), amount: formatMoney(amount), standard: formatMoney(standard) }));
      }
      rows.push({
        person,
        year,
        premium: p.ir.name,
        categories: held,
        version: version.date,
        standard,
        ...(chosen ? { subsidy: chosen.ir.name, source: chosen.ir.source } : {}),
        subsidyAmount: amount,
        pays: standard.minus(amount),
        cites: chosen ? chosen.ir.cites : p.ir.cites,
        parameters: p.parameters,
      });
    }
    return rows;
  }
}

/** Totals of premium rows: by premium, by the categories held (one key per combination) and by fund. */
export interface PremiumGroup {
  readonly key: string;
  readonly persons: number;
  readonly standard: Decimal;
  readonly subsidy: Decimal;
  readonly pays: Decimal;
}

class Group {
  persons = 0;
  standard = ZERO;
  subsidy = ZERO;
  pays = ZERO;
  add(r: PremiumRow): void {
    this.persons++;
    this.standard = this.standard.plus(r.standard);
    this.subsidy = this.subsidy.plus(r.subsidyAmount);
    this.pays = this.pays.plus(r.pays);
  }
  done(key: string): PremiumGroup {
    return { key, persons: this.persons, standard: this.standard, subsidy: this.subsidy, pays: this.pays };
  }
}

export interface PremiumTotals {
  readonly premium: string;
  readonly year: number;
  readonly all: PremiumGroup;
  /** Keyed by the categories held, joined with `+` (`none` for none), in first-seen order sorted by key. */
  readonly byCategory: readonly PremiumGroup[];
  /** Keyed by fund; the person-years no subsidy applied to are under `(none)`. */
  readonly bySource: readonly PremiumGroup[];
}

/** Adds rows up per (premium, year); exact (decimal.js). */
export class PremiumTally {
  private readonly groups = new Map<string, { premium: string; year: number; all: Group; byCategory: Map<string, Group>; bySource: Map<string, Group> }>();

  add(r: PremiumRow): void {
    const k = `${r.premium}\u0000${r.year}`;
    let g = this.groups.get(k);
    if (!g) {
      g = { premium: r.premium, year: r.year, all: new Group(), byCategory: new Map(), bySource: new Map() };
      this.groups.set(k, g);
    }
    g.all.add(r);
    const cat = r.categories.length === 0 ? 'none' : r.categories.join('+');
    const src = r.source ?? '(none)';
    (g.byCategory.get(cat) ?? g.byCategory.set(cat, new Group()).get(cat) as Group).add(r);
    (g.bySource.get(src) ?? g.bySource.set(src, new Group()).get(src) as Group).add(r);
  }

  totals(): PremiumTotals[] {
    const sorted = <T>(m: Map<string, Group>, f: (k: string, g: Group) => T): T[] => [...m.keys()].sort().map((k) => f(k, m.get(k) as Group));
    return [...this.groups.values()]
      .sort((a, b) => a.year - b.year || (a.premium < b.premium ? -1 : a.premium > b.premium ? 1 : 0))
      .map((g) => ({
        premium: g.premium,
        year: g.year,
        all: g.all.done('all'),
        byCategory: sorted(g.byCategory, (k, x) => x.done(k)),
        bySource: sorted(g.bySource, (k, x) => x.done(k)),
      }));
  }
}
