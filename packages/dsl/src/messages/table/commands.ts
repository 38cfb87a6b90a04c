/**
 * Messages of the commands' summaries and usage errors (packages/cli): batch, diff, audit, report, premium, roster, eval, explain, generate.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 */
export const COMMAND_MESSAGES = {
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
