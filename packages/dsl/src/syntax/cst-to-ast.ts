import type { CstElement, CstNode, IToken } from 'chevrotain';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Decimal } from '../money.js';
import type { Span } from '../source.js';
import type * as A from './ast.js';

/** Deeper expressions than this are refused (E003), so no later pass can overflow the stack. */
export const MAX_EXPR_DEPTH = 200;
/** Digits a number literal may have; longer ones are refused (E207) before any arithmetic. */
export const MAX_LITERAL_DIGITS = 24;

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && (e as IToken).image !== undefined;
}

/** Translates one file's CST into its AST; reports literal errors (E205, E207) and depth (E003). */
export class CstToAst {
  readonly diagnostics: Diagnostic[] = [];
  private readonly depth = new WeakMap<A.Expr, number>();
  private depthReported = false;

  constructor(private readonly path: string) {}

  // ------------------------------------------------------------ helpers

  private tokenSpan(t: IToken): Span | undefined {
    if (!Number.isFinite(t.startOffset)) return undefined; // inserted by recovery: no real position
    const end = Number.isFinite(t.endOffset) ? (t.endOffset as number) + 1 : t.startOffset + t.image.length;
    return { file: this.path, start: t.startOffset, end };
  }

  private nodeSpan(n: CstNode): Span {
    const loc = n.location;
    if (loc && Number.isFinite(loc.startOffset)) {
      const end = loc.endOffset !== undefined && Number.isFinite(loc.endOffset) ? loc.endOffset + 1 : loc.startOffset + 1;
      return { file: this.path, start: loc.startOffset, end };
    }
    return this.firstRealSpan(n) ?? { file: this.path, start: 0, end: 0 };
  }

  private firstRealSpan(n: CstNode): Span | undefined {
    for (const list of Object.values(n.children)) {
      for (const e of list ?? []) {
        const s = isToken(e) ? this.tokenSpan(e) : undefined;
        if (s) return s;
      }
    }
    return undefined;
  }

  private c(n: CstNode): Children {
    return n.children as Children;
  }

  private tok(n: CstNode, key: string, i = 0): IToken | undefined {
    const e = this.c(n)[key]?.[i];
    return isToken(e) && !e.isInsertedInRecovery ? e : undefined;
  }

  private toks(n: CstNode, key: string): IToken[] {
    return (this.c(n)[key] ?? []).filter((e): e is IToken => isToken(e) && !e.isInsertedInRecovery);
  }

  private node(n: CstNode, key: string, i = 0): CstNode | undefined {
    const e = this.c(n)[key]?.[i];
    return e !== undefined && !isToken(e) ? e : undefined;
  }

  private nodes(n: CstNode, key: string): CstNode[] {
    return (this.c(n)[key] ?? []).filter((e): e is CstNode => !isToken(e));
  }

  private ident(t: IToken | undefined, fallback: Span): A.Ident {
    if (!t) return { name: '', span: fallback };
    return { name: t.image, span: this.tokenSpan(t) ?? fallback };
  }

  private stringLit(t: IToken | undefined, fallback: Span): A.StringLiteral {
    if (!t) return { kind: 'string', value: '', span: fallback };
    return { kind: 'string', value: unescapeString(t.image), span: this.tokenSpan(t) ?? fallback };
  }

  private dateLit(t: IToken | undefined, fallback: Span): A.DateLiteral {
    return { kind: 'date', value: t?.image ?? '0000-00-00', span: (t && this.tokenSpan(t)) ?? fallback };
  }

  private errorExpr(span: Span): A.ErrorExpr {
    return { kind: 'error', span };
  }

  private withDepth<E extends A.Expr>(e: E, ...children: A.Expr[]): A.Expr {
    let d = 0;
    for (const ch of children) d = Math.max(d, this.depth.get(ch) ?? 1);
    d += 1;
    if (d > MAX_EXPR_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.diagnostics.push(
          error('E003', e.span, `expression nested more than ${MAX_EXPR_DEPTH} levels deep; split it with let-bindings`),
        );
      }
      return this.errorExpr(e.span);
    }
    this.depth.set(e, d);
    return e;
  }

  // ------------------------------------------------------------ declarations

  file(cst: CstNode): A.PolicyFileAst {
    const declarations: A.Declaration[] = [];
    for (const d of this.nodes(cst, 'declaration')) {
      const decl = this.declaration(d);
      if (decl) declarations.push(decl);
    }
    return { path: this.path, declarations };
  }

  private declaration(n: CstNode): A.Declaration | undefined {
    const [key, list] = Object.entries(this.c(n))[0] ?? [];
    const child = list?.[0];
    if (!key || !child || isToken(child)) return undefined;
    switch (key) {
      case 'policyDecl':
        return this.policyDecl(child);
      case 'clauseDecl':
        return this.clauseDecl(child);
      case 'paramDecl':
        return this.paramDecl(child);
      case 'tableDecl':
        return this.tableDecl(child);
      case 'setDecl':
        return this.setDecl(child);
      case 'letDecl':
        return this.letDecl(child);
      case 'accumulatorDecl':
        return this.accumulatorDecl(child);
      case 'ruleDecl':
        return this.ruleDecl(child);
      default:
        return undefined;
    }
  }

  private metas(n: CstNode): A.Meta[] {
    return this.nodes(n, 'meta').map((m) => {
      const span = this.nodeSpan(m);
      const kindTok = this.tok(m, 'kind');
      return {
        kind: (kindTok?.image ?? 'note') as A.MetaKind,
        values: this.toks(m, 'value').map((t) => this.stringLit(t, span)),
        span,
      };
    });
  }

  private policyDecl(n: CstNode): A.PolicyDecl {
    const span = this.nodeSpan(n);
    let title: A.StringLiteral | undefined;
    let document: A.StringLiteral | undefined;
    const versions: A.VersionDecl[] = [];
    let layers: A.Ident[] | undefined;
    let layersSpan: Span | undefined;
    for (const item of this.nodes(n, 'policyItem')) {
      const itemSpan = this.nodeSpan(item);
      const t = this.tok(item, 'title');
      const d = this.tok(item, 'document');
      const v = this.node(item, 'versionDecl');
      if (t) title = this.stringLit(t, itemSpan);
      else if (d) document = this.stringLit(d, itemSpan);
      else if (v) {
        const vSpan = this.nodeSpan(v);
        versions.push({ kind: 'version', date: this.dateLit(this.tok(v, 'DateLit'), vSpan), meta: this.metas(v), span: vSpan });
      } else if (this.c(item)['Kw_layers']) {
        layers = [...(layers ?? []), ...this.toks(item, 'layer').map((l) => this.ident(l, itemSpan))];
        layersSpan = itemSpan;
      }
    }
    const decl: A.PolicyDecl = {
      kind: 'policy',
      name: this.ident(this.tok(n, 'name'), span),
      versions,
      span,
      ...(title ? { title } : {}),
      ...(document ? { document } : {}),
      ...(layers ? { layers, layersSpan: layersSpan ?? span } : {}),
    };
    return decl;
  }

  private clauseDecl(n: CstNode): A.ClauseDecl {
    const span = this.nodeSpan(n);
    const text = this.tok(n, 'text');
    return {
      kind: 'clause',
      id: this.stringLit(this.tok(n, 'id'), span),
      title: this.stringLit(this.tok(n, 'title'), span),
      span,
      ...(text ? { text: this.stringLit(text, span) } : {}),
    };
  }

  private paramDecl(n: CstNode): A.ParamDecl {
    const span = this.nodeSpan(n);
    const valueNode = this.node(n, 'value');
    const typeTok = this.tok(n, 'typeName');
    const dated = this.nodes(n, 'datedValue').map((dv) => {
      const dvSpan = this.nodeSpan(dv);
      const e = this.node(dv, 'expression');
      return { date: this.dateLit(this.tok(dv, 'DateLit'), dvSpan), value: e ? this.expression(e) : this.errorExpr(dvSpan) };
    });
    return {
      kind: 'param',
      name: this.ident(this.tok(n, 'name'), span),
      meta: this.metas(n),
      span,
      ...(typeTok ? { typeName: this.ident(typeTok, span) } : {}),
      ...(valueNode ? { value: this.expression(valueNode) } : {}),
      ...(this.c(n)['LCurly'] ? { dated } : {}),
    };
  }

  private tableDecl(n: CstNode): A.TableDecl {
    const span = this.nodeSpan(n);
    const domain = this.tok(n, 'domain');
    const otherwise = this.node(n, 'otherwise');
    const rows: A.TableRow[] = this.nodes(n, 'tableRow').map((r) => {
      const rSpan = this.nodeSpan(r);
      const k = this.tok(r, 'key');
      const v = this.node(r, 'value');
      return { key: k ? this.tokenLiteral(k) : this.errorExpr(rSpan), value: v ? this.expression(v) : this.errorExpr(rSpan), span: rSpan };
    });
    return {
      kind: 'table',
      name: this.ident(this.tok(n, 'name'), span),
      by: this.ident(this.tok(n, 'by'), span),
      rows,
      meta: this.metas(n),
      span,
      ...(domain ? { domain: this.ident(domain, span) } : {}),
      ...(otherwise ? { otherwise: this.expression(otherwise) } : {}),
    };
  }

  private setDecl(n: CstNode): A.SetDecl {
    const span = this.nodeSpan(n);
    const lit = this.node(n, 'setLiteral');
    return {
      kind: 'setDecl',
      name: this.ident(this.tok(n, 'name'), span),
      elements: lit ? this.nodes(lit, 'element').map((e) => this.expression(e)) : [],
      meta: this.metas(n),
      span,
    };
  }

  private letDecl(n: CstNode): A.LetDecl {
    const span = this.nodeSpan(n);
    const v = this.node(n, 'value');
    return {
      kind: 'let',
      name: this.ident(this.tok(n, 'name'), span),
      value: v ? this.expression(v) : this.errorExpr(span),
      meta: this.metas(n),
      span,
    };
  }

  private accumulatorDecl(n: CstNode): A.AccumulatorDecl {
    const span = this.nodeSpan(n);
    return {
      kind: 'accumulator',
      name: this.ident(this.tok(n, 'name'), span),
      keys: this.toks(n, 'key').map((k) => this.ident(k, span)),
      meta: this.metas(n),
      span,
    };
  }

  private ruleDecl(n: CstNode): A.RuleDecl {
    const span = this.nodeSpan(n);
    const from = this.tok(n, 'from');
    const until = this.tok(n, 'until');
    const when = this.node(n, 'when');
    const body: A.Stmt[] = [];
    for (const s of this.nodes(n, 'statement')) {
      const st = this.statement(s);
      if (st) body.push(st);
    }
    return {
      kind: 'rule',
      name: this.ident(this.tok(n, 'name'), span),
      meta: this.metas(n),
      body,
      span,
      ...(from ? { from: this.dateLit(from, span) } : {}),
      ...(until ? { until: this.dateLit(until, span) } : {}),
      ...(when ? { when: this.expression(when) } : {}),
    };
  }

  private statement(n: CstNode): A.Stmt | undefined {
    const span = this.nodeSpan(n);
    const value = (key: string): A.Expr => {
      const e = this.node(n, key);
      return e ? this.expression(e) : this.errorExpr(span);
    };
    const letName = this.tok(n, 'letName');
    if (letName) return { kind: 'let', name: this.ident(letName, span), value: value('letValue'), span };
    const target = this.tok(n, 'target');
    if (target) return { kind: 'assign', target: this.ident(target, span), value: value('assignValue'), span };
    const addTarget = this.tok(n, 'addTarget');
    if (addTarget) return { kind: 'add', target: this.ident(addTarget, span), value: value('addValue'), span };
    const message = this.tok(n, 'message');
    if (message) {
      const w = this.node(n, 'flagWhen');
      return { kind: 'flag', message: this.stringLit(message, span), span, ...(w ? { when: this.expression(w) } : {}) };
    }
    return undefined;
  }

  // ------------------------------------------------------------ expressions

  expression(n: CstNode): A.Expr {
    const ifNode = this.node(n, 'ifExpr');
    if (ifNode) return this.ifExpr(ifNode);
    const orNode = this.node(n, 'orExpr');
    if (orNode) return this.chain(orNode, (o) => this.chain(o, (a) => this.notExpr(a)));
    return this.errorExpr(this.nodeSpan(n));
  }

  private ifExpr(n: CstNode): A.Expr {
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
  private chain(n: CstNode, sub: (n: CstNode) => A.Expr): A.Expr {
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

  private notExpr(n: CstNode): A.Expr {
    const negated = this.node(n, 'negated');
    if (negated) {
      const operand = this.notExpr(negated);
      return this.withDepth({ kind: 'unary', op: 'not', operand, span: this.nodeSpan(n) }, operand);
    }
    const cmp = this.node(n, 'comparison');
    return cmp ? this.comparison(cmp) : this.errorExpr(this.nodeSpan(n));
  }

  private comparison(n: CstNode): A.Expr {
    const leftNode = this.node(n, 'left');
    const left = leftNode ? this.coalesce(leftNode) : this.errorExpr(this.nodeSpan(n));
    const opTok = this.tok(n, 'op');
    const rightNode = this.node(n, 'right');
    if (!opTok || !rightNode) return left;
    const right = this.coalesce(rightNode);
    const negate = this.tok(n, 'negate') !== undefined;
    const op: A.BinaryOp = opTok.image === 'in' ? (negate ? 'not in' : 'in') : binaryOp(opTok.image);
    const opSpan = this.tokenSpan(opTok) ?? left.span;
    return this.withDepth({ kind: 'binary', op, left, right, opSpan, span: this.nodeSpan(n) }, left, right);
  }

  private coalesce(n: CstNode): A.Expr {
    return this.chain(n, (a) => this.chain(a, (m) => this.chain(m, (u) => this.unary(u))));
  }

  private unary(n: CstNode): A.Expr {
    const negated = this.node(n, 'negated');
    if (negated) {
      const operand = this.unary(negated);
      return this.withDepth({ kind: 'unary', op: 'neg', operand, span: this.nodeSpan(n) }, operand);
    }
    const p = this.node(n, 'primary');
    return p ? this.primary(p) : this.errorExpr(this.nodeSpan(n));
  }

  private primary(n: CstNode): A.Expr {
    const span = this.nodeSpan(n);
    const lit = this.tok(n, 'literal');
    if (lit) return this.tokenLiteral(lit);
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
  private tokenLiteral(t: IToken): A.Expr {
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

  private numeric(t: IToken, span: Span): A.Expr {
    const raw = t.image;
    const digits = /^[0-9.]+/.exec(raw)?.[0] ?? '0';
    if (digits.replace('.', '').length > MAX_LITERAL_DIGITS) {
      this.diagnostics.push(error('E207', span, `number literal has more than ${MAX_LITERAL_DIGITS} digits`));
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
            error('E205', span, `${raw}${unitText === '万元' ? ` is ${value.toString()}元,` : ' is'} more precise than a fen (0.01元)`),
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

export function unescapeString(image: string): string {
  const body = image.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
        return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      default:
        return e;
    }
  });
}
