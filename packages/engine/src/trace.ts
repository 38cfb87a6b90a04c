/**
 * The trace of one settlement: one node per rule considered, in the order they ran. Every
 * other view (the human explanation, JSON) derives from this tree. Built only when asked for.
 */

export interface TraceLocation {
  readonly file: string;
  readonly line: number;
}

export interface ClauseRef {
  readonly id: string;
  readonly title: string;
  /** The document's words, when the clause declaration quotes them. */
  readonly text?: string;
}

/** A table row a formula read: `住院报销比例[2] = 80%`. */
export interface RowRead {
  readonly table: string;
  readonly key: string;
  readonly value: string;
}

/** A top-level let a formula read, expanded one level: its formula, with the values filled in. */
export interface LetExpansion {
  readonly name: string;
  readonly formula: string;
  /** The formula with every name replaced by its value (lets it reads are not expanded again). */
  readonly filled: string;
  readonly value: string;
  readonly at: TraceLocation;
}

/** A source position with its column (1-based, a Chinese character counts as one). */
export interface TracePosition extends TraceLocation {
  readonly column: number;
}

export type TraceStep =
  | {
      readonly kind: 'let';
      readonly name: string;
      readonly value: string;
      readonly formula: string;
      /** The formula with every name replaced by its value. */
      readonly filled?: string;
      readonly rows?: readonly RowRead[];
    }
  | {
      readonly kind: 'layer';
      readonly layer: string;
      readonly amount: string;
      readonly formula: string;
      /** The values the formula read, by name, as they stood when it was computed. */
      readonly inputs: Readonly<Record<string, string>>;
      readonly at: TraceLocation;
      /** The formula with every name replaced by its value: `(28000.00 − 400.00) × 80%`. */
      readonly filled?: string;
      /** The formula's value, exact, before yearly caps and rounding to the fen. */
      readonly value?: string;
      /** The top-level lets the formula read, each expanded one level. */
      readonly lets?: readonly LetExpansion[];
      /** The table rows the formula (and the lets expanded) read. */
      readonly rows?: readonly RowRead[];
      /** Yearly caps whose condition the claim met: the amount was held to `left` = cap − used. */
      readonly caps?: readonly {
        readonly name: string;
        readonly cap: string;
        readonly used: string;
        readonly left: string;
        /** The formula's amount before the caps. */
        readonly before: string;
      }[];
    }
  | {
      readonly kind: 'accumulator';
      readonly name: string;
      readonly before: string;
      readonly add: string;
      readonly after: string;
    }
  | { readonly kind: 'flag'; readonly message: string };

export interface RuleTrace {
  readonly rule: string;
  readonly cites: readonly ClauseRef[];
  readonly readings: readonly string[];
  readonly at: TraceLocation;
  readonly applied: boolean;
  /** The rule's condition, as written. */
  readonly condition?: string;
  /** When not applied: the first part of the condition that was false. */
  readonly failed?: string;
  /** That part with the values filled in: `1 in {2, 3}`. */
  readonly failedFilled?: string;
  /** The values that part read, by name. */
  readonly failedInputs?: Readonly<Record<string, string>>;
  /**
   * When the part that failed is a let (`专项救治`), why: the first part of the let's formula
   * that was false, and so on down, a few levels at most.
   */
  readonly failedBecause?: readonly { readonly let: string; readonly failed: string; readonly filled: string }[];
  readonly steps: readonly TraceStep[];
}

export interface SettlementTrace {
  readonly version: string;
  readonly rules: readonly RuleTrace[];
  /** The patient layer: what remains of the invoice. */
  readonly patient: { readonly amount: string; readonly formula: string };
  /**
   * Every `if … then … else` whose condition was evaluated while the claim settled, with the
   * value it took (once per position and value), in the order first seen: for coverage.
   */
  readonly branches?: readonly { readonly at: TracePosition; readonly value: boolean }[];
  /** Every table row read while the claim settled (once each), `otherwise` as the key `otherwise`. */
  readonly tableRows?: readonly { readonly table: string; readonly key: string }[];
}
