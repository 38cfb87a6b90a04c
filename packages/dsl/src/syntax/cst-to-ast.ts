import type { CstNode } from 'chevrotain';
import type { Span } from '../source.js';
import type * as A from './ast.js';
import { CstAudits } from './cst-audits.js';
import { isToken } from './cst-reader.js';
import { error } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';

export { MAX_EXPR_DEPTH, unescapeString } from './cst-reader.js';
export { MAX_LITERAL_DIGITS } from './cst-expressions.js';

/** Translates one file's CST into its AST: declarations here, expressions in CstExpressions. */
export class CstToAst extends CstAudits {

  file(cst: CstNode): A.PolicyFileAst {
    const declarations: A.Declaration[] = [];
    for (const d of this.nodes(cst, 'declaration')) {
      const decl = this.declaration(d);
      if (decl) declarations.push(decl);
    }
    return { path: this.path, declarations };
  }

  private declaration(n: CstNode, override?: Span): A.Declaration | undefined {
    const [key, list] = Object.entries(this.c(n))[0] ?? [];
    const child = list?.[0];
    if (!key || !child || isToken(child)) return undefined;
    const o = override ? { override } : {};
    switch (key) {
      case 'policyDecl':
        return this.policyDecl(child);
      case 'clauseDecl':
        return this.clauseDecl(child);
      case 'accumulatorDecl':
        return this.accumulatorDecl(child);
      case 'capDecl':
        return this.capDecl(child);
      case 'modifierDecl':
        return this.modifierDecl(child);
      case 'adjustDecl':
        return this.adjustDecl(child);
      case 'propertyDecl':
        return this.propertyDecl(child);
      case 'coversDecl':
        return this.coversDecl(child);
      case 'auditDecl':
        return this.auditDecl(child);
      case 'kpiDecl':
        return this.kpiDecl(child);
      case 'premiumDecl':
        return this.premiumDecl(child);
      case 'overridable':
        return this.declaration(child, override);
      case 'overrideDecl': {
        const inner = this.node(child, 'overridable');
        const kw = this.tok(child, 'Kw_override');
        return inner ? this.declaration(inner, (kw && this.tokenSpan(kw)) ?? this.nodeSpan(child)) : undefined;
      }
      case 'paramDecl':
        return { ...this.paramDecl(child), ...o };
      case 'tableDecl':
        return { ...this.tableDecl(child), ...o };
      case 'setDecl':
        return { ...this.setDecl(child), ...o };
      case 'letDecl':
        return { ...this.letDecl(child), ...o };
      case 'bandsDecl':
        return { ...this.bandsDecl(child), ...o };
      case 'ruleDecl':
        return { ...this.ruleDecl(child), ...o };
      default:
        return undefined;
    }
  }

  private bandsDecl(n: CstNode): A.BandsDecl {
    const span = this.nodeSpan(n);
    const rows = this.nodes(n, 'bandRow').map((r): A.BandRow => {
      const rSpan = this.nodeSpan(r);
      const part = (key: string): A.Expr | undefined => {
        const e = this.node(r, key);
        return e ? this.expression(e) : undefined;
      };
      const upper = part('upper');
      return { lower: part('lower') ?? this.errorExpr(rSpan), ratio: part('ratio') ?? this.errorExpr(rSpan), span: rSpan, ...(upper ? { upper } : {}) };
    });
    return { kind: 'bands', name: this.ident(this.tok(n, 'name'), span), rows, meta: this.metas(n), span };
  }

  private capDecl(n: CstNode): A.CapDecl {
    const span = this.nodeSpan(n);
    const amount = this.node(n, 'amount');
    return {
      kind: 'cap',
      name: this.ident(this.tok(n, 'name'), span),
      amount: amount ? this.expression(amount) : this.errorExpr(span),
      keys: this.yearKeys(n, span),
      layer: this.ident(this.tok(n, 'layer'), span),
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private adjustment(n: CstNode): A.Adjustment {
    const span = this.nodeSpan(n);
    const op = this.tok(n, 'op')?.image ?? '*';
    const amount = this.node(n, 'amount');
    return {
      target: this.ident(this.tok(n, 'target'), span),
      op: op === '×' || op === '*' ? '*' : op === '+' ? '+' : '-',
      amount: amount ? this.chain(amount, (m) => this.chain(m, (u) => this.unary(u))) : this.errorExpr(span),
      span,
    };
  }

  private modifierDecl(n: CstNode): A.ModifierDecl {
    const span = this.nodeSpan(n);
    return {
      kind: 'modifier',
      name: this.ident(this.tok(n, 'name'), span),
      oneLine: false,
      adjustments: this.nodes(n, 'adjustment').map((a) => this.adjustment(a)),
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private adjustDecl(n: CstNode): A.ModifierDecl {
    const span = this.nodeSpan(n);
    const a = this.node(n, 'adjustment');
    const adjustments = a ? [this.adjustment(a)] : [];
    const target = adjustments[0]?.target ?? { name: '', span };
    return {
      kind: 'modifier',
      name: { name: `adjust ${target.name}`, span: target.span },
      oneLine: true,
      adjustments,
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private policyDecl(n: CstNode): A.PolicyDecl {
    const span = this.nodeSpan(n);
    let title: A.StringLiteral | undefined;
    let document: A.StringLiteral | undefined;
    const versions: A.VersionDecl[] = [];
    let layers: A.Ident[] | undefined;
    let layersSpan: Span | undefined;
    let extendsLit: A.StringLiteral | undefined;
    const imports: A.StringLiteral[] = [];
    for (const item of this.nodes(n, 'policyItem')) {
      const itemSpan = this.nodeSpan(item);
      const t = this.tok(item, 'title');
      const d = this.tok(item, 'document');
      const v = this.node(item, 'versionDecl');
      const ext = this.tok(item, 'extends');
      const imp = this.tok(item, 'import');
      if (ext) {
        if (extendsLit) this.diagnostics.push(error('E505', this.stringLit(ext, itemSpan).span, ref('syntax.extends-twice')));
        else extendsLit = this.stringLit(ext, itemSpan);
      } else if (imp) imports.push(this.stringLit(imp, itemSpan));
      else if (t) title = this.stringLit(t, itemSpan);
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
      module: this.tok(n, 'kind')?.image === 'module',
      name: this.ident(this.tok(n, 'name'), span),
      imports,
      ...(extendsLit ? { extends: extendsLit } : {}),
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

  private yearKeys(n: CstNode, span: Span): A.Ident[] {
    const per = this.node(n, 'perPersonYear');
    return per ? this.toks(per, 'key').map((k) => this.ident(k, span)) : [];
  }

  private accumulatorDecl(n: CstNode): A.AccumulatorDecl {
    const span = this.nodeSpan(n);
    return {
      kind: 'accumulator',
      name: this.ident(this.tok(n, 'name'), span),
      keys: this.yearKeys(n, span),
      meta: this.metas(n),
      span,
    };
  }

  private propertyDecl(n: CstNode): A.PropertyDecl {
    const span = this.nodeSpan(n);
    const body = this.node(n, 'body');
    return {
      kind: 'property',
      name: this.ident(this.tok(n, 'name'), span),
      body: body ? this.expression(body) : this.errorExpr(span),
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private coversDecl(n: CstNode): A.CoversDecl {
    const span = this.nodeSpan(n);
    const layers = this.toks(n, 'layer').map((t) => this.ident(t, span));
    return { kind: 'covers', layers, span, ...this.applicability(this.node(n, 'applicability'), span) };
  }

  private ruleDecl(n: CstNode): A.RuleDecl {
    const span = this.nodeSpan(n);
    const body: A.Stmt[] = [];
    for (const s of this.nodes(n, 'statement')) {
      const st = this.statement(s);
      if (st) body.push(st);
    }
    return {
      kind: 'rule',
      name: this.ident(this.tok(n, 'name'), span),
      body,
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
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
    const topTarget = this.tok(n, 'topTarget');
    if (topTarget) return { kind: 'topup', target: this.ident(topTarget, span), value: value('topValue'), span };
    const addTarget = this.tok(n, 'addTarget');
    if (addTarget) return { kind: 'add', target: this.ident(addTarget, span), value: value('addValue'), span };
    const message = this.tok(n, 'message');
    if (message) {
      const w = this.node(n, 'flagWhen');
      return { kind: 'flag', message: this.stringLit(message, span), span, ...(w ? { when: this.expression(w) } : {}) };
    }
    return undefined;
  }

}
