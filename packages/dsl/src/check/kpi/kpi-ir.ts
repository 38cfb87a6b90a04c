import type { Span } from '../../source.js';
import type { Citation, TExpr } from '../ir.js';
import type { Type } from '../types.js';

/** Indicators over settled claims, checked (docs/kpis.md). */

export interface KpiTermIR {
  readonly aggregate: 'count' | 'sum';
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
  readonly span: Span;
  readonly nameSpan: Span;
}
