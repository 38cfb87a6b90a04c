/**
 * Messages of declarations, names and headers: check/declarations.ts, check/resolver.ts, check/passes/*, check/citation.ts, check/versions.ts, units.ts.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 */
export const DECLARE_MESSAGES = {
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
