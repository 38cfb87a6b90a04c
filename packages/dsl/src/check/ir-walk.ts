import type { TExpr } from './ir.js';

/** The direct sub-expressions of a typed expression: the one place that knows the IR's shape. */
export function childExprs(e: TExpr): readonly TExpr[] {
  switch (e.k) {
    case 'index':
      return [e.key];
    case 'neg':
    case 'not':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'call':
      return e.args;
    case 'if':
      return [e.cond, e.then, e.else];
    case 'setLit':
      return e.elements;
    case 'adjusted':
      return [e.base, ...e.adjustments.flatMap((a) => (a.modifier.when ? [a.modifier.when, a.amount] : [a.amount]))];
    case 'bands':
      return [...(e.lower ? [e.lower] : []), e.upper, ...e.adjustments.flatMap((a) => (a.modifier.when ? [a.modifier.when, a.amount] : [a.amount]))];
    default:
      return [];
  }
}
