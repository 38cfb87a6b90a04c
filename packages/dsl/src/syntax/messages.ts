import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { ref, renderMessage, type MessageId, type MessageRef } from '../messages/index.js';

/**
 * Short, plain syntax messages ("expected '}', found '='") instead of Chevrotain's defaults.
 * Chevrotain wants a string; the provider returns the English and remembers the table entry it
 * was rendered from, so that parse.ts can attach it to the E002 (syntaxMessageRef).
 */

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}

/** What the parser found: a quoted token, the end of the file, or nothing (no token at all). */
type Found = { readonly suffix: ''; readonly found: string } | { readonly suffix: '.eof' } | { readonly suffix: '.nothing' };

function found(t: IToken | undefined): Found {
  if (t === undefined) return { suffix: '.nothing' };
  if (t.tokenType === EOF) return { suffix: '.eof' };
  const image = t.image.length > 24 ? `${t.image.slice(0, 24)}…` : t.image;
  return { suffix: '', found: `'${image}'` };
}

function firstTokens(paths: TokenType[][][]): string {
  const seen = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) seen.add(label(path[0]));
  const list = [...seen];
  return list.length > 8 ? `${list.slice(0, 8).join(', ')}, …` : list.join(', ');
}

/**
 * The messages the provider built during the current parse, by their English text. parse.ts
 * clears it before each parse; other callers of the parser (policy fmt) do not read it, so it is
 * also bounded here.
 */
const built = new Map<string, MessageRef>();
const MAX_BUILT = 5000;

type TokenOnly = 'syntax.declaration-expected' | 'syntax.not-all-parsed' | 'syntax.expected';
type WithNothing = 'syntax.expected-declaration' | 'syntax.expected-statement' | 'syntax.expected-one-of' | 'syntax.expected-at-least';

/** The table entry for `base` and what was found (the template literal types check every id exists). */
function message(base: TokenOnly | WithNothing, f: Found, params: Record<string, string>): string {
  let id: MessageId;
  // Only the provider's list messages can find nothing (their `actual` is a possibly empty array).
  if (f.suffix === '.nothing') {
    const withNothing: WithNothing = base as WithNothing;
    id = `${withNothing}.nothing`;
  } else {
    id = `${base}${f.suffix}`;
  }
  const r: MessageRef = { id, params: f.suffix === '' ? { ...params, found: f.found } : params };
  const english = renderMessage(r, 'en');
  if (built.size >= MAX_BUILT) built.clear();
  built.set(english, r);
  return english;
}

/** Forgets the messages of an earlier parse (parse.ts calls it before each parse). */
export function forgetSyntaxMessages(): void {
  built.clear();
}

/** The table entry of a message the provider returned; Chevrotain's own text as `syntax.other`. */
export function syntaxMessageRef(english: string): MessageRef {
  return built.get(english) ?? ref('syntax.other', { message: english });
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === EOF) return message('syntax.declaration-expected', found(actual), {});
    return message('syntax.expected', found(actual), { expected: label(expected) });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return message('syntax.not-all-parsed', found(firstRedundant), {});
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const base = ruleName === 'declaration' ? 'syntax.expected-declaration' : ruleName === 'statement' ? 'syntax.expected-statement' : 'syntax.expected-one-of';
    return message(base, found(actual[0]), { list: firstTokens(expectedPathsPerAlt) });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    return message('syntax.expected-at-least', found(actual[0]), { list: firstTokens([expectedIterationPaths]) });
  },
};
