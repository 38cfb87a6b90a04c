import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

/** Short, plain syntax messages ("expected '}', found '='") instead of Chevrotain's defaults. */

function label(t: TokenType): string {
  return t.LABEL ?? t.name;
}

function found(t: IToken): string {
  if (t.tokenType === EOF) return 'the end of the file';
  const image = t.image.length > 24 ? `${t.image.slice(0, 24)}…` : t.image;
  return `'${image}'`;
}

function firstTokens(paths: TokenType[][][]): string {
  const seen = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0]) seen.add(label(path[0]));
  const list = [...seen];
  return list.length > 8 ? `${list.slice(0, 8).join(', ')}, …` : list.join(', ');
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    if (expected === EOF) return `unexpected ${found(actual)}: a declaration was expected`;
    return `expected ${label(expected)}, found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${found(firstRedundant)}: a declaration (policy, clause, param, table, set, let, accumulator, rule) was expected`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const what = ruleName === 'declaration' ? 'a declaration' : ruleName === 'statement' ? 'a statement' : 'one of';
    const first = actual[0];
    return `expected ${what}${what === 'one of' ? ' ' : ' ('}${firstTokens(expectedPathsPerAlt)}${what === 'one of' ? '' : ')'}, found ${first ? found(first) : 'nothing'}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const first = actual[0];
    return `expected at least one of ${firstTokens([expectedIterationPaths])}, found ${first ? found(first) : 'nothing'}`;
  },
};
