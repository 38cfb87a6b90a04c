/**
 * The one message table: every message id with its English and Chinese template. `{name}`
 * is a parameter; both templates of a message take the same ones (messages.test.ts checks).
 * The English text is what the tools printed before the table existed, byte for byte: goldens,
 * transcripts and docs quote it.
 */
export const MESSAGES = {
  // Reading a file (parse.ts)
  'lex.unexpected-char': { en: 'unexpected character {shown}', zh: '无法识别的字符 {shown}' },
  'lex.unexpected-chars': { en: 'unexpected characters {shown}', zh: '无法识别的字符 {shown}' },
  'lex.unterminated-string': { en: 'unterminated string', zh: '字符串没有结束的引号' },
  'lex.fullwidth': {
    en: "full-width {found} where the language writes {ascii}: use the half-width {ascii}",
    zh: '全角 {found} 处应写 {ascii}：请改用半角 {ascii}',
  },
  'lex.fullwidth-quote': {
    en: 'full-width quotes {found}…{close} around a string: use the half-width \'"\'',
    zh: '字符串用了全角引号 {found}…{close}：请改用半角 \'"\'',
  },
  'lex.fullwidth-semicolon': {
    en: "full-width '；': the language has no ';' (declarations end at the line's end or '}'): remove it",
    zh: "全角 '；'：本语言没有分号（声明以行尾或 '}' 结束），请删除",
  },
  'lex.thousands': {
    en: "thousands separator in the amount {written}: write {fixed}",
    zh: '金额 {written} 中有千位分隔符：请写 {fixed}',
  },
  'read.too-large': { en: 'file is larger than {mib} MiB', zh: '文件超过 {mib} MiB' },
  'read.too-deep': { en: 'brackets nested more than {depth} levels deep', zh: '括号嵌套超过 {depth} 层' },
  'read.stack': {
    en: 'the file nests too deeply to read (call stack exhausted)',
    zh: '文件嵌套太深，无法读取（调用栈耗尽）',
  },
  'read.more-errors': { en: '{count} more lexical or syntax errors not listed', zh: '另有 {count} 个词法或语法错误未列出' },
  // The frame of a rendered diagnostic (render.ts)
  'render.error': { en: 'error', zh: '错误' },
  'render.warning': { en: 'warning', zh: '警告' },
  'render.help': { en: 'help: did you mean `{suggestion}`?', zh: '提示：是否应为 `{suggestion}`？' },
  'render.note': { en: 'note', zh: '注' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
