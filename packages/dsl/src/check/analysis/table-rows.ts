import { related as relatedAt, warning, type RelatedSpan } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { RuleIR, TableSym, TExpr } from '../ir.js';
import { childExprs } from '../ir-walk.js';
import type { Analysis } from './analysis.js';
import { satisfy } from './query.js';

/**
 * W602 for a table row: a row no claim ever reads, because every rule that reads the table
 * excludes its key (住院报销比例's level 0 when every rule reading it is for levels 1–3). Only for
 * tables read directly in rules and nowhere else: a table read by a let, a modifier, a cap, a
 * property, a kpi, an audit, a premium or another table may be read for any claim (a let by the
 * platform mapping too), and then nothing is said. `otherwise` is never reported.
 */

/** Where a rule reads a table: the key, and the `if` conditions on the way to it. */
interface Read {
  readonly rule: RuleIR;
  readonly key: TExpr;
  readonly path: readonly TExpr[];
}

function readsIn(rule: RuleIR, e: TExpr, path: readonly TExpr[], out: Map<TableSym, Read[]>, depth = 0): void {
  if (depth > 200) return;
  if (e.k === 'index') {
    const list = out.get(e.table);
    const read = { rule, key: e.key, path };
    if (list) list.push(read);
    else out.set(e.table, [read]);
  }
  if (e.k === 'if') {
    readsIn(rule, e.cond, path, out, depth + 1);
    readsIn(rule, e.then, [...path, e.cond], out, depth + 1);
    readsIn(rule, e.else, [...path, { k: 'not', type: 'bool', operand: e.cond, span: e.cond.span }], out, depth + 1);
    return;
  }
  for (const c of childExprs(e)) readsIn(rule, c, path, out, depth + 1);
}

/** Every table read (an `index` node) anywhere under `roots`, by a walk over plain objects. */
export function tablesReadIn(roots: readonly unknown[]): Set<TableSym> {
  const found = new Set<TableSym>();
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    const o = x as Record<string, unknown>;
    if (o['k'] === 'index' && typeof o['table'] === 'object' && o['table'] !== null) found.add(o['table'] as TableSym);
    for (const v of Array.isArray(x) ? x : Object.values(o)) if (typeof v === 'object' && v !== null) stack.push(v);
  }
  return found;
}

export function checkTableRows(a: Analysis, readElsewhere: ReadonlySet<TableSym>): void {
  const reads = new Map<TableSym, Read[]>();
  for (const r of a.rules) {
    if (r.when) readsIn(r, r.when, [], reads);
    for (const s of r.body) {
      if (s.k === 'flag') {
        if (s.when) readsIn(r, s.when, [], reads);
      } else readsIn(r, s.expr, [], reads);
    }
  }
  for (const [table, list] of reads) {
    if (readElsewhere.has(table) || table.rows.length === 0) continue;
    for (const row of table.rows) {
      let decided = true;
      let reached = false;
      for (const read of list) {
        const key: TExpr = { k: 'const', type: table.keyType, value: row.key, span: row.span };
        const equal: TExpr = { k: 'binary', op: '==', type: 'bool', left: read.key, right: key, clampRatio: false, span: row.span };
        for (const view of a.views) {
          if (!view.inForce(read.rule)) continue;
          const s = satisfy(view, [read.rule.when, ...read.path, equal]);
          if (s.status === 'sat') reached = true;
          else if (s.status === 'unknown') decided = false;
          if (reached || !decided) break;
        }
        if (reached || !decided) break;
      }
      if (reached || !decided) continue;
      const rules = [...new Map(list.map((x) => [x.rule, x.rule])).values()];
      const related: RelatedSpan[] = rules.slice(0, 3).map((r) => relatedAt(r.nameSpan, ref('analysis.rule-reads-table', { rule: r.name, table: table.name })));
      a.report(
        warning('W602', row.span, ref('analysis.row-never-read', { key: String(row.key), table: table.name, by: table.by }), { related }),
      );
    }
  }
}
