import { error } from '../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../messages/index.js';
import type * as A from '../syntax/ast.js';
import type { Span } from '../source.js';
import type { CheckContext } from './context.js';
import type { TExpr } from './ir.js';
import type { Scope } from './resolver.js';
import { versionDate } from './versions.js';
import { expectType } from './typing.js';

/**
 * `from DATE`, `until DATE` and `when COND` of a rule, a modifier or a cap, checked alike: the
 * dates are versions (E208, E403) in order, the condition is a condition.
 */
export function resolveApplicability(
  ctx: CheckContext,
  d: A.Applicability,
  owner: string | MessageRef,
  at: Span,
  scope: Scope,
  /** The owner in messages when it has words of its own to translate (`subsidy X of premium Y`). */
  shown: string | MessageRef = owner,
): { from?: string; until?: string; when?: TExpr } {
  const from = versionDate(ctx, d.from);
  const until = versionDate(ctx, d.until);
  if (from && until && until <= from) ctx.report(error('E403', d.until?.span ?? at, ref('rule.ends-before-start', { owner: shown, until, from })));
  const when = d.when ? ctx.exprs.resolve(d.when, scope) : undefined;
  if (when) expectType(ctx, when, 'bool', ref('rule.where.condition-of', { owner: shown }));
  return { ...(from ? { from } : {}), ...(until ? { until } : {}), ...(when ? { when } : {}) };
}
