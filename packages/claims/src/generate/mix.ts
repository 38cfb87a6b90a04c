import type { Level, Region, Visit } from '@policy/engine';

/**
 * The mix `policy generate` draws from (docs/claims.md "Generated claims"). Shares are
 * fractions 0–1; visit weights are relative; level and region factors multiply the built-in
 * weights (per visit kind, per level). The default keeps ordinary claims common — diseases
 * outside every set the policy names, persons in no category — so that a change of any ratio
 * over generated claims moves some of them.
 */
export interface GenerateMix {
  /** Of the inpatient and outpatient-chronic claims, the share whose disease is one the policy names (the rest: the generator's own diseases the policy does not name). */
  readonly listed: number;
  /** The share of persons in no category (ordinary residents). */
  readonly ordinary: number;
  readonly visit: Readonly<Record<Visit, number>>;
  readonly level: Readonly<Record<Level, number>>;
  readonly region: Readonly<Record<Region, number>>;
}

export const DEFAULT_MIX: GenerateMix = {
  listed: 0.3,
  ordinary: 0.57,
  visit: { inpatient: 45, outpatient_chronic: 30, outpatient_observation: 5, outpatient: 20 },
  level: { 0: 1, 1: 1, 2: 1, 3: 1 },
  region: { county: 1, city: 1, province: 1, out_of_province: 1 },
};

/** A mix that cannot be used: names the key and what it takes. */
export class MixError extends Error {
  override readonly name = 'MixError';
}

const SHARES = ['listed', 'ordinary'] as const;
const GROUPS = { visit: Object.keys(DEFAULT_MIX.visit), level: Object.keys(DEFAULT_MIX.level), region: Object.keys(DEFAULT_MIX.region) } as const;

export function mixKeys(): string[] {
  return [...SHARES, ...Object.entries(GROUPS).flatMap(([g, ks]) => ks.map((k) => `${g}.${k}`))];
}

/**
 * The default mix with the given changes: `listed=0.5,ordinary=0.4,visit.outpatient=40` or the
 * same as JSON (`{ "listed": 0.5, "visit": { "outpatient": 40 } }`).
 */
export function parseMix(spec: string | Record<string, unknown>, where = '--mix'): GenerateMix {
  const entries: [string, unknown][] = [];
  if (typeof spec === 'string') {
    for (const part of spec.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new MixError(`${where}: "${part}" is not KEY=VALUE (keys: ${mixKeys().join(', ')})`);
      entries.push([part.slice(0, eq).trim(), part.slice(eq + 1).trim()]);
    }
  } else {
    for (const [k, v] of Object.entries(spec)) {
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) entries.push([`${k}.${k2}`, v2]);
      else entries.push([k, v]);
    }
  }
  const mix = { listed: DEFAULT_MIX.listed, ordinary: DEFAULT_MIX.ordinary, visit: { ...DEFAULT_MIX.visit }, level: { ...DEFAULT_MIX.level }, region: { ...DEFAULT_MIX.region } };
  const keys = new Set(mixKeys());
  for (const [key, raw] of entries) {
    if (!keys.has(key)) throw new MixError(`${where}: unknown key ${JSON.stringify(key)} (keys: ${mixKeys().join(', ')})`);
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(value) || value < 0) throw new MixError(`${where}: ${key} must be a number ≥ 0 (got ${JSON.stringify(raw)})`);
    if ((SHARES as readonly string[]).includes(key)) {
      if (value > 1) throw new MixError(`${where}: ${key} is a share from 0 to 1 (got ${value})`);
      mix[key as (typeof SHARES)[number]] = value;
    } else {
      const [group, name] = key.split('.') as [keyof typeof GROUPS, string];
      (mix[group] as Record<string, number>)[name] = value;
    }
  }
  if (Object.values(mix.visit).every((w) => w === 0)) throw new MixError(`${where}: at least one visit.* weight must be above 0`);
  if (Object.values(mix.level).every((w) => w === 0)) throw new MixError(`${where}: at least one level.* factor must be above 0`);
  if (Object.values(mix.region).every((w) => w === 0)) throw new MixError(`${where}: at least one region.* factor must be above 0`);
  return mix;
}
