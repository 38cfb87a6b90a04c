import { error, related } from '../../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../../messages/index.js';
import { aKindRef, didYouMean, reservedRef } from '../words.js';
import { expectType } from '../typing.js';
import type * as A from '../../syntax/ast.js';
import type { Span } from '../../source.js';
import { CLAIM_FIELDS } from '../../vocabulary.js';
import { resolveApplicability } from '../applicability.js';
import { citation } from '../citation.js';
import type { CheckContext } from '../context.js';
import { childExprs } from '../ir-walk.js';
import type { ParamSym, TExpr } from '../ir.js';
import type { Scope } from '../resolver.js';
import { suggest } from '../suggest.js';
import type { Entry } from '../symbols.js';
import type { Type } from '../types.js';
import { RESULT_WORDS, STAGE_WORDS, type AuditIR, type AuditStmtIR, type HistoryAggregate, type HistoryIR } from './audit-ir.js';

/**
 * `audit NAME result 可疑 stage 事后 cites … when c { let … finding "…" when … }`: checked like
 * a rule. It cites a clause (E301); its result type and stage are the platform's words (E701)
 * and it has a finding (E701); its conditions are conditions (E203); history reads name an
 * aggregate, fields and a window in days (E702); it reads claim fields, parameters, tables,
 * sets and lets, never layers (E111) nor what only a settlement knows — accumulators and
 * yearly caps (E703).
 */
export function checkAudits(ctx: CheckContext, decls: readonly A.AuditDecl[]): AuditIR[] {
  const out: AuditIR[] = [];
  const names = new Map<string, Span>();
  for (const d of decls) {
    if (d.name.name === '') continue; // recovery hole, already reported
    const prev = names.get(d.name.name);
    if (prev) {
      ctx.report(error('E104', d.name.span, ref('rule.declared-twice', { owner: `audit ${d.name.name}` }), { related: [related(prev, ref('rule.first-declared'))] }));
      continue;
    }
    names.set(d.name.name, d.name.span);
    const audit = checkAudit(ctx, d);
    if (audit) out.push(audit);
  }
  return out;
}

const AGGREGATES: readonly HistoryAggregate[] = ['count', 'sum', 'max'];
/** Fields `same` may compare. */
const SAME_FIELDS = ['disease', 'diagnoses', 'hospitalId', 'visit', 'level', 'region', 'referral'];

function checkAudit(ctx: CheckContext, d: A.AuditDecl): AuditIR | undefined {
  const owner = `audit ${d.name.name}`;
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0) ctx.report(error('E301', d.name.span, ref('rule.no-citation', { owner })));
  const result = word(ctx, d.result, RESULT_WORDS, owner, 'result', ref('audit.expected.result'), d.name.span);
  const stage = word(ctx, d.stage, STAGE_WORDS, owner, 'stage', ref('audit.expected.stage'), d.name.span);

  const locals = new Map<string, { slot: number; type: Type }>();
  const scope: Scope = { context: 'let', owner, locals };
  const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);
  const body: AuditStmtIR[] = [];
  const windows: string[] = [];
  for (const s of d.body) {
    if (s.kind === 'finding') {
      const w = s.when ? ctx.exprs.resolve(s.when, scope) : undefined;
      if (w) expectType(ctx, w, 'bool', ref('audit.where.finding'));
      body.push({ k: 'finding', message: s.message.value, span: s.span, ...(w ? { when: w } : {}) });
      continue;
    }
    const name = s.name.name;
    const clash = reservedRef(name) ?? (ctx.entries.has(name) ? aKindRef((ctx.entries.get(name) as Entry).kind) : undefined);
    if (clash || locals.has(name)) {
      ctx.report(error('E104', s.name.span, clash ? ref('audit.let-clash', { name, clash }) : ref('rule.let-bound', { name, owner })));
      continue;
    }
    const slot = locals.size;
    if (s.value.kind === 'history') {
      const history = checkHistory(ctx, s.value, owner, scope);
      if (!history) {
        locals.set(name, { slot, type: 'number' }); // reported; keep later reads quiet
        continue;
      }
      if (history.windowText && !windows.includes(history.windowText)) windows.push(history.windowText);
      locals.set(name, { slot, type: history.type });
      body.push({ k: 'history', slot, name, history, span: s.span });
    } else {
      const expr = ctx.exprs.resolve(s.value, scope);
      locals.set(name, { slot, type: expr.type });
      body.push({ k: 'let', slot, name, expr, span: s.span });
    }
  }
  if (!body.some((s) => s.k === 'finding')) {
    ctx.report(error('E701', d.name.span, ref('audit.no-finding', { owner })));
  }
  const params = settlementReads(ctx, owner, [applies.when, ...body.flatMap(stmtExprs)]);
  if (!result || !stage) return undefined;
  return {
    name: d.name.name,
    result,
    stage,
    body,
    localCount: locals.size,
    params,
    windows,
    span: d.span,
    nameSpan: d.name.span,
    ...applies,
    ...cit,
  };
}

function word<T>(ctx: CheckContext, id: A.Ident | undefined, words: Readonly<Record<string, T>>, owner: string, what: string, expected: MessageRef, at: Span): T | undefined {
  if (!id) {
    ctx.report(error('E701', at, ref('audit.missing-word', { owner, what, expected })));
    return undefined;
  }
  const v = words[id.name];
  if (v === undefined) {
    const s = suggest(id.name, Object.keys(words));
    ctx.report(error('E701', id.span, ref('audit.bad-word', { name: id.name, what, expected, suggestion: didYouMean(s) }), s ? { suggestion: s } : {}));
  }
  return v;
}

function checkHistory(ctx: CheckContext, h: A.HistoryExpr, owner: string, scope: Scope): HistoryIR | undefined {
  const agg = h.aggregate.name as HistoryAggregate;
  let ok = true;
  if (!AGGREGATES.includes(agg)) {
    const s = suggest(h.aggregate.name, AGGREGATES);
    ctx.report(error('E702', h.aggregate.span, ref('audit.bad-aggregate', { name: h.aggregate.name, aggregates: AGGREGATES.join(', '), suggestion: didYouMean(s) }), s ? { suggestion: s } : {}));
    ok = false;
  }
  let type: Type = 'number';
  const field = h.field?.name;
  if (agg === 'count' && h.field) {
    ctx.report(error('E702', h.field.span, ref('audit.count-field', { field: h.field.name })));
    ok = false;
  } else if ((agg === 'sum' || agg === 'max') && !h.field) {
    ctx.report(error('E702', h.aggregate.span, ref('audit.needs-field', { agg })));
    ok = false;
  } else if (h.field && field) {
    const info = CLAIM_FIELDS[field];
    const t = info?.type;
    if (!info) {
      const s = suggest(field, Object.keys(CLAIM_FIELDS));
      ctx.report(error('E102', h.field.span, ref('rule.unknown-field', { name: field, suggestion: didYouMean(s) }), s ? { suggestion: s } : {}));
      ok = false;
    } else if (info.optional || (t !== 'money' && t !== 'days')) {
      ctx.report(error('E702', h.field.span, ref('audit.field-type', { agg, field })));
      ok = false;
    } else {
      type = t;
    }
  }
  for (const f of h.same) {
    if (!SAME_FIELDS.includes(f.name)) {
      const s = suggest(f.name, SAME_FIELDS);
      const code = CLAIM_FIELDS[f.name] ? 'E702' : 'E102';
      const suggestion = didYouMean(s);
      const what = code === 'E702' ? ref('audit.same-field', { fields: SAME_FIELDS.join(', '), name: f.name, suggestion }) : ref('rule.unknown-field', { name: f.name, suggestion });
      ctx.report(error(code, f.span, what, s ? { suggestion: s } : {}));
      ok = false;
    }
  }
  // The earlier claim's own fields and the policy's lets: not this audit's locals.
  const where = h.where ? ctx.exprs.resolve(h.where, { context: 'let', owner: ref('audit.where-owner', { owner }) }) : undefined;
  if (where && !expectType(ctx, where, 'bool', ref('audit.where.earlier'))) ok = false;
  const within = h.within ? ctx.exprs.resolve(h.within, scope) : undefined;
  if (within && !expectType(ctx, within, 'days', ref('audit.where.window'))) ok = false;
  if (!ok) return undefined;
  const windowText = h.during ? '住院期间' : h.within ? windowOf(h.within) : undefined;
  return {
    aggregate: agg,
    type,
    same: h.same.map((f) => f.name),
    during: h.during,
    span: h.span,
    ...(field ? { field } : {}),
    ...(where ? { where } : {}),
    ...(within ? { within } : {}),
    ...(windowText ? { windowText } : {}),
  };
}

function windowOf(e: A.Expr): string {
  if (e.kind === 'numeric') return e.raw;
  if (e.kind === 'name') return e.name;
  return '…';
}

function stmtExprs(s: AuditStmtIR): (TExpr | undefined)[] {
  if (s.k === 'let') return [s.expr];
  if (s.k === 'finding') return [s.when];
  return [s.history.where, s.history.within];
}

/**
 * The parameters an audit reads, and E703 for what it cannot read: an audit runs over claims,
 * not settlements, so accumulators and yearly caps (read directly or through lets) have no value.
 */
function settlementReads(ctx: CheckContext, owner: string, exprs: readonly (TExpr | undefined)[]): ParamSym[] {
  const params: ParamSym[] = [];
  const seenLets = new Set<number>();
  const walk = (e: TExpr, via: string | undefined): void => {
    if (e.k === 'param') {
      if (!params.includes(e.param)) params.push(e.param);
    } else if (e.k === 'acc') {
      const what = e.acc.name;
      ctx.report(error('E703', e.span, via ? ref('audit.reads-settlement-via', { owner, via, name: what }) : ref('audit.reads-settlement', { owner, name: what })));
    } else if (e.k === 'let') {
      if (seenLets.has(e.let.index)) return;
      seenLets.add(e.let.index);
      walk(e.let.expr, via ?? e.let.name);
    }
    for (const c of childExprs(e)) walk(c, via);
  };
  for (const e of exprs) if (e) walk(e, undefined);
  return params;
}
