import { error, related } from '../../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../../messages/index.js';
import { typeRef } from '../words.js';
import { expectType } from '../typing.js';
import type * as A from '../../syntax/ast.js';
import type { Span } from '../../source.js';
import { resolveApplicability } from '../applicability.js';
import { citation } from '../citation.js';
import type { CheckContext } from '../context.js';
import { childExprs } from '../ir-walk.js';
import type { TExpr } from '../ir.js';
import type { Scope } from '../resolver.js';
import type { Type } from '../types.js';
import type { KpiIR, KpiTermIR } from './kpi-ir.js';
import type { KpiGrouping } from '../ir.js';

const GROUPINGS: readonly KpiGrouping[] = ['year', 'month', 'level', 'region', 'visit', 'category'];

/**
 * `kpi NAME cites … [when c] { numerator count where c  denominator sum total  target >= 90% }`:
 * its terms read the settled claim (layers as settled, `patient` included, `paid`); it cites a
 * clause (E301); a term is `count` or `sum` of money or days (E704); numerator ÷ denominator is a
 * ratio (count ÷ count, money ÷ money), money or days per claim (÷ count) (E704); the target has
 * the kpi's type (E203) and is a constant (E112); accumulators are not read (E704).
 */
export function checkKpis(ctx: CheckContext, decls: readonly A.KpiDecl[]): KpiIR[] {
  const out: KpiIR[] = [];
  const names = new Map<string, Span>();
  for (const d of decls) {
    if (d.name.name === '') continue;
    const prev = names.get(d.name.name);
    if (prev) {
      ctx.report(error('E104', d.name.span, ref('rule.declared-twice', { owner: `kpi ${d.name.name}` }), { related: [related(prev, ref('rule.first-declared'))] }));
      continue;
    }
    names.set(d.name.name, d.name.span);
    const k = checkKpi(ctx, d);
    if (k) out.push(k);
  }
  return out;
}

function checkKpi(ctx: CheckContext, d: A.KpiDecl): KpiIR | undefined {
  const owner = `kpi ${d.name.name}`;
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0) ctx.report(error('E301', d.name.span, ref('rule.no-citation', { owner })));
  const scope: Scope = { context: 'rule', owner, locals: new Map() };
  const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);
  if (d.numerators.length !== 1 || d.denominators.length > 1 || d.targets.length > 1) {
    ctx.report(error('E704', d.name.span, ref('kpi.lines', { owner, numerators: d.numerators.length, denominators: d.denominators.length, targets: d.targets.length })));
    return undefined;
  }
  const num = d.numerators[0] as A.KpiTerm;
  const den = d.denominators[0];
  const tgt = d.targets[0];
  const numerator = term(ctx, num, owner, scope);
  const denominator = den ? term(ctx, den, owner, scope) : undefined;
  if (!numerator || (den && !denominator)) return undefined;
  if ((numerator.aggregate === 'persons') !== (denominator === undefined ? numerator.aggregate === 'persons' : denominator.aggregate === 'persons')) {
    ctx.report(error('E704', d.name.span, ref('kpi.persons-by-claims', { owner })));
    return undefined;
  }
  if (d.groupings.length > 1 || d.growths.length > 1) {
    ctx.report(error('E704', d.name.span, ref('kpi.groupings', { owner, by: d.groupings.length, growth: d.growths.length })));
    return undefined;
  }
  const byIdent = d.groupings[0];
  let by: KpiGrouping | undefined;
  if (byIdent) {
    if (!(GROUPINGS as readonly string[]).includes(byIdent.name)) {
      ctx.report(error('E704', byIdent.span, ref('kpi.bad-grouping', { owner, name: byIdent.name, groupings: GROUPINGS.join(', by ') })));
      return undefined;
    }
    by = byIdent.name as KpiGrouping;
  }
  const growth = d.growths.length > 0;
  if (growth && by !== 'year') {
    ctx.report(error('E704', d.growths[0] as Span, ref('kpi.growth-needs-year', { owner })));
    return undefined;
  }
  const base = quotient(numerator.type, denominator?.type);
  const type = growth && base ? 'ratio' : base;
  if (!type) {
    const word = (t: Type, agg: string): MessageRef => (agg === 'count' || agg === 'persons' ? ref('kpi.a-count') : typeRef(t));
    ctx.report(error('E704', d.name.span, ref('kpi.no-indicator', { owner, numerator: word(numerator.type, numerator.aggregate), denominator: word(denominator?.type ?? 'number', denominator?.aggregate ?? 'count') })));
    return undefined;
  }
  let target: KpiIR['target'];
  if (tgt) {
    const value = ctx.exprs.resolve(tgt.value, { context: 'constant', owner: ref('kpi.target-owner', { owner }) });
    // Days literals are whole (`3日`): a days target such as 10.9 days is written as a number.
    const fits = type === 'days' && value.type === 'number';
    if (!fits && !expectType(ctx, value, type, ref('kpi.target-owner', { owner }))) return undefined;
    target = { op: tgt.op, value };
  }
  const reads = [applies.when, numerator.value, numerator.where, denominator?.value, denominator?.where];
  if (reads.some((e) => e && readsAccumulator(ctx, owner, e))) return undefined;
  return { name: d.name.name, numerator, type, growth, span: d.span, nameSpan: d.name.span, ...(by ? { by } : {}), ...(denominator ? { denominator } : {}), ...(target ? { target } : {}), ...applies, ...cit };
}

function term(ctx: CheckContext, t: A.KpiTerm, owner: string, scope: Scope): KpiTermIR | undefined {
  const agg = t.aggregate.name;
  const where = t.where ? ctx.exprs.resolve(t.where, scope) : undefined;
  if (where && !expectType(ctx, where, 'bool', ref('kpi.where.term-condition', { owner }))) return undefined;
  const w = where ? { where } : {};
  if (t.minimum && agg !== 'persons') {
    ctx.report(error('E704', t.minimum.span, ref('kpi.with-n')));
    return undefined;
  }
  if (agg === 'persons') {
    if (t.value) {
      ctx.report(error('E704', t.value.span, ref('kpi.persons-value')));
      return undefined;
    }
    let minimum = 1;
    if (t.minimum) {
      const m = ctx.exprs.resolve(t.minimum, { context: 'constant', owner: ref('kpi.minimum-owner', { owner }) });
      const v = m.k === 'const' ? m.value : undefined;
      const n = typeof v === 'object' && v !== null && 'toNumber' in v ? (v as { toNumber(): number }).toNumber() : NaN;
      if (m.type !== 'number' || !Number.isInteger(n) || n < 1 || n > 1000) {
        ctx.report(error('E704', t.minimum.span, ref('kpi.persons-minimum')));
        return undefined;
      }
      minimum = n;
    }
    return { aggregate: 'persons', type: 'number', minimum, ...w };
  }
  if (agg === 'count') {
    if (t.value) {
      ctx.report(error('E704', t.value.span, ref('kpi.count-value')));
      return undefined;
    }
    return { aggregate: 'count', type: 'number', ...w };
  }
  if (agg === 'sum') {
    if (!t.value) {
      ctx.report(error('E704', t.aggregate.span, ref('kpi.sum-needs-value')));
      return undefined;
    }
    const value = ctx.exprs.resolve(t.value, scope);
    if (value.type !== 'money' && value.type !== 'days' && value.type !== 'error') {
      ctx.report(error('E704', t.value.span, ref('kpi.sum-type', { type: typeRef(value.type) })));
      return undefined;
    }
    return { aggregate: 'sum', value, type: value.type, ...w };
  }
  ctx.report(error('E704', t.aggregate.span, ref('kpi.unknown-term', { name: agg })));
  return undefined;
}

function quotient(n: Type, d: Type | undefined): Type | undefined {
  if (d === undefined) return n;
  if (d === 'number') return n === 'number' ? 'ratio' : n;
  if (n === d && n === 'money') return 'ratio';
  return undefined;
}

function readsAccumulator(ctx: CheckContext, owner: string, e: TExpr): boolean {
  if (e.k === 'acc') {
    ctx.report(error('E704', e.span, ref('kpi.reads-accumulator', { owner, name: e.acc.name })));
    return true;
  }
  return childExprs(e).some((c) => readsAccumulator(ctx, owner, c));
}
