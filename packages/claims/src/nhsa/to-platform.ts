import type { NhsaMapping } from './mapping.js';

/**
 * A contract claim (raw, as a JSON Lines file carries it) as the platform record that the
 * mapping turns back into it: the inverse of platform-record.ts, for example files, generated
 * platform input and the round-trip tests. Each contract value takes the first code (in code
 * order) the mapping gives it; a local region (county or city) is told by the two admdvs codes.
 * Undefined when the mapping has no code for the claim's visit, level or region.
 */

export interface ToPlatformOptions {
  /** The insured's 6-digit division code (参保地医保区划), default 360123 (安义县). */
  readonly insured?: string;
  /** Time of day added to dates (setl_time, begndate, enddate), default none: dates alone. */
  readonly time?: string;
}

type Raw = Readonly<Record<string, unknown>>;

function firstCode<T>(table: Readonly<Record<string, T>>, test: (entry: T) => boolean): string | undefined {
  return Object.keys(table)
    .sort()
    .find((k) => test(table[k] as T));
}

export function contractToPlatform(claim: Raw, mapping: NhsaMapping, options: ToPlatformOptions = {}): Record<string, unknown> | undefined {
  const insured = options.insured ?? '360123';
  const at = (d: unknown): unknown => (typeof d === 'string' && options.time ? `${d} ${options.time}` : d);
  const visit = claim['visit'];
  const referral = claim['referral'];
  // A code that says emergency only for an emergency claim; otherwise one that says nothing.
  const medType =
    (referral === 'emergency' ? firstCode(mapping.medType, (e) => e.visit === visit && e.referral === 'emergency') : undefined) ??
    firstCode(mapping.medType, (e) => e.visit === visit && (e.referral === undefined || e.referral === referral));
  const hospLv = firstCode(mapping.hospLv, (e) => e.level === claim['level']);
  const region = claim['region'];
  let payLoc = firstCode(mapping.payLoc, (e) => e.region === region);
  let admdvs: [string, string] | undefined;
  if (payLoc === undefined && (region === 'county' || region === 'city')) {
    payLoc = firstCode(mapping.payLoc, (e) => e.region === 'local');
    const city = `${insured.slice(0, 4)}${insured.slice(4) === '00' ? '01' : '00'}`;
    admdvs = [insured, region === 'county' ? insured : city];
  }
  if (medType === undefined || hospLv === undefined || payLoc === undefined) return undefined;
  const med = mapping.medType[medType];

  const out: Record<string, unknown> = {};
  const put = (k: string, v: unknown): void => {
    if (v !== undefined) out[k] = v;
  };
  put('setl_id', claim['id']);
  put('psn_no', claim['personId']);
  put('med_type', medType);
  put('setl_time', at(claim['date']));
  put('begndate', at(claim['admitted']));
  put('enddate', at(claim['discharged']));
  put('fixmedins_code', claim['hospitalId']);
  put('hosp_lv', hospLv);
  put('pay_loc', payLoc);
  if (admdvs) {
    put('insuplc_admdvs', admdvs[0]);
    put('mdtrt_admdvs', admdvs[1]);
  }
  const diagnoses = claim['diagnoses'];
  put('dise_codg', Array.isArray(diagnoses) && diagnoses.length > 0 ? diagnoses.join('|') : undefined);
  put('dise_name', claim['disease']);
  put('medfee_sumamt', claim['total']);
  put('inscp_scp_amt', claim['inCatalog']);
  put('categories', claim['categories']);
  put('designated', claim['designated']);
  if (med?.referral === undefined) put('referral', referral);
  put('disaster', claim['disaster']);
  put('quota', claim['quota']);
  const contract = new Set(['id', 'personId', 'date', 'visit', 'level', 'region', 'referral', 'designated', 'disease', 'diagnoses', 'admitted', 'discharged', 'total', 'inCatalog', 'quota', 'hospitalId', 'disaster', 'categories']);
  for (const [k, v] of Object.entries(claim)) if (!contract.has(k) && !Object.hasOwn(out, k)) out[k] = v;
  return out;
}
