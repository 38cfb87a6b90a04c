import type { BinaryOp } from '../syntax/ast.js';
import { isNumeric, isScalar, sameType, type Scalar, type Type } from './types.js';

/**
 * The type rules of the operators, as one pure table: what `left OP right` is for money,
 * ratios, points, plain numbers, days, dates, levels and enumerations — or which problem it has.
 */
export type OperatorTyping =
  | { readonly ok: true; readonly type: Type; readonly clampRatio: boolean }
  | {
      readonly ok: false;
      readonly problem: 'mix' | 'money-times-money' | 'money-share' | 'enum-mismatch' | 'not-a-set' | 'not-a-member';
    };

const yes = (type: Type, clampRatio = false): OperatorTyping => ({ ok: true, type, clampRatio });
const no = (problem: Extract<OperatorTyping, { ok: false }>['problem']): OperatorTyping => ({ ok: false, problem });

const TIMES: Record<string, Scalar> = {
  'money*ratio': 'money',
  'ratio*money': 'money',
  'money*number': 'money',
  'number*money': 'money',
  'ratio*ratio': 'ratio',
  'ratio*number': 'ratio',
  'number*ratio': 'ratio',
  'number*number': 'number',
  'days*number': 'days',
  'number*days': 'days',
};

const DIVIDE: Record<string, Scalar> = {
  'money/money': 'ratio',
  'money/number': 'money',
  'money/ratio': 'money',
  'ratio/ratio': 'ratio',
  'ratio/number': 'ratio',
  'number/number': 'number',
  'days/number': 'days',
  'days/days': 'number',
};

const ENUM_TYPES: readonly Type[] = ['visit', 'region', 'referral', 'category'];

function levelAndNumber(lt: Type, rt: Type): boolean {
  return (lt === 'level' && rt === 'number') || (lt === 'number' && rt === 'level');
}

/** Types an arithmetic, comparison or membership operator (not `and`/`or`/`??`). */
export function typeOperator(op: BinaryOp, lt: Type, rt: Type): OperatorTyping {
  switch (op) {
    case '+':
    case '-':
      if (lt === 'date' && rt === 'date' && op === '-') return yes('days');
      if (lt === 'date' && rt === 'days') return yes('date');
      // D1: points move a ratio; the result is clamped to 0–100%
      if (lt === 'ratio' && (rt === 'points' || rt === 'ratio')) return yes('ratio', true);
      if (lt === 'points' && rt === 'ratio' && op === '+') return yes('ratio', true);
      if (sameType(lt, rt) && isNumeric(lt)) return yes(lt);
      return no('mix');
    case '*': {
      const t = TIMES[`${String(lt)}*${String(rt)}`];
      if (t) return yes(t);
      return lt === 'money' && rt === 'money' ? no('money-times-money') : no('mix');
    }
    case 'of':
      if (lt === 'money') return no('money-share');
      if (lt === 'ratio' && (rt === 'money' || rt === 'ratio' || rt === 'number')) return yes(rt);
      return no('mix');
    case '/': {
      const t = DIVIDE[`${String(lt)}/${String(rt)}`];
      return t ? yes(t) : no('mix');
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (sameType(lt, rt) && (isNumeric(lt) || lt === 'date' || lt === 'level')) return yes('bool');
      return levelAndNumber(lt, rt) ? yes('bool') : no('mix');
    case '==':
    case '!=':
      if ((sameType(lt, rt) && isScalar(lt)) || levelAndNumber(lt, rt)) return yes('bool');
      return ENUM_TYPES.includes(lt) && isScalar(rt) ? no('enum-mismatch') : no('mix');
    case 'in':
    case 'not in': {
      if (isScalar(rt)) return no('not-a-set');
      const elem = rt.collection;
      return lt === elem || elem === 'error' || levelAndNumber(lt, elem) ? yes('bool') : no('not-a-member');
    }
    default:
      return no('mix');
  }
}
