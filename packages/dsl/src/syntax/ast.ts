import type { Span } from '../source.js';

/**
 * The typed AST of a .policy file. Every node has its source span. Literal values are kept
 * as canonical decimal strings (no binary fractions), in the unit the engine computes in:
 * money in yuan (`1万元` → "10000"), ratios and points as fractions (`90%` → "0.9").
 *
 * Why this file is long: it is the one list of node types, each a few lines with its
 * documentation; one file is where a reader looks up a node.
 */

export interface Ident {
  readonly name: string;
  readonly span: Span;
}

// ---------------------------------------------------------------- expressions

export type LiteralKind = 'number' | 'money' | 'ratio' | 'points' | 'days';

export interface NumericLiteral {
  readonly kind: 'numeric';
  readonly unit: LiteralKind;
  /** Canonical decimal text in the computing unit (yuan, fraction, days). */
  readonly value: string;
  /** The text as written. */
  readonly raw: string;
  readonly span: Span;
}

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}

export interface DateLiteral {
  readonly kind: 'date';
  /** YYYY-MM-DD */
  readonly value: string;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly span: Span;
}

/** A bare name: parameter, table, set, let, accumulator, layer, claim field, enum value, builtin. */
export interface NameRef {
  readonly kind: 'name';
  readonly name: string;
  readonly span: Span;
}

/** `claim.total`: an explicit claim field. */
export interface FieldRef {
  readonly kind: 'field';
  readonly field: Ident;
  readonly span: Span;
}

export type UnaryOp = 'neg' | 'not';
export type BinaryOp =
  | '+' | '-' | '*' | '/' | 'of'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or' | '??' | 'in' | 'not in'
  /** `x above y` = max(0, x − y); `x capped at y` = min(x, max(0, y)). */
  | 'above' | 'capped';

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  /** Span of the operator token, for diagnostics about the operation itself. */
  readonly opSpan: Span;
  readonly span: Span;
}

export interface CallExpr {
  readonly kind: 'call';
  readonly callee: Ident;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface IndexExpr {
  readonly kind: 'index';
  readonly table: Ident;
  readonly key: Expr;
  readonly span: Span;
}

export interface IfExpr {
  readonly kind: 'if';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
  readonly span: Span;
}

export interface SetExpr {
  readonly kind: 'set';
  readonly elements: readonly Expr[];
  readonly span: Span;
}

/** `unadjusted 起付线[level]`: a parameter, table or bands before any modifier. */
export interface UnadjustedExpr {
  readonly kind: 'unadjusted';
  readonly target: Ident;
  readonly key?: Expr;
  readonly span: Span;
}

/** `base` inside `override let`: the definition being replaced. */
export interface BaseExpr {
  readonly kind: 'base';
  readonly span: Span;
}

/** Stands where recovery left a hole; checks skip it (its error is already reported). */
export interface ErrorExpr {
  readonly kind: 'error';
  readonly span: Span;
}

export type Expr =
  | NumericLiteral
  | StringLiteral
  | DateLiteral
  | BoolLiteral
  | NameRef
  | FieldRef
  | UnaryExpr
  | BinaryExpr
  | CallExpr
  | IndexExpr
  | IfExpr
  | SetExpr
  | UnadjustedExpr
  | BaseExpr
  | ErrorExpr;

// ---------------------------------------------------------------- metadata

export type MetaKind = 'cites' | 'assumed' | 'reading' | 'note';

/** `cites "ANYI-11"`, `assumed "why"`, `reading "D10"`, `note "…"`. */
export interface Meta {
  readonly kind: MetaKind;
  readonly values: readonly StringLiteral[];
  readonly span: Span;
}

// ---------------------------------------------------------------- declarations

export interface VersionDecl {
  readonly kind: 'version';
  readonly date: DateLiteral;
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface PolicyDecl {
  readonly kind: 'policy';
  /** A module is a base that policies extend or import; it has no versions and is never settled. */
  readonly module: boolean;
  readonly name: Ident;
  /** `extends "../modules/x"`: the base whose every declaration, rules included, this one builds on. */
  readonly extends?: StringLiteral;
  /** `import "../modules/x"`: bases whose names (not rules, caps or modifiers) this one uses. */
  readonly imports: readonly StringLiteral[];
  readonly title?: StringLiteral;
  readonly document?: StringLiteral;
  readonly versions: readonly VersionDecl[];
  readonly layers?: readonly Ident[];
  readonly layersSpan?: Span;
  readonly span: Span;
}

export interface ClauseDecl {
  readonly kind: 'clause';
  readonly id: StringLiteral;
  readonly title: StringLiteral;
  readonly text?: StringLiteral;
  readonly span: Span;
}

export interface DatedValue {
  readonly date: DateLiteral;
  readonly value: Expr;
}

export interface ParamDecl {
  /** Span of `override` when this declaration replaces one of its base. */
  readonly override?: Span;
  readonly kind: 'param';
  readonly name: Ident;
  readonly typeName?: Ident;
  /** `param x = v`: one value for every version. */
  readonly value?: Expr;
  /** `param x { 2018-01-01: v  2024-09-01: w }`: a value from each version date on. */
  readonly dated?: readonly DatedValue[];
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface TableRow {
  readonly key: Expr;
  readonly value: Expr;
  readonly span: Span;
}

export interface TableDecl {
  /** Span of `override` when this declaration replaces one of its base. */
  readonly override?: Span;
  readonly kind: 'table';
  readonly name: Ident;
  /** The claim field the table is looked up by: `by level`, `by disease`. */
  readonly by: Ident;
  /** `by disease in 十五种重大疾病`: the keys must be exactly the set's members. */
  readonly domain?: Ident;
  readonly rows: readonly TableRow[];
  readonly otherwise?: Expr;
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface SetDecl {
  /** Span of `override` when this declaration replaces one of its base. */
  readonly override?: Span;
  readonly kind: 'setDecl';
  readonly name: Ident;
  readonly elements: readonly Expr[];
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface LetDecl {
  /** Span of `override` when this declaration replaces one of its base. */
  readonly override?: Span;
  readonly kind: 'let';
  readonly name: Ident;
  readonly value: Expr;
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface AccumulatorDecl {
  readonly kind: 'accumulator';
  readonly name: Ident;
  /** Extra key fields besides person and year: `per person year by disease`. */
  readonly keys: readonly Ident[];
  readonly meta: readonly Meta[];
  readonly span: Span;
}

export interface LetStmt {
  readonly kind: 'let';
  readonly name: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `basic = …`: assigns a layer. */
export interface AssignStmt {
  readonly kind: 'assign';
  readonly target: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `年度自付 += patient`: adds to an accumulator once the claim has settled. */
export interface AddStmt {
  readonly kind: 'add';
  readonly target: Ident;
  readonly value: Expr;
  readonly span: Span;
}

/** `flag "message"`: an audit finding, never money. */
export interface FlagStmt {
  readonly kind: 'flag';
  readonly message: StringLiteral;
  readonly when?: Expr;
  readonly span: Span;
}

/** `fallback tops up to 90% of (total - hospital)`: the layer pays what lifts `paid` to the target. */
export interface TopUpStmt {
  readonly kind: 'topup';
  readonly target: Ident;
  readonly value: Expr;
  readonly span: Span;
}

export type Stmt = LetStmt | AssignStmt | AddStmt | FlagStmt | TopUpStmt;

/** `from`/`until`/`when` of a rule, cap or modifier. */
export interface Applicability {
  readonly meta: readonly Meta[];
  readonly from?: DateLiteral;
  readonly until?: DateLiteral;
  readonly when?: Expr;
}

export interface BandRow {
  readonly lower: Expr;
  readonly upper?: Expr;
  readonly ratio: Expr;
  readonly span: Span;
}

/** `bands NAME { from 0元 to 5万元: 60%  from 5万元: 70% }`: ratios on successive parts of an amount. */
export interface BandsDecl {
  readonly kind: 'bands';
  readonly override?: Span;
  readonly name: Ident;
  readonly rows: readonly BandRow[];
  readonly meta: readonly Meta[];
  readonly span: Span;
}

/** `cap NAME = 30万元 per person year [by disease] on basic … when …`: a yearly cap on a layer. */
export interface CapDecl extends Applicability {
  readonly kind: 'cap';
  readonly name: Ident;
  readonly amount: Expr;
  readonly keys: readonly Ident[];
  readonly layer: Ident;
  readonly span: Span;
}

export type AdjustOp = '*' | '+' | '-';

export interface Adjustment {
  readonly target: Ident;
  readonly op: AdjustOp;
  readonly amount: Expr;
  readonly span: Span;
}

/** `modifier NAME … when c { 起付线 × 50%  比例 + 5pp }`, or the one-line `adjust 比例 + 5pp … when c`. */
export interface ModifierDecl extends Applicability {
  readonly kind: 'modifier';
  readonly name: Ident;
  /** Written as `adjust …` (its name is made up from the target). */
  readonly oneLine: boolean;
  readonly adjustments: readonly Adjustment[];
  readonly span: Span;
}

export interface RuleDecl extends Applicability {
  /** Span of `override` when this declaration replaces one of its base. */
  readonly override?: Span;
  readonly kind: 'rule';
  readonly name: Ident;
  readonly body: readonly Stmt[];
  readonly span: Span;
}

/** `property NAME cites … when c { BOOLEAN }`: what every settlement of such a claim must satisfy. */
export interface PropertyDecl extends Applicability {
  readonly kind: 'property';
  readonly name: Ident;
  readonly body: Expr;
  readonly span: Span;
}

/** `covers basic, … when c`: every claim meeting c gets a rule assigning each layer (E604). */
export interface CoversDecl extends Applicability {
  readonly kind: 'covers';
  readonly layers: readonly Ident[];
  readonly span: Span;
}

/**
 * `count earlier where c same disease within 15日`: an aggregate over the person's claims before
 * this one in (date, id) order. `where` reads the earlier claim (its fields and the policy's
 * lets); `same F` keeps those whose field F equals this claim's; `within D` keeps those that
 * ended (discharged, else date) at most D days before this claim began (admitted, else date);
 * `during` keeps those dated within this claim's stay (admitted … date).
 */
export interface HistoryExpr {
  readonly kind: 'history';
  /** `count`, `sum`, `max`. */
  readonly aggregate: Ident;
  /** The summed field: `sum total earlier …`. */
  readonly field?: Ident;
  readonly where?: Expr;
  readonly same: readonly Ident[];
  readonly within?: Expr;
  readonly during: boolean;
  readonly span: Span;
}

export interface AuditLetStmt {
  readonly kind: 'let';
  readonly name: Ident;
  readonly value: Expr | HistoryExpr;
  readonly span: Span;
}

/** `finding "message" [when c]`: a finding of the audit on this claim. */
export interface FindingStmt {
  readonly kind: 'finding';
  readonly message: StringLiteral;
  readonly when?: Expr;
  readonly span: Span;
}

export type AuditStmt = AuditLetStmt | FindingStmt;

/**
 * `audit NAME result 可疑 stage 事后 cites … when c { let … finding "…" when … }`: a check of
 * a claim against the person's history; it produces findings, never money (docs/audits.md).
 */
export interface AuditDecl extends Applicability {
  readonly kind: 'audit';
  readonly name: Ident;
  readonly result?: Ident;
  readonly stage?: Ident;
  readonly body: readonly AuditStmt[];
  readonly span: Span;
}

/** `count [where c]`, `sum EXPR [where c]`: one side of a kpi. */
export interface KpiTerm {
  readonly aggregate: Ident;
  readonly value?: Expr;
  /** `persons with 2`: the person-years with at least this many of the claims counted. */
  readonly minimum?: Expr;
  readonly where?: Expr;
  readonly span: Span;
}

/**
 * `kpi NAME cites … [when c] { numerator … denominator … target >= 90% }`: an indicator over the
 * settled claims that meet `c` (docs/kpis.md).
 */
export interface KpiDecl extends Applicability {
  readonly kind: 'kpi';
  readonly name: Ident;
  /** Every `numerator` line (the checker wants exactly one), every `denominator` and `target` (at most one each). */
  readonly numerators: readonly KpiTerm[];
  readonly denominators: readonly KpiTerm[];
  readonly targets: readonly { readonly op: '>=' | '<=' | '>' | '<'; readonly value: Expr; readonly span: Span }[];
  /** Every `by FIELD` line (at most one allowed). */
  readonly groupings: readonly Ident[];
  /** Every `growth` line (at most one allowed), by its span. */
  readonly growths: readonly Span[];
  readonly span: Span;
}

/** `subsidy NAME = EXPR source "…" meta… [when c]`: one class of a premium's subsidy. */
export interface SubsidyItem extends Applicability {
  readonly name: Ident;
  readonly value: Expr;
  readonly source: StringLiteral;
  readonly span: Span;
}

/**
 * `premium NAME cites … [when c] { standard EXPR  subsidy … }`: a contribution per person and
 * year and the subsidies that pay part of it, by category (docs/premiums.md).
 */
export interface PremiumDecl extends Applicability {
  readonly kind: 'premium';
  readonly name: Ident;
  /** Every `standard` line (the checker wants exactly one). */
  readonly standards: readonly Expr[];
  readonly subsidies: readonly SubsidyItem[];
  readonly span: Span;
}

export type Declaration =
  | PremiumDecl
  | KpiDecl
  | AuditDecl
  | PolicyDecl
  | ClauseDecl
  | ParamDecl
  | TableDecl
  | SetDecl
  | LetDecl
  | AccumulatorDecl
  | BandsDecl
  | CapDecl
  | ModifierDecl
  | RuleDecl
  | PropertyDecl
  | CoversDecl;

export interface PolicyFileAst {
  readonly path: string;
  readonly declarations: readonly Declaration[];
}
