/**
 * Every diagnostic code, in one table. Codes are stable: tools and CI scripts match on them.
 * E0xx: reading the file; E1xx: names; E2xx: types and values; E3xx: citations;
 * E4xx: policy structure; E5xx: reuse (bases, overrides, modifiers); W2xx: warnings;
 * E6xx/W6xx: the interplay of rules and declared properties (check/analysis, docs/analysis.md);
 * E7xx: audits over claim histories (check/audit, docs/audits.md), kpis (check/kpi, docs/kpis.md) and
 * premiums (check/premium, docs/premiums.md).
 */
export const DIAGNOSTIC_CODES = {
  E001: 'a character no token can start with (lexical error)',
  E002: 'syntax error',
  E003: 'input too large or too deeply nested to read safely',
  E004: 'full-width punctuation typed by a Chinese input method where the half-width is meant (：（），；“”％ …); policy fmt writes the fix',
  E005: 'a thousands separator in an amount (5,000元): write 5000元',
  E101: 'unknown name',
  E102: 'unknown claim field',
  E103: 'unknown layer',
  E104: 'duplicate name',
  E105: 'layer assigned twice in one rule',
  E106: 'layer not declared in the policy header',
  E107: 'patient is what remains and cannot be assigned',
  E108: 'only an accumulator can be added to with +=',
  E109: 'duplicate table row',
  E110: 'circular definition',
  E111: 'a top-level let may not read layers',
  E112: 'a parameter, table or set value must be a constant',
  E113: 'unknown function or wrong number of arguments',
  E201: 'money where a ratio belongs',
  E202: 'a ratio where money belongs',
  E203: 'type mismatch',
  E204: 'ratio outside 0–100%',
  E205: 'money with more than 2 decimals',
  E206: 'an optional claim field used without a default',
  E207: 'number literal too long',
  E208: 'not a calendar date',
  E301: 'rule without a clause citation',
  E302: 'citation of an undeclared clause',
  E303: 'a number without a source: neither cites a clause nor is marked assumed',
  E401: 'policy header missing or repeated',
  E402: 'policy without a version',
  E403: 'date that is not a declared version',
  E404: 'table does not cover every key',
  E405: 'table keys differ from its declared domain',
  E406: 'bands that do not start at 0元 or are not contiguous and increasing',
  E501: 'override of something the base does not have (or has as another kind)',
  E502: 'adjustment of something that is not a parameter, table or bands, or by a value of the wrong type',
  E503: 'a name the base already declares, declared again without override',
  E504: '`base` outside an `override let`',
  E505: 'a base (extends or import) that cannot be used',
  W201: 'layer read before any rule assigns it',
  W202: 'declared but never used',
  E601: 'two rules assign one layer to the same claim (overlapping conditions)',
  W602: 'a condition no claim can meet: the rule, branch, flag, modifier or cap never applies',
  W603: 'order hazard: a rule reads a layer, paid or remaining that a later rule changes',
  E604: 'claims a `covers` declaration covers that no rule assigning its layer applies to',
  W605: 'two rules add to one accumulator for the same claim (overlapping conditions): it counts the claim twice',
  E701: 'an audit without a result type (可疑/明确), a stage (事前/事中/事后) or a finding',
  E702: 'a history read with an unknown aggregate, field or window',
  E703: 'an audit reads what only a settlement knows (an accumulator or a yearly cap)',
  E704: 'a kpi term or quotient that is no indicator (or reads an accumulator)',
  E705: 'a premium without one standard, or reading what a person-year does not have (a claim field other than categories and year, a layer, an accumulator)',
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
