import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Tokens of the .policy language, as module constants in one ordered list (earlier wins).
 * Numbers carry their unit in the same token (`7500元`, `1万元`, `90%`, `5pp`, `5个百分点`,
 * `3日`), so that `90% of x` and `x × 50%` are typed from the literal itself.
 */

const idStart = 'A-Za-z_\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u2160-\\u217F';
const idPart = `${idStart}0-9\\u3007`;

export const Identifier = createToken({
  name: 'Identifier',
  label: 'a name',
  pattern: new RegExp(`[${idStart}][${idPart}]*`),
});

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: new RegExp(word), longer_alt: Identifier, label: `'${word}'` });
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

export const StringLit = createToken({ name: 'StringLit', pattern: /"(?:[^"\\\r\n]|\\.)*"/, label: 'a string' });
export const DateLit = createToken({ name: 'DateLit', pattern: /\d{4}-\d{2}-\d{2}/, label: 'a date' });
export const MoneyLit = createToken({ name: 'MoneyLit', pattern: /\d+(?:\.\d+)?(?:万元|元)/, label: 'an amount of money' });
export const PercentLit = createToken({ name: 'PercentLit', pattern: /\d+(?:\.\d+)?%/, label: 'a percentage' });
export const PointsLit = createToken({ name: 'PointsLit', pattern: /\d+(?:\.\d+)?(?:pp|个百分点)/, label: 'percentage points' });
export const DaysLit = createToken({ name: 'DaysLit', pattern: /\d+(?:日|天)/, label: 'a number of days' });
export const NumberLit = createToken({ name: 'NumberLit', pattern: /\d+(?:\.\d+)?/, label: 'a number' });

export const PlusAssign = createToken({ name: 'PlusAssign', pattern: /\+=/, label: "'+='" });
export const Coalesce = createToken({ name: 'Coalesce', pattern: /\?\?/, label: "'??'" });
export const Eq = createToken({ name: 'Eq', pattern: /==/, label: "'=='" });
export const NotEq = createToken({ name: 'NotEq', pattern: /!=|≠/, label: "'!='" });
export const LtEq = createToken({ name: 'LtEq', pattern: /<=|≤/, label: "'<='" });
export const GtEq = createToken({ name: 'GtEq', pattern: />=|≥/, label: "'>='" });
export const Lt = createToken({ name: 'Lt', pattern: /</, label: "'<'" });
export const Gt = createToken({ name: 'Gt', pattern: />/, label: "'>'" });
export const Assign = createToken({ name: 'Assign', pattern: /=/, label: "'='" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: /-|−/, label: "'-'" });
export const Star = createToken({ name: 'Star', pattern: /\*|×/, label: "'×'" });
export const Slash = createToken({ name: 'Slash', pattern: /\/|÷/, label: "'÷'" });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/, label: "']'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });

export const Policy = keyword('policy');
export const Title = keyword('title');
export const Document = keyword('document');
export const Version = keyword('version');
export const Layers = keyword('layers');
export const Clause = keyword('clause');
export const Param = keyword('param');
export const Table = keyword('table');
export const By = keyword('by');
export const Set = keyword('set');
export const Let = keyword('let');
export const Accumulator = keyword('accumulator');
export const Per = keyword('per');
export const Person = keyword('person');
export const Year = keyword('year');
export const Rule = keyword('rule');
export const Cites = keyword('cites');
export const Assumed = keyword('assumed');
export const Reading = keyword('reading');
export const Note = keyword('note');
export const When = keyword('when');
export const From = keyword('from');
export const Until = keyword('until');
export const Flag = keyword('flag');
export const If = keyword('if');
export const Then = keyword('then');
export const Else = keyword('else');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const In = keyword('in');
export const Of = keyword('of');
export const Otherwise = keyword('otherwise');
export const ClaimKw = keyword('claim');
export const True = keyword('true');
export const Module = keyword('module');
export const Extends = keyword('extends');
export const Import = keyword('import');
export const Override = keyword('override');
export const Modifier = keyword('modifier');
export const Adjust = keyword('adjust');
export const Unadjusted = keyword('unadjusted');
export const Base = keyword('base');
export const Bands = keyword('bands');
export const To = keyword('to');
export const Cap = keyword('cap');
export const On = keyword('on');
export const Above = keyword('above');
export const Capped = keyword('capped');
export const At = keyword('at');
export const Tops = keyword('tops');
export const Up = keyword('up');
export const False = keyword('false');
export const Property = keyword('property');
export const Covers = keyword('covers');
// Audits over a person's history (docs/audits.md).
export const Audit = keyword('audit');
export const Finding = keyword('finding');
export const Result = keyword('result');
export const Stage = keyword('stage');
export const Earlier = keyword('earlier');
export const Where = keyword('where');
export const Same = keyword('same');
export const Within = keyword('within');
export const During = keyword('during');
// Indicators over settlements (docs/kpis.md).
export const Kpi = keyword('kpi');
export const Numerator = keyword('numerator');
export const Denominator = keyword('denominator');
export const Target = keyword('target');
export const Growth = keyword('growth');
export const With = keyword('with');
// Premium subsidies (docs/premiums.md).
export const Premium = keyword('premium');
export const Standard = keyword('standard');
export const Subsidy = keyword('subsidy');
export const Source = keyword('source');

export const keywordTokens: TokenType[] = [
  Policy, Title, Document, Version, Layers, Clause, Param, Table, By, Set, Let, Accumulator,
  Per, Person, Year, Rule, Cites, Assumed, Reading, Note, When, From, Until, Flag, If, Then,
  Else, And, Or, Not, In, Of, Otherwise, ClaimKw, True, False, Module, Extends, Import, Override,
  Modifier, Adjust, Unadjusted, Base, Bands, To, Cap, On, Above, Capped, At, Tops, Up, Property, Covers,
  Audit, Finding, Result, Stage, Earlier, Where, Same, Within, During, Kpi, Numerator, Denominator, Target, Growth, With,
  Premium, Standard, Subsidy, Source,
];

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLit,
  DateLit,
  MoneyLit,
  PercentLit,
  PointsLit,
  DaysLit,
  NumberLit,
  PlusAssign,
  Coalesce,
  Eq,
  NotEq,
  LtEq,
  GtEq,
  Lt,
  Gt,
  Assign,
  Plus,
  Minus,
  Star,
  Slash,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Dot,
  // Longer keywords first, so that `per` does not shadow `person` nor `not` shadow `note`.
  ...[...keywordTokens].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
];

let lexer: Lexer | undefined;

/**
 * A lexer of the language. `validate` runs Chevrotain's checks of the token definitions (and
 * insists the lexer's first-character optimisation applies); the lexer test builds a validated
 * one, the commands a fast one.
 */
export function buildLexer(validate: boolean): Lexer {
  return new Lexer(allTokens, { ensureOptimizations: validate, positionTracking: 'full', skipValidations: !validate });
}

/** The one lexer, built on first use: a command that lexes nothing does not pay for its analysis. */
export function policyLexer(): Lexer {
  lexer ??= buildLexer(false);
  return lexer;
}
