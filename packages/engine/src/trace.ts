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
}

export type TraceStep =
  | { readonly kind: 'let'; readonly name: string; readonly value: string; readonly formula: string }
  | {
      readonly kind: 'layer';
      readonly layer: string;
      readonly amount: string;
      readonly formula: string;
      /** The values the formula read, by name, as they stood when it was computed. */
      readonly inputs: Readonly<Record<string, string>>;
      readonly at: TraceLocation;
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
  readonly steps: readonly TraceStep[];
}

export interface SettlementTrace {
  readonly version: string;
  readonly rules: readonly RuleTrace[];
  /** The patient layer: what remains of the invoice. */
  readonly patient: { readonly amount: string; readonly formula: string };
}
