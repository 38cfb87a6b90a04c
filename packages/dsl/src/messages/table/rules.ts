/**
 * Messages of rules, types and analysis: check/rules.ts, typing.ts, bind-names.ts, modifiers.ts, properties.ts, applicability.ts, check-state.ts, check/analysis/*, check/kpi, check/audit, check/premium.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 * Owners such as `rule 住院`, `kpi 次均费用`, `modifier 异地` are keywords with a name, the same in both languages.
 */
export const RULES_MESSAGES = {
  // Words messages are built from (check/words.ts): describeType, KIND_WORDS, reservedWhat.
  'rule.type.money': { en: 'money', zh: '金额' },
  'rule.type.ratio': { en: 'a ratio', zh: '比例' },
  'rule.type.points': { en: 'percentage points', zh: '百分点' },
  'rule.type.number': { en: 'a plain number', zh: '普通数字' },
  'rule.type.days': { en: 'a number of days', zh: '天数' },
  'rule.type.bool': { en: 'a condition (true/false)', zh: '条件（true/false）' },
  'rule.type.date': { en: 'a date', zh: '日期' },
  'rule.type.text': { en: 'text', zh: '文本' },
  'rule.type.level': { en: 'a provider level', zh: '医疗机构等级' },
  'rule.type.visit': { en: 'a visit kind', zh: '就诊类型' },
  'rule.type.region': { en: 'a region', zh: '就医地区' },
  'rule.type.referral': { en: 'a referral status', zh: '转诊状态' },
  'rule.type.category': { en: 'a population category', zh: '人群类别' },
  'rule.type.error': { en: 'an invalid value', zh: '无效的值' },
  'rule.type.set': { en: 'a set of {element}', zh: '{element}的集合' },
  'rule.element.money': { en: 'money', zh: '金额' },
  'rule.element.ratio': { en: 'ratio', zh: '比例' },
  'rule.element.points': { en: 'percentage points', zh: '百分点' },
  'rule.element.number': { en: 'plain number', zh: '普通数字' },
  'rule.element.days': { en: 'number of days', zh: '天数' },
  'rule.element.bool': { en: 'condition (true/false)', zh: '条件（true/false）' },
  'rule.element.date': { en: 'date', zh: '日期' },
  'rule.element.text': { en: 'text', zh: '文本' },
  'rule.element.level': { en: 'provider level', zh: '医疗机构等级' },
  'rule.element.visit': { en: 'visit kind', zh: '就诊类型' },
  'rule.element.region': { en: 'region', zh: '就医地区' },
  'rule.element.referral': { en: 'referral status', zh: '转诊状态' },
  'rule.element.category': { en: 'population category', zh: '人群类别' },
  'rule.element.error': { en: 'invalid value', zh: '无效的值' },
  'rule.kind.param': { en: 'parameter', zh: '参数' },
  'rule.kind.table': { en: 'table', zh: '表' },
  'rule.kind.set': { en: 'set', zh: '集合' },
  'rule.kind.let': { en: 'let-binding', zh: 'let 绑定' },
  'rule.kind.accumulator': { en: 'accumulator', zh: '累计值（accumulator）' },
  'rule.kind.bands': { en: 'bands', zh: '分段（bands）' },
  'rule.kind.cap': { en: 'yearly cap', zh: '年度封顶线' },
  'rule.kind.a': { en: 'a {kind}', zh: '{kind}' },
  'rule.reserved.layer': { en: 'a layer', zh: '支付层' },
  'rule.reserved.field': { en: 'a claim field', zh: '就诊记录字段' },
  'rule.reserved.state': { en: 'a settlement value', zh: '结算值' },
  'rule.reserved.function': { en: 'a function', zh: '函数' },
  'rule.reserved.type': { en: 'a type name', zh: '类型名' },
  'rule.reserved.enum-value': { en: 'a value of {kind}', zh: '{kind} 的取值' },
  'rule.did-you-mean': { en: '; did you mean {name}?', zh: '；是否应为 {name}？' },
  'rule.first-declared': { en: 'first declared here', zh: '首次声明于此' },
  'rule.declared-twice': { en: '{owner} is declared twice', zh: '{owner} 重复声明' },
  'rule.no-citation': { en: '{owner} cites no clause; add cites "ID" after its name', zh: '{owner} 未引用任何条款；请在名称后加 cites "ID"' },

  // check/rules.ts
  'rule.read-before-assign': {
    en: '{owner} reads layer {layer} before any rule assigns it, so it reads 0.00',
    zh: '{owner} 在任何规则为支付层 {layer} 赋值之前读取它，读到的是 0.00',
  },
  'rule.let-clash': { en: '{name} is {clash}; a let inside a rule needs a name of its own', zh: '{name} 已是{clash}；规则中的 let 需要另取名称' },
  'rule.let-bound': { en: '{name} is already bound in {owner}', zh: '{name} 已在 {owner} 中绑定' },
  'rule.add-layer': { en: '{name} is a layer: assign it with ={suggestion}', zh: '{name} 是支付层：请用 = 赋值{suggestion}' },
  'rule.add-not-accumulator': { en: '{name} is {kind}, not an accumulator{suggestion}', zh: '{name} 是{kind}，不是累计值（accumulator）{suggestion}' },
  'rule.add-unknown': { en: '{name} is not a declared accumulator{suggestion}', zh: '{name} 不是已声明的累计值（accumulator）{suggestion}' },
  'rule.unknown-layer': { en: 'unknown layer {name}{suggestion}{hint} (layers: {layers})', zh: '未知的支付层 {name}{suggestion}{hint}（支付层：{layers}）' },
  'rule.unknown-layer.accumulator': { en: '; {name} is an accumulator: add to it with +=', zh: '；{name} 是累计值（accumulator）：请用 += 累加' },
  'rule.assign-patient': {
    en: 'patient is what remains after the other layers; it cannot be assigned',
    zh: 'patient 是其他各支付层支付后的剩余部分，不能赋值',
  },
  'rule.layer-undeclared': {
    en: 'layer {layer} is not among the layers declared in the policy header',
    zh: '支付层 {layer} 不在政策头部声明的支付层（layers）之中',
  },
  'rule.assigned-twice': { en: '{owner} assigns layer {layer} twice', zh: '{owner} 为支付层 {layer} 赋值两次' },
  'rule.first-assigned': { en: 'first assigned here', zh: '首次赋值于此' },

  // check/typing.ts
  'rule.typing.ratio-for-money': {
    en: 'a ratio where money belongs ({where}); did you mean a ratio of an amount, e.g. 90% of …?',
    zh: '此处应为金额，却是比例（{where}）；是否应为金额的比例，如 90% of …？',
  },
  'rule.typing.money-for-ratio': {
    en: 'money where a ratio belongs ({where}); write a percentage such as 90%',
    zh: '此处应为比例，却是金额（{where}）；请写百分比，如 90%',
  },
  'rule.typing.number-for-money': {
    en: 'a plain number where money belongs ({where}); write it in 元, e.g. 7500元',
    zh: '此处应为金额，却是普通数字（{where}）；请以元为单位书写，如 7500元',
  },
  'rule.typing.mismatch': { en: '{where} needs {type}, but this is {actual}', zh: '{where} 需要{type}，但这里是{actual}' },
  'rule.typing.mix-ratio-for-money': {
    en: 'a ratio where money belongs: money {op} a ratio; did you mean ({hint}) × amount?',
    zh: '此处应为金额，却是比例：金额 {op} 比例；是否应为 ({hint}) × amount？',
  },
  'rule.typing.mix-money-for-ratio': { en: 'money where a ratio belongs: a ratio {op} money', zh: '此处应为比例，却是金额：比例 {op} 金额' },
  'rule.typing.mix-points-money': {
    en: 'percentage points change a ratio, not money (money {op} points)',
    zh: '百分点只能改变比例，不能改变金额（金额 {op} 百分点）',
  },
  'rule.typing.mix': { en: 'cannot combine {left} {op} {right}', zh: '不能组合{left} {op} {right}' },

  // check/bind-names.ts
  'rule.bands-bare': {
    en: 'bands {name} apply to an amount: {name}(amount) or {name}(from, to)',
    zh: '分段 bands {name} 作用于金额：请写 {name}(amount) 或 {name}(from, to)',
  },
  'rule.table-bare': { en: 'table {name} must be looked up with a key: {name}[{by}]', zh: '表 table {name} 须按键查找：{name}[{by}]' },
  'rule.not-constant': { en: '{owner} must be a constant, but {name} is {what}', zh: '{owner} 必须是常量，但 {name} 是{what}' },
  'rule.what.cap': { en: 'a yearly cap', zh: '年度封顶线' },
  'rule.what.let': { en: 'a let-binding', zh: 'let 绑定' },
  'rule.what.accumulator': { en: 'an accumulator', zh: '累计值（accumulator）' },
  'rule.what.layer': { en: 'a layer', zh: '支付层' },
  'rule.what.state': { en: 'the settlement state', zh: '结算状态' },
  'rule.what.field': { en: 'a claim field', zh: '就诊记录字段' },
  'rule.let-reads-layer': {
    en: '{owner} reads layer {layer}; layers change while a claim settles, so read them inside a rule',
    zh: '{owner} 读取了支付层 {layer}；支付层在就诊记录结算过程中会变化，请在规则中读取',
  },
  'rule.let-reads-state': {
    en: '{owner} reads {name}, which changes while a claim settles; read it inside a rule',
    zh: '{owner} 读取了 {name}，它在就诊记录结算过程中会变化；请在规则中读取',
  },
  'rule.unknown-name': { en: 'unknown name {name}{suggestion}', zh: '未知的名称 {name}{suggestion}' },
  'rule.unknown-field': { en: 'unknown claim field {name}{suggestion}', zh: '未知的就诊记录字段 {name}{suggestion}' },

  // check/modifiers.ts
  'rule.adjust-kind': {
    en: '{name} is {kind}; only parameters, tables and bands can be adjusted{suggestion}',
    zh: '{name} 是{kind}；只有参数、表和分段（bands）可以调整{suggestion}',
  },
  'rule.adjust-unknown': {
    en: '{name} is not a parameter, table or bands of this policy or its base{suggestion}',
    zh: '{name} 不是本政策或其基础政策的参数、表或分段（bands）{suggestion}',
  },
  'rule.adjust-cycle': {
    en: '{name} is adjusted by an amount or condition that reads {name} itself',
    zh: '调整 {name} 的金额或条件读取了 {name} 自身',
  },
  'rule.adjusted-here': { en: 'adjusted here', zh: '在此调整' },
  'rule.modifier-cycle': { en: 'the condition of {name} reads a value it adjusts', zh: '{name} 的条件读取了它所调整的值' },
  'rule.no-citation-short': { en: '{owner} cites no clause; add cites "ID"', zh: '{owner} 未引用任何条款；请加 cites "ID"' },
  'rule.adjust-not-numeric': {
    en: '{name} is {type}; only amounts, ratios and numbers can be adjusted',
    zh: '{name} 是{type}；只有金额、比例和数字可以调整',
  },
  'rule.adjust-amount': { en: '{name} {op} needs {want}, not {actual}', zh: '{name} {op} 需要{want}，而不是{actual}' },
  'rule.adjust-want.scale': { en: 'a ratio or a plain number (× 50%)', zh: '比例或普通数字（× 50%）' },
  'rule.adjust-want.points': { en: 'percentage points (+ 5pp)', zh: '百分点（+ 5pp）' },

  // check/properties.ts
  'rule.property-no-citation': {
    en: '{owner} cites no clause; add cites "ID" after its name (the clause that promises it)',
    zh: '{owner} 未引用任何条款；请在名称后加 cites "ID"（作出该承诺的条款）',
  },
  'rule.covers-unknown-layer': { en: 'unknown layer {name}{suggestion}', zh: '未知的支付层 {name}{suggestion}' },
  'rule.covers-patient': {
    en: 'patient is what remains; no rule assigns it, so none can cover it',
    zh: 'patient 是剩余部分；没有规则为它赋值，因此不能覆盖它',
  },

  // check/applicability.ts
  'rule.ends-before-start': { en: '{owner} ends ({until}) before it starts ({from})', zh: '{owner} 的结束日期（{until}）早于开始日期（{from}）' },

  // check/check-state.ts
  'rule.cycle': { en: '{name} is defined in terms of itself', zh: '{name} 的定义引用了它自身' },
  'rule.cycle-declared': { en: '{kind} {name} is declared here', zh: '{kind} {name} 在此声明' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
