import type { IToken } from 'chevrotain';
import { ref, type MessageRef } from '../messages/index.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceFile, type Span } from '../source.js';
import type { PolicyFileAst } from './ast.js';
import { CstToAst } from './cst-to-ast.js';
import { parseTokens } from './parser.js';
import { inputMethodMessage, normaliseInputMethod } from './input-method.js';
import { policyLexer } from './tokens.js';
import { forgetSyntaxMessages, syntaxMessageRef } from './messages.js';

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

  // Full-width punctuation of a Chinese input method is read as meant, and reported (E004).
  const normal = normaliseInputMethod(text);
  for (const m of normal.marks) {
    diagnostics.push(error('E004', { file: path, start: m.offset, end: m.offset + 1 }, inputMethodMessage(m), { suggestion: m.fix }));
  }
  const lexed = policyLexer().tokenize(normal.text);
  const separators = mergeThousands(lexed.tokens, normal.text);
  for (const s of separators) diagnostics.push(error('E005', { file: path, start: s.start, end: s.end }, s.message, { suggestion: s.fix }));
  let syntaxErrors = 0;
  for (const e of lexed.errors) {
    if (syntaxErrors++ >= MAX_SYNTAX_ERRORS) break;
    const ch = normal.text.slice(e.offset, e.offset + e.length);
    const shown = JSON.stringify([...ch].slice(0, 12).join(''));
    const what = ch.startsWith('"') ? ref('lex.unterminated-string') : ref(e.length > 1 ? 'lex.unexpected-chars' : 'lex.unexpected-char', { shown });
    diagnostics.push(error('E001', { file: path, start: e.offset, end: e.offset + e.length }, what));
  }

  const deep = tooDeep(lexed.tokens);
  if (deep) {
    diagnostics.push(
      error('E003', tokenSpan(path, deep) ?? whole, ref('read.too-deep', { depth: MAX_BRACKET_DEPTH })),
    );
    return { source, ast: empty, diagnostics, comments: lexed.groups['comments'] ?? [] };
  }

  let ast: PolicyFileAst = empty;
  try {
    forgetSyntaxMessages();
    const parsed = parseTokens(lexed.tokens);
    for (const e of parsed.errors) {
      if (syntaxErrors++ >= MAX_SYNTAX_ERRORS) break;
      const previous = (e as unknown as { previousToken?: IToken }).previousToken;
      const at = tokenSpan(path, e.token) ?? (previous && tokenSpan(path, previous)) ?? source.endSpan();
      diagnostics.push(error('E002', at, syntaxMessageRef(e.message)));
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

const DIGITS = /^\d+$/;
const GROUP = /^\d{3}(?!\d)/;

/**
 * Thousands separators in an amount (`5,000元`, `1,234,567.50元`): a number, a comma and three
 * digits, nothing between them. Each is reported (E005, with the amount written without them)
 * and its tokens are merged into the one amount it stands for, so the parse goes on as meant.
 */
function mergeThousands(tokens: IToken[], text: string): { start: number; end: number; message: MessageRef; fix: string }[] {
  const found: { start: number; end: number; message: MessageRef; fix: string }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const first = tokens[i] as IToken;
    if (first.tokenType.name !== 'NumberLit' || !DIGITS.test(first.image) || first.image.length > 3) continue;
    let j = i;
    let image = first.image;
    for (;;) {
      const comma = tokens[j + 1];
      const next = tokens[j + 2];
      const end = (tokens[j] as IToken).endOffset ?? (tokens[j] as IToken).startOffset;
      if (!comma || !next || comma.tokenType.name !== 'Comma' || comma.startOffset !== end + 1 || next.startOffset !== comma.startOffset + 1 || !GROUP.test(next.image)) break;
      image += next.image;
      j += 2;
      if (next.tokenType.name !== 'NumberLit' || next.image.length !== 3) break;
    }
    if (j === i) continue;
    const last = tokens[j] as IToken;
    const start = first.startOffset;
    const stop = (last.endOffset ?? last.startOffset) + 1;
    const written = text.slice(start, stop);
    found.push({ start, end: stop, message: ref('lex.thousands', { written, fixed: image }), fix: image });
    tokens.splice(i, j - i + 1, { ...last, image, startOffset: start, startLine: first.startLine, startColumn: first.startColumn } as IToken);
  }
  return found;
}
