/**
 * Messages of claims, rosters and platform records: rejection reasons and file errors (packages/claims).
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 */
export const CLAIMS_MESSAGES = {
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
