import fc from 'fast-check';

/**
 * Random but syntactically valid `.policy` source for the formatter's properties: every
 * declaration, statement and expression form of the grammar (parser.ts), operators in all
 * their spellings, then laid out at random — spaces, tabs, ideographic spaces, line breaks,
 * blank lines, CRLF, own-line and trailing comments between any two tokens. Names need not
 * resolve: the properties are about syntax and layout, not checking.
 */

type Tokens = readonly string[];

const NAMES = ['a', 'b', 'x1', 'rate_2', '基数', '住院起付线', '门诊慢特病Ⅰ类', '大病保险分段', '贫困人口', 'inCatalog', 'level', 'disease'];
const name = fc.constantFrom(...NAMES);
const str = fc.constantFrom('"ANYI-4b"', '"D10"', '"食道癌"', '"a \\"quoted\\" word"', '""', '"100% # not a comment"', '"两升两降: 50%"');
const date = fc.constantFrom('2018-01-01', '2024-08-14', '2024-09-01');
const literal = fc.constantFrom(
  '7500元', '1万元', '0.3万元', '0元', '90%', '12.5%', '5pp', '5个百分点', '3日', '15天', '42', '2.5', '2018-10-01', '"甲"', 'true', 'false',
);

// ------------------------------------------------------------------ expressions

type Expr =
  | { readonly k: 'leaf'; readonly t: Tokens }
  | { readonly k: 'neg' | 'not'; readonly e: Expr }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'if'; readonly c: Expr; readonly t: Expr; readonly e: Expr }
  | { readonly k: 'call'; readonly f: string; readonly args: readonly Expr[] }
  | { readonly k: 'index'; readonly f: string; readonly key: Expr; readonly unadjusted: boolean }
  | { readonly k: 'set'; readonly elements: readonly Expr[]; readonly commas: readonly string[] }
  | { readonly k: 'paren'; readonly e: Expr };

/** Binding levels, loosest first (parser.ts): if, or, and, not, comparison, limit, ??, + -, × ÷ of, unary -. */
const LEVEL: Readonly<Record<string, number>> = {
  or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '<=': 4, '>': 4, '>=': 4, in: 4, 'not in': 4,
  above: 5, 'capped at': 5, '??': 6, '+': 7, '-': 7, '×': 8, '÷': 8, of: 8,
};
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  '×': ['×', '*'], '÷': ['÷', '/'], '-': ['-', '−'], '!=': ['!=', '≠'], '<=': ['<=', '≤'], '>=': ['>=', '≥'],
};
const COMPARISON = 4;

function level(e: Expr): number {
  switch (e.k) {
    case 'if':
      return 0;
    case 'not':
      return 3;
    case 'bin':
      return LEVEL[e.op] ?? 10;
    case 'neg':
      return 9;
    default:
      return 10;
  }
}

function opTokens(op: string, spelling: number): Tokens {
  const forms = SPELLINGS[op];
  if (forms) return [forms[spelling % forms.length] as string];
  return op.split(' ');
}

/** Prints with the parentheses the grammar needs (and the random ones the tree asks for). */
export function printExpr(e: Expr, min = 0, spelling = 0): Tokens {
  if (level(e) < min) return ['(', ...printExpr(e, 0, spelling), ')'];
  switch (e.k) {
    case 'leaf':
      return e.t;
    case 'paren':
      return ['(', ...printExpr(e.e, 0, spelling + 1), ')'];
    case 'neg':
      return ['-', ...printExpr(e.e, 9, spelling)];
    case 'not':
      return ['not', ...printExpr(e.e, 3, spelling)];
    case 'if':
      return ['if', ...printExpr(e.c, 0, spelling), 'then', ...printExpr(e.t, 0, spelling), 'else', ...printExpr(e.e, 0, spelling)];
    case 'call':
      return [e.f, '(', ...e.args.flatMap((a, i) => [...(i > 0 ? [','] : []), ...printExpr(a, 0, spelling + i)]), ')'];
    case 'index':
      return [...(e.unadjusted ? ['unadjusted'] : []), e.f, '[', ...printExpr(e.key, 0, spelling), ']'];
    case 'set':
      return ['{', ...e.elements.flatMap((x, i) => [...printExpr(x, 0, spelling + i), ...(e.commas[i] ? e.commas[i].split('') : [])]), '}'];
    case 'bin': {
      const l = LEVEL[e.op] as number;
      if (l === COMPARISON) return [...printExpr(e.l, l + 1, spelling), ...opTokens(e.op, spelling), ...printExpr(e.r, l + 1, spelling + 1)];
      return [...printExpr(e.l, l, spelling), ...opTokens(e.op, spelling), ...printExpr(e.r, l + 1, spelling + 1)];
    }
  }
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { weight: 3, arbitrary: literal.map((t): Expr => ({ k: 'leaf', t: [t] })) },
  { weight: 4, arbitrary: name.map((t): Expr => ({ k: 'leaf', t: [t] })) },
  fc.constantFrom('total', 'inCatalog', 'disease').map((f): Expr => ({ k: 'leaf', t: ['claim', '.', f] })),
  fc.constant<Expr>({ k: 'leaf', t: ['base'] }),
  name.map((f): Expr => ({ k: 'leaf', t: ['unadjusted', f] })),
);

/** `{ a, b }` with a doubled comma now and then, and a trailing one (both allowed). */
function setOf(element: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  return fc
    .tuple(fc.array(element, { maxLength: 4 }), fc.array(fc.constantFrom(',', ',', ',,'), { minLength: 4, maxLength: 4 }))
    .map(([elements, seps]): Expr => ({
      k: 'set',
      elements,
      commas: seps.map((c, i) => (i + 1 < elements.length ? c : i + 1 === elements.length && c === ',,' ? ',' : '')),
    }));
}

const tree = fc.letrec<{ e: Expr; set: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    fc.record({ k: fc.constant('neg' as const), e: tie('e') }),
    fc.record({ k: fc.constant('not' as const), e: tie('e') }),
    { weight: 4, arbitrary: fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom(...Object.keys(LEVEL)), l: tie('e'), r: tie('e') }) },
    fc.record({ k: fc.constant('if' as const), c: tie('e'), t: tie('e'), e: tie('e') }),
    fc.record({ k: fc.constant('call' as const), f: fc.constantFrom('min', 'max', 'round_fen', 'ends_with', '大病保险分段'), args: fc.array(tie('e'), { maxLength: 3 }) }),
    fc.record({ k: fc.constant('index' as const), f: name, key: tie('e'), unadjusted: fc.boolean() }),
    tie('set'),
    fc.record({ k: fc.constant('paren' as const), e: tie('e') }),
  ),
  set: setOf(tie('e')),
}));
const exprArb = tree.e;

const expr = fc.tuple(exprArb, fc.nat(3)).map(([e, s]) => printExpr(e, 0, s));
/** What an adjustment's amount may be: a term of `+ -`. */
const additive = fc.tuple(exprArb, fc.nat(3)).map(([e, s]) => printExpr(e, 7, s));

// ------------------------------------------------------------------ declarations

const comma = <T>(xs: readonly (readonly T[])[]): T[] => xs.flatMap((x, i) => [...(i > 0 ? [',' as T] : []), ...x]);
const optComma = fc.constantFrom<Tokens>([], [','], []);

const meta = fc.tuple(fc.constantFrom('cites', 'assumed', 'reading', 'note'), fc.array(str, { minLength: 1, maxLength: 3 })).map(([k, vs]) => [k, ...comma(vs.map((v) => [v]))]);
const metas = fc.array(meta, { maxLength: 3 }).map((ms) => ms.flat());
const applicability = fc
  .tuple(metas, fc.option(date), fc.option(date), fc.option(expr))
  .map(([m, from, until, when]) => [...m, ...(from ? ['from', from] : []), ...(until ? ['until', until] : []), ...(when ? ['when', ...when] : [])]);
const perPersonYear = fc.array(name, { maxLength: 2 }).map((keys) => ['per', 'person', 'year', ...(keys.length > 0 ? ['by', ...comma(keys.map((k) => [k]))] : [])]);
const override = fc.constantFrom<Tokens>([], [], ['override']);
const setLiteral = fc.tuple(tree.set, fc.nat(3)).map(([e, s]) => printExpr(e, 0, s));

const header = fc
  .tuple(
    fc.constantFrom('policy', 'module'),
    name,
    fc.array(
      fc.oneof(
        str.map((s) => ['title', s]),
        str.map((s) => ['document', s]),
        str.map((s) => ['extends', s]),
        str.map((s) => ['import', s]),
        fc.tuple(date, metas).map(([d, m]) => ['version', d, ...m]),
        fc.array(name, { minLength: 1, maxLength: 4 }).map((ls) => ['layers', ...comma(ls.map((l) => [l]))]),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([kind, n, items]) => [kind, n, '{', ...items.flat(), '}']);

const clause = fc.tuple(str, str, fc.option(str)).map(([id, title, text]) => ['clause', id, title, ...(text ? [text] : [])]);

const param = fc.oneof(
  fc
    .tuple(override, name, fc.option(name), expr, metas)
    .map(([o, n, type, v, m]) => [...o, 'param', n, ...(type ? [':', type] : []), '=', ...v, ...m]),
  fc
    .tuple(override, name, fc.array(fc.tuple(date, expr, optComma), { maxLength: 3 }), metas)
    .map(([o, n, rows, m]) => [...o, 'param', n, '{', ...rows.flatMap(([d, v, c]) => [d, ':', ...v, ...c]), '}', ...m]),
);

const tableKey = fc.oneof(str, fc.constantFrom('0', '1', '2'), name);
const table = fc
  .tuple(override, name, name, fc.option(name), fc.array(fc.tuple(tableKey, expr, optComma), { maxLength: 4 }), fc.option(fc.tuple(expr, optComma)), metas)
  .map(([o, n, by, domain, rows, otherwise, m]) => [
    ...o, 'table', n, 'by', by, ...(domain ? ['in', domain] : []), '{',
    ...rows.flatMap(([k, v, c]) => [k, ':', ...v, ...c]),
    ...(otherwise ? ['otherwise', ':', ...otherwise[0], ...otherwise[1]] : []),
    '}', ...m,
  ]);

const set = fc.tuple(override, name, setLiteral, metas).map(([o, n, s, m]) => [...o, 'set', n, '=', ...s, ...m]);
const letDecl = fc.tuple(override, name, expr, metas).map(([o, n, v, m]) => [...o, 'let', n, '=', ...v, ...m]);
const accumulator = fc.tuple(name, perPersonYear, metas).map(([n, p, m]) => ['accumulator', n, ...p, ...m]);
const bands = fc
  .tuple(override, name, metas, fc.array(fc.tuple(expr, fc.option(expr), expr, optComma), { maxLength: 3 }), metas)
  .map(([o, n, m1, rows, m2]) => [
    ...o, 'bands', n, ...m1, '{',
    ...rows.flatMap(([lo, hi, r, c]) => ['from', ...lo, ...(hi ? ['to', ...hi] : []), ':', ...r, ...c]),
    '}', ...m2,
  ]);
const cap = fc.tuple(name, expr, perPersonYear, name, applicability).map(([n, a, p, layer, ap]) => ['cap', n, '=', ...a, ...p, 'on', layer, ...ap]);
const adjustment = fc.tuple(name, fc.constantFrom('×', '*', '+', '-', '−'), additive).map(([t, op, a]) => [t, op, ...a]);
const modifier = fc.tuple(name, applicability, fc.array(adjustment, { maxLength: 3 })).map(([n, ap, adj]) => ['modifier', n, ...ap, '{', ...adj.flat(), '}']);
const adjust = fc.tuple(adjustment, applicability).map(([adj, ap]) => ['adjust', ...adj, ...ap]);

const statement = fc.oneof(
  fc.tuple(name, expr).map(([n, v]) => ['let', n, '=', ...v]),
  fc.tuple(name, expr).map(([n, v]) => [n, '=', ...v]),
  fc.tuple(name, expr).map(([n, v]) => [n, '+=', ...v]),
  fc.tuple(name, expr).map(([n, v]) => [n, 'tops', 'up', 'to', ...v]),
  fc.tuple(str, fc.option(expr)).map(([s, w]) => ['flag', s, ...(w ? ['when', ...w] : [])]),
);
const rule = fc.tuple(override, name, applicability, fc.array(statement, { maxLength: 4 })).map(([o, n, ap, body]) => [...o, 'rule', n, ...ap, '{', ...body.flat(), '}']);

/** The declaration forms, by name: the property checks that a run produced each of them. */
export const DECLARATIONS = { header, clause, param, table, set, letDecl, accumulator, bands, cap, modifier, adjust, rule } as const;

export const declarationsSource: fc.Arbitrary<Tokens> = fc
  .array(fc.oneof(...Object.values(DECLARATIONS)), { minLength: 1, maxLength: 6 })
  .map((ds) => ds.flat());

// ------------------------------------------------------------------ layout

const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '=', '==', '!=', '≠', '<', '>', '<=', '>=', '≤', '≥', '+', '×', '*', '÷', '/', '??', '+=', '.']);
const comment = fc.constantFrom('# why', '#', '# 「起付线各降 50%」: a deductible × (100% − 50%)', '#   indented text   ', '## twice', '# "quoted" # again');

/** What may stand between two tokens. Nothing at all only between punctuation and anything else. */
const separator = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom('', '  ', '\t', '\u3000') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\n  ', '\n\t\t', '\r\n    ') },
  { weight: 1, arbitrary: fc.constantFrom('\n\n', '\n\n\n  ', '\n \n') },
  { weight: 1, arbitrary: comment.map((c) => ` ${c}\n`) },
  { weight: 1, arbitrary: fc.tuple(comment, fc.constantFrom('', '\n')).map(([c, blank]) => `\n${blank}    ${c}\n  `) },
);

export function layOut(tokens: Tokens, separators: readonly string[]): string {
  let out = '';
  tokens.forEach((t, i) => {
    if (i > 0) {
      const prev = tokens[i - 1] as string;
      let sep = separators[i] ?? ' ';
      const mayTouch = (PUNCT.has(prev) || PUNCT.has(t)) && !(prev === '-' || prev === '−' || t === '-' || t === '−' || (prev === '=' && t === '='));
      if (sep === '' && !mayTouch) sep = ' ';
      out += sep;
    }
    out += t;
  });
  return out;
}

/** A whole file: its tokens, laid out at random, with comments before and after. */
export const policySource: fc.Arbitrary<string> = declarationsSource.chain((tokens) =>
  fc
    .tuple(fc.array(separator, { minLength: tokens.length, maxLength: tokens.length }), fc.option(comment), fc.option(comment), fc.constantFrom('', '\n', '\n\n'))
    .map(([seps, head, tail, end]) => `${head ? `${head}\n` : ''}${layOut(tokens, seps)}${tail ? ` ${tail}` : ''}${end}`),
);
