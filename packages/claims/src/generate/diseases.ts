/**
 * Disease names for synthetic claims, as policies/anyi writes them, with rough frequencies
 * and an ICD-10 code each (for `diagnoses`). The weights are plausible, not statistics: enough
 * that every rule of the 安义 policy (15 serious diseases, 30 chronic diseases in two classes,
 * 晚期血吸虫病, cancers, dialysis and kidney transplant) is reached in a few hundred claims.
 */

export type Weighted = readonly (readonly [string, number])[];

/** 十五种重大疾病 (ANYI-10) with the policy's quota 定额标准 in yuan. */
export const SERIOUS_DISEASE_QUOTA: Readonly<Record<string, number>> = {
  食道癌: 35000,
  胃癌: 32000,
  直肠癌: 30000,
  结肠癌: 30000,
  肺癌: 35000,
  耐多药肺结核: 25000,
  慢性粒细胞白血病: 40000,
  急性心肌梗塞: 30000,
  脑梗死: 15000,
  血友病: 20000,
  Ⅰ型糖尿病: 8000,
  甲亢: 5000,
  儿童苯丙酮尿症: 10000,
  尿道下裂: 10000,
  地中海贫血: 30000,
};

/** 门诊慢特病Ⅰ类 (ANYI-5.1, as the policy reads it). */
export const CHRONIC_CLASS_1 = [
  '地中海贫血', '儿童生长激素缺乏症', '恶性肿瘤门诊放化疗', '尿毒症透析',
  '器官移植抗排斥治疗', '再生障碍性贫血', '血友病', '重性精神病',
] as const;

/** 门诊慢特病Ⅱ类 (ANYI-5.1, as the policy reads it). */
export const CHRONIC_CLASS_2 = [
  '血吸虫病', '结核病', '癫痫', '高血压', '糖尿病', '冠心病', '慢性心力衰竭', '脑卒中后遗症',
  '帕金森病', '类风湿性关节炎', '系统性红斑狼疮', '慢性阻塞性肺疾病', '支气管哮喘', '肝硬化',
  '慢性病毒性肝炎', '甲状腺功能亢进', '肾病综合征', '慢性肾功能衰竭', '强直性脊柱炎',
  '重症肌无力', '银屑病', '股骨头坏死',
] as const;

/** 透析与肾移植 (ANYI-8). */
export const KIDNEY_DISEASES = ['尿毒症', '终末期肾病', '肾透析', '肾移植', '肾移植抗排斥治疗'] as const;

const COMMON_CHRONIC = new Set(['高血压', '糖尿病', '冠心病', '慢性阻塞性肺疾病', '脑卒中后遗症']);

/** Diseases of outpatient_chronic claims: mostly the common class-Ⅱ ones; a few off the list. */
export const CHRONIC_DISEASES: Weighted = [
  ...CHRONIC_CLASS_2.map((d) => [d, COMMON_CHRONIC.has(d) ? 8 : 1] as const),
  ...CHRONIC_CLASS_1.map((d) => [d, d === '尿毒症透析' || d === '恶性肿瘤门诊放化疗' ? 2 : 0.5] as const),
  // Not among the 30: the policy flags them (and 肾移植抗排斥治疗 is a fifth-line disease).
  ['肾移植抗排斥治疗', 0.5],
  ['骨质疏松症', 0.5],
];

/** Diseases of inpatient stays: mostly ordinary conditions, then the policy's special ones. */
export const INPATIENT_DISEASES: Weighted = [
  ['肺炎', 10], ['慢性阻塞性肺疾病急性加重', 6], ['急性阑尾炎', 4], ['胆囊结石伴胆囊炎', 4],
  ['股骨颈骨折', 3], ['白内障', 4], ['腰椎间盘突出症', 4], ['高血压', 4], ['糖尿病', 3],
  ['冠心病', 4], ['脑出血', 2], ['子宫肌瘤', 2], ['前列腺增生', 2], ['急性胃肠炎', 3],
  ...Object.keys(SERIOUS_DISEASE_QUOTA).map((d) => [d, d === '脑梗死' || d === '急性心肌梗塞' ? 3 : 1] as const),
  ['肝癌', 1], ['乳腺癌', 1], ['宫颈癌', 1], ['鼻咽癌', 0.5], ['急性白血病', 0.5],
  ['晚期血吸虫病', 1],
  ...KIDNEY_DISEASES.map((d) => [d, 0.6] as const),
];

/** Diseases of outpatient_observation visits. */
export const OBSERVATION_DISEASES: Weighted = [
  ['胸痛', 3], ['急性胃肠炎', 3], ['上呼吸道感染', 2], ['腹痛', 2], ['头晕', 2], ['肺炎', 1],
];

/** Diseases of ordinary outpatient visits (often absent: see synthetic-claims.ts). */
export const OUTPATIENT_DISEASES: Weighted = [
  ['上呼吸道感染', 6], ['急性胃肠炎', 3], ['高血压', 4], ['糖尿病', 2], ['腰椎间盘突出症', 2],
  ['皮炎', 2], ['腹痛', 1], ['头晕', 1], ['结膜炎', 1],
];

/** ICD-10 codes (one representative code per name); names without one get no diagnoses. */
export const ICD10: Readonly<Record<string, string>> = {
  食道癌: 'C15.9', 胃癌: 'C16.9', 直肠癌: 'C20', 结肠癌: 'C18.9', 肺癌: 'C34.9',
  耐多药肺结核: 'A15.0', 慢性粒细胞白血病: 'C92.1', 急性心肌梗塞: 'I21.9', 脑梗死: 'I63.9',
  血友病: 'D66', Ⅰ型糖尿病: 'E10.9', 甲亢: 'E05.9', 儿童苯丙酮尿症: 'E70.0', 尿道下裂: 'Q54.9',
  地中海贫血: 'D56.9', 儿童生长激素缺乏症: 'E23.0', 恶性肿瘤门诊放化疗: 'Z51.1', 尿毒症透析: 'Z49.1',
  器官移植抗排斥治疗: 'T86.9', 再生障碍性贫血: 'D61.9', 重性精神病: 'F20.9', 血吸虫病: 'B65.2',
  结核病: 'A16.9', 癫痫: 'G40.9', 高血压: 'I10', 糖尿病: 'E11.9', 冠心病: 'I25.1',
  慢性心力衰竭: 'I50.9', 脑卒中后遗症: 'I69.3', 帕金森病: 'G20', 类风湿性关节炎: 'M06.9',
  系统性红斑狼疮: 'M32.9', 慢性阻塞性肺疾病: 'J44.9', 支气管哮喘: 'J45.9', 肝硬化: 'K74.6',
  慢性病毒性肝炎: 'B18.1', 甲状腺功能亢进: 'E05.9', 肾病综合征: 'N04.9', 慢性肾功能衰竭: 'N18.9',
  强直性脊柱炎: 'M45', 重症肌无力: 'G70.0', 银屑病: 'L40.9', 股骨头坏死: 'M87.9',
  晚期血吸虫病: 'B65.2', 尿毒症: 'N18.5', 终末期肾病: 'N18.5', 肾透析: 'Z49.1', 肾移植: 'Z94.0',
  肾移植抗排斥治疗: 'T86.1', 骨质疏松症: 'M81.9', 肝癌: 'C22.0', 乳腺癌: 'C50.9', 宫颈癌: 'C53.9',
  鼻咽癌: 'C11.9', 急性白血病: 'C95.0', 肺炎: 'J18.9', 慢性阻塞性肺疾病急性加重: 'J44.1',
  急性阑尾炎: 'K35.8', 胆囊结石伴胆囊炎: 'K80.1', 股骨颈骨折: 'S72.0', 白内障: 'H26.9',
  腰椎间盘突出症: 'M51.2', 脑出血: 'I61.9', 子宫肌瘤: 'D25.9', 前列腺增生: 'N40',
  急性胃肠炎: 'K52.9', 胸痛: 'R07.4', 上呼吸道感染: 'J06.9', 腹痛: 'R10.4', 头晕: 'R42',
  皮炎: 'L30.9', 结膜炎: 'H10.9',
};

/** Second diagnoses that often accompany a main one (comorbidity), for a little variety. */
export const SECONDARY_ICD10 = ['I10', 'E11.9', 'I25.1', 'K76.6', 'J44.9', 'N18.9', 'E78.5'] as const;

/**
 * How much costlier than an ordinary stay a disease is (inpatient), and for chronic visits
 * (dialysis and chemotherapy cost several times an ordinary chronic visit).
 */
export function costFactor(disease: string | undefined): number {
  if (disease === undefined) return 1;
  if (disease.endsWith('癌') || disease.endsWith('白血病')) return 2.4;
  if ((KIDNEY_DISEASES as readonly string[]).includes(disease)) return 2;
  if (disease === '尿毒症透析' || disease === '恶性肿瘤门诊放化疗' || disease === '器官移植抗排斥治疗') return 4;
  if (disease === '血友病' || disease === '地中海贫血' || disease === '再生障碍性贫血') return 2.5;
  if (disease in SERIOUS_DISEASE_QUOTA || disease === '晚期血吸虫病' || disease === '脑出血') return 1.6;
  return 1;
}
