/**
 * Messages of reading a file (syntax/parse.ts), the frame of a rendered diagnostic, counts, and
 * the summaries of policy check and policy test. See ../table.ts.
 */
export const READ_MESSAGES = {
  // Reading a file (parse.ts)
  'lex.unexpected-char': { en: 'unexpected character {shown}', zh: '无法识别的字符 {shown}' },
  'lex.unexpected-chars': { en: 'unexpected characters {shown}', zh: '无法识别的字符 {shown}' },
  'lex.unterminated-string': { en: 'unterminated string', zh: '字符串没有结束的引号' },
  'lex.fullwidth': {
    en: "full-width '{ch}' (typed by a Chinese input method) where '{fix}' is meant; use the half-width '{fix}' (policy fmt does)",
    zh: "全角 '{ch}'（中文输入法输入）处应为 '{fix}'：请改用半角 '{fix}'（policy fmt 会改）",
  },
  'lex.fullwidth-remove': {
    en: "full-width '{ch}' (typed by a Chinese input method): a .policy file has no '{ch}'; remove it (policy fmt does)",
    zh: "全角 '{ch}'（中文输入法输入）：.policy 文件中没有 '{ch}'，请删除（policy fmt 会删）",
  },
  'lex.fullwidth-space': {
    en: 'full-width space (typed by a Chinese input method); use an ordinary space (policy fmt does)',
    zh: '全角空格（中文输入法输入）：请改用普通空格（policy fmt 会改）',
  },
  'lex.thousands': {
    en: '{written}: a thousands separator in an amount; write {fixed} (no commas in numbers)',
    zh: '{written}：金额中有千位分隔符，请写 {fixed}（数字中不用逗号）',
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
  // Counts, one and many (the caller says which: `count` in index.ts)
  'count.error.one': { en: '{n} error', zh: '{n} 个错误' },
  'count.error.many': { en: '{n} errors', zh: '{n} 个错误' },
  'count.warning.one': { en: '{n} warning', zh: '{n} 个警告' },
  'count.warning.many': { en: '{n} warnings', zh: '{n} 个警告' },
  'count.claim.one': { en: '{n} claim', zh: '{n} 条就诊记录' },
  'count.claim.many': { en: '{n} claims', zh: '{n} 条就诊记录' },
  'count.file.one': { en: '{n} file', zh: '{n} 个文件' },
  'count.file.many': { en: '{n} files', zh: '{n} 个文件' },
  // Two counts side by side: "1 error, 2 warnings"
  'count.pair': { en: '{first}, {second}', zh: '{first}，{second}' },
  // policy check (packages/cli/src/commands/check.ts)
  'check.failed': { en: 'FAILED {path}: {counts}', zh: '未通过 {path}：{counts}' },
  // policy test (packages/cli/src/commands/test.ts)
  'test.problem': { en: 'problem {problem}', zh: '问题 {problem}' },
  'test.fail-case': { en: 'FAIL {name} ({file}:{line})', zh: '未通过 {name}（{file}:{line}）' },
  'test.no-examples': { en: 'FAILED {path}: no example claims in {dir}/tests/*.yaml', zh: '未通过 {path}：{dir}/tests/*.yaml 中没有示例' },
  'test.ok': { en: 'ok {path}: {passed}/{total} cases pass ({claims} in {files})', zh: '通过 {path}：{passed}/{total} 个用例通过（{files}，{claims}）' },
  'test.failed': { en: 'FAILED {path}: {passed}/{total} cases pass ({claims} in {files})', zh: '未通过 {path}：{passed}/{total} 个用例通过（{files}，{claims}）' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
