import { textWidth } from '../diagnostics/render.js';
import type { Piece } from './pieces.js';

/**
 * The layout. Structure decides every line that must start (a declaration at column 0, each
 * item of a block on its own line two spaces in, `}` of a block on its own line); within a
 * declaration or an item, the author's line breaks are kept wherever a break may stand, and
 * only there. Indentation is computed, never copied:
 *
 * - a continuation line of a declaration or item is indented two more than its first line;
 * - inside brackets, a line starting an element (after `(`, `[`, `{` or a comma of that
 *   bracket) is two in from the line that opened the bracket, a line continuing an element
 *   two more; a line starting with the closing bracket lines up with the opening line;
 * - an own-line comment takes the indentation of what follows it; trailing comments stay on
 *   their line, and consecutive lines' trailing comments line up two columns after the longest.
 *
 * At most one blank line is kept where the author left one, between declarations, items,
 * elements of a set written as a block, and the comments among them.
 */

interface Line {
  readonly indent: number;
  code: string;
  comment?: string;
  readonly blankBefore: boolean;
}

interface Frame {
  /** The type of the closing token. */
  readonly closer: string;
  /** The indentation of the line holding the opening bracket. */
  readonly opener: number;
  /** A set literal printed as a block. */
  readonly block: boolean;
}

const OPENERS: Readonly<Record<string, string>> = { LParen: 'RParen', LBracket: 'RBracket', LCurly: 'RCurly' };
/** Tokens that never start a line (they stay glued to what precedes them). */
const GLUED_LEFT = new Set(['RParen', 'RBracket', 'Comma', 'Colon', 'Dot', 'LBracket', 'LCurly']);
/** Tokens with no space after them. */
const NO_SPACE_AFTER = new Set(['LParen', 'LBracket', 'Dot']);

export function printPieces(pieces: readonly Piece[]): string {
  const lines: Line[] = [];
  let blocks = 0; // open `{ … }` blocks of declarations
  let frames: Frame[] = []; // open brackets of the current declaration or item
  const saved: Frame[][] = [];
  let elementStart = false; // the previous token opened a bracket or was one of its commas
  let prev: Piece | undefined;
  let mustBreak = false; // a comment ends the current line
  let afterOpener = true; // nothing printed since a `{` (or the start): no blank line here

  const line = (): Line | undefined => lines[lines.length - 1];
  const top = (): Frame | undefined => frames[frames.length - 1];
  const closesTop = (t: Piece): boolean => top()?.closer === t.type && !t.synthetic;

  /** Where `t` goes when it must start a line, and whether a blank line may precede it. */
  function placeLine(t: Piece): { indent: number; blank: boolean } {
    if (t.role === 'decl') return { indent: 0, blank: true };
    if (t.role === 'item') return { indent: 2 * blocks, blank: true };
    if (t.role === 'blockClose') return { indent: 2 * (blocks - 1), blank: false };
    // Only a comment puts a block's `{` on a line of its own: it lines up with its `}`.
    if (t.role === 'blockOpen') return { indent: 2 * blocks, blank: false };
    const f = top();
    if (!f) return { indent: 2 * blocks + 2, blank: false };
    if (closesTop(t)) return { indent: f.opener, blank: false };
    return { indent: f.opener + (elementStart ? 2 : 4), blank: f.block && elementStart };
  }

  /** A line the structure requires before `t` (not one the author chose). */
  function required(t: Piece): boolean {
    if (t.role === 'decl' || t.role === 'item' || t.role === 'blockClose') return true;
    const f = top();
    return f?.block === true && (closesTop(t) || prev?.set?.block === true);
  }

  function glued(t: Piece): boolean {
    return GLUED_LEFT.has(t.type) || t.role === 'glueLeft' || t.synthetic === true || prev?.type === 'Dot' || prev?.role === 'unaryMinus';
  }

  function spaced(t: Piece): boolean {
    if (!prev) return false;
    if (GLUED_LEFT.has(t.type) && t.type !== 'LCurly') return false;
    if (t.role === 'glueLeft' || t.synthetic) return false;
    if (NO_SPACE_AFTER.has(prev.type) || prev.role === 'unaryMinus') return false;
    if (prev.set !== undefined) return false; // `{2, 3}`
    if (t.type === 'RCurly' && t.role !== 'blockClose') return false;
    return true;
  }

  function newLine(indent: number, blank: boolean): Line {
    const l: Line = { indent, code: '', blankBefore: blank && lines.length > 0 && !afterOpener };
    lines.push(l);
    return l;
  }

  function emitComment(c: Piece, next: Piece | undefined): void {
    const current = line();
    if (c.breaks === 0 && current && current.comment === undefined && current.code !== '') {
      current.comment = c.text;
      mustBreak = true;
      return;
    }
    let indent = 0;
    let blank = true;
    if (next) {
      const f = top();
      if (next.role === 'blockClose') indent = 2 * blocks;
      else if (f && closesTop(next)) {
        indent = f.opener + 2;
        blank = f.block;
      } else {
        const p = placeLine(next);
        indent = p.indent;
        blank = p.blank;
      }
    }
    const l = newLine(indent, blank && c.breaks >= 2);
    l.comment = c.text;
    mustBreak = true;
    afterOpener = false;
  }

  // The token after each comment, found in one pass from the end.
  const nextToken: (Piece | undefined)[] = new Array<Piece | undefined>(pieces.length);
  for (let i = pieces.length - 1, next: Piece | undefined; i >= 0; i--) {
    nextToken[i] = next;
    if (pieces[i]?.kind === 'token') next = pieces[i];
  }

  for (let i = 0; i < pieces.length; i++) {
    const t = pieces[i] as Piece;
    if (t.kind === 'comment') {
      emitComment(t, nextToken[i]);
      continue;
    }

    const current = line();
    const breakHere = !current || mustBreak || required(t) || (!glued(t) && t.breaks > 0);
    if (breakHere) {
      const p = placeLine(t);
      const l = newLine(p.indent, p.blank && t.breaks >= 2);
      l.code = t.text;
    } else if (current) {
      current.code += (spaced(t) ? ' ' : '') + t.text;
    }
    mustBreak = false;
    afterOpener = false;

    // What this token opens or closes.
    if (t.role === 'blockOpen') {
      blocks++;
      saved.push(frames);
      frames = [];
      afterOpener = true;
      elementStart = false;
    } else if (t.role === 'blockClose') {
      blocks = Math.max(0, blocks - 1);
      frames = saved.pop() ?? [];
      elementStart = false;
    } else if (OPENERS[t.type] !== undefined) {
      frames.push({ closer: OPENERS[t.type] as string, opener: line()?.indent ?? 0, block: t.set?.block === true });
      elementStart = true;
      if (t.set?.block) afterOpener = true;
    } else if (closesTop(t)) {
      frames.pop();
      elementStart = false;
    } else {
      elementStart = t.type === 'Comma' && frames.length > 0;
    }
    prev = t;
  }
  return render(lines);
}

/** Lines to text; consecutive trailing comments line up two columns after the longest code. */
function render(lines: readonly Line[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const l = lines[i] as Line;
    if (l.comment === undefined || l.code === '') {
      if (l.blankBefore) out.push('');
      out.push(' '.repeat(l.indent) + l.code + (l.comment ?? ''));
      i++;
      continue;
    }
    let j = i;
    let column = 0;
    while (j < lines.length) {
      const m = lines[j] as Line;
      if (m.comment === undefined || m.code === '' || (j > i && m.blankBefore)) break;
      column = Math.max(column, m.indent + textWidth(m.code) + 2);
      j++;
    }
    for (let k = i; k < j; k++) {
      const m = lines[k] as Line;
      if (m.blankBefore) out.push('');
      const used = m.indent + textWidth(m.code);
      out.push(' '.repeat(m.indent) + m.code + ' '.repeat(column - used) + (m.comment ?? ''));
    }
    i = j;
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
