import type { Scalar, Type } from './check/types.js';
import { BUILTINS, type Builtin } from './builtins.js';

/**
 * The contract's vocabulary (docs/design/contract.md): layers, claim fields and their
 * enumerated values. Chinese aliases are the documents' own words, so an analyst may write
 * `visit == 住院` as well as `visit == inpatient`.
 */

/** Layers in the contract's order (also the CSV column order). */
export const LAYERS = [
  'basic',
  'critical_illness',
  'medical_assistance',
  'supplementary',
  'fallback',
  'finance',
  'hospital',
  'patient',
] as const;
export type LayerName = (typeof LAYERS)[number];

/** Layers that pay for the patient (everything but what the hospital absorbs and the patient pays). */
export const PAYING_LAYERS: readonly LayerName[] = [
  'basic',
  'critical_illness',
  'medical_assistance',
  'supplementary',
  'fallback',
  'finance',
];

export const LAYER_ZH: Record<LayerName, string> = {
  basic: '基本医保',
  critical_illness: '大病保险',
  medical_assistance: '医疗救助',
  supplementary: '补充保险',
  fallback: '兜底',
  finance: '县财政补助',
  hospital: '医疗机构承担',
  patient: '个人自付',
};

export function isLayer(name: string): name is LayerName {
  return (LAYERS as readonly string[]).includes(name);
}

export type EnumKind = 'visit' | 'region' | 'referral' | 'category';

/** Enumerated values: canonical name → Chinese aliases. */
export const ENUMS: Record<EnumKind, Record<string, readonly string[]>> = {
  visit: {
    inpatient: ['住院'],
    outpatient_chronic: ['门诊慢特病', '慢性病门诊'],
    outpatient_observation: ['门诊观察'],
    outpatient: ['普通门诊'],
  },
  region: {
    county: ['县域内'],
    city: ['市级'],
    province: ['省内市外'],
    out_of_province: ['省外'],
  },
  referral: {
    referred: ['转诊'],
    unreferred: ['未转诊'],
    emergency: ['急诊'],
  },
  category: {
    registered_poor: ['建档立卡贫困人口'],
    extreme_poor: ['特困人员'],
    dibao: ['低保对象'],
    dibao_edge: ['低保边缘家庭成员'],
    monitored: ['防止返贫监测对象'],
    hardship: ['刚性支出困难家庭患病成员'],
  },
};

export interface EnumValue {
  readonly kind: EnumKind;
  /** The canonical (contract) name. */
  readonly value: string;
}

const enumByName = new Map<string, EnumValue>();
for (const [kind, values] of Object.entries(ENUMS) as [EnumKind, Record<string, readonly string[]>][]) {
  for (const [value, aliases] of Object.entries(values)) {
    enumByName.set(value, { kind, value });
    for (const a of aliases) enumByName.set(a, { kind, value });
  }
}

export function lookupEnumValue(name: string): EnumValue | undefined {
  return enumByName.get(name);
}

export function enumNames(): string[] {
  return [...enumByName.keys()];
}

export function enumValues(kind: EnumKind): string[] {
  return Object.keys(ENUMS[kind]);
}

export const LEVELS = [0, 1, 2, 3] as const;

export interface FieldInfo {
  readonly type: Type;
  /** May be absent from a claim: reading it needs `??` (E206). */
  readonly optional: boolean;
  /** Computed from other fields, not read from the record. */
  readonly derived?: boolean;
  readonly doc: string;
}

const scalar = (s: Scalar): Type => s;

/** Claim fields a policy may read, as `total` or `claim.total`. */
export const CLAIM_FIELDS: Record<string, FieldInfo> = {
  id: { type: scalar('text'), optional: false, doc: 'claim id' },
  personId: { type: scalar('text'), optional: false, doc: 'insured person' },
  date: { type: scalar('date'), optional: false, doc: 'settlement date' },
  categories: { type: { collection: 'category' }, optional: false, doc: 'population categories' },
  visit: { type: scalar('visit'), optional: false, doc: 'kind of visit' },
  level: { type: scalar('level'), optional: false, doc: 'provider grade 0–3' },
  region: { type: scalar('region'), optional: false, doc: 'where the provider stands' },
  referral: { type: scalar('referral'), optional: false, doc: 'referral status' },
  designated: { type: scalar('bool'), optional: false, doc: 'designated provider 定点医疗机构' },
  disaster: { type: scalar('bool'), optional: false, doc: 'injured in a disaster 因灾受伤 (default false)' },
  disease: { type: scalar('text'), optional: false, doc: 'main disease ("" when absent)' },
  diagnoses: { type: { collection: 'text' }, optional: false, doc: 'ICD-10 codes' },
  admitted: { type: scalar('date'), optional: true, doc: 'admission date' },
  discharged: { type: scalar('date'), optional: true, doc: 'discharge date' },
  total: { type: scalar('money'), optional: false, doc: 'invoice amount' },
  inCatalog: { type: scalar('money'), optional: false, doc: 'in-catalogue amount 政策范围内费用' },
  quota: { type: scalar('money'), optional: true, doc: 'disease quota 定额标准 carried by the claim' },
  hospitalId: { type: scalar('text'), optional: false, doc: 'provider id ("" when absent)' },
  outOfCatalog: { type: scalar('money'), optional: false, derived: true, doc: 'total − inCatalog 目录外' },
  stay: { type: scalar('days'), optional: false, derived: true, doc: 'discharged − admitted (0 when absent)' },
  year: { type: scalar('number'), optional: false, derived: true, doc: 'calendar year of date' },
};

/** Fields a table can be looked up by, with the type of their keys. */
export const KEY_FIELDS = ['level', 'visit', 'region', 'referral', 'disease', 'hospitalId'] as const;

/** Values about the settlement so far. */
export const STATE_NAMES: Record<string, { type: Type; doc: string }> = {
  paid: { type: 'money', doc: 'sum of the paying layers assigned so far' },
  remaining: { type: 'money', doc: 'total − every layer assigned so far: what the patient would pay now' },
};

/** The built-in functions by name (builtins.ts is the table). */
export const FUNCTIONS: Readonly<Record<string, Builtin>> = BUILTINS;

