import { policyLexer } from '@policy/dsl';
import type { SemanticTokensLegend } from 'vscode-languageserver-types';
import type { LineIndex } from './line-index.js';
import type { NameIndex } from './name-index.js';

/**
 * Semantic tokens: the lexer's tokens, with each name classified by what it resolves to
 * (a parameter, a table, a let, a claim field, a layer, an enumerated value …).
 */
export const TOKEN_TYPES = ['keyword', 'comment', 'string', 'number', 'operator', 'variable', 'parameter', 'property', 'enumMember', 'function', 'type', 'namespace'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly', 'defaultLibrary'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = (t: TokenType): number => TOKEN_TYPES.indexOf(t);
const DECLARATION = 1;
const READONLY = 2;
const LIBRARY = 4;

type IToken = ReturnType<ReturnType<typeof policyLexer>['tokenize']>['tokens'][number];

const PUNCTUATION = new Set(['LCurly', 'RCurly', 'LParen', 'RParen', 'LBracket', 'RBracket', 'Comma', 'Colon', 'Dot']);
const NUMBERS = new Set(['DateLit', 'MoneyLit', 'PercentLit', 'PointsLit', 'DaysLit', 'NumberLit']);

function nameClass(index: NameIndex, key: string): [number, number] | undefined {
  const kind = key.slice(0, key.indexOf(':'));
  switch (kind) {
    case 'g': {
      const k = index.defs.get(key)?.[0]?.kind;
      if (k === 'param') return [T('parameter'), READONLY];
      if (k === 'table' || k === 'set' || k === 'bands') return [T('type'), READONLY];
      return [T('variable'), 0];
    }
    case 'l':
      return [T('variable'), 0];
    case 'r':
    case 'm':
      return [T('function'), 0];
    case 'f':
      return [T('property'), LIBRARY];
    case 'e':
      return [T('enumMember'), LIBRARY];
    case 'y':
      return [T('namespace'), LIBRARY];
    case 's':
      return [T('variable'), LIBRARY | READONLY];
    case 'fn':
      return [T('function'), LIBRARY];
    default:
      return undefined;
  }
}

export function semanticTokens(file: string, text: string, lines: LineIndex, index: NameIndex | undefined): number[] {
  const lexed = policyLexer().tokenize(text);
  const tokens: IToken[] = [...lexed.tokens, ...(lexed.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens) {
    const name = t.tokenType.name;
    let cls: [number, number] | undefined;
    if (name === 'Comment') cls = [T('comment'), 0];
    else if (name === 'StringLit') cls = [T('string'), 0];
    else if (NUMBERS.has(name)) cls = [T('number'), 0];
    else if (name.startsWith('Kw_')) cls = [T('keyword'), 0];
    else if (name === 'Identifier') {
      const occ = index?.at(file, t.startOffset);
      cls = occ && occ.span.start === t.startOffset ? nameClass(index as NameIndex, occ.key) : undefined;
      if (cls && occ?.isDef) cls = [cls[0], cls[1] | DECLARATION];
    } else if (!PUNCTUATION.has(name)) cls = [T('operator'), 0];
    if (!cls) continue;
    const p = lines.position(t.startOffset);
    const length = t.image.length;
    if (length === 0 || t.image.includes('\n')) continue;
    data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, length, cls[0], cls[1]);
    prevLine = p.line;
    prevChar = p.character;
  }
  return data;
}
