import { Decimal } from '../money.js';
import type { Constant, TExpr } from './ir.js';

/**
 * Folds constant expressions (literals, single-valued parameters, arithmetic on them), for
 * checks such as "a ratio outside 0–100%". Returns undefined for anything not constant.
 */
export function foldConstant(e: TExpr, depth = 0): Constant | undefined {
  if (depth > 64) return undefined;
  switch (e.k) {
    case 'const':
      return e.value;
    case 'param':
      return e.param.values.length === 1 && e.param.values[0] ? foldConstant(e.param.values[0].expr, depth + 1) : undefined;
    case 'neg': {
      const v = foldConstant(e.operand, depth + 1);
      return v instanceof Decimal ? v.negated() : undefined;
    }
    case 'binary': {
      const l = foldConstant(e.left, depth + 1);
      const r = foldConstant(e.right, depth + 1);
      if (!(l instanceof Decimal) || !(r instanceof Decimal)) return undefined;
      switch (e.op) {
        case '+':
          return l.plus(r);
        case '-':
          return l.minus(r);
        case '*':
        case 'of':
          return l.times(r);
        case '/':
          return r.isZero() ? undefined : l.dividedBy(r);
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}
