import type { IToken } from 'chevrotain';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceFile, type Span } from '../source.js';
import type { PolicyFileAst } from './ast.js';
import { CstToAst } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { policyLexer } from './tokens.js';
import { inputMethodTokens, splitLexError } from './input-method.js';
import { ref } from '../messages/index.js';

/** A policy file larger than this is refused before lexing (E003). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Brackets nested deeper than this are refused before parsing (E003). */
export const MAX_BRACKET_DEPTH = 64;
/** At most this many lexical and syntax errors are listed per file; the rest are counted. */
export const MAX_SYNTAX_ERRORS = 50;

export interface ParsedFile {
  readonly source: SourceFile;
  readonly ast: PolicyFileAst;
  readonly diagnostics: readonly Diagnostic[];
  /** `#` comments, kept for tools that rewrite files. */
  readonly comments: readonly IToken[];
}

function tokenSpan(file: string, t: IToken): Span | undefined {
  if (!Number.isFinite(t.startOffset)) return undefined;
  return { file, start: t.startOffset, end: t.startOffset + Math.max(1, t.image.length) };
}

/** Finds the first bracket nested deeper than the limit, without recursion. */
function tooDeep(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    if (name === 'LParen' || name === 'LBracket' || name === 'LCurly') {
      depth++;
      if (depth > MAX_BRACKET_DEPTH) return t;
    } else if (name === 'RParen' || name === 'RBracket' || name === 'RCurly') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * source → AST for one file: lex, parse with recovery, translate the CST. Never throws:
 * every problem becomes a diagnostic with a real position.
 */
export function parsePolicyFile(path: string, text: string): ParsedFile {
  const source = new SourceFile(path, text);
  const empty: PolicyFileAst = { path, declarations: [] };
  const diagnostics: Diagnostic[] = [];
  const whole: Span = { file: path, start: 0, end: Math.min(1, text.length) };

  if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    diagnostics.push(error('E003', whole, ref('read.too-large', { mib: MAX_FILE_BYTES / 1024 / 1024 })));
    return { source, ast: empty, diagnostics, comments: [] };
  }

  const lexed = policyLexer().tokenize(text);
  let syntaxErrors = 0;
  for (const e of lexed.errors) {
    if (syntaxErrors++ >= MAX_SYNTAX_ERRORS) break;
    for (const part of splitLexError(text, e.offset, e.length)) {
      const at = { file: path, start: part.start, end: part.end };
      if (part.semicolon) {
        diagnostics.push(error('E004', at, ref('lex.fullwidth-semicolon')));
        continue;
      }
      const ch = text.slice(part.start, part.end);
      const shown = JSON.stringify([...ch].slice(0, 12).join(''));
      const what = ch.startsWith('"') ? ref('lex.unterminated-string') : ref(part.end - part.start > 1 ? 'lex.unexpected-chars' : 'lex.unexpected-char', { shown });
      diagnostics.push(error('E001', at, what));
    }
  }
  const fixed = inputMethodTokens(path, lexed.tokens);
  diagnostics.push(...fixed.diagnostics);

  const deep = tooDeep(fixed.tokens);
  if (deep) {
    diagnostics.push(
      error('E003', tokenSpan(path, deep) ?? whole, ref('read.too-deep', { depth: MAX_BRACKET_DEPTH })),
    );
    return { source, ast: empty, diagnostics, comments: lexed.groups['comments'] ?? [] };
  }

  let ast: PolicyFileAst = empty;
  try {
    const parsed = parseTokens(fixed.tokens);
    for (const e of parsed.errors) {
      if (syntaxErrors++ >= MAX_SYNTAX_ERRORS) break;
      const previous = (e as unknown as { previousToken?: IToken }).previousToken;
      const at = tokenSpan(path, e.token) ?? (previous && tokenSpan(path, previous)) ?? source.endSpan();
      diagnostics.push(error('E002', at, e.message));
    }
    const translator = new CstToAst(path);
    ast = translator.file(parsed.cst);
    diagnostics.push(...translator.diagnostics);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push(error('E003', whole, ref('read.stack')));
  }
  if (syntaxErrors > MAX_SYNTAX_ERRORS) {
    diagnostics.push(
      error('E002', source.endSpan(), ref('read.more-errors', { count: syntaxErrors - MAX_SYNTAX_ERRORS })),
    );
  }
  return { source, ast, diagnostics, comments: lexed.groups['comments'] ?? [] };
}
