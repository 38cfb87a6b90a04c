import { ref, type MessageRef } from '../messages/index.js';

/**
 * Punctuation typed by a Chinese input method where the language means the half-width
 * character (docs/language.md "Typed with a Chinese input method"). Outside strings and
 * comments each is read as what it stands for — so the rest of the file still parses and every
 * later diagnostic is real — and reported as E004 with the fix; `policy fmt` writes the fix.
 * Inside a string or a comment (the documents' own words: 「」, “”, ：) nothing is touched.
 * Every replacement is one UTF-16 unit for one, so offsets and columns do not move.
 */

export interface InputMethodMark {
  /** UTF-16 offset of the character in the text. */
  readonly offset: number;
  readonly ch: string;
  /** What to write instead: the half-width character, or '' to remove it. */
  readonly fix: string;
}

/** Full-width punctuation → the half-width character meant ('' : the language has none, remove it). */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  '：': ':',
  '（': '(',
  '）': ')',
  '，': ',',
  '；': '',
  '“': '"',
  '”': '"',
  '％': '%',
  '【': '[',
  '】': ']',
  '｛': '{',
  '｝': '}',
  '＝': '=',
  '＋': '+',
  '－': '-',
  '＜': '<',
  '＞': '>',
  '．': '.',
  '　': ' ',
  '０': '0',
  '１': '1',
  '２': '2',
  '３': '3',
  '４': '4',
  '５': '5',
  '６': '6',
  '７': '7',
  '８': '8',
  '９': '9',
};

/** The text as the lexer reads it, and each full-width character read as its half-width one. */
export function normaliseInputMethod(text: string): { readonly text: string; readonly marks: readonly InputMethodMark[] } {
  const marks: InputMethodMark[] = [];
  /** '' outside a string; '"' or '“' inside one opened by it. */
  let inString = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString !== '') {
      if (ch === '\\') {
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') inString = '';
      else if (ch === '"' || (inString === '“' && ch === '”')) {
        if (ch === '”') marks.push({ offset: i, ch, fix: '"' });
        inString = '';
      }
      continue;
    }
    if (ch === '#') {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      continue;
    }
    if (ch === '"') {
      inString = '"';
      continue;
    }
    const fix = FULL_WIDTH[ch];
    if (fix === undefined) continue;
    marks.push({ offset: i, ch, fix });
    if (ch === '“') inString = '“';
  }
  return { text: marks.length === 0 ? text : rebuild(text, marks), marks };
}

/** The text with each mark's character replaced (a removed one by a space), by UTF-16 offset. */
function rebuild(text: string, marks: readonly InputMethodMark[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const m of marks) {
    parts.push(text.slice(at, m.offset), m.fix === '' ? ' ' : m.fix);
    at = m.offset + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The message of E004 for one character (the table's, packages/dsl/src/messages). */
export function inputMethodMessage(m: InputMethodMark): MessageRef {
  if (m.fix === '') return ref('lex.fullwidth-remove', { ch: m.ch });
  if (m.fix === ' ') return ref('lex.fullwidth-space');
  return ref('lex.fullwidth', { ch: m.ch, fix: m.fix });
}
