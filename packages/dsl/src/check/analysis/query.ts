import { Decimal, formatMoney } from '../../money.js';
import { formatDate } from '../../dates.js';
import { ref, type MessageParam } from '../../messages/index.js';
import type { TExpr } from '../ir.js';
import { Evaluator, type Assignment } from './evaluate.js';
import { Collector, search, truth, type Var } from './search.js';
import { versionViews, type VersionView } from './versions.js';

export type Sat = { readonly status: 'sat'; readonly witness: Assignment } | { readonly status: 'unsat' | 'unknown' };

/** The variables and evaluator for a group of conditions in one version. */
export function prepare(view: VersionView, exprs: readonly (TExpr | undefined)[]): { vars: Var[]; ev: Evaluator } {
  const c = new Collector(view);
  for (const e of exprs) if (e) c.add(e);
  return { vars: c.vars(), ev: new Evaluator(view, c.sampled) };
}

/** Can every condition hold for one claim? `unknown` when the analysis cannot tell. */
export function satisfy(view: VersionView, conds: readonly (TExpr | undefined)[]): Sat {
  const { vars, ev } = prepare(view, conds);
  const r = search(vars, (a) => {
    ev.reset();
    let all = true;
    for (const c of conds) {
      const t = truth(ev, c, a);
      if (t === false) return 'prune';
      if (t !== true) all = false;
    }
    return all ? 'accept' : 'continue';
  });
  const w = r.accepted[0];
  if (w) return { status: 'sat', witness: w };
  return { status: r.undecided ? 'unknown' : 'unsat' };
}

/**
 * A partial claim for a message: `visit=inpatient, level=2, registered_poor ∈ categories`. Fields,
 * values and `∈ categories` are notation, the same in every language; the words around them
 * ("any claim", "(so far)", "(version …)") are table messages.
 */
export function describeClaim(a: Assignment, view: VersionView): MessageParam {
  const parts: MessageParam[] = [];
  const cats: string[] = [];
  for (const [k, v] of a) {
    if (k.startsWith('cat:')) {
      cats.push(`${k.slice(4)} ${v ? '∈' : '∉'} categories`);
    } else if (k === 'date' && v instanceof Decimal) {
      parts.push(`date=${formatDate(v.toNumber())}`);
    } else if (k.startsWith('acc:')) {
      parts.push(ref('analysis.claim.so-far', { name: k.slice(4), value: v instanceof Decimal ? formatMoney(v) : String(v) }));
    } else if (v instanceof Decimal) {
      parts.push(`${k}=${formatMoney(v)}`);
    } else if (typeof v === 'string') {
      parts.push(`${k}=${k === 'disease' || k === 'hospitalId' ? JSON.stringify(v) : v}`);
    } else {
      parts.push(`${k}=${String(v)}`);
    }
  }
  const all = [...parts, ...cats];
  const text = all.length === 0 ? ref('analysis.claim.any') : all.every((p) => typeof p !== 'object') ? all.join(', ') : joined(all);
  return view.date ? ref('analysis.claim.in-version', { claim: text, version: view.date }) : text;
}

/** `a, b, c` when some part is a message of its own. */
function joined(list: readonly MessageParam[]): MessageParam {
  const [head, ...rest] = list;
  if (head === undefined) return '';
  return rest.length === 0 ? head : ref('analysis.claim.and', { head, tail: joined(rest) });
}

/**
 * Partial claims (finite fields only) that meet a condition, up to `max` per version: what a
 * sampler fixes so that a rare condition is met (policy test's properties).
 */
export function conditionShapes(
  versions: readonly import('../ir.js').VersionInfo[],
  cond: TExpr | undefined,
  max = 64,
): { version: string; fields: Record<string, string | number | boolean> }[] {
  const out: { version: string; fields: Record<string, string | number | boolean> }[] = [];
  for (const view of versionViews(versions)) {
    const { vars, ev } = prepare(view, [cond]);
    const r = search(
      vars,
      (a) => {
        ev.reset();
        const t = truth(ev, cond, a);
        return t === false ? 'prune' : t === true ? 'accept' : 'continue';
      },
      max,
    );
    for (const a of r.accepted) {
      const fields: Record<string, string | number | boolean> = {};
      for (const [k, v] of a) if (!(v instanceof Decimal)) fields[k] = v;
      out.push({ version: view.date, fields });
    }
  }
  return out;
}
