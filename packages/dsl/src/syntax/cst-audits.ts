import type { CstNode } from 'chevrotain';
import type { Span } from '../source.js';
import type * as A from './ast.js';
import { CstExpressions } from './cst-expressions.js';

/**
 * CST → AST for `from`/`until`/`when` and the declarations over histories and settlements:
 * `audit` (docs/audits.md), `kpi` (docs/kpis.md) and `premium` (docs/premiums.md). CstToAst builds on it.
 */
export class CstAudits extends CstExpressions {
  protected metas(n: CstNode): A.Meta[] {
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

  protected applicability(n: CstNode | undefined, fallback: Span): A.Applicability {
    if (!n) return { meta: [] };
    const from = this.tok(n, 'from');
    const until = this.tok(n, 'until');
    const when = this.node(n, 'when');
    return {
      meta: this.metas(n),
      ...(from ? { from: this.dateLit(from, fallback) } : {}),
      ...(until ? { until: this.dateLit(until, fallback) } : {}),
      ...(when ? { when: this.expression(when) } : {}),
    };
  }

  protected auditDecl(n: CstNode): A.AuditDecl {
    const span = this.nodeSpan(n);
    const result = this.tok(n, 'result');
    const stage = this.tok(n, 'stage');
    const body: A.AuditStmt[] = [];
    for (const item of this.nodes(n, 'auditItem')) {
      const s = this.auditItem(item);
      if (s) body.push(s);
    }
    return {
      kind: 'audit',
      name: this.ident(this.tok(n, 'name'), span),
      body,
      span,
      ...(result ? { result: this.ident(result, span) } : {}),
      ...(stage ? { stage: this.ident(stage, span) } : {}),
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private auditItem(n: CstNode): A.AuditStmt | undefined {
    const span = this.nodeSpan(n);
    const letName = this.tok(n, 'letName');
    if (letName) {
      const h = this.node(n, 'history');
      const v = this.node(n, 'letValue');
      const value = h ? this.historyExpr(h) : v ? this.expression(v) : this.errorExpr(span);
      return { kind: 'let', name: this.ident(letName, span), value, span };
    }
    const message = this.tok(n, 'message');
    if (!message) return undefined;
    const w = this.node(n, 'findingWhen');
    return { kind: 'finding', message: this.stringLit(message, span), span, ...(w ? { when: this.expression(w) } : {}) };
  }

  protected kpiDecl(n: CstNode): A.KpiDecl {
    const span = this.nodeSpan(n);
    const numerators: A.KpiTerm[] = [];
    const denominators: A.KpiTerm[] = [];
    const targets: { op: '>=' | '<=' | '>' | '<'; value: A.Expr; span: Span }[] = [];
    const groupings: A.Ident[] = [];
    const growths: Span[] = [];
    for (const item of this.nodes(n, 'kpiItem')) {
      const by = this.tok(item, 'by');
      const growth = this.tok(item, 'growth');
      if (by) groupings.push(this.ident(by, span));
      if (growth) growths.push(this.tokenSpan(growth) ?? span);
      const num = this.node(item, 'numerator');
      const den = this.node(item, 'denominator');
      const op = this.tok(item, 'targetOp');
      const target = this.node(item, 'target');
      if (num) numerators.push(this.kpiTerm(num));
      else if (den) denominators.push(this.kpiTerm(den));
      else if (op && target) {
        const image = op.image === '≥' ? '>=' : op.image === '≤' ? '<=' : op.image;
        targets.push({ op: image as '>=' | '<=' | '>' | '<', value: this.expression(target), span: this.tokenSpan(op) ?? span });
      }
    }
    return {
      kind: 'kpi',
      name: this.ident(this.tok(n, 'name'), span),
      numerators,
      denominators,
      targets,
      groupings,
      growths,
      span,
      ...this.applicability(this.node(n, 'applicability'), span),
    };
  }

  private kpiTerm(n: CstNode): A.KpiTerm {
    const span = this.nodeSpan(n);
    const v = this.node(n, 'value');
    const w = this.node(n, 'where');
    const min = this.node(n, 'minimum');
    return {
      aggregate: this.ident(this.tok(n, 'aggregate'), span),
      span,
      ...(v ? { value: this.expression(v) } : {}),
      ...(min ? { minimum: this.expression(min) } : {}),
      ...(w ? { where: this.expression(w) } : {}),
    };
  }

  private historyExpr(n: CstNode): A.HistoryExpr {
    const span = this.nodeSpan(n);
    const field = this.tok(n, 'field');
    const where = this.node(n, 'where');
    const within = this.node(n, 'within');
    return {
      kind: 'history',
      aggregate: this.ident(this.tok(n, 'aggregate'), span),
      same: this.toks(n, 'same').map((t) => this.ident(t, span)),
      during: this.tok(n, 'during') !== undefined,
      span,
      ...(field ? { field: this.ident(field, span) } : {}),
      ...(where ? { where: this.expression(where) } : {}),
      ...(within ? { within: this.expression(within) } : {}),
    };
  }

  protected premiumDecl(n: CstNode): A.PremiumDecl {
    const span = this.nodeSpan(n);
    const standards: A.Expr[] = [];
    const subsidies: A.SubsidyItem[] = [];
    for (const item of this.nodes(n, 'premiumItem')) {
      const standard = this.node(item, 'standard');
      const value = this.node(item, 'subsidyValue');
      if (standard) standards.push(this.expression(standard));
      else if (value) {
        const itemSpan = this.nodeSpan(item);
        subsidies.push({
          name: this.ident(this.tok(item, 'subsidyName'), itemSpan),
          value: this.expression(value),
          source: this.stringLit(this.tok(item, 'source'), itemSpan),
          span: itemSpan,
          ...this.applicability(this.node(item, 'subsidyApplicability'), itemSpan),
        });
      }
    }
    return { kind: 'premium', name: this.ident(this.tok(n, 'name'), span), standards, subsidies, span, ...this.applicability(this.node(n, 'applicability'), span) };
  }
}
