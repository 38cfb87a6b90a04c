/**
 * Messages of declaration and name checking: the policy header, collecting and resolving
 * declarations, citations, versions, bases (units.ts) and the expression resolver.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 *
 * Some parameters are phrases built elsewhere and shared with other checks, themselves table
 * messages rendered in the same language: `{owner}` (decl.owner.*), `{kind}`/`{prevKind}`
 * (check/words.ts kindRef), `{type}`/`{left}`/`{right}` (typeRef), `{reserved}` (reservedRef).
 */
export const DECLARE_MESSAGES = {
  // Related positions
  'decl.first-declared': { en: 'first declared here', zh: '首次声明于此' },
  'decl.declared-here': { en: 'declared here', zh: '声明于此' },
  'decl.first-header': { en: 'the first header is here', zh: '第一个头部在此' },
  'decl.first-row': { en: 'the first row is here', zh: '第一行在此' },
  'decl.first-listed': { en: 'first listed here', zh: '首次列出于此' },
  'decl.base-declares': { en: 'the base declares it here', zh: '基础模块在此声明' },

  // The policy header (check/passes/header.ts)
  'decl.no-header': { en: 'no policy header: start the policy with `{example}`', zh: '没有政策头部：请以 `{example}` 开始' },
  'decl.second-header': { en: 'a second policy header ({name}); a policy has exactly one', zh: '第二个政策头部（{name}）：一个政策只能有一个' },
  'decl.version-twice': { en: 'version {date} is declared twice', zh: '版本 {date} 声明了两次' },
  'decl.module-version': {
    en: 'module {name} declares a version; versions belong to the policies that extend it',
    zh: '模块 {name} 声明了版本：版本应由 extends 它的政策声明',
  },
  'decl.no-version': {
    en: 'policy {name} declares no version; add `version YYYY-MM-DD` with its effective date',
    zh: '政策 {name} 没有声明版本：请加上 `version YYYY-MM-DD`，写明生效日期',
  },
  'decl.unknown-layer-list': { en: 'unknown layer {name} (layers: {layers})', zh: '未知的支付层 {name}（layers：{layers}）' },
  'decl.unknown-layer-list.did-you-mean': {
    en: 'unknown layer {name}; did you mean {suggestion}? (layers: {layers})',
    zh: '未知的支付层 {name}；是否应为 {suggestion}？（layers：{layers}）',
  },
  'decl.layer-twice': { en: 'layer {name} is listed twice', zh: '支付层 {name} 列出了两次' },
  'decl.layers-patient': { en: 'the layers must include patient, which takes what remains', zh: 'layers 必须包含 patient（承担剩余部分）' },

  // Collecting declarations (check/passes/collect.ts)
  'decl.clause-twice': { en: 'clause {id} is declared twice', zh: '条款 {id} 声明了两次' },
  'decl.modifier-twice': { en: 'modifier {name} is declared twice', zh: 'modifier {name} 声明了两次' },
  'decl.override-rule-own': {
    en: "override rule {name}: the rule is this policy's own, not its base's",
    zh: 'override rule {name}：该规则是本政策自己的，不是基础模块的',
  },
  'decl.override-rule-missing': { en: 'override rule {name}: the base has no such rule', zh: 'override rule {name}：基础模块中没有这条规则' },
  'decl.rule-twice': { en: 'rule {name} is declared twice', zh: '规则 {name} 声明了两次' },
  'decl.rule-in-base': {
    en: "rule {name} is declared in the base already; write `override rule` to replace the base's",
    zh: '规则 {name} 已在基础模块中声明：要替换基础模块的规则，请写 `override rule`',
  },
  'decl.reserved': { en: '{name} is {reserved}; choose another name for this {kind}', zh: '{name} 已用作{reserved}：请为这个{kind}另取名字' },
  'decl.override-own': {
    en: "override {kind} {name}: {name} is this policy's own {prevKind}, not its base's",
    zh: 'override {kind} {name}：{name} 是本政策自己的{prevKind}，不是基础模块的',
  },
  'decl.override-missing': { en: 'override {kind} {name}: the base has no {kind} {name}', zh: 'override {kind} {name}：基础模块中没有 {kind} {name}' },
  'decl.override-missing.did-you-mean': {
    en: 'override {kind} {name}: the base has no {kind} {name}; did you mean {suggestion}?',
    zh: 'override {kind} {name}：基础模块中没有 {kind} {name}；是否应为 {suggestion}？',
  },
  'decl.override-kind': { en: "override {kind} {name}: the base's {name} is a {prevKind}", zh: 'override {kind} {name}：基础模块中的 {name} 是{prevKind}' },
  'decl.redeclared-in-base': {
    en: '{name} is already declared in the base as a {kind}; write `override {keyword}` to replace it',
    zh: '{name} 已在基础模块中声明为{kind}：要替换它，请写 `override {keyword}`',
  },
  'decl.redeclared': { en: '{name} is already declared as a {kind}', zh: '{name} 已声明为{kind}' },

  // Overrides resolved (check/passes/resolve.ts)
  'decl.override-type': { en: 'override of {name} changes its type from {before} to {after}', zh: '对 {name} 的 override 把类型从 {before} 改成了 {after}' },
  'decl.override-key': {
    en: "override of table {name} is keyed by {after}, the base's by {before}",
    zh: '对表 {name} 的 override 以 {after} 为键，而基础模块的以 {before} 为键',
  },

  // Unused declarations (check/passes/rules.ts)
  'decl.unused': { en: '{kind} {name} is declared but never used', zh: '{kind} {name} 已声明但从未使用' },

  // Citations and versions (check/citation.ts, check/versions.ts)
  'decl.unknown-clause': { en: 'clause {id} is not declared', zh: '条款 {id} 没有声明' },
  'decl.unknown-clause.did-you-mean': { en: 'clause {id} is not declared; did you mean {suggestion}?', zh: '条款 {id} 没有声明；是否应为 {suggestion}？' },
  'decl.no-clauses': {
    en: 'clause {id} is not declared: list the document\'s clauses with `clause "ID" "title"`',
    zh: '条款 {id} 没有声明：请用 `clause "ID" "title"` 列出文件的条款',
  },
  'decl.reading-id': {
    en: 'a reading names a decision of design/decisions.md such as "D10", not {value}',
    zh: 'reading 应指明 design/decisions.md 中的一项决定，例如 "D10"，而不是 {value}',
  },
  'decl.bad-date': { en: '{date} is not a calendar date', zh: '{date} 不是有效的日期' },
  'decl.not-a-version': {
    en: '{date} is not a version of this policy; declare `version {date}` in the header (versions: {versions})',
    zh: '{date} 不是本政策的版本：请在头部声明 `version {date}`（现有版本：{versions}）',
  },

  // Bases (units.ts); {how} is `extends` or `import`
  'decl.base-path': {
    en: '{how} needs a path relative to this policy\'s folder, e.g. "../modules/anhui-base"',
    zh: '{how} 需要相对于本政策文件夹的路径，例如 "../modules/anhui-base"',
  },
  'decl.base-circle': {
    en: '{how} "{target}" goes round in a circle: {resolved} already builds on this policy',
    zh: '{how} "{target}" 形成了循环：{resolved} 已经建立在本政策之上',
  },
  'decl.base-depth': { en: 'bases nested more than {depth} deep', zh: '基础模块嵌套超过 {depth} 层' },
  'decl.base-missing': { en: '{how} "{target}": no .policy files at {resolved}', zh: '{how} "{target}"：{resolved} 下没有 .policy 文件' },
  'decl.base-is-policy': {
    en: '{how} "{target}": {name} is a policy; a policy builds on modules (`{example}`)',
    zh: '{how} "{target}"：{name} 是政策；政策只能建立在模块（`{example}`）之上',
  },

  // Declarations (check/declarations.ts)
  'decl.ratio-outside': { en: '{owner} is {percent}%, outside 0–100%', zh: '{owner} 为 {percent}%，超出 0–100%' },
  'decl.unsourced': {
    en: '{owner} neither cites a clause nor is marked assumed: add cites "…" or assumed "why"',
    zh: '{owner} 既没有引用条款，也没有标为 assumed：请加上 cites "…" 或 assumed "why"',
  },
  'decl.no-value': { en: '{owner} has no value', zh: '{owner} 没有值' },
  'decl.no-value-before': {
    en: '{owner} has no value before {from}, but the policy starts {first}',
    zh: '{owner} 在 {from} 之前没有值，但政策自 {first} 起施行',
  },
  'decl.unknown-type': { en: 'unknown type {name}', zh: '未知的类型 {name}' },
  'decl.unknown-type.did-you-mean': { en: 'unknown type {name}; did you mean {suggestion}?', zh: '未知的类型 {name}；是否应为 {suggestion}？' },
  'decl.unknown-claim-field': { en: 'unknown claim field {name}', zh: '未知的就诊记录字段 {name}' },
  'decl.unknown-claim-field.did-you-mean': {
    en: 'unknown claim field {name}; did you mean {suggestion}?',
    zh: '未知的就诊记录字段 {name}；是否应为 {suggestion}？',
  },
  'decl.table-key-field': { en: 'a table cannot be keyed by {by}; key fields: {fields}', zh: '表不能以 {by} 为键；可作键的字段：{fields}' },
  'decl.table-key-one-of': { en: 'a {field} key is one of {values}', zh: '{field} 键应为以下之一：{values}' },
  'decl.table-key-text': { en: 'a {field} key is text in quotes, e.g. "食道癌"', zh: '{field} 键是带引号的文本，例如 "食道癌"' },
  'decl.table-two-rows': { en: '{owner} has two rows for {key}', zh: '{owner} 中 {key} 有两行' },
  'decl.table-no-row': {
    en: '{owner} has no row for {by} {missing}; add the rows or an `otherwise: …`',
    zh: '{owner} 缺少 {by} 为 {missing} 的行：请补上这些行或加上 `otherwise: …`',
  },
  'decl.unknown-set': { en: 'unknown set {name}', zh: '未知的集合 {name}' },
  'decl.unknown-set.did-you-mean': { en: 'unknown set {name}; did you mean {suggestion}?', zh: '未知的集合 {name}；是否应为 {suggestion}？' },
  'decl.table-domain.missing': {
    en: '{owner} must have one row for each member of {set}: no row for {missing}',
    zh: '{owner} 必须为 {set} 的每个成员各有一行：缺少 {missing} 的行',
  },
  'decl.table-domain.extra': {
    en: '{owner} must have one row for each member of {set}: rows not in {set}: {extra}',
    zh: '{owner} 必须为 {set} 的每个成员各有一行：不在 {set} 中的行：{extra}',
  },
  'decl.table-domain.both': {
    en: '{owner} must have one row for each member of {set}: no row for {missing}; rows not in {set}: {extra}',
    zh: '{owner} 必须为 {set} 的每个成员各有一行：缺少 {missing} 的行；不在 {set} 中的行：{extra}',
  },
  'decl.member-not-constant': { en: 'a member of {owner} must be a constant', zh: '{owner} 的成员必须是常量' },
  'decl.set-twice': { en: '{owner} lists {value} twice', zh: '{owner} 中 {value} 列出了两次' },
  'decl.set-empty': { en: '{owner} is empty', zh: '{owner} 为空' },
  'decl.let-number': {
    en: 'let {name} writes down a number but cites no clause: add cites "…" (or make the number a parameter)',
    zh: 'let {name} 写了一个数字，却没有引用条款：请加上 cites "…"（或把这个数字改为参数）',
  },
  'decl.accumulator-key': { en: 'an accumulator can be kept by {fields}, not {name}', zh: 'accumulator 只能按 {fields} 累计，不能按 {name}' },
  'decl.accumulator-key.did-you-mean': {
    en: 'an accumulator can be kept by {fields}, not {name}; did you mean {suggestion}?',
    zh: 'accumulator 只能按 {fields} 累计，不能按 {name}；是否应为 {suggestion}？',
  },
  'decl.not-constant': { en: '{owner} must be a constant', zh: '{owner} 必须是常量' },
  'decl.bands-first': {
    en: '{owner}: the first band starts at 0元, not at {lower}元 (bands are contiguous)',
    zh: '{owner}：第一档应从 0元 开始，而不是 {lower}元（各档必须首尾相接）',
  },
  'decl.bands-gap': {
    en: '{owner}: the band after {previous}元 starts there, not at {lower}元 (bands are contiguous)',
    zh: '{owner}：{previous}元 之后的一档应从 {previous}元 开始，而不是 {lower}元（各档必须首尾相接）',
  },
  'decl.bands-end': { en: '{owner}: a band must end above where it starts ({lower}元)', zh: '{owner}：一档的终点必须高于起点（{lower}元）' },
  'decl.bands-open': { en: '{owner}: only the last band may be open-ended (`from X: r`)', zh: '{owner}：只有最后一档可以不设上限（`from X: r`）' },
  'decl.bands-none': { en: '{owner} has no bands', zh: '{owner} 没有任何分段' },
  'decl.unknown-layer': { en: 'unknown layer {name}', zh: '未知的支付层 {name}' },
  'decl.cap-patient': {
    en: 'patient is what remains; cap the layers that pay instead',
    zh: 'patient 是剩余的个人负担：封顶线请设在支付的层上',
  },
  'decl.layer-undeclared': {
    en: 'layer {name} is not among the layers declared in the policy header',
    zh: '支付层 {name} 不在政策头部声明的 layers 中',
  },

  // Owners and places of declarations (check/declarations.ts), in other messages' {owner}/{where}
  'decl.owner.param': { en: 'parameter {name}', zh: '参数 {name}' },
  'decl.owner.table': { en: 'table {name}', zh: '表 {name}' },
  'decl.owner.set': { en: 'set {name}', zh: '集合 {name}' },
  'decl.owner.let': { en: 'let {name}', zh: 'let 绑定 {name}' },
  'decl.owner.bands': { en: 'bands {name}', zh: '分段 {name}' },
  'decl.owner.cap': { en: 'cap {name}', zh: '封顶线 {name}' },
  'decl.owner.row': { en: '{owner}[{key}]', zh: '{owner} 中 {key} 这一行' },
  'decl.where.every-value': { en: 'every value of {owner}', zh: '{owner} 的每个值' },
  'decl.where.otherwise': { en: 'the otherwise of {owner}', zh: '{owner} 的 otherwise' },
  'decl.where.every-member': { en: 'every member of {owner}', zh: '{owner} 的每个成员' },
  'decl.where.band-start': { en: 'the start of a band of {owner}', zh: '{owner} 某一档的起点' },
  'decl.where.band-end': { en: 'the end of a band of {owner}', zh: '{owner} 某一档的终点' },
  'decl.where.band-ratio': { en: 'the ratio of a band of {owner}', zh: '{owner} 某一档的比例' },

  // Places a value stands in the expression resolver (ExprResolver.expect), and what is not constant
  'decl.where.operand': { en: "'{op}'", zh: "'{op}' 的操作数" },
  'decl.where.not': { en: 'not', zh: 'not 的操作数' },
  'decl.where.if': { en: "'if'", zh: "'if' 的条件" },
  'decl.where.argument': { en: '{name}', zh: '{name} 的实参' },
  'decl.entry-kind.param': { en: 'param', zh: '参数（param）' },
  'decl.entry-kind.table': { en: 'table', zh: '表（table）' },
  'decl.entry-kind.set': { en: 'set', zh: '集合（set）' },
  'decl.entry-kind.let': { en: 'let', zh: 'let 绑定' },
  'decl.entry-kind.accumulator': { en: 'accumulator', zh: '累计值（accumulator）' },
  'decl.entry-kind.bands': { en: 'bands', zh: '分段（bands）' },
  'decl.entry-kind.cap': { en: 'cap', zh: '封顶线（cap）' },
  'decl.what.bands-call': { en: 'bands applied to an amount', zh: '作用于金额的分段' },
  'decl.what.lookup': { en: 'a lookup by a claim value', zh: '按就诊记录取值的查表' },

  // The expression resolver (check/resolver.ts)
  'decl.optional-field': { en: '{field} may be absent from a claim; give a default: {field} ?? …', zh: '就诊记录中可能没有 {field}：请给出默认值：{field} ?? …' },
  'decl.base-outside': {
    en: '`base` stands only in `override let NAME = …`, for the definition it replaces',
    zh: '`base` 只能用在 `override let NAME = …` 中，表示被替换的原定义',
  },
  'decl.ratio-over': { en: '{raw} is more than 100%: a ratio must lie between 0% and 100%', zh: '{raw} 超过 100%：比例必须在 0% 到 100% 之间' },
  'decl.cannot-negate': { en: 'cannot negate {type}', zh: '不能对{type}取负' },
  'decl.money-times-money': {
    en: 'money where a ratio belongs: money × money has no meaning; write a percentage such as 90%',
    zh: '此处应为比例，却是金额：金额 × 金额没有意义，请写百分比，例如 90%',
  },
  'decl.money-share': {
    en: "money where a ratio belongs: the left of 'of' is a share, e.g. 90% of …",
    zh: "此处应为比例，却是金额：'of' 的左边是份额，例如 90% of …",
  },
  'decl.enum-mismatch.value': { en: '{value} is {right}, but {left} is expected here', zh: '{value} 是{right}，但此处应为{left}' },
  'decl.enum-mismatch': { en: 'the right side is {right}, but {left} is expected here', zh: '右边是{right}，但此处应为{left}' },
  'decl.not-a-set': { en: "'{op}' needs a set on its right, but this is {type}", zh: "'{op}' 的右边应为集合，但这是{type}" },
  'decl.not-a-member': { en: '{left} cannot be a member of {right}', zh: '{left}不能是{right}的成员' },
  'decl.unadjusted-kind': { en: 'unadjusted reads a parameter or a table; {name} is a {kind}', zh: 'unadjusted 只能读参数或表；{name} 是{kind}' },
  'decl.unadjusted-undeclared': { en: 'unadjusted reads a parameter or a table; {name} is not declared', zh: 'unadjusted 只能读参数或表；{name} 没有声明' },
  'decl.unadjusted-table': { en: 'table {name} must be looked up with a key: unadjusted {name}[…]', zh: '表 {name} 必须按键查找：unadjusted {name}[…]' },
  'decl.compare-kinds': {
    en: "'{word}' compares two amounts of one kind, not {left} and {right}",
    zh: "'{word}' 比较的是同一种类的两个量，而不是{left}和{right}",
  },
  'decl.bands-args': {
    en: 'bands {name} apply to one amount, {name}(x), or a stretch of one, {name}(from, to); not {count} arguments',
    zh: '分段 {name} 作用于一个金额 {name}(x)，或一段金额 {name}(from, to)；不能有 {count} 个实参',
  },
  'decl.unknown-function': { en: 'unknown function {name}', zh: '未知的函数 {name}' },
  'decl.unknown-function.did-you-mean': { en: 'unknown function {name}; did you mean {suggestion}?', zh: '未知的函数 {name}；是否应为 {suggestion}？' },
  'decl.args-exact': { en: '{name} takes {n} arguments, not {count}', zh: '{name} 接受 {n} 个实参，而不是 {count} 个' },
  'decl.args-range': { en: '{name} takes {min} to {max} arguments, not {count}', zh: '{name} 接受 {min} 到 {max} 个实参，而不是 {count} 个' },
  'decl.compares-numbers': { en: '{name} compares numbers, but this is {type}', zh: '{name} 比较的是数值，但这是{type}' },
  'decl.unknown-table': { en: 'unknown table {name}', zh: '未知的表 {name}' },
  'decl.unknown-table.did-you-mean': { en: 'unknown table {name}; did you mean {suggestion}?', zh: '未知的表 {name}；是否应为 {suggestion}？' },
  'decl.not-a-table': { en: '{name} is not a table and cannot be looked up with [ ]', zh: '{name} 不是表，不能用 [ ] 查找' },
  'decl.key-type': {
    en: 'table {name} is keyed by {by} ({keyType}), but this key is {type}',
    zh: '表 {name} 以 {by}（{keyType}）为键，但这个键是{type}',
  },
  'decl.empty-set': { en: 'an empty set has no members; remove the condition instead', zh: '空集合没有成员：请删除这个条件' },
  'decl.set-one-kind': { en: 'a set holds values of one kind: {kind}, not {type}', zh: '一个集合只能包含同一种类的值：{kind}，而不是{type}' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
