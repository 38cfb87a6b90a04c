/**
 * Messages of the parser (syntax/messages.ts) and the CST → AST translation (syntax/cst-*.ts).
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 * What the parser found is a quoted token (`{found}`), the end of the file (`….eof`) or nothing
 * (`….nothing`): one id each, since the words around it differ by language.
 */
export const SYNTAX_MESSAGES = {
  // The parser (syntax/messages.ts): E002
  // Tokens named in words (tokens.ts labels); keywords and punctuation are quoted as written.
  'syntax.token.name': { en: 'a name', zh: '名称' },
  'syntax.token.string': { en: 'a string', zh: '字符串' },
  'syntax.token.date': { en: 'a date', zh: '日期' },
  'syntax.token.money': { en: 'an amount of money', zh: '金额' },
  'syntax.token.percent': { en: 'a percentage', zh: '百分比' },
  'syntax.token.points': { en: 'percentage points', zh: '百分点' },
  'syntax.token.days': { en: 'a number of days', zh: '天数' },
  'syntax.token.number': { en: 'a number', zh: '数字' },
  /** A list of tokens, `{rest}` the list after the first. */
  'syntax.list': { en: '{first}, {rest}', zh: '{first}、{rest}' },
  'syntax.list.more': { en: '{list}, …', zh: '{list}、…' },
  'syntax.declaration-expected': { en: 'unexpected {found}: a declaration was expected', zh: '意外的 {found}：此处应为声明' },
  'syntax.declaration-expected.eof': { en: 'unexpected the end of the file: a declaration was expected', zh: '意外的文件末尾：此处应为声明' },
  'syntax.not-all-parsed': {
    en: 'unexpected {found}: a declaration (policy, clause, param, table, set, let, accumulator, rule) was expected',
    zh: '意外的 {found}：此处应为声明（policy, clause, param, table, set, let, accumulator, rule）',
  },
  'syntax.not-all-parsed.eof': {
    en: 'unexpected the end of the file: a declaration (policy, clause, param, table, set, let, accumulator, rule) was expected',
    zh: '意外的文件末尾：此处应为声明（policy, clause, param, table, set, let, accumulator, rule）',
  },
  'syntax.expected': { en: 'expected {expected}, found {found}', zh: '应为 {expected}，实际为 {found}' },
  'syntax.expected.eof': { en: 'expected {expected}, found the end of the file', zh: '应为 {expected}，实际为文件末尾' },
  'syntax.expected-declaration': { en: 'expected a declaration ({list}), found {found}', zh: '应为声明（{list}），实际为 {found}' },
  'syntax.expected-declaration.eof': { en: 'expected a declaration ({list}), found the end of the file', zh: '应为声明（{list}），实际为文件末尾' },
  'syntax.expected-declaration.nothing': { en: 'expected a declaration ({list}), found nothing', zh: '应为声明（{list}），实际什么也没有' },
  'syntax.expected-statement': { en: 'expected a statement ({list}), found {found}', zh: '应为语句（{list}），实际为 {found}' },
  'syntax.expected-statement.eof': { en: 'expected a statement ({list}), found the end of the file', zh: '应为语句（{list}），实际为文件末尾' },
  'syntax.expected-statement.nothing': { en: 'expected a statement ({list}), found nothing', zh: '应为语句（{list}），实际什么也没有' },
  'syntax.expected-one-of': { en: 'expected one of {list}, found {found}', zh: '应为以下之一：{list}，实际为 {found}' },
  'syntax.expected-one-of.eof': { en: 'expected one of {list}, found the end of the file', zh: '应为以下之一：{list}，实际为文件末尾' },
  'syntax.expected-one-of.nothing': { en: 'expected one of {list}, found nothing', zh: '应为以下之一：{list}，实际什么也没有' },
  'syntax.expected-at-least': { en: 'expected at least one of {list}, found {found}', zh: '应至少有以下之一：{list}，实际为 {found}' },
  'syntax.expected-at-least.eof': { en: 'expected at least one of {list}, found the end of the file', zh: '应至少有以下之一：{list}，实际为文件末尾' },
  'syntax.expected-at-least.nothing': { en: 'expected at least one of {list}, found nothing', zh: '应至少有以下之一：{list}，实际什么也没有' },
  /** A parser message the provider did not build (a fallback: Chevrotain's own text). */
  'syntax.other': { en: '{message}', zh: '语法错误：{message}' },
  // The CST → AST translation (syntax/cst-*.ts)
  'syntax.expr-too-deep': {
    en: 'expression nested more than {depth} levels deep; split it with let-bindings',
    zh: '表达式嵌套超过 {depth} 层：请用 let 绑定拆分',
  },
  'syntax.long-literal': { en: 'number literal has more than {digits} digits', zh: '数字字面量超过 {digits} 位' },
  'syntax.money-precision': { en: '{raw} is more precise than a fen (0.01元)', zh: '{raw} 的精度超过了分（0.01元）' },
  'syntax.money-precision-wan': {
    en: '{raw} is {value}元, more precise than a fen (0.01元)',
    zh: '{raw} 即 {value}元，精度超过了分（0.01元）',
  },
  'syntax.extends-twice': {
    en: 'a policy extends at most one base; import the others',
    zh: '一个政策最多 extends 一个基础模块：其余的请用 import',
  },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
