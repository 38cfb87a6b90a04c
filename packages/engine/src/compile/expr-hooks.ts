import type { Span, TExpr, TableSym } from '@policy/dsl';
import type { ClaimContext } from '../runtime/context.js';
import type { TracePosition } from '../trace.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (c: ClaimContext) => any;

/**
 * What compileExpr lets a version wrap around the expressions it compiles: the plain hooks
 * settle claims; the read-logging hooks (the traced evaluator, applied when a version compiles
 * its rules for tracing) also tell the claim's read log which branch an `if` took and which row
 * a table lookup read. compileExpr itself knows nothing of tracing.
 */
export interface ExprHooks {
  ifExpr(e: Extract<TExpr, { k: 'if' }>, cond: Fn, then: Fn, els: Fn): Fn;
  tableRead(table: TableSym, read: Fn, key: Fn): Fn;
}

export const PLAIN_HOOKS: ExprHooks = {
  ifExpr: (_e, cond, then, els) => (c) => (cond(c) ? then(c) : els(c)),
  tableRead: (_table, read) => read,
};

/** The hooks of the traced evaluator: branches and rows go to the claim's read log. */
export function readLogging(position: (span: Span) => TracePosition): ExprHooks {
  return {
    ifExpr(e, cond, then, els) {
      const at = position(e.span);
      const id = `${e.span.file}:${e.span.start}`;
      return (c) => {
        const v = Boolean(cond(c));
        c.reads?.branch(id, at, v);
        return v ? then(c) : els(c);
      };
    },
    tableRead(table, read, key) {
      const keys = new Set<unknown>(table.rows.map((r) => r.key));
      const name = table.name;
      return (c) => {
        const v = read(c);
        const k = key(c) as string | number;
        c.reads?.row(name, keys.has(k) ? String(k) : 'otherwise');
        return v;
      };
    },
  };
}
