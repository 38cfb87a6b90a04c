import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Decimal } from '../money.js';
import type { TExpr } from './ir.js';
import { ref, type MessageRef } from '../messages/index.js';
import { isNumeric, sameType, type Type } from './types.js';
import { typeRef } from './words.js';

/**
 * Typing: whether an expression has the type its place needs (E201 money where a ratio belongs,
 * E202 the reverse, E203 the rest), literal zeros taking the type of the other side, and the
 * messages for mixed operands. Binding is bind-names.ts's; the operators' rules operators.ts's.
 */

const err = (span: TExpr['span']): TExpr => ({ k: 'error', type: 'error', span });

/**
 * ExprResolver.expect for a place whose description is a table message (`layer basic`, `the
 * condition of rule r`): the same check and report, the description in the reader's language.
 */
export function expectType(ctx: { report(d: Diagnostic): void }, t: TExpr, type: Type, where: string | MessageRef): boolean {
  return new Typing((d) => ctx.report(d)).expect(t, type, where);
}

export class Typing {
  constructor(private readonly report: (d: Diagnostic) => void) {}

  /** Reports E203 unless the expression has the type (errors pass silently: already reported). */
  expect(t: TExpr, type: Type, where: string | MessageRef): boolean {
    if (t.type === 'error' || sameType(t.type, type)) return true;
    if (type === 'money' && t.type === 'ratio') {
      this.report(error('E202', t.span, ref('rule.typing.ratio-for-money', { where })));
    } else if (type === 'ratio' && t.type === 'money') {
      this.report(error('E201', t.span, ref('rule.typing.money-for-ratio', { where })));
    } else if (type === 'money' && t.type === 'number') {
      this.report(error('E203', t.span, ref('rule.typing.number-for-money', { where })));
    } else {
      this.report(error('E203', t.span, ref('rule.typing.mismatch', { where, type: typeRef(type), actual: typeRef(t.type) })));
    }
    return false;
  }

  /** A plain literal 0 takes the numeric type of the other side: max(0, x − 起付线). */
  coerceZero(t: TExpr, to: Type): TExpr {
    if (t.k === 'const' && t.type === 'number' && t.value instanceof Decimal && t.value.isZero() && isNumeric(to)) {
      return { ...t, type: to };
    }
    if (t.k === 'const' && t.type === 'number' && to === 'level' && t.value instanceof Decimal && t.value.isInteger()) {
      return { ...t, type: 'level', value: t.value.toNumber() };
    }
    return t;
  }

  unify(l: TExpr, r: TExpr): [TExpr, TExpr] {
    return [this.coerceZero(l, r.type), this.coerceZero(r, l.type)];
  }

  /** E201/E202 for a money/ratio mix, pointing at the operand that is out of place. */
  mixError(l: TExpr, r: TExpr, op: string): TExpr {
    const span = { file: l.span.file, start: l.span.start, end: r.span.end };
    if (l.type === 'money' && r.type === 'ratio') {
      this.report(error('E202', r.span, ref('rule.typing.mix-ratio-for-money', { op, hint: op === '+' || op === '-' ? '100% ' + op + ' ratio' : 'ratio' })));
    } else if (l.type === 'ratio' && r.type === 'money') {
      this.report(error('E201', r.span, ref('rule.typing.mix-money-for-ratio', { op })));
    } else if (l.type === 'money' && r.type === 'points') {
      this.report(error('E203', r.span, ref('rule.typing.mix-points-money', { op })));
    } else {
      this.report(error('E203', r.span, ref('rule.typing.mix', { left: typeRef(l.type), op, right: typeRef(r.type) })));
    }
    return err(span);
  }
}
