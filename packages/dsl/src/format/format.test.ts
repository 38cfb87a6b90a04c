import { describe, expect, it } from 'vitest';
import { renderDiagnostic } from '../diagnostics/render.js';
import { parsePolicyFile } from '../syntax/parse.js';
import { astShape, sameShape } from './ast-shape.js';
import { formatPolicySource } from './format.js';

function fmt(text: string): string {
  const r = formatPolicySource('t.policy', text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.text;
}

describe('formatPolicySource', () => {
  it('says whether anything changed', () => {
    const canonical = 'param a = 1元 cites "X"\n';
    expect(formatPolicySource('t.policy', canonical)).toEqual({ ok: true, text: canonical, changed: false });
    expect(formatPolicySource('t.policy', 'param a=1元 cites "X"')).toEqual({ ok: true, text: canonical, changed: true });
  });

  it('refuses a file that does not parse, with its diagnostics at file:line:col', () => {
    const r = formatPolicySource('bad.policy', 'param a = 1元 cites "X"\nrule r cites "X" {\n  basic = (a +\n}\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => d.code)).toContain('E002');
    const shown = renderDiagnostic(r.diagnostics[0]!, new Map([['bad.policy', r.source]]));
    expect(shown).toMatch(/^bad\.policy:4:1: error E002: /);
  });

  it('refuses a character no token starts with, and an unterminated string', () => {
    for (const text of ['param a = 1元 ¤', 'clause "A" "unterminated\n']) {
      const r = formatPolicySource('t.policy', text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics[0]?.code).toBe('E001');
    }
  });

  it('refuses brackets nested too deep instead of overflowing the stack', () => {
    const r = formatPolicySource('t.policy', `let a = ${'('.repeat(5000)}1${')'.repeat(5000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.code).toBe('E003');
  });

  it('formats a file whose literals the checker rejects (E205 is not a syntax error)', () => {
    expect(fmt('param a=0.001万元 cites "X"')).toBe('param a = 0.001万元 cites "X"\n');
  });

  it('gives an empty file and a file of comments their canonical form', () => {
    expect(fmt('')).toBe('');
    expect(fmt('\n\n  \n')).toBe('');
    expect(fmt('\n\n   # only a comment   \n\n\n# and another')).toBe('# only a comment\n\n# and another\n');
  });

  it('drops a byte-order mark and turns CRLF and CR line ends into LF', () => {
    expect(fmt('\uFEFFparam a = 1元 cites "X"\r\nparam b = 2元 cites "X"\rparam c = 3元 cites "X"\r\n')).toBe(
      'param a = 1元 cites "X"\nparam b = 2元 cites "X"\nparam c = 3元 cites "X"\n',
    );
  });

  it('spells operators one way and leaves literals as written', () => {
    expect(fmt('let a = x*y/z−w cites "X"')).toBe('let a = x × y ÷ z - w cites "X"\n');
    expect(fmt('let b = v≠u and v≤u and v≥u cites "X"')).toBe('let b = v != u and v <= u and v >= u cites "X"\n');
    expect(fmt('let a = 5个百分点 + 5pp + 1万元 + 10000元 + 3日 + 3天 cites "X"')).toBe(
      'let a = 5个百分点 + 5pp + 1万元 + 10000元 + 3日 + 3天 cites "X"\n',
    );
  });

  it('keeps a line break the author made inside an expression, and removes one before a closing bracket', () => {
    expect(fmt('let a = min(\nx,\ny\n)\n  cites "X"')).toBe('let a = min(\n  x,\n  y)\n  cites "X"\n');
  });

  it('formats a large file quickly', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `param p${i}=${i}元 cites "X" # c${i}\nset s${i} = {"a","b",\n"c"}`).join('\n');
    const t0 = Date.now();
    const out = fmt(text);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(out.split('\n').length).toBeGreaterThan(2000 * 4);
  });

  it('answers a file of many comments and no tokens in linear time', () => {
    const text = '# x\n'.repeat(100_000);
    const t0 = Date.now();
    expect(fmt(text)).toBe(text);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('astShape', () => {
  const shape = (text: string): unknown => astShape(parsePolicyFile('t.policy', text).ast);

  it('ignores layout', () => {
    expect(sameShape(shape('let a = (b - c) × d cites "X"'), shape('let  a=(b\n - c)*d\n cites "X"'))).toBe(true);
  });
  it('tells apart what means something else', () => {
    expect(sameShape(shape('let a = b - c - d cites "X"'), shape('let a = b - (c - d) cites "X"'))).toBe(false);
    expect(sameShape(shape('let a = 1万元 cites "X"'), shape('let a = 10000元 cites "X"'))).toBe(false); // raw kept
    expect(sameShape(shape('param a = 1元 cites "X"'), shape('override param a = 1元 cites "X"'))).toBe(false);
  });
});
