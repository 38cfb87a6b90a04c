import type { CstNode, IToken } from 'chevrotain';
import { error } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import { Decimal } from '../money.js';
import type { Span } from '../source.js';
import type * as A from './ast.js';
import { CstReader } from './cst-reader.js';

/** Digits a number literal may have; longer ones are refused (E207) before any arithmetic. */
export const MAX_LITERAL_DIGITS = 24;

/**
 * Expressions: operator chains folded left-associatively, literals converted to exact values in
 * the computing unit (yuan, fractions, days), money finer than a fen reported (E205).
 */
export class CstExpressions extends CstReader {

  expression(n: CstNode): A.Expr {
    const ifNode = this.node(n, 'ifExpr');
    if (ifNode) return this.ifExpr(ifNode);
    const orNode = this.node(n, 'orExpr');
    if (orNode) return this.chain(orNode, (o) => this.chain(o, (a) => this.notExpr(a)));
    return this.errorExpr(this.nodeSpan(n));
  }

  protected ifExpr(n: CstNode): A.Expr {
    const span = this.nodeSpan(n);
    const part = (key: string): A.Expr => {
      const e = this.node(n, key);
      return e ? this.expression(e) : this.errorExpr(span);
    };
    const cond = part('cond');
    const then = part('then');
    const els = part('else');
    return this.withDepth({ kind: 'if', cond, then, else: els, span }, cond, then, els);
  }

  /** Folds `operand (op operand)*` left-associatively. */
  protected chain(n: CstNode, sub: (n: CstNode) => A.Expr): A.Expr {
    const operands = this.nodes(n, 'operand');
    const ops = this.toks(n, 'op');
    const first = operands[0];
    if (!first) return this.errorExpr(this.nodeSpan(n));
    let acc = sub(first);
    for (let i = 1; i < operands.length; i++) {
      const opTok = ops[i - 1];
      const rightNode = operands[i];
      if (!opTok || !rightNode) break;
      const right = sub(rightNode);
      const opSpan = this.tokenSpan(opTok) ?? acc.span;
      const span = { file: this.path, start: acc.span.start, end: Math.max(right.span.end, opSpan.end) };
      acc = this.withDepth({ kind: 'binary', op: binaryOp(opTok.image), left: acc, right, opSpan, span }, acc, right);
    }
    return acc;
  }

  protected notExpr(n: CstNode): A.Expr {
    const negated = this.node(n, 'negated');
    if (negated) {
      const operand = this.notExpr(negated);
      return this.withDepth({ kind: 'unary', op: 'not', operand, span: this.nodeSpan(n) }, operand);
    }
    const cmp = this.node(n, 'comparison');
    return cmp ? this.comparison(cmp) : this.errorExpr(this.nodeSpan(n));
  }

  protected comparison(n: CstNode): A.Expr {
    const leftNode = this.node(n, 'left');
    const left = leftNode ? this.limit(leftNode) : this.errorExpr(this.nodeSpan(n));
    const opTok = this.tok(n, 'op');
    const rightNode = this.node(n, 'right');
    if (!opTok || !rightNode) return left;
    const right = this.limit(rightNode);
    const negate = this.tok(n, 'negate') !== undefined;
    const op: A.BinaryOp = opTok.image === 'in' ? (negate ? 'not in' : 'in') : binaryOp(opTok.image);
    const opSpan = this.tokenSpan(opTok) ?? left.span;
    return this.withDepth({ kind: 'binary', op, left, right, opSpan, span: this.nodeSpan(n) }, left, right);
  }

  /** `x above y`, `x capped at y`, left to right. */
  protected limit(n: CstNode): A.Expr {
    return this.chain(n, (c) => this.coalesce(c));
  }

  protected coalesce(n: CstNode): A.Expr {
    return this.chain(n, (a) => this.chain(a, (m) => this.chain(m, (u) => this.unary(u))));
  }

  protected unary(n: CstNode): A.Expr {
    const negated = this.node(n, 'negated');
    if (negated) {
      const operand = this.unary(negated);
      return this.withDepth({ kind: 'unary', op: 'neg', operand, span: this.nodeSpan(n) }, operand);
    }
    const p = this.node(n, 'primary');
    return p ? this.primary(p) : this.errorExpr(this.nodeSpan(n));
  }

  protected primary(n: CstNode): A.Expr {
    const span = this.nodeSpan(n);
    const lit = this.tok(n, 'literal');
    if (lit) return this.tokenLiteral(lit);
    if (this.tok(n, 'base')) return { kind: 'base', span };
    const unadjusted = this.tok(n, 'unadjusted');
    if (unadjusted) {
      const keyNode = this.node(n, 'unadjustedIndex');
      const key = keyNode ? this.expression(keyNode) : undefined;
      const e: A.UnadjustedExpr = { kind: 'unadjusted', target: this.ident(unadjusted, span), span, ...(key ? { key } : {}) };
      return key ? this.withDepth(e, key) : e;
    }
    const field = this.tok(n, 'field');
    if (field) return { kind: 'field', field: this.ident(field, span), span };
    const name = this.tok(n, 'name');
    if (name) {
      const id = this.ident(name, span);
      if (this.c(n)['call']) {
        const args = this.nodes(n, 'arg').map((a) => this.expression(a));
        return this.withDepth({ kind: 'call', callee: id, args, span }, ...args);
      }
      const index = this.node(n, 'index');
      if (index) {
        const key = this.expression(index);
        return this.withDepth({ kind: 'index', table: id, key, span }, key);
      }
      return { kind: 'name', name: id.name, span: id.span };
    }
    const inner = this.node(n, 'inner');
    if (inner) {
      // `(a or b)`: the node covers its parentheses, so its source text is balanced in traces
      const e = this.expression(inner);
      const covered = { ...e, span } as A.Expr;
      this.depth.set(covered, this.depth.get(e) ?? 1);
      return covered;
    }
    const set = this.node(n, 'setLiteral');
    if (set) {
      const elements = this.nodes(set, 'element').map((e) => this.expression(e));
      return this.withDepth({ kind: 'set', elements, span }, ...elements);
    }
    return this.errorExpr(span);
  }

  /** A literal token, or a bare name used as a table key. */
  protected tokenLiteral(t: IToken): A.Expr {
    const span = this.tokenSpan(t) ?? { file: this.path, start: 0, end: 0 };
    switch (t.tokenType.name) {
      case 'StringLit':
        return this.stringLit(t, span);
      case 'DateLit':
        return this.dateLit(t, span);
      case 'Kw_true':
        return { kind: 'bool', value: true, span };
      case 'Kw_false':
        return { kind: 'bool', value: false, span };
      case 'Identifier':
        return { kind: 'name', name: t.image, span };
      default:
        return this.numeric(t, span);
    }
  }

  protected numeric(t: IToken, span: Span): A.Expr {
    const raw = t.image;
    const digits = /^[0-9.]+/.exec(raw)?.[0] ?? '0';
    if (digits.replace('.', '').length > MAX_LITERAL_DIGITS) {
      this.diagnostics.push(error('E207', span, ref('syntax.long-literal', { digits: MAX_LITERAL_DIGITS })));
      return this.errorExpr(span);
    }
    const unitText = raw.slice(digits.length);
    const n = new Decimal(digits);
    let unit: A.LiteralKind;
    let value: Decimal;
    switch (t.tokenType.name) {
      case 'MoneyLit':
        unit = 'money';
        value = unitText === '万元' ? n.times(10000) : n;
        if (value.decimalPlaces() > 2) {
          this.diagnostics.push(
            error('E205', span, unitText === '万元' ? ref('syntax.money-precision-wan', { raw, value: value.toString() }) : ref('syntax.money-precision', { raw })),
          );
        }
        break;
      case 'PercentLit':
        unit = 'ratio';
        value = n.dividedBy(100);
        break;
      case 'PointsLit':
        unit = 'points';
        value = n.dividedBy(100);
        break;
      case 'DaysLit':
        unit = 'days';
        value = n;
        break;
      default:
        unit = 'number';
        value = n;
    }
    return { kind: 'numeric', unit, value: value.toString(), raw, span };
  }
}


function binaryOp(image: string): A.BinaryOp {
  switch (image) {
    case '−':
      return '-';
    case '×':
      return '*';
    case '÷':
      return '/';
    case '≠':
      return '!=';
    case '≤':
      return '<=';
    case '≥':
      return '>=';
    default:
      return image as A.BinaryOp;
  }
}
