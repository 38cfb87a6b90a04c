import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../source.js';
import { parsePolicyFile } from '../syntax/parse.js';
import { parseTokens } from '../syntax/parser.js';
import { normaliseInputMethod } from '../syntax/input-method.js';
import { policyLexer } from '../syntax/tokens.js';
import { astShape, sameShape } from './ast-shape.js';
import { readPieces } from './pieces.js';
import { printPieces } from './printer.js';
import { readRoles } from './roles.js';

/** Diagnostics that mean the file cannot be read as a whole: it is not formatted. */
/** What fmt refuses to rewrite: text that does not lex or parse, and amounts with thousands separators (an analyst confirms those). */
const UNREADABLE = new Set(['E001', 'E002', 'E003', 'E005']);

export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  /** The file does not parse: its lexical and syntax errors, with the source to render them. */
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly source: SourceFile };

/** Formatting would have changed what the file means or dropped a comment: a bug, never written. */
export class FormatterError extends Error {
  constructor(path: string, what: string) {
    super(`formatting ${path} would change ${what}; the file is left as it is`);
    this.name = 'FormatterError';
  }
}

function commentTexts(comments: readonly { image: string }[]): string[] {
  return comments.map((c) => c.image.trimEnd()).sort();
}

/**
 * `policy fmt` for one file: source text → the canonical layout (see printer.ts and
 * docs/language.md "Layout"). A file that does not lex or parse is refused with its
 * diagnostics. The result is checked before it is returned: it must parse to the same AST
 * (spans aside) with the same comments, or FormatterError is thrown.
 */
export function formatPolicySource(path: string, text: string): FormatResult {
  const parsed = parsePolicyFile(path, text);
  const unreadable = parsed.diagnostics.filter((d) => UNREADABLE.has(d.code));
  if (unreadable.length > 0) return { ok: false, diagnostics: unreadable, source: parsed.source };

  // Full-width punctuation of an input method (E004) is written half-width: the layout is read
  // from the text as the lexer reads it.
  const normal = normaliseInputMethod(text).text;
  const lexed = policyLexer().tokenize(normal);
  const comments = lexed.groups['comments'] ?? [];
  const { cst } = parseTokens(lexed.tokens);
  const pieces = readPieces(normal, lexed.tokens, comments, readRoles(cst));
  const formatted = printPieces(pieces);

  const again = parsePolicyFile(path, formatted);
  if (again.diagnostics.some((d) => UNREADABLE.has(d.code))) throw new FormatterError(path, 'it into one that does not parse');
  if (!sameShape(astShape(parsed.ast), astShape(again.ast))) throw new FormatterError(path, 'its meaning');
  if (commentTexts(parsed.comments).join('\n') !== commentTexts(again.comments).join('\n')) {
    throw new FormatterError(path, 'its comments');
  }
  return { ok: true, text: formatted, changed: formatted !== text };
}
