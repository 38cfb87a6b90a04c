import type { CstElement, CstNode, IToken } from 'chevrotain';

/**
 * What a token is for the layout, read off the CST once: where declarations and the items of
 * a block start, which braces open and close a block, which set literals there are, and the
 * few tokens that are glued to their neighbour (a unary minus, the `(` of a call). Keyed by
 * the token's start offset (every real token has its own).
 */
export type Role =
  | 'decl' // first token of a top-level declaration: starts a line at column 0
  | 'item' // first token of an item of a block (header item, row, band, statement, adjustment)
  | 'blockOpen' // `{` of a header, table, dated param, bands, modifier or rule
  | 'blockClose'
  | 'unaryMinus'
  | 'glueLeft' // `(` of a call: no space before it (a grouping `(` has one)
  | 'drop'; // an optional comma after a row: rows stand one per line

/** A set literal `{ a, b }`: printed on one line, or one block when the author broke it. */
export interface SetLiteral {
  readonly open: IToken;
  readonly close: IToken;
  /** The last token of each element, in order. */
  readonly elementEnds: readonly IToken[];
  /** The first token of each element, in order. */
  readonly elementStarts: readonly IToken[];
}

export interface Roles {
  readonly role: ReadonlyMap<number, Role>;
  /** Set literals by the offset of their `{`. */
  readonly sets: ReadonlyMap<number, SetLiteral>;
  /** Commas of set literals that separate nothing (trailing or doubled): dropped, then re-added. */
  readonly setCommaDrops: ReadonlySet<number>;
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function children(n: CstNode, key: string): CstElement[] {
  return (n.children as Record<string, CstElement[] | undefined>)[key] ?? [];
}

function tokens(n: CstNode, key: string): IToken[] {
  return children(n, key).filter(isToken);
}

function nodes(n: CstNode, key: string): CstNode[] {
  return children(n, key).filter((e): e is CstNode => !isToken(e));
}

/** The first (or last) real token of a subtree. */
function edge(e: CstElement, last: boolean): IToken | undefined {
  if (isToken(e)) return Number.isFinite(e.startOffset) ? e : undefined;
  let best: IToken | undefined;
  for (const list of Object.values(e.children)) {
    for (const c of list ?? []) {
      const t = edge(c, last);
      if (t && (!best || (last ? t.startOffset > best.startOffset : t.startOffset < best.startOffset))) best = t;
    }
  }
  return best;
}

/** Block-shaped declarations: their `{ … }` holds one item per line. */
const BLOCKS: Readonly<Record<string, readonly string[]>> = {
  policyDecl: ['policyItem'],
  paramDecl: ['datedValue'],
  tableDecl: ['tableRow'],
  bandsDecl: ['bandRow'],
  modifierDecl: ['adjustment'],
  ruleDecl: ['statement'],
  propertyDecl: ['body'],
  auditDecl: ['auditItem'],
  kpiDecl: ['kpiItem'],
  premiumDecl: ['premiumItem'],
};

/** Nodes whose own optional trailing comma is dropped (one row per line needs none). */
const ROW_COMMAS = new Set(['datedValue', 'tableRow', 'bandRow', 'tableDecl']);

export function readRoles(file: CstNode): Roles {
  const role = new Map<number, Role>();
  const sets = new Map<number, SetLiteral>();
  const setCommaDrops = new Set<number>();
  const mark = (t: IToken | undefined, r: Role): void => {
    if (t && Number.isFinite(t.startOffset)) role.set(t.startOffset, r);
  };

  // Iterative walk: a deeply nested expression must not exhaust the stack.
  const stack: CstNode[] = [file];
  while (stack.length > 0) {
    const n = stack.pop() as CstNode;
    for (const list of Object.values(n.children)) for (const c of list ?? []) if (!isToken(c)) stack.push(c);

    if (n.name === 'file') {
      for (const d of nodes(n, 'declaration')) mark(edge(d, false), 'decl');
    }
    const items = BLOCKS[n.name];
    if (items) {
      const open = tokens(n, 'LCurly')[0];
      if (open) {
        mark(open, 'blockOpen');
        mark(tokens(n, 'RCurly')[0], 'blockClose');
        for (const key of items) for (const item of nodes(n, key)) mark(edge(item, false), 'item');
        if (n.name === 'tableDecl') mark(tokens(n, 'Kw_otherwise')[0], 'item');
      }
    }
    if (ROW_COMMAS.has(n.name)) for (const c of tokens(n, 'Comma')) mark(c, 'drop');
    if (n.name === 'unary') mark(tokens(n, 'Minus')[0], 'unaryMinus');
    if (n.name === 'primary') {
      mark(tokens(n, 'call')[0], 'glueLeft');
    }
    if (n.name === 'setLiteral') readSet(n, sets, setCommaDrops);
  }
  return { role, sets, setCommaDrops };
}

function readSet(n: CstNode, sets: Map<number, SetLiteral>, drops: Set<number>): void {
  const open = tokens(n, 'LCurly')[0];
  const close = tokens(n, 'RCurly')[0];
  if (!open || !close) return;
  const elements = nodes(n, 'element');
  const elementStarts = elements.map((e) => edge(e, false)).filter((t): t is IToken => t !== undefined);
  const elementEnds = elements.map((e) => edge(e, true)).filter((t): t is IToken => t !== undefined);
  // A comma is kept only between two elements: the first comma after each element but the last.
  const commas = tokens(n, 'Comma').sort((a, b) => a.startOffset - b.startOffset);
  let e = 0;
  let wanted = false; // an element ended and its separating comma is still to come
  for (const c of commas) {
    while (e + 1 < elementEnds.length && (elementEnds[e] as IToken).startOffset < c.startOffset) {
      wanted = true;
      e++;
    }
    if (wanted) wanted = false;
    else drops.add(c.startOffset);
  }
  sets.set(open.startOffset, { open, close, elementStarts, elementEnds });
}
