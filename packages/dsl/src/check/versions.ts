import { error } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import { parseDate } from '../dates.js';
import type * as A from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/**
 * A date that must name one of the policy's versions (a rule's `from`/`until`, a dated
 * parameter value): a calendar date (E208) declared as a version in the header (E403).
 * Returns the date, or undefined when there is none or it is not a calendar date.
 */
export function versionDate(ctx: CheckContext, lit: A.DateLiteral | undefined): string | undefined {
  if (!lit) return undefined;
  if (parseDate(lit.value) === undefined) {
    ctx.report(error('E208', lit.span, ref('decl.bad-date', { date: lit.value })));
    return undefined;
  }
  if (!ctx.versions.some((v) => v.date === lit.value)) {
    ctx.report(error('E403', lit.span, ref('decl.not-a-version', { date: lit.value, versions: ctx.versions.map((v) => v.date).join(', ') })));
  }
  return lit.value;
}
