import { LAYER_ZH, type LayerName } from '@policy/dsl';

/**
 * The words of an explanation, in English (the default) and in Chinese for analysts. One
 * table per language, so that both always say the same things. The Chinese layer names are
 * those of the contract's vocabulary (docs/design/contract.md).
 */

export type ExplainLang = 'en' | 'zh';

export interface ExplainLabels {
  readonly layers: Readonly<Record<LayerName, string>>;
  readonly claim: string;
  readonly policy: string;
  readonly version: string;
  readonly person: string;
  readonly date: string;
  readonly total: string;
  readonly layersHeading: string;
  readonly rule: string;
  readonly cites: string;
  readonly reading: string;
  readonly formula: string;
  readonly let: string;
  readonly table: string;
  readonly modifier: string;
  readonly yearlyCap: string;
  /** `cap − used used = left left; the formula gave before` */
  capLine(cap: string, used: string, left: string, before: string): string;
  readonly rounded: string;
  readonly accumulator: string;
  readonly flag: string;
  readonly patientFormula: string;
  readonly notApplied: string;
  readonly isFalse: string;
  /** `in 专项救治` */
  inLet(name: string): string;
  readonly noTrace: string;
}

export const LABELS: Readonly<Record<ExplainLang, ExplainLabels>> = {
  en: {
    layers: {
      basic: 'basic',
      critical_illness: 'critical_illness',
      medical_assistance: 'medical_assistance',
      supplementary: 'supplementary',
      fallback: 'fallback',
      finance: 'finance',
      hospital: 'hospital',
      patient: 'patient',
    },
    claim: 'claim',
    policy: 'policy',
    version: 'version',
    person: 'person',
    date: 'date',
    total: 'total',
    layersHeading: 'layers',
    rule: 'rule',
    cites: 'cites',
    reading: 'reading',
    formula: 'formula',
    let: 'let',
    table: 'table',
    modifier: 'modifier',
    yearlyCap: 'yearly cap',
    capLine: (cap, used, left, before) => `${cap} − ${used} used = ${left} left; the formula gave ${before}`,
    rounded: 'rounded half-up to the fen',
    accumulator: 'accumulator',
    flag: 'flag',
    patientFormula: 'total − the other layers',
    notApplied: 'rules not applied',
    isFalse: 'false',
    inLet: (name) => `in ${name}`,
    noTrace: '(no trace)',
  },
  zh: {
    // The vocabulary's Chinese layer names (packages/dsl/src/vocabulary.ts), one table for every output.
    layers: LAYER_ZH,
    claim: '理赔',
    policy: '政策',
    version: '版本',
    person: '参保人',
    date: '结算日期',
    total: '医疗总费用',
    layersHeading: '各项金额',
    rule: '规则',
    cites: '依据',
    reading: '解读',
    formula: '公式',
    let: '中间值',
    table: '查表',
    modifier: '调整',
    yearlyCap: '年度封顶',
    capLine: (cap, used, left, before) => `${cap} − 已用 ${used} = 剩余 ${left}; 公式结果 ${before}`,
    rounded: '四舍五入到分',
    accumulator: '累计值',
    flag: '标记',
    patientFormula: '医疗总费用 − 其他各项',
    notApplied: '未适用的规则',
    isFalse: '条件不成立',
    inLet: (name) => `${name} 中`,
    noTrace: '(无追踪)',
  },
};
