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

/**
 * The layers' Chinese names, the documents' words. The first is the one outputs write
 * (`--labels zh`, the editor's hover); every one is read wherever a layer is named (test
 * expectations, mapping files, CSV headers).
 */
export const LAYER_NAMES_ZH: Record<LayerName, readonly string[]> = {
  basic: ['基本医保', '基本医疗保险'],
  critical_illness: ['大病保险'],
  medical_assistance: ['医疗救助'],
  supplementary: ['补充保险', '补充医保', '补充(商业)保险'],
  fallback: ['兜底保障', '兜底'],
  finance: ['县财政补助'],
  hospital: ['医疗机构承担'],
  patient: ['个人自付'],
};

export const LAYER_ZH: Record<LayerName, string> = Object.fromEntries(
  LAYERS.map((l) => [l, LAYER_NAMES_ZH[l][0] as string]),
) as Record<LayerName, string>;

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
  /** The field's Chinese names (the vocabulary table below). */
  readonly zh: readonly string[];
}

const scalar = (s: Scalar): Type => s;

/**
 * Claim fields a policy may read, as `total` or `claim.total`. `zh`: the field's Chinese names,
 * as the documents and the offices' spreadsheets write them: a claim file's key or CSV header
 * may be any of them (the first is the one outputs write with `--labels zh`).
 */
export const CLAIM_FIELDS: Record<string, FieldInfo> = {
  id: { type: scalar('text'), optional: false, doc: 'claim id', zh: ['理赔编号', '结算编号'] },
  personId: { type: scalar('text'), optional: false, doc: 'insured person', zh: ['参保人', '参保人编号', '人员编号'] },
  date: { type: scalar('date'), optional: false, doc: 'settlement date', zh: ['结算日期'] },
  categories: { type: { collection: 'category' }, optional: false, doc: 'population categories', zh: ['人群类别', '人员类别'] },
  visit: { type: scalar('visit'), optional: false, doc: 'kind of visit', zh: ['就诊类型', '医疗类别'] },
  level: { type: scalar('level'), optional: false, doc: 'provider grade 0–3', zh: ['医疗机构级别', '医院等级'] },
  region: { type: scalar('region'), optional: false, doc: 'where the provider stands', zh: ['就医地', '就医地点'] },
  referral: { type: scalar('referral'), optional: false, doc: 'referral status', zh: ['转诊备案', '转诊状态'] },
  designated: { type: scalar('bool'), optional: false, doc: 'designated provider 定点医疗机构', zh: ['定点医疗机构'] },
  disaster: { type: scalar('bool'), optional: false, doc: 'injured in a disaster 因灾受伤 (default false)', zh: ['因灾受伤'] },
  disease: { type: scalar('text'), optional: false, doc: 'main disease ("" when absent)', zh: ['病种', '疾病名称'] },
  diagnoses: { type: { collection: 'text' }, optional: false, doc: 'ICD-10 codes', zh: ['诊断编码'] },
  admitted: { type: scalar('date'), optional: true, doc: 'admission date', zh: ['入院日期'] },
  discharged: { type: scalar('date'), optional: true, doc: 'discharge date', zh: ['出院日期'] },
  total: { type: scalar('money'), optional: false, doc: 'invoice amount', zh: ['医疗总费用', '发票金额'] },
  inCatalog: { type: scalar('money'), optional: false, doc: 'in-catalogue amount 政策范围内费用', zh: ['政策范围内费用', '目录内费用', '合规费用'] },
  quota: { type: scalar('money'), optional: true, doc: 'disease quota 定额标准 carried by the claim', zh: ['定额标准'] },
  hospitalId: { type: scalar('text'), optional: false, doc: 'provider id ("" when absent)', zh: ['医疗机构编号', '定点医疗机构编号'] },
  outOfCatalog: { type: scalar('money'), optional: false, derived: true, doc: 'total − inCatalog 目录外', zh: ['目录外费用'] },
  stay: { type: scalar('days'), optional: false, derived: true, doc: 'discharged − admitted (0 when absent)', zh: ['住院天数'] },
  year: { type: scalar('number'), optional: false, derived: true, doc: 'calendar year of date', zh: ['年度'] },
};

/**
 * The names a settlement adds to its claim's (the contract's output), in Chinese: written by
 * `--labels zh`, and read as the reserved names they are.
 */
export const SETTLEMENT_NAMES_ZH: Readonly<Record<'policy' | 'version' | 'layers' | 'flags' | 'trace', readonly string[]>> = {
  policy: ['政策'],
  version: ['版本'],
  layers: ['各项金额'],
  flags: ['标记'],
  trace: ['追踪'],
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


// ---------------------------------------------------------------- one table, read both ways

/** What a Chinese (or code) name stands for: a code, several (a guess we refuse to make), or nothing. */
export type NameLookup = { readonly code: string } | { readonly ambiguous: readonly string[] } | undefined;

/**
 * Codes and their Chinese names, read both ways: a name (code or Chinese) → its code; a code →
 * the Chinese name outputs write. A name two codes claim is never resolved to either.
 */
export class AliasIndex {
  private readonly byName = new Map<string, string[]>();

  constructor(
    /** code → its Chinese names, the first the one written. */
    readonly names: Readonly<Record<string, readonly string[]>>,
  ) {
    for (const [code, zh] of Object.entries(names)) {
      for (const name of [code, ...zh]) {
        const codes = this.byName.get(name) ?? [];
        if (!codes.includes(code)) codes.push(code);
        this.byName.set(name, codes);
      }
    }
  }

  get codes(): string[] {
    return Object.keys(this.names);
  }

  isCode(name: string): boolean {
    return Object.hasOwn(this.names, name);
  }

  /** The code a name stands for (a code stands for itself). */
  lookup(name: string): NameLookup {
    const codes = this.byName.get(name);
    if (codes === undefined) return undefined;
    return codes.length === 1 ? { code: codes[0] as string } : { ambiguous: codes };
  }

  /** The Chinese name outputs write for a code (the code itself when it has none). */
  zh(code: string): string {
    return (Object.hasOwn(this.names, code) ? this.names[code]?.[0] : undefined) ?? code;
  }

  /** "inpatient 住院, outpatient_chronic 门诊慢特病 / 慢性病门诊, …": for messages listing what is accepted. */
  describe(): string {
    return Object.entries(this.names)
      .map(([code, zh]) => (zh.length > 0 ? `${code} ${zh.join(' / ')}` : code))
      .join(', ');
  }
}

/** The claim fields a record carries (derived ones are not read), the settlement's names. */
const RECORD_FIELD_NAMES: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.entries(CLAIM_FIELDS).filter(([, f]) => f.derived !== true).map(([name, f]) => [name, f.zh])),
  ...SETTLEMENT_NAMES_ZH,
};

export type VocabularyKind = 'field' | 'layer' | EnumKind;

/**
 * The vocabulary, one index per kind: record fields (keys, CSV headers), layers, and each
 * enumeration. Claim files, test cases, rosters and mapping files read names through it;
 * outputs with `--labels zh` write through it.
 */
export const VOCABULARY: Readonly<Record<VocabularyKind, AliasIndex>> = {
  field: new AliasIndex(RECORD_FIELD_NAMES),
  layer: new AliasIndex(LAYER_NAMES_ZH),
  visit: new AliasIndex(ENUMS.visit),
  region: new AliasIndex(ENUMS.region),
  referral: new AliasIndex(ENUMS.referral),
  category: new AliasIndex(ENUMS.category),
};
