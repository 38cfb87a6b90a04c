import { describe, expect, it } from 'vitest';
import { PolicyParser, policyParser } from './parser.js';
import { parsePolicyFile } from './parse.js';
import { buildLexer, policyLexer } from './tokens.js';
import type * as A from './ast.js';

const header = 'policy t { title "t" version 2018-01-01 layers basic, patient }\n';

function tokens(text: string): string[] {
  return policyLexer().tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('grammar', () => {
  it('passes Chevrotain self-analysis with no definition errors', () => {
    // The grammar's validations are skipped at run time (parser.ts), so this is where a definition
    // error (ambiguity, left recursion) is found: constructing a validated parser throws on one.
    // The commands skip the validations (policyParser()); a validated parser must find nothing.
    const validated = new PolicyParser({ validate: true });
    expect((validated as unknown as { definitionErrors: unknown[] }).definitionErrors).toEqual([]);
    expect(() => buildLexer(true)).not.toThrow();
    // The fast parser parses what the validated one does, to the same tree.
    const text = `${header}rule r cites "X" when visit == 住院 { basic = 90% of total }\n`;
    const lexed = policyLexer().tokenize(text).tokens;
    validated.input = lexed;
    const a = validated.file();
    const fast = policyParser();
    fast.input = lexed;
    expect(JSON.stringify(fast.file())).toBe(JSON.stringify(a));
  });
});

describe('lexer', () => {
  it('keeps units in number tokens', () => {
    expect(tokens('7500元 1万元 0.3万元 90% 5pp 5个百分点 3日 15天 2018-10-01 42')).toEqual([
      'MoneyLit:7500元',
      'MoneyLit:1万元',
      'MoneyLit:0.3万元',
      'PercentLit:90%',
      'PointsLit:5pp',
      'PointsLit:5个百分点',
      'DaysLit:3日',
      'DaysLit:15天',
      'DateLit:2018-10-01',
      'NumberLit:42',
    ]);
  });

  it('reads Chinese identifiers, Roman numerals and keywords that prefix names', () => {
    expect(tokens('门诊慢特病Ⅰ类 person per notes note not')).toEqual([
      'Identifier:门诊慢特病Ⅰ类',
      'Kw_person:person',
      'Kw_per:per',
      'Identifier:notes',
      'Kw_note:note',
      'Kw_not:not',
    ]);
  });

  it('accepts the Unicode operators analysts type', () => {
    expect(tokens('a × b ÷ c − d ≤ e ≥ f ≠ g')).toEqual([
      'Identifier:a', 'Star:×', 'Identifier:b', 'Slash:÷', 'Identifier:c', 'Minus:−', 'Identifier:d',
      'LtEq:≤', 'Identifier:e', 'GtEq:≥', 'Identifier:f', 'NotEq:≠', 'Identifier:g',
    ]);
  });
});

describe('AST', () => {
  it('converts literals to exact values in the computing unit', () => {
    const { ast, diagnostics } = parsePolicyFile('t.policy', `${header}param a = 0.3万元 param b = 90% param c = 5个百分点 param d = 12.5元`);
    expect(diagnostics).toEqual([]);
    const values = ast.declarations
      .filter((d): d is A.ParamDecl => d.kind === 'param')
      .map((d) => (d.value as A.NumericLiteral).value);
    expect(values).toEqual(['3000', '0.9', '0.05', '12.5']);
  });

  it('gives every node the span of its source text, Chinese included', () => {
    const text = `${header}rule 大病 cites "X" when 贫困 and level >= 2 { basic = 90% of 本次自付 }`;
    const { ast } = parsePolicyFile('t.policy', text);
    const rule = ast.declarations.find((d): d is A.RuleDecl => d.kind === 'rule');
    expect(rule).toBeDefined();
    const r = rule as A.RuleDecl;
    expect(text.slice(r.name.span.start, r.name.span.end)).toBe('大病');
    expect(text.slice((r.when as A.Expr).span.start, (r.when as A.Expr).span.end)).toBe('贫困 and level >= 2');
    const assign = r.body[0] as A.AssignStmt;
    expect(text.slice(assign.value.span.start, assign.value.span.end)).toBe('90% of 本次自付');
    const bin = assign.value as A.BinaryExpr;
    expect(bin.op).toBe('of');
    expect(text.slice(bin.opSpan.start, bin.opSpan.end)).toBe('of');
  });

  it('gives a parenthesised expression the span of its parentheses', () => {
    const text = `${header}let x = (a or b) and c`;
    const { ast } = parsePolicyFile('t.policy', text);
    const let_ = ast.declarations.find((d): d is A.LetDecl => d.kind === 'let') as A.LetDecl;
    expect(text.slice(let_.value.span.start, let_.value.span.end)).toBe('(a or b) and c');
    const left = (let_.value as A.BinaryExpr).left;
    expect(text.slice(left.span.start, left.span.end)).toBe('(a or b)');
  });

  it('binds operators by precedence: × before +, comparison before and, ?? below arithmetic', () => {
    const { ast } = parsePolicyFile('t.policy', `${header}let x = a + b × c > d and e ?? f + 1元 == g`);
    const let_ = ast.declarations.find((d): d is A.LetDecl => d.kind === 'let') as A.LetDecl;
    const show = (e: A.Expr): string =>
      e.kind === 'binary' ? `(${show(e.left)} ${e.op} ${show(e.right)})` : e.kind === 'name' ? e.name : e.kind === 'numeric' ? e.raw : e.kind;
    expect(show(let_.value)).toBe('(((a + (b * c)) > d) and ((e ?? (f + 1元)) == g))');
  });
});

describe('error recovery', () => {
  it('reports every syntax error of a file, each at a real position', () => {
    const text = `${header}param a = \nrule r cites "X" { basic = (total }\nlet ok = 1元\nrule s cites "X" when { basic = 1元 }\n`;
    const { diagnostics, ast } = parsePolicyFile('t.policy', text);
    const lines = diagnostics.map((d) => text.slice(0, d.span.start).split('\n').length);
    expect(diagnostics.every((d) => d.code === 'E002')).toBe(true);
    // the incomplete param is reported at the next token (line 3, also home of the open paren)
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(new Set(lines)).toEqual(new Set([3, 5]));
    // declarations around the errors still parse
    expect(ast.declarations.some((d) => d.kind === 'let' && d.name.name === 'ok')).toBe(true);
  });

  it('points an error at the end of the file at the last real token, not at a recovery token', () => {
    const text = `${header}rule r cites "X" { basic = 1元`;
    const { diagnostics } = parsePolicyFile('t.policy', text);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(Number.isFinite(d.span.start)).toBe(true);
      expect(d.span.start).toBeLessThanOrEqual(text.length);
    }
  });
});
