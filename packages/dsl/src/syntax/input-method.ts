import type { IToken } from 'chevrotain';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import { MoneyLit } from './tokens.js';

/**
 * What a Chinese input method types where the language means ASCII (docs/language.md, "Typed
 * with a Chinese input method"). The full-width colon, brackets, comma and quotes lex as their
 * half-width tokens (tokens.ts) and are reported here, one E004 per character with the
 * half-width one as the suggestion (the editor's quick fix); `fmt` does not rewrite them, since
 * a file with an error is not formatted. Inside a string or a comment nothing is touched: those
 * are whole tokens. `5,000元` (or `5，000元`) is read as the amount 5000元 and reported (E005).
 */
const FULL_WIDTH: Readonly<Record<string, string>> = { '：': ':', '（': '(', '）': ')', '，': ',' };

function span(file: string, first: IToken, last: IToken = first): { file: string; start: number; end: number } {
  return { file, start: first.startOffset, end: (last.endOffset ?? last.startOffset) + 1 };
}

const adjacent = (a: IToken, b: IToken): boolean => (a.endOffset ?? a.startOffset) + 1 === b.startOffset;

/**
 * A thousands-separated amount starting at `tokens[i]`: `5` `,` `000元`, or `1` `,` `000` `,`
 * `000元`, written without spaces; the groups after the first have three digits. Gives the
 * index of the amount's last token.
 */
function thousandsEnd(tokens: readonly IToken[], i: number): number | undefined {
  const first = tokens[i] as IToken;
  if (first.tokenType.name !== 'NumberLit' || !/^\d{1,3}$/.test(first.image)) return undefined;
  let j = i;
  for (;;) {
    const comma = tokens[j + 1];
    const group = tokens[j + 2];
    if (!comma || !group || comma.tokenType.name !== 'Comma' || !adjacent(tokens[j] as IToken, comma) || !adjacent(comma, group)) return undefined;
    if (group.tokenType.name === 'MoneyLit' && /^\d{3}(?:\.\d+)?(?:万元|元)$/.test(group.image)) return j + 2;
    if (group.tokenType.name !== 'NumberLit' || !/^\d{3}$/.test(group.image)) return undefined;
    j += 2;
  }
}

export function inputMethodTokens(file: string, tokens: readonly IToken[]): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const out: IToken[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as IToken;
    const end = thousandsEnd(tokens, i);
    if (end !== undefined) {
      const last = tokens[end] as IToken;
      const parts = tokens.slice(i, end + 1);
      const written = parts.map((p) => p.image).join('');
      const fixed = parts.filter((p) => p.tokenType.name !== 'Comma').map((p) => p.image).join('');
      diagnostics.push(error('E005', span(file, tok, last), ref('lex.thousands', { written, fixed }), { suggestion: fixed }));
      out.push({ ...tok, image: fixed, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn, tokenType: MoneyLit, tokenTypeIdx: MoneyLit.tokenTypeIdx as number });
      i = end;
      continue;
    }
    const ascii = FULL_WIDTH[tok.image];
    if (ascii !== undefined) {
      diagnostics.push(error('E004', span(file, tok), ref('lex.fullwidth', { found: `'${tok.image}'`, ascii: `'${ascii}'` }), { suggestion: ascii }));
    } else if (tok.tokenType.name === 'StringLit' && tok.image.startsWith('“')) {
      const fixed = JSON.stringify(tok.image.slice(1, -1));
      diagnostics.push(error('E004', span(file, tok), ref('lex.fullwidth-quote', { found: "'“'", close: "'”'" }), { suggestion: fixed }));
    }
    out.push(tok);
  }
  return { tokens: out, diagnostics };
}

/** A lexical error's characters, each `；` reported apart (E004) from the runs of the others (E001). */
export function splitLexError(text: string, offset: number, length: number): { start: number; end: number; semicolon: boolean }[] {
  const out: { start: number; end: number; semicolon: boolean }[] = [];
  let runStart = offset;
  for (let k = offset; k < offset + length; k++) {
    if (text[k] !== '；') continue;
    if (k > runStart) out.push({ start: runStart, end: k, semicolon: false });
    out.push({ start: k, end: k + 1, semicolon: true });
    runStart = k + 1;
  }
  if (runStart < offset + length) out.push({ start: runStart, end: offset + length, semicolon: false });
  return out;
}
