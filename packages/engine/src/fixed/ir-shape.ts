import { Unsupported } from './unsupported.js';

/**
 * The IR's shape as the fixed-point compiler knows it: for each kind of node, the properties it
 * may carry. A node with any other property (the language grew: a cap on an assignment, an
 * adjustment on a parameter) is not understood, so its version goes to decimal.js.
 */
const CITATION = ['cites', 'readings', 'assumed', 'note'];
const NODE = ['k', 'type', 'span'];

const KNOWN: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({
    // bands, caps and modifiers act only through the nodes that use them (checked below);
    // properties are checked after a settlement (policy test, prove), never part of one; audits
    // read claims, never settlements (policy audit); premiums read person-years (policy premium)
    policy: ['name', 'module', 'title', 'document', 'versions', 'layers', 'clauses', 'params', 'tables', 'sets', 'lets', 'accumulators', 'bands', 'caps', 'modifiers', 'rules', 'properties', 'audits', 'kpis', 'premiums', 'files', 'bases'],
    rule: [...CITATION, 'name', 'index', 'from', 'until', 'when', 'body', 'localCount', 'span', 'nameSpan'],
    param: [...CITATION, 'kind', 'name', 'type', 'values', 'span'],
    table: [...CITATION, 'kind', 'name', 'by', 'keyType', 'valueType', 'rows', 'otherwise', 'span'],
    row: ['key', 'value', 'span'],
    set: [...CITATION, 'kind', 'name', 'elementType', 'elements', 'span'],
    element: ['value', 'span'],
    let: ['kind', 'name', 'index', 'type', 'expr', 'note', 'span'],
    accumulator: [...CITATION, 'kind', 'name', 'index', 'keys', 'span'],
    'stmt:let': ['k', 'slot', 'name', 'expr', 'span'],
    'stmt:assign': ['k', 'layer', 'expr', 'span', 'caps'],
    'stmt:add': ['k', 'acc', 'expr', 'span'],
    'stmt:flag': ['k', 'message', 'when', 'span'],
    'expr:const': [...NODE, 'value'],
    'expr:param': [...NODE, 'param'],
    'expr:field': [...NODE, 'field'],
    'expr:state': [...NODE, 'name'],
    'expr:layer': [...NODE, 'layer'],
    'expr:acc': [...NODE, 'acc'],
    'expr:let': [...NODE, 'let'],
    'expr:local': [...NODE, 'slot', 'name'],
    'expr:set': [...NODE, 'set'],
    'expr:index': [...NODE, 'table', 'key'],
    'expr:neg': [...NODE, 'operand'],
    'expr:not': [...NODE, 'operand'],
    'expr:binary': [...NODE, 'op', 'left', 'right', 'clampRatio'],
    'expr:call': [...NODE, 'fn', 'args'],
    'expr:if': [...NODE, 'cond', 'then', 'else'],
    'expr:setLit': [...NODE, 'elements'],
    'expr:adjusted': [...NODE, 'target', 'base', 'adjustments'],
    'expr:bands': [...NODE, 'bands', 'lower', 'upper', 'adjustments'],
    adjustment: ['modifier', 'op', 'amount', 'span'],
    modifier: [...CITATION, 'name', 'oneLine', 'from', 'until', 'when', 'span'],
    bands: [...CITATION, 'kind', 'name', 'rows', 'span'],
    band: ['lower', 'upper', 'ratio', 'span'],
    cap: [...CITATION, 'kind', 'name', 'layer', 'amount', 'when', 'from', 'until', 'acc', 'span'],
  }).map(([kind, keys]) => [kind, new Set(keys)]),
);

/** Refuses a node of an unknown kind, or one carrying a property this compiler does not know. */
export function checkShape(kind: string, node: object): void {
  const known = KNOWN[kind];
  if (!known) throw new Unsupported(`${kind.replace(':', ' ')} is not implemented`);
  for (const key of Object.keys(node)) {
    if (!known.has(key)) throw new Unsupported(`${kind.replace(':', ' ')} carries "${key}", which it does not know`);
  }
}
