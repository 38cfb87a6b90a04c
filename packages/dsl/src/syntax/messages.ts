import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { ref, renderMessage, type MessageId, type MessageParam, type MessageRef } from '../messages/index.js';

/**
 * Short, plain syntax messages ("expected '}', found '='") instead of Chevrotain's defaults.
 * Chevrotain wants a string; the provider returns the English and remembers the table entry it
 * was rendered from, so that parse.ts can attach it to the E002 (syntaxMessageRef).
 */

/** Tokens whose label is words rather than a quoted keyword or punctuation (tokens.ts): table messages. */
const WORD_LABELS: Readonly<Record<string, MessageId>> = {
  Identifier: 'syntax.token.name',
  StringLit: 'syntax.token.string',
  DateLit: 'syntax.token.date',
  MoneyLit: 'syntax.token.money',
  PercentLit: 'syntax.token.percent',
  PointsLit: 'syntax.token.points',
  DaysLit: 'syntax.token.days',
  NumberLit: 'syntax.token.number',
};

/** A token's label in the messages: its words as a message, or the quoted keyword or punctuation. */
function label(t: TokenType): MessageParam {
  const id = WORD_LABELS[t.name];
  return id !== undefined ? { id, params: {} } : (t.LABEL ?? t.name);
}

/** `a, b, c` as one message (`、` between the items in Chinese). */
function list(items: readonly MessageParam[]): MessageParam {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  return rest.length === 0 ? first : ref('syntax.list', { first, rest: list(rest) });
}

/** What the parser found: a quoted token, the end of the file, or nothing (no token at all). */
type Found = { readonly suffix: ''; readonly found: string } | { readonly suffix: '.eof' } | { readonly suffix: '.nothing' };

function found(t: IToken | undefined): Found {
  if (t === undefined) return { suffix: '.nothing' };
  if (t.tokenType === EOF) return { suffix: '.eof' };
  const image = t.image.length > 24 ? `${t.image.slice(0, 24)}…` : t.image;
  return { suffix: '', found: `'${image}'` };
}

function firstTokens(paths: TokenType[][][]): MessageParam {
  // One entry per label text, in the order first seen.
  const seen = new Map<string, MessageParam>();
  for (const alt of paths) {
    for (const path of alt) {
      const first = path[0];
      if (first && !seen.has(first.LABEL ?? first.name)) seen.set(first.LABEL ?? first.name, label(first));
    }
  }
  const labels = [...seen.values()];
  return labels.length > 8 ? ref('syntax.list.more', { list: list(labels.slice(0, 8)) }) : list(labels);
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
function message(base: TokenOnly | WithNothing, f: Found, params: Record<string, MessageParam>): string {
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
