/** The page's words, Chinese first (the analysts'), English by the switch. */
export type Lang = 'zh' | 'en';

const WORDS = {
  title: ['政策工作台', 'Policy studio'],
  policy: ['政策', 'Policy'],
  files: ['文件', 'Files'],
  modules: ['基础模块', 'Base modules'],
  tests: ['测试用例', 'Test cases'],
  save: ['保存', 'Save'],
  saved: ['已保存', 'Saved'],
  unsaved: ['未保存', 'unsaved'],
  format: ['格式化', 'Format'],
  diagnostics: ['诊断', 'Diagnostics'],
  noDiagnostics: ['没有问题', 'No problems'],
  suggestion: ['建议', 'did you mean'],
  claim: ['试算', 'Claim'],
  form: ['表单', 'Form'],
  json: ['JSON', 'JSON'],
  settle: ['试算', 'Settle'],
  layers: ['分层结果', 'Layers'],
  layer: ['层', 'Layer'],
  amount: ['金额', 'Amount'],
  share: ['占比', 'Share'],
  total: ['发票总额', 'Invoice total'],
  explain: ['计算过程', 'Explanation'],
  rejected: ['拒绝', 'Rejected'],
  runTests: ['运行全部用例', 'Run all cases'],
  pass: ['通过', 'pass'],
  fail: ['失败', 'fail'],
  addTest: ['把此试算加为测试用例', 'Add this claim as a test case'],
  added: ['已加入', 'Added to'],
  change: ['变更影响', 'Change'],
  runDiff: ['对比已保存版本', 'Compare with saved'],
  rev: ['或 git 版本', 'or git revision'],
  corpus: ['理赔样本', 'Claims corpus'],
  changedClaims: ['变化的理赔', 'claims changed'],
  before: ['修改前', 'Before'],
  after: ['修改后', 'After'],
  delta: ['差额', 'Delta'],
  topClaims: ['变化最大的理赔', 'Claims that changed most'],
  rulesFired: ['规则变化', 'Rules that fired differently'],
  byCategory: ['按人群', 'By category'],
  byLevel: ['按医院等级', 'By level'],
  byRegion: ['按地域', 'By region'],
  parameters: ['参数', 'Parameters'],
  loadParams: ['刷新参数', 'Refresh parameters'],
  paramFrom: ['自版本', 'from version'],
  paramValue: ['值', 'value'],
  paramKey: ['键', 'key'],
  paramUnit: ['单位', 'unit'],
  paramCites: ['依据', 'cites'],
  paramReadings: ['解读', 'readings'],
  paramAssumed: ['假设', 'assumed'],
  changedOnDisk: ['磁盘上的文件已变化', 'The file changed on disk'],
  rules: ['规则', 'rules'],
  cites: ['依据', 'cites'],
  formula: ['公式', 'formula'],
  filled: ['代入', 'with values'],
  rows: ['表行', 'table rows'],
  accumulator: ['累计', 'accumulator'],
  notApplied: ['未适用', 'not applied'],
  failedPart: ['不满足', 'failed'],
  flag: ['提示', 'flag'],
  lets: ['中间量', 'lets'],
  caps: ['年度封顶', 'yearly caps'],
  patient: ['个人自付', 'patient'],
  ms: ['毫秒', 'ms'],
  sameSource: ['与已保存版本相同: 没有变化', 'Same as saved: nothing changes'],
  langSwitch: ['English', '中文'],
} as const;

export type Word = keyof typeof WORDS;

let current: Lang = 'zh';
export function lang(): Lang {
  return current;
}
export function setLang(l: Lang): void {
  current = l;
}
export function t(w: Word): string {
  return WORDS[w][current === 'zh' ? 0 : 1];
}

/** The claim fields of the form, with their Chinese labels (the contract's names in English). */
export const FIELDS: readonly { name: string; zh: string; type: 'text' | 'date' | 'money' | 'level' | 'bool' | 'enum' | 'categories' }[] = [
  { name: 'id', zh: '单据号', type: 'text' },
  { name: 'personId', zh: '参保人', type: 'text' },
  { name: 'date', zh: '结算日期', type: 'date' },
  { name: 'categories', zh: '人群类别', type: 'categories' },
  { name: 'visit', zh: '就诊类型', type: 'enum' },
  { name: 'level', zh: '医院等级', type: 'level' },
  { name: 'region', zh: '就医地', type: 'enum' },
  { name: 'referral', zh: '转诊', type: 'enum' },
  { name: 'designated', zh: '定点医疗机构', type: 'bool' },
  { name: 'disease', zh: '病种', type: 'text' },
  { name: 'admitted', zh: '入院日期', type: 'date' },
  { name: 'discharged', zh: '出院日期', type: 'date' },
  { name: 'total', zh: '医疗总费用', type: 'money' },
  { name: 'inCatalog', zh: '政策范围内费用', type: 'money' },
  { name: 'hospitalId', zh: '医疗机构编码', type: 'text' },
];
