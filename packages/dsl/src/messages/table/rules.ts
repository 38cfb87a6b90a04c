/**
 * Messages of rules, types and analysis: check/rules.ts, typing.ts, bind-names.ts, modifiers.ts, properties.ts, applicability.ts, check-state.ts, check/analysis/*, check/kpi, check/audit, check/premium.
 * English and Chinese for every id; `{name}` parameters the same in both (messages.test.ts).
 */
export const RULES_MESSAGES = {
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
