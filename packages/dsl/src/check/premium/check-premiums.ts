import { error, related } from '../../diagnostics/diagnostic.js';
import { ref, type MessageParam } from '../../messages/index.js';
import { expectType } from '../typing.js';
import type * as A from '../../syntax/ast.js';
import type { Span } from '../../source.js';
import { resolveApplicability } from '../applicability.js';
import { citation } from '../citation.js';
import type { CheckContext } from '../context.js';
import { childExprs } from '../ir-walk.js';
import type { ParamSym, PremiumIR, SubsidyIR, TExpr } from '../ir.js';
import type { Scope } from '../resolver.js';

/** What a person-year has: the categories in force during the year, and the year. */
const PERSON_YEAR_FIELDS = new Set(['categories', 'year']);

/**
 * `premium NAME cites … [when c] { standard EXPR  subsidy NAME = EXPR source "…" [when c] … }`:
 * it cites a clause (E301); it has exactly one `standard` (E705), money (E202/E201); each subsidy
 * is money from a named fund, its condition a condition; everything it reads — directly or
 * through lets — is what a person-year has: `categories`, `year`, parameters, tables and sets
 * (E705 for any other claim field, a layer, `paid`/`remaining`, an accumulator).
 */
export function checkPremiums(ctx: CheckContext, decls: readonly A.PremiumDecl[]): PremiumIR[] {
  const out: PremiumIR[] = [];
  const names = new Map<string, Span>();
  for (const d of decls) {
    if (d.name.name === '') continue; // recovery hole, already reported
    const prev = names.get(d.name.name);
    if (prev) {
      ctx.report(error('E104', d.name.span, ref('rule.declared-twice', { owner: `premium ${d.name.name}` }), { related: [related(prev, ref('rule.first-declared'))] }));
      continue;
    }
    names.set(d.name.name, d.name.span);
    const p = checkPremium(ctx, d);
    if (p) out.push(p);
  }
  return out;
}

function checkPremium(ctx: CheckContext, d: A.PremiumDecl): PremiumIR | undefined {
  const owner = `premium ${d.name.name}`;
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0) ctx.report(error('E301', d.name.span, ref('rule.no-citation', { owner })));
  const scope: Scope = { context: 'rule', owner, locals: new Map() };
  const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);
  let ok = true;
  if (d.standards.length !== 1) {
    ctx.report(error('E705', d.name.span, ref('premium.standards', { owner, n: d.standards.length })));
    ok = false;
  }
  const standards = d.standards.map((e) => ctx.exprs.resolve(e, scope));
  for (const e of standards) if (!expectType(ctx, e, 'money', ref('premium.where.standard', { owner }))) ok = false;
  const standard = standards[0];
  const subsidies: SubsidyIR[] = [];
  const seen = new Map<string, Span>();
  for (const s of d.subsidies) {
    const sOwner = `subsidy ${s.name.name} of ${owner}`;
    const sShown = ref('premium.subsidy-owner', { name: s.name.name, premium: owner });
    const prev = seen.get(s.name.name);
    if (prev) ctx.report(error('E104', s.name.span, ref('rule.declared-twice', { owner: sShown }), { related: [related(prev, ref('rule.first-declared'))] }));
    seen.set(s.name.name, s.name.span);
    const value = ctx.exprs.resolve(s.value, scope);
    if (!expectType(ctx, value, 'money', ref('premium.where.amount', { owner: sShown }))) ok = false;
    if (s.source.value.trim() === '') {
      ctx.report(error('E705', s.source.span, ref('premium.no-fund', { owner: sShown })));
      ok = false;
    }
    const sApplies = resolveApplicability(ctx, s, sOwner, s.name.span, scope, sShown);
    const sCit = citation(ctx, s.meta);
    subsidies.push({
      name: s.name.name,
      value,
      source: s.source.value,
      span: s.span,
      nameSpan: s.name.span,
      ...sApplies,
      ...sCit,
      // A subsidy cites its premium's clauses unless it names its own.
      cites: sCit.cites.length > 0 ? sCit.cites : cit.cites,
    });
  }
  const params = personYearReads(ctx, owner, [applies.when, ...standards, ...subsidies.flatMap((s) => [s.value, s.when])]);
  if (!params || !ok || !standard) return undefined;
  return { name: d.name.name, standard, subsidies, params, span: d.span, nameSpan: d.name.span, ...applies, ...cit };
}

/** The parameters a premium reads, or undefined after E705 for what a person-year does not have. */
function personYearReads(ctx: CheckContext, owner: string, exprs: readonly (TExpr | undefined)[]): ParamSym[] | undefined {
  const params: ParamSym[] = [];
  const seenLets = new Set<number>();
  let ok = true;
  const refuse = (e: TExpr, what: MessageParam, via: string | undefined): void => {
    ok = false;
    ctx.report(error('E705', e.span, via ? ref('premium.reads-via', { owner, via, what }) : ref('premium.reads', { owner, what })));
  };
  const walk = (e: TExpr, via: string | undefined): void => {
    switch (e.k) {
      case 'param':
        if (!params.includes(e.param)) params.push(e.param);
        break;
      case 'field':
        if (!PERSON_YEAR_FIELDS.has(e.field)) refuse(e, ref('premium.what.field', { name: e.field }), via);
        break;
      case 'layer':
        refuse(e, ref('premium.what.layer', { name: e.layer }), via);
        break;
      case 'state':
        refuse(e, e.name, via);
        break;
      case 'acc':
        refuse(e, ref('premium.what.accumulator', { name: e.acc.name }), via);
        break;
      case 'let':
        if (!seenLets.has(e.let.index)) {
          seenLets.add(e.let.index);
          walk(e.let.expr, via ?? e.let.name);
        }
        break;
      default:
        break;
    }
    for (const c of childExprs(e)) walk(c, via);
  };
  for (const e of exprs) if (e) walk(e, undefined);
  return ok ? params : undefined;
}
