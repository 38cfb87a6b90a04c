import { reason, renderReason } from '@policy/engine';
import { currentLang } from '../lang.js';
import { basename } from 'node:path';
import { AtomicFile, OPEN_END, csvLine, refuseClashes, policyInputs, type OutputFormat, type RosterRow, type LoadedRosters } from '@policy/claims';
import { textWidth, formatDate, formatMoney, parseDate } from '@policy/dsl';
import { CompiledPremiums, PremiumError, PremiumTally, type Category, type CompiledPolicy, type PremiumGroup, type PremiumRow, type PremiumTotals } from '@policy/engine';
import { UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { loadRosterRows } from '../roster/roster-options.js';
import { ref, t, type Lang } from '@policy/dsl';
import { padStartWidth } from '../render/pad.js';

/**
 * `policy premium` (docs/premiums.md): each person of the rosters, each year they held a
 * category, each premium of the policy they are enrolled in — the standard, the subsidy class
 * that applied (cited), the fund that pays it and what the person pays; totals by category and
 * by fund. Rows in (person, year, premium) order.
 */

export interface PremiumConfig {
  readonly policy: string;
  readonly roster: readonly string[];
  readonly rosterConflicts?: string;
  /** One year; absent: every year the rosters touch. */
  readonly year?: number;
  readonly out: string;
  readonly format: OutputFormat;
  readonly summaryJson?: string;
}

export interface PremiumSummary {
  readonly policy: string;
  readonly rosters: LoadedRosters;
  readonly years: readonly number[];
  readonly persons: number;
  /** Person-years with at least one category. */
  readonly personYears: number;
  readonly rows: number;
  /** Years before the policy's first version: their person-years are counted, not computed. */
  readonly beforeFirstVersion: readonly { readonly year: number; readonly personYears: number }[];
  readonly totals: readonly PremiumTotals[];
}

/** More years than this from one set of rosters is a mistake (a mistyped 1018 or 9999): ask for --year. */
const MAX_YEARS = 100;

export const PREMIUM_COLUMNS = ['person', 'year', 'premium', 'categories', 'version', 'standard', 'subsidy', 'source', 'subsidyAmount', 'pays', 'cites', 'parameters'] as const;

export function premiumRowJson(r: PremiumRow): Record<string, unknown> {
  return {
    person: r.person,
    year: r.year,
    premium: r.premium,
    categories: r.categories,
    version: r.version,
    standard: formatMoney(r.standard),
    subsidy: r.subsidy ?? null,
    source: r.source ?? null,
    subsidyAmount: formatMoney(r.subsidyAmount),
    pays: formatMoney(r.pays),
    cites: r.cites,
    parameters: r.parameters.map((p) => ({ name: p.name, value: p.value, ...(p.cites.length > 0 ? { cites: p.cites } : {}), ...(p.assumed !== undefined ? { assumed: p.assumed } : {}) })),
  };
}

function premiumCells(r: PremiumRow): string[] {
  return [
    r.person,
    String(r.year),
    r.premium,
    r.categories.join(' '),
    r.version,
    formatMoney(r.standard),
    r.subsidy ?? '',
    r.source ?? '',
    formatMoney(r.subsidyAmount),
    formatMoney(r.pays),
    r.cites.join(' '),
    r.parameters.map((p) => `${p.name}=${p.value}`).join('; '),
  ];
}

const yearOf = (day: number): number => Number(formatDate(day).slice(0, 4));

/**
 * The years to compute: the one asked for, or every year from the earliest entry to the latest
 * year any row names or the policy's latest version starts in (an open period runs on to it).
 */
function yearsOf(rows: readonly RosterRow[], asked: number | undefined, lastVersionYear: number): number[] {
  if (asked !== undefined) return [asked];
  let first = Infinity;
  let last = lastVersionYear;
  for (const r of rows) {
    const from = yearOf(r.from);
    first = Math.min(first, from);
    last = Math.max(last, from);
    if (r.to !== OPEN_END) last = Math.max(last, yearOf(r.to));
  }
  if (first === Infinity) return [];
  if (last - first + 1 > MAX_YEARS) throw new UsageError(ref('cmd.usage.premium-years', { first, last, n: last - first + 1 }));
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/** The categories a person held on any day of the year. */
function heldIn(rows: readonly RosterRow[], year: number): Set<Category> {
  const jan1 = parseDate(`${String(year).padStart(4, '0')}-01-01`) as number;
  const dec31 = parseDate(`${String(year).padStart(4, '0')}-12-31`) as number;
  const held = new Set<Category>();
  for (const r of rows) if (r.from <= dec31 && r.to >= jan1) held.add(r.category);
  return held;
}

/** Reads the rosters, computes every person-year and writes the rows; the summary for the report. */
export async function runPremium(config: PremiumConfig): Promise<PremiumSummary> {
  if (config.roster.length === 0) throw new UsageError(ref('cmd.usage.premium-needs-roster'));
  refuseClashes(
    [...policyInputs('--policy', config.policy), ...config.roster.map((path) => ({ option: '--roster', path }))],
    [{ option: '--out', path: config.out }, ...(config.summaryJson ? [{ option: '--summary-json', path: config.summaryJson }] : [])],
  );
  const policy: CompiledPolicy = loadCompiled(config.policy, { engine: 'decimal', settles: true });
  const premiums = new CompiledPremiums(policy);
  if (premiums.premiums.length === 0) throw new UsageError(ref('cmd.usage.premium-none', { name: policy.name }));
  if (config.year !== undefined && !premiums.versionOfYear(config.year)) {
    throw new UsageError(ref('cmd.usage.premium-year-early', { year: config.year, name: policy.name, first: policy.firstVersion }));
  }
  const rosters = await loadRosterRows(config.roster, config.rosterConflicts, 'premium');
  const byPerson = new Map<string, RosterRow[]>();
  for (const r of rosters.rows) {
    const list = byPerson.get(r.person);
    if (list) list.push(r);
    else byPerson.set(r.person, [r]);
  }
  const years = yearsOf(rosters.rows, config.year, Number(policy.versions[policy.versions.length - 1]?.date.slice(0, 4) ?? 0));
  const early = new Map<number, number>();
  const tally = new PremiumTally();
  const out = new AtomicFile(config.out);
  let personYears = 0;
  let written = 0;
  try {
    if (config.format === 'csv') await out.write(csvLine([...PREMIUM_COLUMNS]));
    const persons = [...byPerson.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const person of persons) {
      const rows = byPerson.get(person) as RosterRow[];
      for (const year of years) {
        const held = heldIn(rows, year);
        if (held.size === 0) continue;
        personYears++;
        if (!premiums.versionOfYear(year)) {
          early.set(year, (early.get(year) ?? 0) + 1);
          continue;
        }
        for (const row of premiums.personYear(person, year, held)) {
          tally.add(row);
          written++;
          await out.write(config.format === 'csv' ? csvLine(premiumCells(row)) : `${JSON.stringify(premiumRowJson(row))}\n`);
        }
      }
    }
    await out.commit();
  } catch (e) {
    out.abort();
    if (e instanceof PremiumError) throw new PremiumPolicyError(renderReason(reason('engine.premium.nothing-written', { problem: e.text ?? e.message }), currentLang()));
    throw e;
  }
  const summary: PremiumSummary = {
    policy: policy.name,
    rosters,
    years,
    persons: byPerson.size,
    personYears,
    rows: written,
    beforeFirstVersion: [...early.entries()].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, personYears: n })),
    totals: tally.totals(),
  };
  if (config.summaryJson) {
    const f = new AtomicFile(config.summaryJson);
    await f.write(`${JSON.stringify(premiumSummaryJson(summary, config), null, 2)}\n`);
    await f.commit();
  }
  return summary;
}

/** A subsidy that breaks the contract for some person-year: the policy is wrong (exit 1). */
export class PremiumPolicyError extends Error {
  override readonly name = 'PremiumPolicyError';
}

function groupJson(g: PremiumGroup): Record<string, unknown> {
  return { key: g.key, persons: g.persons, standard: formatMoney(g.standard), subsidy: formatMoney(g.subsidy), pays: formatMoney(g.pays) };
}

export function premiumSummaryJson(s: PremiumSummary, config: PremiumConfig): Record<string, unknown> {
  return {
    policy: s.policy,
    rosters: s.rosters.files.map((f) => ({ file: f.file, rows: f.rows.length })),
    output: config.out,
    years: s.years,
    persons: s.persons,
    personYears: s.personYears,
    rows: s.rows,
    beforeFirstVersion: s.beforeFirstVersion,
    premiums: s.totals.map((t) => ({ premium: t.premium, year: t.year, ...groupJson(t.all), byCategory: t.byCategory.map(groupJson), bySource: t.bySource.map(groupJson) })),
  };
}

function grouped(amount: string): string {
  const [int, frac] = amount.split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac ?? '00'}`;
}

const pad = (text: string, n: number): string => text + ' '.repeat(Math.max(1, n - textWidth(text)));

/** The report on stderr: counts, then per premium and year the totals by category and by fund. */
export function renderPremiumSummary(s: PremiumSummary, config: PremiumConfig, lang: Lang = currentLang()): string {
  const years = s.years.length === 0 ? t(lang, 'cmd.premium.no-years') : s.years.length === 1 ? String(s.years[0]) : `${s.years[0]}–${s.years[s.years.length - 1]}`;
  const lines = [
    t(lang, 'cmd.premium.title', { policy: s.policy, rosters: s.rosters.files.map((f) => basename(f.file)).join(', '), out: config.out }),
    `  ${t(lang, 'cmd.premium.rosters', { rows: s.rosters.rows.length, persons: s.persons, years })}`,
    `  ${pad(t(lang, 'cmd.premium.person-years'), 30)}${String(s.personYears).padStart(8)}`,
    `  ${pad(t(lang, 'cmd.premium.rows-written'), 30)}${String(s.rows).padStart(8)}`,
  ];
  for (const e of s.beforeFirstVersion) lines.push(`  ${t(lang, 'cmd.premium.before-first', { year: e.year, n: e.personYears })}`);
  const row = (label: string, g: PremiumGroup): string =>
    `    ${pad(label, 36)}${String(g.persons).padStart(8)}${grouped(formatMoney(g.standard)).padStart(16)}${grouped(formatMoney(g.subsidy)).padStart(16)}${grouped(formatMoney(g.pays)).padStart(16)}`;
  const head = (id: 'cmd.premium.persons' | 'cmd.premium.standard' | 'cmd.premium.subsidy' | 'cmd.premium.pays', n: number): string => padStartWidth(t(lang, id), n);
  for (const total of s.totals) {
    lines.push(`  ${t(lang, 'cmd.premium.premium', { premium: total.premium, year: total.year })}`);
    lines.push(`    ${pad('', 36)}${head('cmd.premium.persons', 8)}${head('cmd.premium.standard', 16)}${head('cmd.premium.subsidy', 16)}${head('cmd.premium.pays', 16)}`);
    lines.push(row(t(lang, 'cmd.premium.all'), total.all));
    lines.push(`    ${t(lang, 'cmd.premium.by-category')}`);
    for (const g of total.byCategory) lines.push(row(`  ${g.key}`, g));
    lines.push(`    ${t(lang, 'cmd.premium.by-fund')}`);
    for (const g of total.bySource) lines.push(row(`  ${g.key}`, g));
  }
  return lines.join('\n');
}
