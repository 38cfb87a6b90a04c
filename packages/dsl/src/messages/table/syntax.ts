/**
 * Messages of the parser (syntax/messages.ts) and the CST → AST translation (syntax/cst-*.ts).
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 */
export const SYNTAX_MESSAGES = {
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
