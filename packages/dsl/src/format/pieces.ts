import type { IToken } from 'chevrotain';
import type { Role, Roles, SetLiteral } from './roles.js';

/**
 * The file as the printer sees it: its tokens and comments in source order, each with the
 * number of line breaks the author put before it. Optional commas are gone, the trailing
 * comma of a set written as a block is added, and operators are in their canonical form.
 */
export interface Piece {
  readonly kind: 'token' | 'comment';
  /** The text to print (a comment without trailing blanks, an operator in canonical form). */
  readonly text: string;
  /** The token type's name (`Comment` for a comment). */
  readonly type: string;
  readonly role?: Role;
  /** On the `{` of a set literal: the set, and whether it is printed as a block. */
  readonly set?: { readonly literal: SetLiteral; readonly block: boolean };
  /** On the `}` of a set literal printed as a block. */
  readonly closesBlockSet?: boolean;
  /** Line breaks in the source between the previous piece and this one. */
  readonly breaks: number;
  /** Added by the formatter (a set's trailing comma): never on a line of its own. */
  readonly synthetic?: boolean;
}

/** One spelling per operator: the ones the shipped policies and the documents use. */
const CANONICAL: Readonly<Record<string, string>> = {
  Star: '×',
  Slash: '÷',
  Minus: '-',
  NotEq: '!=',
  LtEq: '<=',
  GtEq: '>=',
};

const LINE_BREAK = /\r\n|\r|\n/g;

function countBreaks(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return text.slice(from, to).match(LINE_BREAK)?.length ?? 0;
}

/** The index of the first value above `x` in an ascending list (its length when none is). */
function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Raw {
  readonly start: number;
  readonly end: number;
  /** Orders a synthetic comma before a comment that starts where its element ends. */
  readonly rank: number;
  readonly make: (breaks: number) => Piece;
}

export function readPieces(text: string, tokens: readonly IToken[], comments: readonly IToken[], roles: Roles): Piece[] {
  const raws: Raw[] = [];
  const blockSets = new Map<number, boolean>(); // `}` offset → the set is a block
  const lastElementEnds = new Set<number>(); // where a block set's trailing comma goes
  const commentStarts = comments.map((c) => c.startOffset); // in source order
  for (const set of roles.sets.values()) {
    const inside = { from: set.open.startOffset, to: set.close.startOffset };
    const firstAfter = firstAbove(commentStarts, inside.from);
    const hasComment = firstAfter < commentStarts.length && (commentStarts[firstAfter] as number) < inside.to;
    const block = hasComment || (set.elementEnds.length > 0 && countBreaks(text, inside.from, inside.to) > 0);
    blockSets.set(set.open.startOffset, block);
    blockSets.set(set.close.startOffset, block);
    const last = set.elementEnds[set.elementEnds.length - 1];
    if (block && last) lastElementEnds.add(last.startOffset);
  }

  for (const t of tokens) {
    const start = t.startOffset;
    const end = start + t.image.length;
    const role = roles.role.get(start);
    if (role === 'drop' || roles.setCommaDrops.has(start)) continue;
    const setLiteral = roles.sets.get(start);
    const type = t.tokenType.name;
    raws.push({
      start,
      end,
      rank: 0,
      make: (breaks) => ({
        kind: 'token',
        text: CANONICAL[type] ?? t.image,
        type,
        ...(role !== undefined ? { role } : {}),
        ...(setLiteral ? { set: { literal: setLiteral, block: blockSets.get(start) === true } } : {}),
        ...(type === 'RCurly' && blockSets.get(start) === true ? { closesBlockSet: true } : {}),
        breaks,
      }),
    });
    if (lastElementEnds.has(start)) {
      raws.push({
        start: end,
        end,
        rank: -1,
        make: () => ({ kind: 'token', text: ',', type: 'Comma', breaks: 0, synthetic: true }),
      });
    }
  }
  for (const c of comments) {
    const start = c.startOffset;
    raws.push({
      start,
      end: start + c.image.length,
      rank: 0,
      make: (breaks) => ({ kind: 'comment', text: c.image.trimEnd(), type: 'Comment', breaks }),
    });
  }
  raws.sort((a, b) => a.start - b.start || a.rank - b.rank);

  const pieces: Piece[] = [];
  let previousEnd = 0;
  for (const r of raws) {
    pieces.push(r.make(countBreaks(text, previousEnd, r.start)));
    previousEnd = Math.max(previousEnd, r.end);
  }
  return pieces;
}
