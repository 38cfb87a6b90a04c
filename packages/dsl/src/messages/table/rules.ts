/**
 * Messages of rules, types and analysis: check/rules.ts, typing.ts, bind-names.ts, modifiers.ts, properties.ts, applicability.ts, check-state.ts, check/analysis/*, check/kpi, check/audit, check/premium.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 * Owners such as `rule 住院`, `kpi 次均费用`, `modifier 异地` are keywords with a name, the same in both languages.
 */
export const RULES_MESSAGES = {
  // Words messages are built from (check/words.ts): typeRef (describeType's English), kindRef, reservedRef.
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
  'rule.reserved.enum-value': { en: 'a value of {kind}', zh: '{kind} 类型的取值' },
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

  // Places a value stands, in typing's messages (typing.ts expectType)
  'rule.where.topup': { en: 'the target of {layer} tops up to', zh: '{layer} 的 tops up to 目标' },
  'rule.where.layer': { en: 'layer {layer}', zh: '支付层 {layer}' },
  'rule.where.accumulator': { en: 'accumulator {name}', zh: '累计值 {name}' },
  'rule.where.flag': { en: 'the condition of a flag', zh: 'flag 的条件' },
  'rule.where.condition-of': { en: 'the condition of {owner}', zh: '{owner} 的条件' },
  'rule.where.body-of': { en: 'the body of {owner}', zh: '{owner} 的主体' },

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
    zh: '分段 {name} 作用于金额：请写 {name}(amount) 或 {name}(from, to)',
  },
  'rule.table-bare': { en: 'table {name} must be looked up with a key: {name}[{by}]', zh: '表 {name} 须按键查找：{name}[{by}]' },
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
  // check/analysis/query.ts: an example claim (its fields and values are notation, the same in both languages)
  'analysis.claim.any': { en: 'any claim', zh: '任意就诊记录' },
  'analysis.claim.in-version': { en: '{claim} (version {version})', zh: '{claim}（版本 {version}）' },
  'analysis.claim.so-far': { en: '{name} (so far)={value}', zh: '{name}（此前累计）={value}' },
  'analysis.claim.and': { en: '{head}, {tail}', zh: '{head}，{tail}' },

  // check/analysis/gaps.ts
  'analysis.covers-gap': {
    en: 'covers {layer}: claims no rule assigning {layer} applies to: {shapes}{more}',
    zh: 'covers {layer}：以下就诊记录没有任何为 {layer} 赋值的规则适用：{shapes}{more}',
  },
  'analysis.shapes.and': { en: '{head}; {tail}', zh: '{head}；{tail}' },
  'analysis.and-more': { en: ' and more', zh: '等' },
  'analysis.covers-claims': { en: 'the claims this declaration covers', zh: '此声明覆盖的就诊记录' },
  'analysis.covers-other-rule': { en: 'rule {rule} assigns {layer} to other claims', zh: 'rule {rule} 为其他就诊记录的 {layer} 赋值' },

  // check/analysis/never-applies.ts
  'analysis.in-any-version': { en: ' in any version', zh: '（任何版本中都没有）' },
  'analysis.rule-never': {
    en: 'rule {rule} never applies: no claim meets its condition{versions}',
    zh: 'rule {rule} 永远不适用：没有就诊记录满足其条件{versions}',
  },
  'analysis.modifier-never': {
    en: '{kind} {name} never applies: no claim meets its condition{versions}',
    zh: '{kind} {name} 永远不适用：没有就诊记录满足其条件{versions}',
  },
  'analysis.cap-never': {
    en: 'yearly cap {name} never applies: no claim meets its condition{versions}',
    zh: '年度封顶线 {name} 永远不适用：没有就诊记录满足其条件{versions}',
  },
  'analysis.flag-never': {
    en: 'the flag of rule {rule} is never raised: no claim the rule applies to meets its condition',
    zh: 'rule {rule} 的 flag 永远不会触发：该规则适用的就诊记录都不满足其条件',
  },
  'analysis.branch-never': {
    en: 'this branch of rule {rule} never applies: no claim the rule applies to takes it',
    zh: 'rule {rule} 的这个分支永远不适用：该规则适用的就诊记录都不会走到这里',
  },
  'analysis.the-condition': { en: 'the condition', zh: '条件' },
  'analysis.deciding-condition': { en: 'the condition that decides it', zh: '决定该分支的条件' },
  'analysis.rule': { en: 'rule {rule}', zh: '规则 {rule}' },

  // check/analysis/table-rows.ts
  'analysis.row-never-read': {
    en: 'row {key} of table {table} is never read: no claim that the rules reading the table apply to has {by} {key}; keep the rows the rules read and write `otherwise: …` for the rest',
    zh: '表 {table} 的行 {key} 永远不会被读取：读取该表的规则所适用的就诊记录中没有 {by} {key} 的；请只保留规则读取的行，其余写 `otherwise: …`',
  },
  'analysis.rule-reads-table': { en: 'rule {rule} reads {table}', zh: 'rule {rule} 读取 {table}' },

  // check/analysis/order.ts
  'analysis.order-state': {
    en: 'rule {reader} reads {name}, which the later rule {later} changes (it assigns {layer}) for a claim both apply to, e.g. {claim}; move {reader} after {later}, or make their conditions exclusive',
    zh: 'rule {reader} 读取的 {name} 会被其后的规则 {later} 改变（它为 {layer} 赋值），两条规则都适用的就诊记录如 {claim}；请把 {reader} 移到 {later} 之后，或使它们的条件互斥',
  },
  'analysis.order-layer': {
    en: 'rule {reader} reads layer {name}, which the later rule {later} changes (it assigns {layer}) for a claim both apply to, e.g. {claim}; move {reader} after {later}, or make their conditions exclusive',
    zh: 'rule {reader} 读取的支付层 {name} 会被其后的规则 {later} 改变（它为 {layer} 赋值），两条规则都适用的就诊记录如 {claim}；请把 {reader} 移到 {later} 之后，或使它们的条件互斥',
  },
  'analysis.runs-first': { en: 'rule {rule} runs first', zh: 'rule {rule} 先执行' },
  'analysis.assigns-afterwards': { en: '{rule} assigns {layer} afterwards', zh: '{rule} 随后为 {layer} 赋值' },

  // check/analysis/overlap.ts
  'analysis.adds-twice': {
    en: 'rules {first} and {later} both add to {accumulator} for one claim, e.g. {claim}; the claim counts twice toward it: make their conditions exclusive, or add in one rule',
    zh: '规则 {first} 和 {later} 为同一就诊记录都累加到 {accumulator}，例如 {claim}；该就诊记录会被计入两次：请使它们的条件互斥，或在一条规则中累加',
  },
  'analysis.adds-here': { en: '{rule} adds to {accumulator} here', zh: '{rule} 在此累加到 {accumulator}' },
  'analysis.overlap': {
    en: 'rules {first} and {later} both assign {layer} to one claim, e.g. {claim}; such a claim is rejected: make their conditions exclusive',
    zh: '规则 {first} 和 {later} 为同一就诊记录的 {layer} 都赋值，例如 {claim}；这样的就诊记录会被拒绝：请使它们的条件互斥',
  },
  'analysis.also-applies': { en: 'rule {rule} also applies to it', zh: 'rule {rule} 也适用于它' },
  'analysis.assigns-here': { en: '{rule} assigns {layer} here', zh: '{rule} 在此为 {layer} 赋值' },
  // check/kpi/check-kpis.ts
  'kpi.lines': {
    en: '{owner} has {numerators} numerator, {denominators} denominator and {targets} target lines; write one numerator, at most one denominator and one target',
    zh: '{owner} 有 {numerators} 行 numerator、{denominators} 行 denominator 和 {targets} 行 target；请写一行 numerator、至多一行 denominator 和一行 target',
  },
  'kpi.persons-by-claims': {
    en: '{owner} divides persons by claims or claims by persons; count persons over persons (a share of persons) or claims over claims',
    zh: '{owner} 用人数除以就诊记录数，或用就诊记录数除以人数；请用人数比人数（人数占比）或就诊记录数比就诊记录数',
  },
  'kpi.groupings': {
    en: '{owner} has {by} by lines and {growth} growth lines; write at most one of each',
    zh: '{owner} 有 {by} 行 by 和 {growth} 行 growth；每种至多写一行',
  },
  'kpi.bad-grouping': { en: '{owner} cannot be grouped by {name}; write by {groupings}', zh: '{owner} 不能按 {name} 分组；请写 by {groupings}' },
  'kpi.growth-needs-year': {
    en: 'growth compares each year with the one before: {owner} needs `by year`',
    zh: 'growth 将每一年与上一年比较：{owner} 需要 `by year`',
  },
  'kpi.no-indicator': {
    en: '{owner}: {numerator} ÷ {denominator} is no indicator; divide money by money or counts by counts (a ratio), or money or days by a count',
    zh: '{owner}：{numerator} ÷ {denominator} 不构成指标；请用金额除以金额、计数除以计数（得到比例），或用金额、天数除以计数',
  },
  'kpi.target-owner': { en: 'the target of {owner}', zh: '{owner} 的 target' },
  'kpi.minimum-owner': { en: 'the minimum of a term of {owner}', zh: '{owner} 某一项的下限（with N）' },
  'kpi.where.term-condition': { en: 'the condition of a term of {owner}', zh: '{owner} 某一项的条件' },
  'kpi.a-count': { en: 'a count', zh: '计数' },
  'kpi.with-n': {
    en: 'with N belongs to persons: `persons with 2` counts the person-years with at least 2 of the claims',
    zh: 'with N 只用于 persons：`persons with 2` 统计至少有 2 条此类就诊记录的人年数',
  },
  'kpi.persons-value': { en: 'persons counts person-years; to add an amount up write `sum …`', zh: 'persons 统计人年数；要累加金额请写 `sum …`' },
  'kpi.persons-minimum': {
    en: 'persons with N takes a whole number from 1 to 1000, e.g. persons with 2',
    zh: 'persons with N 需要 1 到 1000 之间的整数，如 persons with 2',
  },
  'kpi.count-value': { en: 'count counts claims; to add an amount up write `sum …`', zh: 'count 统计就诊记录条数；要累加金额请写 `sum …`' },
  'kpi.sum-needs-value': {
    en: 'sum needs what it adds up: `sum total`, `sum paid`, `sum stay`',
    zh: 'sum 需要写出累加的内容：`sum total`、`sum paid`、`sum stay`',
  },
  'kpi.sum-type': { en: 'sum adds up money or days, not {type}', zh: 'sum 只能累加金额或天数，不能累加{type}' },
  'kpi.unknown-term': { en: '{name} is not a kpi term; write count, persons or sum …', zh: '{name} 不是 kpi 的项；请写 count、persons 或 sum …' },
  'kpi.reads-accumulator': {
    en: '{owner} reads accumulator {name}: an indicator adds up settled claims, not the running totals of a person',
    zh: '{owner} 读取了累计值（accumulator）{name}：指标累加的是已结算的就诊记录，而不是个人的累计值',
  },

  // check/audit/check-audits.ts
  'audit.let-clash': { en: '{name} is {clash}; a let inside an audit needs a name of its own', zh: '{name} 已是{clash}；审核规则（audit）中的 let 需要另取名称' },
  'audit.where-owner': { en: '{owner} (where, on the earlier claim)', zh: '{owner}（where，针对此前的就诊记录）' },
  'audit.where.finding': { en: 'the condition of a finding', zh: 'finding 的条件' },
  'audit.where.earlier': { en: 'the condition of earlier claims', zh: '此前就诊记录的条件' },
  'audit.where.window': { en: 'a window (within …)', zh: '时间窗（within …）' },
  'audit.no-finding': { en: '{owner} has no finding; add `finding "…" when …`', zh: '{owner} 没有 finding；请加 `finding "…" when …`' },
  'audit.missing-word': {
    en: '{owner} has no {what}; write `{what} …` after its name: {expected}',
    zh: '{owner} 没有 {what}；请在名称后写 `{what} …`：{expected}',
  },
  'audit.bad-word': {
    en: '{name} is not a {what} of an audit; one of {expected}{suggestion}',
    zh: '{name} 不是审核规则（audit）的 {what}；应为 {expected} 之一{suggestion}',
  },
  'audit.expected.result': { en: '可疑 (suspect) or 明确 (certain)', zh: '可疑 或 明确' },
  'audit.expected.stage': { en: '事前, 事中 or 事后', zh: '事前、事中 或 事后' },
  'audit.bad-aggregate': {
    en: '{name} is not an aggregate over earlier claims; one of {aggregates}{suggestion}',
    zh: '{name} 不是对此前就诊记录的聚合；应为 {aggregates} 之一{suggestion}',
  },
  'audit.count-field': {
    en: 'count counts claims: write `count earlier …`, or `sum {field} earlier …`',
    zh: 'count 统计就诊记录条数：请写 `count earlier …`，或 `sum {field} earlier …`',
  },
  'audit.needs-field': { en: '{agg} needs the field it adds up: `{agg} total earlier …`', zh: '{agg} 需要写出所累加的字段：`{agg} total earlier …`' },
  'audit.field-type': {
    en: '{agg} reads a money or days field that every claim has (total, inCatalog, outOfCatalog, stay), not {field}',
    zh: '{agg} 读取每条就诊记录都有的金额或天数字段（total、inCatalog、outOfCatalog、stay），不能读取 {field}',
  },
  'audit.same-field': { en: 'same compares {fields}, not {name}{suggestion}', zh: 'same 比较的是 {fields}，不能比较 {name}{suggestion}' },
  'audit.reads-settlement': {
    en: '{owner} reads {name}, which only a settlement knows; an audit reads claims, parameters, tables, sets and lets over the claim',
    zh: '{owner} 读取了 {name}，只有结算时才有它的值；审核规则（audit）只读取就诊记录、参数、表、集合以及基于就诊记录的 let',
  },
  'audit.reads-settlement-via': {
    en: '{owner} reads let {via}, which reads {name}, which only a settlement knows; an audit reads claims, parameters, tables, sets and lets over the claim',
    zh: '{owner} 读取了 let {via}，它又读取 {name}，只有结算时才有它的值；审核规则（audit）只读取就诊记录、参数、表、集合以及基于就诊记录的 let',
  },

  // check/premium/check-premiums.ts
  'premium.subsidy-owner': { en: 'subsidy {name} of {premium}', zh: '{premium} 的 subsidy {name}' },
  'premium.standards': {
    en: '{owner} has {n} standard lines; write one: `standard 个人缴费标准`, the contribution per person and year',
    zh: '{owner} 有 {n} 行 standard；请写一行：`standard 个人缴费标准`，即每人每年的个人缴费',
  },
  'premium.no-fund': {
    en: '{owner} names no fund; write the fund that pays it: source "医疗救助基金"',
    zh: '{owner} 未写明资金来源；请写出支付它的基金：source "医疗救助基金"',
  },
  'premium.reads': {
    en: '{owner} reads {what}, which a person-year does not have; a premium reads categories, year, parameters, tables, sets and lets over them',
    zh: '{owner} 读取了 {what}，而人年（person-year）没有这个值；缴费（premium）只读取 categories、year、参数、表、集合以及基于它们的 let',
  },
  'premium.reads-via': {
    en: '{owner} reads let {via}, which reads {what}, which a person-year does not have; a premium reads categories, year, parameters, tables, sets and lets over them',
    zh: '{owner} 读取了 let {via}，它又读取 {what}，而人年（person-year）没有这个值；缴费（premium）只读取 categories、year、参数、表、集合以及基于它们的 let',
  },
  'premium.where.standard': { en: 'the standard of {owner}', zh: '{owner} 的 standard' },
  'premium.where.amount': { en: 'the amount of {owner}', zh: '{owner} 的金额' },
  'premium.what.field': { en: 'the claim field {name}', zh: '就诊记录字段 {name}' },
  'premium.what.layer': { en: 'the layer {name}', zh: '支付层 {name}' },
  'premium.what.accumulator': { en: 'the accumulator {name}', zh: '累计值（accumulator）{name}' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
