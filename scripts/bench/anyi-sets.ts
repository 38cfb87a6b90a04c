/** 安义's tables and disease sets as policies/anyi writes them, for the hand-written settlements. */
export const CHRONIC_I = new Set(['地中海贫血', '儿童生长激素缺乏症', '恶性肿瘤门诊放化疗', '尿毒症透析', '器官移植抗排斥治疗', '再生障碍性贫血', '血友病', '重性精神病']);
export const CHRONIC_II = new Set(['血吸虫病', '结核病', '癫痫', '高血压', '糖尿病', '冠心病', '慢性心力衰竭', '脑卒中后遗症', '帕金森病', '类风湿性关节炎', '系统性红斑狼疮', '慢性阻塞性肺疾病', '支气管哮喘', '肝硬化', '慢性病毒性肝炎', '甲状腺功能亢进', '肾病综合征', '慢性肾功能衰竭', '强直性脊柱炎', '重症肌无力', '银屑病', '股骨头坏死']);
export const FIFTH_LINE = new Set(['尿毒症', '终末期肾病', '肾透析', '尿毒症透析', '肾移植', '肾移植抗排斥治疗', '恶性肿瘤门诊放化疗']);
/** 十五种重大疾病 with their quota 定额标准, in yuan. */
export const QUOTA_YUAN = new Map<string, number>([
  ['食道癌', 35000], ['胃癌', 32000], ['直肠癌', 30000], ['结肠癌', 30000], ['肺癌', 35000], ['耐多药肺结核', 25000], ['慢性粒细胞白血病', 40000],
  ['急性心肌梗塞', 30000], ['脑梗死', 15000], ['血友病', 20000], ['Ⅰ型糖尿病', 8000], ['甲亢', 5000], ['儿童苯丙酮尿症', 10000], ['尿道下裂', 10000], ['地中海贫血', 30000],
]);
/** By level 0–3: inpatient ratio (also the outpatient chronic one), in %; inpatient deductible, in yuan. */
export const RATIO_PCT = [0, 90, 80, 60];
export const DEDUCTIBLE_YUAN = [0, 200, 500, 1000];
