import type { BinaryOp } from '../syntax/ast.js';
import type { SourceFile, Span } from '../source.js';
import type { LayerName } from '../vocabulary.js';
import type { Type } from './types.js';
import type { BuiltinName } from '../builtins.js';

/**
 * The resolved policy: every name bound to its declaration, every expression typed. This is
 * what the engine compiles; it never sees the AST's names or the CST.
 */

export interface ClauseInfo {
  readonly id: string;
  readonly title: string;
  readonly text?: string;
  readonly span: Span;
}

export interface VersionInfo {
  /** YYYY-MM-DD: the `version` of every settlement this version produces. */
  readonly date: string;
  readonly day: number;
  readonly cites: readonly string[];
  readonly span: Span;
}

export interface Citation {
  readonly cites: readonly string[];
  readonly readings: readonly string[];
  readonly assumed?: string;
  readonly note?: string;
}

export interface ParamSym extends Citation {
  readonly kind: 'param';
  readonly name: string;
  readonly type: Type;
  /** Values by the version date they start on (sorted); one entry dated at the first version for `param x = v`. */
  readonly values: readonly { readonly from: string; readonly expr: TExpr }[];
  readonly span: Span;
}

export type TableKey = string | number;

export interface TableSym extends Citation {
  readonly kind: 'table';
  readonly name: string;
  /** The claim field whose values are the keys. */
  readonly by: string;
  readonly keyType: Type;
  readonly valueType: Type;
  readonly rows: readonly { readonly key: TableKey; readonly value: TExpr; readonly span: Span }[];
  readonly otherwise?: TExpr;
  readonly span: Span;
}

export interface SetSym extends Citation {
  readonly kind: 'set';
  readonly name: string;
  readonly elementType: Type;
  readonly elements: readonly { readonly value: string | number; readonly span: Span }[];
  readonly span: Span;
}

export interface LetSym {
  readonly kind: 'let';
  readonly name: string;
  readonly index: number;
  readonly type: Type;
  readonly expr: TExpr;
  readonly note?: string;
  readonly span: Span;
}

export interface AccumulatorSym extends Citation {
  readonly kind: 'accumulator';
  readonly name: string;
  readonly index: number;
  /** Key fields besides person and year. */
  readonly keys: readonly string[];
  readonly span: Span;
}

/** Segmented ratios: `ratio` on the part of an amount between `lower` and `upper` (open when absent). */
export interface BandsSym extends Citation {
  readonly kind: 'bands';
  readonly name: string;
  readonly rows: readonly {
    readonly lower: import('../money.js').Decimal;
    readonly upper?: import('../money.js').Decimal;
    readonly ratio: import('../money.js').Decimal;
    readonly span: Span;
  }[];
  readonly span: Span;
}

/** A modifier (or one-line `adjust`): adjustments that hold while its condition does. */
export interface ModifierSym extends Citation {
  readonly name: string;
  readonly oneLine: boolean;
  readonly from?: string;
  readonly until?: string;
  /** Over the claim, never layers; absent = always. */
  readonly when?: TExpr;
  readonly span: Span;
}

/** One adjustment of a parameter, a table's every row or every band's ratio. */
export interface AdjustmentIR {
  readonly modifier: ModifierSym;
  readonly op: '*' | '+' | '-';
  readonly amount: TExpr;
  readonly span: Span;
}

/** A yearly cap on a layer, kept in its own accumulator (what the layer was given so far). */
export interface CapSym extends Citation {
  readonly kind: 'cap';
  readonly name: string;
  readonly layer: LayerName;
  readonly amount: TExpr;
  readonly when?: TExpr;
  readonly from?: string;
  readonly until?: string;
  readonly acc: AccumulatorSym;
  readonly span: Span;
}

interface Node {
  readonly type: Type;
  readonly span: Span;
}

export type Constant = import('../money.js').Decimal | boolean | string | number | ReadonlySet<string | number>;

export type TExpr =
  | (Node & { readonly k: 'const'; readonly value: Constant })
  | (Node & { readonly k: 'param'; readonly param: ParamSym })
  | (Node & { readonly k: 'field'; readonly field: string })
  | (Node & { readonly k: 'state'; readonly name: 'paid' | 'remaining' })
  | (Node & { readonly k: 'layer'; readonly layer: LayerName })
  | (Node & { readonly k: 'acc'; readonly acc: AccumulatorSym })
  | (Node & { readonly k: 'let'; readonly let: LetSym })
  | (Node & { readonly k: 'local'; readonly slot: number; readonly name: string })
  | (Node & { readonly k: 'set'; readonly set: SetSym })
  | (Node & { readonly k: 'index'; readonly table: TableSym; readonly key: TExpr })
  | (Node & { readonly k: 'neg'; readonly operand: TExpr })
  | (Node & { readonly k: 'not'; readonly operand: TExpr })
  | (Node & {
      readonly k: 'binary';
      readonly op: BinaryOp;
      readonly left: TExpr;
      readonly right: TExpr;
      /** Ratio results of + and − are clamped to 0–100% (D1). */
      readonly clampRatio: boolean;
    })
  | (Node & { readonly k: 'call'; readonly fn: BuiltinName; readonly args: readonly TExpr[] })
  | (Node & { readonly k: 'if'; readonly cond: TExpr; readonly then: TExpr; readonly else: TExpr })
  | (Node & { readonly k: 'setLit'; readonly elements: readonly TExpr[] })
  /**
   * A parameter read or table lookup under modifiers: base × (product of the active factors)
   * + (sum of the active amounts), ratios clamped to 0–100%, money at ≥ 0 (D1, D2).
   */
  | (Node & {
      readonly k: 'adjusted';
      readonly target: string;
      readonly base: TExpr;
      readonly adjustments: readonly AdjustmentIR[];
    })
  /** `B(upper)` or `B(lower, upper)`: Σ ratio × (the part of [lower, upper] in each band). */
  | (Node & {
      readonly k: 'bands';
      readonly bands: BandsSym;
      readonly lower?: TExpr;
      readonly upper: TExpr;
      /** Adjustments of every band's ratio. */
      readonly adjustments: readonly AdjustmentIR[];
    })
  | (Node & { readonly k: 'error' });

export type TStmt =
  | { readonly k: 'let'; readonly slot: number; readonly name: string; readonly expr: TExpr; readonly span: Span }
  | {
      readonly k: 'assign';
      readonly layer: LayerName;
      readonly expr: TExpr;
      readonly span: Span;
      /** The yearly caps on this layer; each limits the amount while its condition holds. */
      readonly caps: readonly CapSym[];
    }
  | { readonly k: 'add'; readonly acc: AccumulatorSym; readonly expr: TExpr; readonly span: Span }
  | { readonly k: 'flag'; readonly message: string; readonly when?: TExpr; readonly span: Span };

export interface RuleIR extends Citation {
  readonly name: string;
  /** Position in the policy (file order), the order rules run in. */
  readonly index: number;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  readonly body: readonly TStmt[];
  readonly localCount: number;
  readonly span: Span;
  /** Span of the rule's name, for traces and diagnostics. */
  readonly nameSpan: Span;
}

/** `property NAME … { BOOLEAN }`: holds after every settlement of a claim meeting `when`. */
export interface PropertyIR extends Citation {
  readonly name: string;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  /** Reads the layers as the settlement leaves them (`patient` = what remains). */
  readonly body: TExpr;
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface ResolvedPolicy {
  readonly name: string;
  /** A module: checked, never settled (it has no versions). */
  readonly module: boolean;
  readonly title: string;
  readonly document: string;
  readonly versions: readonly VersionInfo[];
  /** Declared layers, in the contract's order. */
  readonly layers: readonly LayerName[];
  readonly clauses: ReadonlyMap<string, ClauseInfo>;
  readonly params: readonly ParamSym[];
  readonly tables: readonly TableSym[];
  readonly sets: readonly SetSym[];
  readonly lets: readonly LetSym[];
  /** Every accumulator, those kept for yearly caps included. */
  readonly accumulators: readonly AccumulatorSym[];
  readonly bands: readonly BandsSym[];
  readonly caps: readonly CapSym[];
  readonly modifiers: readonly ModifierSym[];
  readonly rules: readonly RuleIR[];
  /** Declared properties, the bases' first (checked by `policy test` on samples, decided by `policy prove`). */
  readonly properties: readonly PropertyIR[];
  /** Audits over claim histories, the bases' first (docs/audits.md): findings, never money. */
  readonly audits: readonly AuditIR[];
  /** Indicators over settled claims, the bases' first (docs/kpis.md). */
  readonly kpis: readonly KpiIR[];
  /** Contributions and their subsidies per person and year, the bases' first (docs/premiums.md). */
  readonly premiums: readonly PremiumIR[];
  /** The bases this policy builds on (extends first, then imports), as written. */
  readonly bases: readonly string[];
  readonly files: ReadonlyMap<string, SourceFile>;
}

// ---------------------------------------------------------------- audits (docs/audits.md)

/**
 * Shaped as the national platform's rule base (智能审核和监控 "两库") shapes a rule: its logic (the
 * condition and the history it reads), its parameters with their thresholds, a result type
 * (可疑 / 明确), a time window and a stage (事前 / 事中 / 事后).
 */
export type AuditResult = 'suspect' | 'certain';
export type AuditStage = 'before' | 'during' | 'after';


export type HistoryAggregate = 'count' | 'sum' | 'max';

/** `count earlier where c same disease within 15日`: over the person's earlier claims. */
export interface HistoryIR {
  readonly aggregate: HistoryAggregate;
  /** The field summed or maximised (a money or days field). */
  readonly field?: string;
  readonly type: Type;
  /** Read on the earlier claim. */
  readonly where?: TExpr;
  /** Claim fields the earlier claim shares with this one (`diagnoses`: at least one code in common). */
  readonly same: readonly string[];
  /** Days: the earlier claim ended at most this long before this one began. */
  readonly within?: TExpr;
  /** The earlier claim is dated within this claim's stay (admitted … date). */
  readonly during: boolean;
  /** The source text of the window, for findings (`15日`, `住院期间`). */
  readonly windowText?: string;
  readonly span: Span;
}

export type AuditStmtIR =
  | { readonly k: 'let'; readonly slot: number; readonly name: string; readonly expr: TExpr; readonly span: Span }
  | { readonly k: 'history'; readonly slot: number; readonly name: string; readonly history: HistoryIR; readonly span: Span }
  | { readonly k: 'finding'; readonly message: string; readonly when?: TExpr; readonly span: Span };

export interface AuditIR extends Citation {
  readonly name: string;
  readonly result: AuditResult;
  readonly stage: AuditStage;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  readonly body: readonly AuditStmtIR[];
  readonly localCount: number;
  /** The parameters the audit reads (its thresholds), in first-read order. */
  readonly params: readonly ParamSym[];
  /** The windows of its history reads, as written. */
  readonly windows: readonly string[];
  readonly span: Span;
  readonly nameSpan: Span;
}

// ---------------------------------------------------------------- kpis (docs/kpis.md)

export interface KpiTermIR {
  /** `persons`: the distinct person-years among the claims counted (with at least `minimum` of them). */
  readonly aggregate: 'count' | 'sum' | 'persons';
  /** `persons with N`: N, a whole number ≥ 1 (1 without `with`). */
  readonly minimum?: number;
  /** What `sum` adds up, over the settled claim (layers as settled, `patient` included). */
  readonly value?: TExpr;
  readonly where?: TExpr;
  /** number for count, the value's type for sum. */
  readonly type: Type;
}

export type KpiOp = '>=' | '<=' | '>' | '<';

export interface KpiIR extends Citation {
  readonly name: string;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  readonly numerator: KpiTermIR;
  readonly denominator?: KpiTermIR;
  /** The type of numerator ÷ denominator: a ratio, money per claim (次均费用), days per stay. */
  readonly type: Type;
  readonly target?: { readonly op: KpiOp; readonly value: TExpr };
  /** `by year`: the value per group too; a claim with two categories counts in both (`by category`). */
  readonly by?: KpiGrouping;
  /** `growth` (with `by year`): the value is the change of each year's over the year before; the target judges it. */
  readonly growth: boolean;
  readonly span: Span;
  readonly nameSpan: Span;
}

export type KpiGrouping = 'year' | 'month' | 'level' | 'region' | 'visit' | 'category';

// ---------------------------------------------------------------- premiums (docs/premiums.md)

/** One class of subsidy: the amount it pays of the standard, from which fund, for whom. */
export interface SubsidyIR extends Citation {
  readonly name: string;
  /** Money, over the person-year: `categories`, `year`, parameters, tables, sets and lets over them. */
  readonly value: TExpr;
  /** The fund that pays it, as written (财政专项扶贫资金, 医疗救助基金 …). */
  readonly source: string;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  readonly span: Span;
  readonly nameSpan: Span;
}

export interface PremiumIR extends Citation {
  readonly name: string;
  readonly from?: string;
  readonly until?: string;
  /** Who is enrolled in this premium at all (absent: every person on the rosters). */
  readonly when?: TExpr;
  /** The contribution per person and year (money). */
  readonly standard: TExpr;
  /** Tried in order: the first in force whose condition holds is the person-year's (分类资助: one class a person). */
  readonly subsidies: readonly SubsidyIR[];
  /** The parameters it reads, in first-read order (shown with each row). */
  readonly params: readonly ParamSym[];
  readonly span: Span;
  readonly nameSpan: Span;
}
