import { reason, renderReason, type ReasonRef, type Region } from '@policy/engine';
import { kindOf } from '../input/messages.js';
import { csvRowToRaw } from '../input/csv-row.js';
import { isContractField } from '../input/fields.js';
import { ownField } from '../input/own-field.js';
import { knownCodes, mappingName, type NhsaMapping } from './mapping.js';

/**
 * One platform settlement record (setlinfo fields, as a JSON object or a CSV row) → a raw claim
 * of the contract, before validation; or the platform field at fault and why. The contract's
 * validation runs after this on the raw claim, and its rejections are renamed back to platform
 * fields (`platformField`), so every message names a field the user's file has.
 *
 * setl_id → id, psn_no → personId, setl_time → date (its date part), med_type → visit (and
 * referral), medfee_sumamt → total, inscp_scp_amt → inCatalog, pay_loc (+ fixmedins_code,
 * insuplc_admdvs / mdtrt_admdvs) → region, hosp_lv → level, dise_name → disease, dise_codg →
 * diagnoses, begndate / enddate → admitted / discharged (date parts), fixmedins_code →
 * hospitalId. The platform has no categories, designated, disaster, quota, nor a referral
 * other than med_type's: columns with those contract names are read when present. Every other
 * field passes through to the output untouched.
 */

/** Platform fields this mapping reads, and the contract field each becomes. */
export const PLATFORM_TO_CONTRACT: Readonly<Record<string, string>> = {
  setl_id: 'id',
  psn_no: 'personId',
  setl_time: 'date',
  med_type: 'visit',
  medfee_sumamt: 'total',
  inscp_scp_amt: 'inCatalog',
  pay_loc: 'region',
  hosp_lv: 'level',
  dise_name: 'disease',
  dise_codg: 'diagnoses',
  begndate: 'admitted',
  enddate: 'discharged',
  fixmedins_code: 'hospitalId',
};

/** Read to tell county from city on a local settlement; not passed through. */
const ADMDVS = ['insuplc_admdvs', 'mdtrt_admdvs'] as const;

/** Contract fields the platform lacks: read from columns of that name when present. */
export const CONTRACT_EXTRAS = ['categories', 'designated', 'referral', 'disaster', 'quota'] as const;

const CONTRACT_TO_PLATFORM: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PLATFORM_TO_CONTRACT).map(([p, c]) => [c, p]),
);

/** A contract field named in a rejection (`total`, `diagnoses[1]`) as the platform field it came from. */
export function platformField(field: string): string {
  const m = /^([A-Za-z]+)(.*)$/.exec(field);
  if (!m) return field;
  const p = CONTRACT_TO_PLATFORM[m[1] as string];
  return p === undefined ? field : `${p}${m[2] ?? ''}`;
}

export type Mapped =
  | { readonly ok: true; readonly raw: Record<string, unknown> }
  | { readonly ok: false; readonly field?: string; readonly message: string; readonly text: ReasonRef; readonly id?: string };

type Fields = Readonly<Record<string, unknown>>;

function own(r: Fields, name: string): unknown {
  if (!Object.hasOwn(r, name)) return undefined;
  const v = r[name];
  // CSV cannot tell absent from empty; JSON null is absent too.
  return v === '' || v === null ? undefined : v;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A code as text: codes are strings; a JSON integer is read as its digits. */
function code(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return undefined;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d):([0-5]\d))?$/;

/** `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD` → its date part (the calendar is checked by the contract). */
function datePart(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  return DATE_TIME.exec(v.trim())?.[1];
}

const ADMDVS_CODE = /^\d{6}$/;

class Fault {
  constructor(
    readonly field: string,
    readonly text: ReasonRef,
  ) {}
}

/** Converts one platform record; `fromCsv`: its values are CSV cell texts. */
export function platformToRaw(record: unknown, mapping: NhsaMapping, fromCsv: boolean): Mapped {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    const text = reason('nhsa.record.not-object', { kind: Array.isArray(record) ? kindOf(record) : show(record) });
    return { ok: false, message: renderReason(text, 'en'), text };
  }
  const r = record as Fields;
  const idValue = own(r, 'setl_id');
  const id = typeof idValue === 'string' ? idValue : typeof idValue === 'number' && Number.isFinite(idValue) ? String(idValue) : undefined;
  try {
    return { ok: true, raw: convert(r, mapping, fromCsv) };
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    return { ok: false, field: e.field, message: renderReason(e.text, 'en'), text: e.text, ...(id !== undefined ? { id } : {}) };
  }
}

function convert(r: Fields, mapping: NhsaMapping, fromCsv: boolean): Record<string, unknown> {
  for (const name of Object.keys(r)) {
    if (isContractField(name) && !(CONTRACT_EXTRAS as readonly string[]).includes(name) && own(r, name) !== undefined) {
      const from = CONTRACT_TO_PLATFORM[name];
      throw new Fault(name, from ? reason('nhsa.field.contract-from', { name, from }) : reason('nhsa.field.contract', { name }));
    }
  }
  const raw: Record<string, unknown> = {};
  const put = (name: string, v: unknown): void => {
    if (v !== undefined) ownField(raw, name, v);
  };
  // id, personId, money: as given; the contract's schema judges them (errors renamed back).
  put('id', own(r, 'setl_id'));
  put('personId', own(r, 'psn_no'));
  put('date', dateField(r, 'setl_time', true));

  const medType = codeField(r, 'med_type', true) as string;
  const med = lookup(mapping.medType, medType, 'med_type', mapping);
  put('visit', med.visit);

  const hosp = codeField(r, 'hosp_lv', true) as string;
  put('level', lookup(mapping.hospLv, hosp, 'hosp_lv', mapping).level);

  put('region', region(r, mapping));

  const givenReferral = own(r, 'referral');
  if (med.referral !== undefined && givenReferral !== undefined && givenReferral !== med.referral) {
    throw new Fault(
      'referral',
      reason('nhsa.referral.contradicts', { value: show(givenReferral), medType: JSON.stringify(medType), referral: JSON.stringify(med.referral), mapping: mappingName(mapping.source) }),
    );
  }
  if (med.referral !== undefined) put('referral', med.referral);

  put('disease', own(r, 'dise_name'));
  const codes = own(r, 'dise_codg');
  put('diagnoses', typeof codes === 'string' ? codes.split('|').map((c) => c.trim()).filter((c) => c !== '') : codes);
  put('admitted', dateField(r, 'begndate', false));
  put('discharged', dateField(r, 'enddate', false));
  put('total', own(r, 'medfee_sumamt'));
  put('inCatalog', own(r, 'inscp_scp_amt'));
  put('hospitalId', own(r, 'fixmedins_code'));

  // The contract's own names for what the platform lacks; CSV text converted as for a contract CSV.
  const extras: Record<string, unknown> = {};
  for (const name of CONTRACT_EXTRAS) {
    const v = own(r, name);
    if (v !== undefined && !Object.hasOwn(raw, name)) extras[name] = v;
  }
  const converted = fromCsv ? csvRowToRaw(extras as Record<string, string>) : extras;
  for (const [k, v] of Object.entries(converted)) put(k, v);

  // Everything else passes through (empty CSV cells too, as the contract's CSV does).
  for (const name of Object.keys(r)) {
    if (Object.hasOwn(PLATFORM_TO_CONTRACT, name) || (ADMDVS as readonly string[]).includes(name) || isContractField(name)) continue;
    ownField(raw, name, r[name]);
  }
  return raw;
}

function codeField(r: Fields, name: string, required: boolean): string | undefined {
  const v = own(r, name);
  if (v === undefined) {
    if (required) throw new Fault(name, reason('claims.field.required'));
    return undefined;
  }
  const c = code(v);
  if (c === undefined) throw new Fault(name, reason('nhsa.rule.code', { value: show(v) }));
  return c;
}

function dateField(r: Fields, name: string, required: boolean): string | undefined {
  const v = own(r, name);
  if (v === undefined) {
    if (required) throw new Fault(name, reason('claims.field.required'));
    return undefined;
  }
  const d = datePart(v);
  if (d === undefined) throw new Fault(name, reason('nhsa.rule.date-time', { value: show(v) }));
  return d;
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string, field: string, mapping: NhsaMapping): T {
  if (!Object.hasOwn(table, key)) {
    throw new Fault(field, reason('nhsa.code.unmapped', { code: JSON.stringify(key), mapping: mappingName(mapping.source), known: knownCodes(table) }));
  }
  return table[key] as T;
}

/**
 * pay_loc names the region, or says the settlement is local (the insured's own pool: county
 * or city). A local one is placed by fixmedins_region (the provider's code), else by the two
 * admdvs codes (参保地 / 就医地医保区划: same code → county, same city → city, same province →
 * province, else out of province), else the mapping's local_region.
 */
function region(r: Fields, mapping: NhsaMapping): Region {
  const payLoc = codeField(r, 'pay_loc', true) as string;
  const entry = lookup(mapping.payLoc, payLoc, 'pay_loc', mapping);
  if (entry.region !== 'local') return entry.region;
  const provider = code(own(r, 'fixmedins_code'));
  if (provider !== undefined && Object.hasOwn(mapping.fixmedinsRegion, provider)) return mapping.fixmedinsRegion[provider] as Region;
  const insured = own(r, 'insuplc_admdvs');
  const treated = own(r, 'mdtrt_admdvs');
  if (insured !== undefined && treated !== undefined) {
    const a = code(insured);
    const b = code(treated);
    if (a === undefined || !ADMDVS_CODE.test(a)) throw new Fault('insuplc_admdvs', reason('nhsa.rule.division', { value: show(insured) }));
    if (b === undefined || !ADMDVS_CODE.test(b)) throw new Fault('mdtrt_admdvs', reason('nhsa.rule.division', { value: show(treated) }));
    if (a === b) return 'county';
    if (a.slice(0, 4) === b.slice(0, 4)) return 'city';
    if (a.slice(0, 2) === b.slice(0, 2)) return 'province';
    return 'out_of_province';
  }
  return mapping.localRegion;
}
