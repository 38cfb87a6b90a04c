/**
 * Messages of claims, rosters and platform records: rejection reasons and file errors (packages/claims).
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 * A `{value}` is a value as the record gives it (JSON-like); `{problem}`, `{reason}`, `{place}`,
 * `{kind}` are often other messages of this table, rendered in the same language.
 */
export const CLAIMS_MESSAGES = {
  // Values and kinds of JSON value, as messages show them.
  'claims.value.nothing': { en: 'nothing', zh: '空' },
  'claims.value.out-of-range': { en: 'a JSON number out of range', zh: '超出范围的 JSON 数字' },
  'claims.kind.array': { en: 'an array', zh: '数组' },
  'claims.kind.null': { en: 'null', zh: '空值 null' },
  'claims.kind.object': { en: 'an object', zh: '对象' },
  'claims.kind.string': { en: 'a string {value}', zh: '字符串 {value}' },
  'claims.kind.number': { en: 'a number {value}', zh: '数字 {value}' },
  'claims.kind.boolean': { en: 'a boolean {value}', zh: '布尔值 {value}' },
  'claims.kind.other': { en: 'a {type} {value}', zh: '{type} 类型的值 {value}' },

  // The rules of the claim contract, for a field present but wrong.
  'claims.money.too-large': {
    en: 'is a JSON number too large to be exact to the fen (JSON numbers must stay below {limit}); write it as a string, e.g. "80000000000000.01" (got {value})',
    zh: '是一个过大的 JSON 数字，无法精确到分（JSON 数字须小于 {limit}）；请写成字符串，如 "80000000000000.01"（实际为 {value}）',
  },
  'claims.money.rule': {
    en: 'must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got {value})',
    zh: '应为以元计的非负金额，最多 2 位小数，如 "1234.50"（实际为 {value}）',
  },
  'claims.date.rule': { en: 'must be an existing date YYYY-MM-DD (got {value})', zh: '应为存在的日期 YYYY-MM-DD（实际为 {value}）' },
  'claims.rule.non-empty-string': { en: 'must be a non-empty string (got {value})', zh: '应为非空字符串（实际为 {value}）' },
  'claims.rule.one-of': { en: 'must be one of {values} (got {value})', zh: '应为以下之一：{values}（实际为 {value}）' },
  'claims.rule.category-list': {
    en: 'must be a list of categories, e.g. ["dibao"] (got {value})',
    zh: '应为人群类别的列表，如 ["dibao"]（实际为 {value}）',
  },
  'claims.rule.diagnosis-list': {
    en: 'must be a list of ICD-10 codes, e.g. ["C15.9"] (got {value})',
    zh: '应为 ICD-10 编码的列表，如 ["C15.9"]（实际为 {value}）',
  },
  'claims.rule.string': { en: 'must be a string (got {value})', zh: '应为字符串（实际为 {value}）' },
  'claims.rule.boolean': { en: 'must be true or false (got {value})', zh: '应为 true 或 false（实际为 {value}）' },
  'claims.field.reserved': {
    en: 'is a name reserved for the settlement output; rename this field',
    zh: '是结算输出保留的名称；请给这个字段改名',
  },
  'claims.field.required': { en: 'is required', zh: '是必填字段' },
  'claims.field.required-inpatient': { en: 'is required for an inpatient claim', zh: '住院就诊记录必须填写' },
  'claims.also-wrong': { en: '{problem}; also wrong: {fields}', zh: '{problem}；另有错误：{fields}' },
  'claims.record.not-object': { en: 'a claim is a JSON object (got {kind})', zh: '就诊记录应为 JSON 对象（实际为{kind}）' },
  'claims.rule.in-catalog-over': {
    en: 'the in-catalogue part cannot exceed total (got inCatalog {inCatalog}, total {total})',
    zh: '目录内费用不能超过总费用（实际为 inCatalog {inCatalog}，total {total}）',
  },
  'claims.rule.stay-reversed': {
    en: 'the stay ends before it starts (got admitted {admitted}, discharged {discharged})',
    zh: '住院结束日期早于开始日期（实际为 admitted {admitted}，discharged {discharged}）',
  },
  'claims.name.ambiguous-field': {
    en: '{name} is the Chinese name of more than one field ({codes}); write the code',
    zh: '{name} 是多个字段的中文名（{codes}）；请写代码',
  },
  'claims.name.ambiguous-value': {
    en: '{name} is the Chinese name of more than one {kind} value ({codes}); write the code',
    zh: '{name} 是多个 {kind} 取值的中文名（{codes}）；请写代码',
  },
  'claims.name.twice': { en: 'is given twice, as {before} and {key}; keep one', zh: '出现了两次，分别写作 {before} 和 {key}；请只保留一个' },

  // Where a record is, and a rejection as one line.
  'claims.place.line': { en: 'line {line}', zh: '第 {line} 行' },
  'claims.place.line-row': { en: 'line {line} (row {row})', zh: '第 {line} 行（第 {row} 条数据）' },
  'claims.place.with-id': { en: '{place} id {id}', zh: '{place}，id {id}' },
  'claims.rejection.field': { en: '{where}: {field}: {message}', zh: '{where}：{field}：{message}' },
  'claims.rejection.whole': { en: '{where}: {message}', zh: '{where}：{message}' },
  'claims.rejected': { en: 'rejected {rejection}', zh: '已拒绝 {rejection}' },
  'claims.id.duplicate': { en: '{id} is already used by the record on {place}', zh: '{id} 已被{place}的记录使用' },

  // Reading claim files.
  'claims.json.invalid': { en: 'not valid JSON: {reason}', zh: '不是有效的 JSON：{reason}' },
  'claims.json.at-line-column': { en: '{before} at line {line}, column {column}{after}', zh: '{before}，位于第 {line} 行第 {column} 列{after}' },
  'claims.json.at-column': { en: '{before} at column {column}{after}', zh: '{before}，位于第 {column} 列{after}' },
  'claims.bom.utf16-le': { en: 'FF FE, UTF-16 little-endian', zh: 'FF FE，UTF-16 小端序' },
  'claims.bom.utf16-be': { en: 'FE FF, UTF-16 big-endian', zh: 'FE FF，UTF-16 大端序' },
  'claims.file.utf16': {
    en: '{file}: is encoded as UTF-16 (byte order mark {bom}); claim files are UTF-8: save it again as "CSV UTF-8" (Excel, WPS) or convert it (iconv -f UTF-16 -t UTF-8)',
    zh: '{file}：编码为 UTF-16（字节顺序标记 {bom}）；就诊记录文件应为 UTF-8：请另存为“CSV UTF-8”（Excel、WPS）或转换编码（iconv -f UTF-16 -t UTF-8）',
  },
  'claims.utf8.invalid': {
    en: 'is not valid UTF-8 (line {line}, byte {column}); the file may be in GBK or GB18030: save it again as "CSV UTF-8" or convert it (iconv -f GB18030 -t UTF-8)',
    zh: '不是有效的 UTF-8（第 {line} 行第 {column} 字节）；文件可能是 GBK 或 GB18030 编码：请另存为“CSV UTF-8”或转换编码（iconv -f GB18030 -t UTF-8）',
  },
  'claims.file.problem': { en: '{file}: {problem}', zh: '{file}：{problem}' },
  'claims.file.unknown-format': {
    en: '{file}: cannot tell the format of this claim file from its name; use one of {extensions}',
    zh: '{file}：无法从文件名判断这个就诊记录文件的格式；请使用以下扩展名之一：{extensions}',
  },
  'claims.file.cannot-read': { en: 'cannot read {file}: {reason}', zh: '无法读取 {file}：{reason}' },
  'claims.fs.no-such-file': { en: 'no such file', zh: '文件不存在' },
  'claims.fs.directory': { en: 'it is a directory', zh: '这是一个目录' },
  'claims.fs.permission': { en: 'permission denied', zh: '没有权限' },
  'claims.file.csv-not-jsonl': {
    en: '{file}: holds CSV, not JSON Lines as its name says (line {line} is not JSON but comma-separated: {start}); name it .csv',
    zh: '{file}：内容是 CSV，而不是文件名所说的 JSON Lines（第 {line} 行不是 JSON，而是逗号分隔的：{start}）；请改名为 .csv',
  },
  'claims.file.jsonl-not-csv': {
    en: '{file}: holds JSON Lines, not CSV as its name says (line {line} starts with "{char}"); name it .jsonl, or write it as CSV with a header row',
    zh: '{file}：内容是 JSON Lines，而不是文件名所说的 CSV（第 {line} 行以 "{char}" 开头）；请改名为 .jsonl，或写成带表头行的 CSV',
  },
  'claims.csv.column-twice': {
    en: '{file}: column "{name}" appears twice in the header (columns {first} and {second})',
    zh: '{file}：表头中列 "{name}" 出现了两次（第 {first} 列和第 {second} 列）',
  },
  'claims.csv.column-twice-as': {
    en: '{file}: column "{name}" appears twice in the header (columns {first}{firstAs} and {second}{secondAs}); keep one',
    zh: '{file}：表头中列 "{name}" 出现了两次（第 {first} 列{firstAs}和第 {second} 列{secondAs}）；请只保留一列',
  },
  'claims.csv.column-as': { en: ' as {written}', zh: '（写作 {written}）' },
  'claims.csv.row-unreadable': { en: 'this row cannot be read as CSV: {reason}', zh: '这一行无法按 CSV 读取：{reason}' },
  'claims.csv.quote-not-closed': {
    en: '{file}: line {line}: a quoted field in the row starting here is never closed (a missing "), so the rest of the file cannot be read as rows; nothing was settled — close the quote or remove it',
    zh: '{file}：第 {line} 行：从这里开始的一行中有一个引号字段没有闭合（缺少 "），文件的其余部分无法按行读取；未结算任何记录——请闭合或删除这个引号',
  },
  'claims.csv.header-unreadable': { en: '{file}: the header row cannot be read: {reason}', zh: '{file}：无法读取表头行：{reason}' },
  'claims.csv.header-utf8': { en: '{file}: the header {problem}', zh: '{file}：表头{problem}' },
  'claims.csv.cell-count': {
    en: 'the row has {cells} cells but the header has {columns} columns',
    zh: '这一行有 {cells} 个单元格，但表头有 {columns} 列',
  },
  'claims.csv.unnamed-column': { en: 'column {column} has a value but no name in the header', zh: '第 {column} 列有值，但表头中没有列名' },
  // Rosters (packages/claims/src/roster).
  'roster.file.unknown-format': {
    en: '{file}: cannot tell the format of this roster from its name; use .csv, or .jsonl / .ndjson / .json (JSON Lines)',
    zh: '{file}：无法从文件名判断这个名单的格式；请使用 .csv，或 .jsonl / .ndjson / .json（JSON Lines）',
  },
  'roster.file.cannot-read': { en: 'cannot read roster {file}: {reason}', zh: '无法读取名单 {file}：{reason}' },
  'roster.file.missing-columns': {
    en: '{file}: the header has no column {missing} (a roster has the columns person, category, from, to; found {found})',
    zh: '{file}：表头中没有列 {missing}（名单应有 person、category、from、to 这几列；实际为 {found}）',
  },
  'roster.row.not-object': {
    en: 'a roster row is a JSON object with person, category, from, to (got {kind})',
    zh: '名单的一行应为含 person、category、from、to 的 JSON 对象（实际为{kind}）',
  },
  'roster.category.ambiguous': {
    en: '{value} is the Chinese name of more than one category ({codes}); write the code',
    zh: '{value} 是多个人群类别的中文名（{codes}）；请写代码',
  },
  'roster.category.rule': {
    en: 'must be one of {codes}, or their Chinese names ({names}) (got {value})',
    zh: '应为 {codes} 之一，或其中文名（{names}）（实际为 {value}）',
  },
  'roster.from.required': {
    en: 'is required: the day the person entered the category, YYYY-MM-DD',
    zh: '是必填字段：参保人进入该人群类别的日期，YYYY-MM-DD',
  },
  'roster.to.rule': {
    en: 'must be an existing date YYYY-MM-DD, or empty while the person is still in the category (got {value})',
    zh: '应为存在的日期 YYYY-MM-DD，参保人仍在该人群类别中时留空（实际为 {value}）',
  },
  'roster.to.before-from': { en: 'the period ends before it starts (from {from}, to {to})', zh: '期间的结束日期早于开始日期（from {from}，to {to}）' },
  'roster.problem.field': { en: '{place}: {field}: {message}', zh: '{place}：{field}：{message}' },
  'roster.problem.whole': { en: '{place}: {message}', zh: '{place}：{message}' },
  'roster.period.open': { en: '{from} – (still in)', zh: '{from} – （仍在名单中）' },
  'roster.conflict': {
    en: '{first} and {second}: person {person} is {firstCategory} {firstPeriod} and {secondCategory} {secondPeriod}: these categories exclude each other',
    zh: '{first} 与 {second}：参保人 {person} 在 {firstPeriod} 为 {firstCategory}，在 {secondPeriod} 为 {secondCategory}：这两个人群类别互相排斥',
  },
  // National platform records (packages/claims/src/nhsa).
  'nhsa.record.not-object': { en: 'a platform record is a JSON object (got {kind})', zh: '平台结算记录应为 JSON 对象（实际为 {kind}）' },
  'nhsa.field.contract': {
    en: "a platform record cannot also give the contract's {name}; remove this field",
    zh: '平台结算记录不能同时给出契约字段 {name}；请删除这个字段',
  },
  'nhsa.field.contract-from': {
    en: "a platform record cannot also give the contract's {name} (it comes from {from}); remove this field",
    zh: '平台结算记录不能同时给出契约字段 {name}（它来自 {from}）；请删除这个字段',
  },
  'nhsa.referral.contradicts': {
    en: '{value} contradicts med_type {medType}, which is {referral} in {mapping}',
    zh: '{value} 与 med_type {medType} 矛盾：在 {mapping} 中它对应 {referral}',
  },
  'nhsa.rule.code': { en: 'must be a code, as text (got {value})', zh: '应为以文本写出的代码（实际为 {value}）' },
  'nhsa.rule.date-time': {
    en: 'must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD (got {value})',
    zh: '应为日期时间 YYYY-MM-DD HH:MM:SS 或日期 YYYY-MM-DD（实际为 {value}）',
  },
  'nhsa.code.unmapped': { en: '{code} has no mapping in {mapping} (known: {known})', zh: '{code} 在 {mapping} 中没有映射（已知：{known}）' },
  'nhsa.rule.division': { en: 'must be a 6-digit division code (got {value})', zh: '应为 6 位行政区划代码（实际为 {value}）' },
  'nhsa.shape.platform': { en: 'national platform records', zh: '国家医保平台结算记录' },
  'nhsa.shape.claims': { en: 'claims', zh: '就诊记录' },
  'nhsa.csv.header-hint': { en: ' (is the first row a header?)', zh: '（第一行是表头吗？）' },
  'nhsa.csv.missing-column': {
    en: '{file}: the CSV header has no {columns} column, which {shape} need{hint}; nothing was settled',
    zh: '{file}：CSV 表头中没有{shape}所需的 {columns} 列{hint}；未结算任何记录',
  },
  'nhsa.csv.missing-columns': {
    en: '{file}: the CSV header has no {columns} columns, which {shape} need{hint}; nothing was settled',
    zh: '{file}：CSV 表头中没有{shape}所需的 {columns} 这几列{hint}；未结算任何记录',
  },
  // Output files (packages/claims/src/files).
  'claims.output.unknown-format': {
    en: '{file}: cannot tell the output format from its name; use .csv or .jsonl',
    zh: '{file}：无法从文件名判断输出格式；请使用 .csv 或 .jsonl',
  },
  'claims.output.no-folder': { en: '{file}: cannot create its folder ({code})', zh: '{file}：无法创建它所在的文件夹（{code}）' },
  'claims.output.cannot-write': { en: '{file}: cannot write ({reason})', zh: '{file}：无法写入（{reason}）' },
  'claims.output.another-output': { en: 'another output', zh: '另一个输出' },
  'claims.output.an-input': { en: 'an input', zh: '一个输入' },
  'claims.output.both': { en: 'both {file}', zh: '都是 {file}' },
  'claims.output.same-file': { en: '{file} and {other} are the same file', zh: '{file} 和 {other} 是同一个文件' },
  'claims.output.clash': {
    en: '{option} would overwrite {what}, {other} ({same}); choose another file for {option} — nothing was written',
    zh: '{option} 会覆盖{what} {other}（{same}）；请为 {option} 另选一个文件——未写入任何内容',
  },
  // Claims the engine cannot settle (packages/engine): the claim is rejected with the reason.
  'engine.layer.negative-by-rule': {
    en: 'rule {rule} would give layer {layer} a negative amount ({amount})',
    zh: '规则 {rule} 会使层 {layer} 的金额为负（{amount}）',
  },
  'engine.layer.assigned-twice': {
    en: 'layer {layer} is assigned by rule {previous} and again by rule {rule}; make their conditions exclusive',
    zh: '层 {layer} 已由规则 {previous} 赋值，又被规则 {rule} 再次赋值；请使两条规则的条件互斥',
  },
  'engine.layers.over-after-rule': {
    en: 'after rule {rule} the layers exceed the invoice ({total}) by {over}',
    zh: '规则 {rule} 之后各层之和超过发票金额（{total}）{over}',
  },
  'engine.layers.over': { en: 'the layers exceed the invoice by {over}', zh: '各层之和超过发票金额 {over}' },
  'engine.layer.negative': { en: 'layer {layer} is negative ({amount})', zh: '层 {layer} 为负（{amount}）' },
  'engine.layer.not-fen': { en: 'layer {layer} is not a whole number of fen ({amount})', zh: '层 {layer} 不是整分（{amount}）' },
  'engine.layer.undeclared': {
    en: 'layer {layer} is not declared by the policy but holds {amount}',
    zh: '层 {layer} 未在政策中声明，却有金额 {amount}',
  },
  'engine.layers.sum': {
    en: 'the layers add up to {sum}, not to the invoice {total}',
    zh: '各层之和为 {sum}，不等于发票金额 {total}',
  },
  'engine.date.before-first-version': {
    en: "date {date} is before policy {policy}'s first version, in force from {first}",
    zh: '日期 {date} 早于政策 {policy} 的第一个版本（自 {first} 起施行）',
  },
  'engine.table.no-row': { en: 'table {table} has no row for {by} {key}', zh: '表 {table} 中没有 {by} {key} 的行' },
  'engine.division-by-zero': { en: 'division by zero in rule {rule}', zh: '规则 {rule} 中除以零' },
  'engine.where.rule': { en: ' (rule {rule})', zh: '（规则 {rule}）' },
  'engine.where.rule-at': { en: ' (rule {rule}, {at})', zh: '（规则 {rule}，{at}）' },
  'engine.cannot-settle': { en: 'cannot settle claim {id}: {problem}{where}', zh: '无法结算就诊记录 {id}：{problem}{where}' },
  // Mapping files of platform records (nhsa-mapping.json).
  'nhsa.mapping.fault': { en: '{file}: {fault}', zh: '{file}：{fault}' },
  'nhsa.mapping.fault-more': { en: '{file}: {fault}\n{more}', zh: '{file}：{fault}\n{more}' },
  'nhsa.mapping.not-json': { en: '{file}:{problem} (not valid JSON)', zh: '{file}:{problem}（不是有效的 JSON）' },
  'nhsa.mapping.cannot-read': { en: 'cannot read mapping file {file}: {reason}', zh: '无法读取映射文件 {file}：{reason}' },
  'nhsa.mapping.unknown-key': { en: '{path}: unknown key {key}', zh: '{path}：未知的键 {key}' },
  'nhsa.mapping.required': { en: '{path}: {key} is required', zh: '{path}：{key} 是必填项' },
  'nhsa.mapping.one-of': { en: '{path}: must be one of {values} (got {value})', zh: '{path}：应为以下之一：{values}（实际为 {value}）' },
  'nhsa.mapping.key-not-code': {
    en: '{path}: key {key} is not a code (letters, digits, _ . -; at most 32)',
    zh: '{path}：键 {key} 不是代码（字母、数字、_ . -；最多 32 个字符）',
  },
  'nhsa.mapping.schema': { en: '{path}: {problem} (got {value})', zh: '{path}：{problem}（实际为 {value}）' },
  'nhsa.mapping.not-valid': { en: 'is not valid', zh: '无效' },
  'nhsa.mapping.against-schema': { en: '$: does not follow nhsa-mapping.schema.json', zh: '$：不符合 nhsa-mapping.schema.json' },
  'nhsa.mapping.ambiguous': {
    en: '{path}: {value} is the Chinese name of more than one {kind} ({codes}); write the code',
    zh: '{path}：{value} 是多个 {kind} 的中文名（{codes}）；请写代码',
  },
  'nhsa.mapping.layer-twice': {
    en: '$.fund_pay_type: the layer {layer} is given twice, as {before} and {key}; keep one',
    zh: '$.fund_pay_type：层 {layer} 出现了两次，分别写作 {before} 和 {key}；请只保留一个',
  },
  'nhsa.mapping.output-let': { en: '{file}: $.outputs.{value}.let: {problem}', zh: '{file}：$.outputs.{value}.let：{problem}' },
  'nhsa.mapping.output-let-type': {
    en: '{file}: $.outputs.{value}.let: {let} is a {type} let of policy {policy}; {value} needs a {want} let',
    zh: '{file}：$.outputs.{value}.let：{let} 是政策 {policy} 中 {type} 类型的 let；{value} 需要 {want} 类型的 let',
  },
  'claims.input.stdin': { en: 'standard input', zh: '标准输入' },
  'claims.input.text': { en: 'the text', zh: '输入的文本' },
  'claims.input.input': { en: 'the input', zh: '输入' },
  'nhsa.mapping.default': {
    en: 'the default mapping (packages/claims/src/nhsa/nhsa-default-mapping.json)',
    zh: '默认映射（packages/claims/src/nhsa/nhsa-default-mapping.json）',
  },
  // Premiums (policy premium): a subsidy that breaks the contract for a person-year.
  'engine.premium.error': { en: '{person} {year} premium {premium}: {problem}', zh: '{person} {year} 年保费 {premium}：{problem}' },
  'engine.premium.standard-negative': { en: 'the standard is negative ({amount})', zh: '缴费标准为负（{amount}）' },
  'engine.premium.subsidy-negative': { en: 'subsidy {subsidy} is negative ({amount})', zh: '资助 {subsidy} 为负（{amount}）' },
  'engine.premium.subsidy-over': {
    en: 'subsidy {subsidy} ({amount}) is more than the standard ({standard})',
    zh: '资助 {subsidy}（{amount}）超过缴费标准（{standard}）',
  },
  'engine.premium.nothing-written': { en: '{problem}; nothing was written', zh: '{problem}；未写入任何内容' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
