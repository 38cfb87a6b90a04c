import { error } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import type * as A from '../syntax/ast.js';
import type { CheckContext } from './context.js';
import type { Citation } from './ir.js';
import { suggest } from './suggest.js';

const READING_ID = /^D\d+$/;

/**
 * `cites`, `reading`, `assumed` and `note` of a declaration: every cited clause must be
 * declared (E302), every reading must name a decision of decisions.md.
 */
export function citation(ctx: CheckContext, meta: readonly A.Meta[]): Citation {
  const cites: string[] = [];
  const readings: string[] = [];
  let assumed: string | undefined;
  let note: string | undefined;
  for (const m of meta) {
    for (const v of m.values) {
      if (m.kind === 'cites') {
        cites.push(v.value);
        if (ctx.clauses.size > 0 && !ctx.clauses.has(v.value)) {
          const s = suggest(v.value, ctx.clauses.keys());
          ctx.report(error('E302', v.span, s ? ref('decl.unknown-clause.did-you-mean', { id: v.value, suggestion: s }) : ref('decl.unknown-clause', { id: v.value }), s ? { suggestion: s } : {}));
        } else if (ctx.clauses.size === 0) {
          ctx.report(error('E302', v.span, ref('decl.no-clauses', { id: v.value })));
        }
      } else if (m.kind === 'reading') {
        readings.push(v.value);
        if (!READING_ID.test(v.value)) {
          ctx.report(error('E302', v.span, ref('decl.reading-id', { value: JSON.stringify(v.value) })));
        }
      } else if (m.kind === 'assumed') {
        assumed = assumed === undefined ? v.value : `${assumed} ${v.value}`;
      } else {
        note = note === undefined ? v.value : `${note} ${v.value}`;
      }
    }
  }
  return { cites, readings, ...(assumed !== undefined ? { assumed } : {}), ...(note !== undefined ? { note } : {}) };
}
