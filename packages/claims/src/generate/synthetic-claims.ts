import type { Category, Level, Referral, Region, Visit } from '@policy/engine';
import {
  CHRONIC_DISEASES,
  ICD10,
  INPATIENT_DISEASES,
  OBSERVATION_DISEASES,
  OUTPATIENT_DISEASES,
  SECONDARY_ICD10,
  SERIOUS_DISEASE_QUOTA,
  costFactor,
  type Weighted,
} from './diseases.js';
import { DEFAULT_MIX, type GenerateMix } from './mix.js';
import { Rng, mixSeed } from './prng.js';
import { formatFen, type RawClaim } from './raw-claim.js';

export type { RawClaim } from './raw-claim.js';

/**
 * Deterministic synthetic claims for tests, examples and benchmarks: a seeded population of
 * persons, each with fixed categories and diseases, and claims drawn one at a time so a stream
 * of millions never holds more than one claim. Same options → same claims, byte for byte.
 *
 * The frequencies are plausible for a rural Jiangxi county in 2018, not statistics.
 */
export interface GenerateOptions {
  /** Number of claims. */
  readonly count: number;
  /** Any 32-bit integer. */
  readonly seed: number;
  /** Calendar year of every date; default 2018, never before 2018 (the policy's first version). */
  readonly year?: number;
  /** Size of the population; default one person per 5 claims. */
  readonly persons?: number;
  /**
   * The policy's disease names: a share `mix.listed` of inpatient and outpatient-chronic claims
   * draws from them (each equally likely), the rest from the built-in lists less these names.
   */
  readonly diseases?: { readonly inpatient: readonly string[]; readonly chronic: readonly string[] };
  /** The mix of diseases, categories, visits, levels and regions (DEFAULT_MIX when absent). */
  readonly mix?: GenerateMix;
}

/** All claims at once (small counts: tests, examples). Same sequence as `claimStream`. */
export function generateClaims(options: GenerateOptions): RawClaim[] {
  return Array.from(claimStream(options));
}

/** Claims one by one, C0000001 first; holds only the current claim (for 1M+ benchmarks). */
export function claimStream(options: GenerateOptions): Generator<RawClaim> {
  // Checked here, not inside the generator body, so bad options fail at the call.
  return streamClaims(plan(options));
}

interface Plan {
  readonly count: number;
  readonly seed: number;
  readonly persons: number;
  readonly daysInYear: number;
  /** `YYYY-MM-DD` of every day of the year, computed once. */
  readonly dates: readonly string[];
  readonly inpatient: DiseasePool;
  readonly chronic: DiseasePool;
  readonly mix: GenerateMix;
  readonly visits: readonly (readonly [Visit, number])[];
  readonly levels: Readonly<Record<Visit, readonly (readonly [Level, number])[]>>;
  readonly regions: Readonly<Record<Level, readonly (readonly [Region, number])[]>>;
  /** Where a person's draw stops being ordinary, and being registered poor. */
  readonly ordinaryEnd: number;
  readonly poorEnd: number;
}

/** The policy's names (drawn with probability `listed`) and the others; or the built-in list alone. */
interface DiseasePool {
  readonly listed?: Weighted;
  readonly listedShare: number;
  readonly other: Weighted;
}

function drawFrom(rng: Rng, pool: DiseasePool): string {
  if (!pool.listed) return rng.weighted(pool.other);
  if (pool.other.length === 0 || rng.chance(pool.listedShare)) return rng.weighted(pool.listed);
  return rng.weighted(pool.other);
}

interface Person {
  readonly id: string;
  readonly categories: Category[];
  /** The condition most of this person's stays are for, when they have one. */
  readonly mainCondition: string | undefined;
  readonly chronicDisease: string;
  readonly hospitalNo: number;
}

const DAY_MS = 86_400_000;

function plan(options: GenerateOptions): Plan {
  const { count, seed } = options;
  const year = options.year ?? 2018;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(year) || year < 2018 || year > 9999) {
    throw new RangeError(`year must be 2018…9999 (no policy version before 2018-01-01), got ${year}`);
  }
  const persons = options.persons ?? Math.max(1, Math.round(count / 5));
  if (!Number.isSafeInteger(persons) || persons < 1) throw new RangeError(`persons must be a whole number ≥ 1, got ${persons}`);
  const mix = options.mix ?? DEFAULT_MIX;
  const pool = (names: readonly string[] | undefined, builtIn: Weighted, what: string): DiseasePool => {
    if (!names) return { listedShare: 0, other: builtIn };
    if (names.length === 0) throw new RangeError(`diseases.${what} must not be empty`);
    const named = new Set(names);
    return { listed: names.map((name) => [name, 1] as const), listedShare: mix.listed, other: builtIn.filter(([d]) => !named.has(d)) };
  };
  const firstDay = Date.UTC(year, 0, 1) / DAY_MS;
  const daysInYear = Date.UTC(year + 1, 0, 1) / DAY_MS - firstDay;
  const dates = Array.from({ length: daysInYear }, (_, d) => new Date((firstDay + d) * DAY_MS).toISOString().slice(0, 10));
  const scale = <K extends string | number>(weights: readonly (readonly [K, number])[], factor: (k: K) => number): (readonly [K, number])[] => weights.map(([k, w]) => [k, w * factor(k)] as const);
  const levels = Object.fromEntries((Object.keys(LEVEL_MIX) as Visit[]).map((v) => [v, scale(LEVEL_MIX[v], (l) => mix.level[l])])) as unknown as Record<Visit, (readonly [Level, number])[]>;
  const regions = Object.fromEntries(([0, 1, 2, 3] as Level[]).map((l) => [l, scale(REGION_MIX[l], (r) => mix.region[r])])) as unknown as Record<Level, (readonly [Region, number])[]>;
  for (const v of Object.keys(levels) as Visit[]) if (mix.visit[v] > 0 && levels[v].every(([, w]) => w === 0)) throw new RangeError(`mix: no level is left for visit ${v} (its levels all have factor 0)`);
  for (const l of [0, 1, 2, 3] as Level[]) if (mix.level[l] > 0 && regions[l].every(([, w]) => w === 0)) throw new RangeError(`mix: no region is left for level ${l} (its regions all have factor 0)`);
  // The built-in shares of the categorised: 30 registered poor to 13 others (drawCategories).
  const ordinaryEnd = mix.ordinary;
  const poorEnd = mix.ordinary === DEFAULT_MIX.ordinary ? 0.87 : mix.ordinary + ((1 - mix.ordinary) * 30) / 43;
  return {
    count,
    seed: seed | 0,
    persons,
    daysInYear,
    dates,
    inpatient: pool(options.diseases?.inpatient, INPATIENT_DISEASES, 'inpatient'),
    chronic: pool(options.diseases?.chronic, CHRONIC_DISEASES, 'chronic'),
    mix,
    visits: (Object.keys(mix.visit) as Visit[]).map((v) => [v, mix.visit[v]] as const),
    levels,
    regions,
    ordinaryEnd,
    poorEnd,
  };
}

function* streamClaims(p: Plan): Generator<RawClaim> {
  const rng = new Rng(mixSeed(p.seed, 0x636c6169));
  const personSeed = mixSeed(p.seed, 0x70657273);
  for (let n = 1; n <= p.count; n++) {
    // Skewed towards low numbers: some persons claim often, some rarely.
    const index = Math.min(p.persons - 1, Math.floor(p.persons * rng.next() ** 1.3));
    yield drawClaim(rng, p, person(personSeed, index, p), `C${String(n).padStart(7, '0')}`);
  }
}

/** A person is a pure function of (seed, index): nothing about the population is stored. */
function person(personSeed: number, index: number, p: Plan): Person {
  const rng = new Rng(mixSeed(personSeed, index));
  return {
    id: `P${String(index + 1).padStart(6, '0')}`,
    categories: drawCategories(rng, p),
    mainCondition: rng.chance(0.4) ? drawFrom(rng, p.inpatient) : undefined,
    chronicDisease: drawFrom(rng, p.chronic),
    hospitalNo: rng.int(1, 12),
  };
}

/** By default ≈57% ordinary residents, 30% registered poor (some also 特困 or 低保), 13% other groups. */
function drawCategories(rng: Rng, p: Plan): Category[] {
  const u = rng.next();
  if (u < p.ordinaryEnd) return [];
  if (u < p.poorEnd) {
    return rng.weighted<Category[]>([
      [['registered_poor'], 55],
      [['registered_poor', 'extreme_poor'], 12],
      [['registered_poor', 'dibao'], 25],
      [['registered_poor', 'dibao_edge'], 4],
      [['registered_poor', 'dibao', 'hardship'], 4],
    ]).slice();
  }
  return rng.weighted<Category[]>([
    [['dibao'], 5],
    [['dibao_edge'], 3],
    [['monitored'], 2.5],
    [['hardship'], 1.5],
    [['extreme_poor'], 1],
  ]).slice();
}

const LEVEL_MIX: Readonly<Record<Visit, readonly (readonly [Level, number])[]>> = {
  inpatient: [[0, 1], [1, 35], [2, 45], [3, 19]],
  outpatient_chronic: [[0, 3], [1, 45], [2, 37], [3, 15]],
  outpatient_observation: [[1, 40], [2, 45], [3, 15]],
  outpatient: [[0, 45], [1, 40], [2, 12], [3, 3]],
};

/** The county has clinics, township and county hospitals; third-grade ones stand outside it. */
const REGION_MIX: Readonly<Record<Level, readonly (readonly [Region, number])[]>> = {
  0: [['county', 1]],
  1: [['county', 97], ['city', 2], ['province', 1]],
  2: [['county', 84], ['city', 10], ['province', 4], ['out_of_province', 2]],
  3: [['county', 4], ['city', 60], ['province', 22], ['out_of_province', 14]],
};

/** Administrative codes for hospital ids: 安义县 360123, 南昌市 360100, other 江西 cities, other provinces. */
const REGION_CODES: Readonly<Record<Region, readonly string[]>> = {
  county: ['360123'],
  city: ['360100'],
  province: ['360400', '360700', '361100'],
  out_of_province: ['110000', '310000', '330100', '440100'],
};

function drawClaim(rng: Rng, p: Plan, who: Person, id: string): RawClaim {
  const visit = rng.weighted(p.visits);
  const level = rng.weighted(p.levels[visit]);
  const region = rng.weighted(p.regions[level]);
  const inCounty = region === 'county';
  const referral = rng.weighted(inCounty ? REFERRAL_IN_COUNTY : visit === 'inpatient' || visit === 'outpatient_observation' ? REFERRAL_OUT_ACUTE : REFERRAL_OUT_PLANNED);
  const designated = rng.chance(inCounty ? 0.98 : 0.9);
  const disease = drawDisease(rng, p, who, visit);
  const diagnoses = disease === undefined ? undefined : drawDiagnoses(rng, disease);

  let stay = 0;
  let totalFen: number;
  let day = rng.int(0, p.daysInYear - 1);
  if (visit === 'inpatient') {
    stay = clamp(Math.round(STAY_MEDIAN[level] * Math.exp(0.5 * rng.normal())), 1, 30);
    if (day < stay) day = stay; // the stay starts inside the year too
    const perDay = DAILY_COST[level] * costFactor(disease) * Math.exp(0.45 * rng.normal());
    totalFen = clampFen(stay * perDay, 300, INPATIENT_MAX[level]);
  } else {
    const [median, sigma, min, max] = AMOUNTS[visit][level];
    const factor = visit === 'outpatient_chronic' ? costFactor(disease) : 1;
    totalFen = clampFen(median * factor * Math.exp(sigma * rng.normal()), min, max);
  }
  const inCatalogFen = Math.floor((totalFen * drawCatalogShare(rng)) / 10_000);

  const policyQuota = disease === undefined ? undefined : SERIOUS_DISEASE_QUOTA[disease];
  const quota =
    visit === 'inpatient' && level >= 2 && policyQuota !== undefined && rng.chance(0.15)
      ? // A hospital's own negotiated quota, near the policy's: whole hundreds of yuan.
        formatFen(Math.round((policyQuota * (0.9 + 0.3 * rng.next())) / 100) * 10_000)
      : undefined;
  const hospitalId = rng.chance(0.95)
    ? `H${rng.pick(REGION_CODES[region])}${level}${String(inCounty ? who.hospitalNo : rng.int(1, 40)).padStart(2, '0')}`
    : undefined;

  // Keys in contract order, absent ones left out (so JSON output is stable without a re-sort).
  const date = formatDay(p, day);
  return {
    id,
    personId: who.id,
    date,
    categories: who.categories,
    visit,
    level,
    region,
    referral,
    designated,
    ...(disease === undefined ? {} : { disease }),
    ...(diagnoses === undefined ? {} : { diagnoses }),
    ...(visit === 'inpatient' ? { admitted: formatDay(p, day - stay), discharged: date } : {}),
    total: formatFen(totalFen),
    inCatalog: formatFen(inCatalogFen),
    ...(quota === undefined ? {} : { quota }),
    ...(hospitalId === undefined ? {} : { hospitalId }),
  };
}

const REFERRAL_IN_COUNTY: readonly (readonly [Referral, number])[] = [['referred', 96], ['emergency', 3], ['unreferred', 1]];
/** Out of the county, stays are often unreferred or emergencies; planned visits are not emergencies. */
const REFERRAL_OUT_ACUTE: readonly (readonly [Referral, number])[] = [['referred', 65], ['unreferred', 22], ['emergency', 13]];
const REFERRAL_OUT_PLANNED: readonly (readonly [Referral, number])[] = [['referred', 72], ['unreferred', 28]];

function drawDisease(rng: Rng, p: Plan, who: Person, visit: Visit): string | undefined {
  switch (visit) {
    case 'inpatient':
      return who.mainCondition !== undefined && rng.chance(0.7) ? who.mainCondition : drawFrom(rng, p.inpatient);
    case 'outpatient_chronic':
      return rng.chance(0.85) ? who.chronicDisease : drawFrom(rng, p.chronic);
    case 'outpatient_observation':
      return rng.weighted(OBSERVATION_DISEASES);
    case 'outpatient':
      return rng.chance(0.35) ? undefined : rng.weighted(OUTPATIENT_DISEASES);
  }
}

function drawDiagnoses(rng: Rng, disease: string): string[] | undefined {
  const code = ICD10[disease];
  if (code === undefined || !rng.chance(0.7)) return undefined;
  const second = rng.pick(SECONDARY_ICD10);
  return rng.chance(0.25) && second !== code ? [code, second] : [code];
}

/** Share of the bill inside the catalogue, in basis points: usually 70–95%, now and then mostly outside. */
function drawCatalogShare(rng: Rng): number {
  const u = rng.next();
  if (u < 0.06) return rng.int(1_000, 5_000);
  if (u < 0.16) return rng.int(9_500, 10_000);
  return rng.int(7_000, 9_500);
}

const STAY_MEDIAN: Readonly<Record<Level, number>> = { 0: 3, 1: 6, 2: 8, 3: 11 };
/** Yuan per day of an ordinary stay. */
const DAILY_COST: Readonly<Record<Level, number>> = { 0: 200, 1: 380, 2: 850, 3: 1900 };
const INPATIENT_MAX: Readonly<Record<Level, number>> = { 0: 5_000, 1: 30_000, 2: 120_000, 3: 200_000 };

/** Per visit and level: [median yuan, log-sigma, min yuan, max yuan]. */
type AmountShape = readonly [number, number, number, number];
const AMOUNTS: Readonly<Record<Exclude<Visit, 'inpatient'>, Readonly<Record<Level, AmountShape>>>> = {
  outpatient: { 0: [35, 0.7, 5, 800], 1: [75, 0.7, 5, 1_500], 2: [170, 0.7, 10, 3_000], 3: [320, 0.7, 10, 3_000] },
  outpatient_chronic: {
    0: [150, 0.7, 20, 3_000],
    1: [380, 0.7, 20, 30_000],
    2: [850, 0.7, 20, 60_000],
    3: [1_700, 0.7, 20, 60_000],
  },
  outpatient_observation: {
    0: [250, 0.6, 50, 3_000],
    1: [450, 0.6, 50, 8_000],
    2: [1_100, 0.6, 50, 15_000],
    3: [2_300, 0.6, 50, 15_000],
  },
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A drawn amount in yuan to whole fen within [min, max] yuan: the only float → money step. */
function clampFen(yuan: number, minYuan: number, maxYuan: number): number {
  return clamp(Math.round(yuan * 100), minYuan * 100, maxYuan * 100);
}

/** `YYYY-MM-DD` of a day of the plan's year (0 = 1 January). */
function formatDay(p: Plan, dayOfYear: number): string {
  const text = p.dates[dayOfYear];
  if (text === undefined) throw new RangeError(`day ${dayOfYear} outside ${p.dates[0]}…`);
  return text;
}
