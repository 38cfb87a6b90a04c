import { describe, expect, it } from 'vitest';
import { parsePolicyFile } from './parse.js';
import { checkPolicy } from '../check/check-policy.js';
import { diagnosticToJson } from '../diagnostics/render.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';

const header = 'policy t { title "t" version 2018-01-01 layers basic, patient }\nclause "T-1" "第一条"\n';

function codes(text: string): { code: string; at: string; suggestion?: string }[] {
  const p = parsePolicyFile('p.policy', text);
  return p.diagnostics.map((d) => ({
    code: d.code,
    at: text.slice(d.span.start, d.span.end),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  }));
}

describe('typed with a Chinese input method', () => {
  it('reports a full-width colon in a table row once, with the half-width one as the fix, and reads on', () => {
    const text = `${header}table 比例 by level { 0： 0% 1: 90% 2: 80% 3: 60% } cites "T-1"\n`;
    // Only the one E004: the colon is read as ':' so the parser does not add an E002 after it.
    expect(codes(text)).toEqual([{ code: 'E004', at: '：', suggestion: ':' }]);
  });

  it('leaves full-width punctuation inside strings and comments alone', () => {
    const text = `${header}clause "T-2" "第二条（起付线）：5,000元；“原文”" # 注：（）\nparam a = 1元 cites "T-2"\n`;
    expect(codes(text)).toEqual([]);
  });

  it('reads 5,000元 and 5，000元 as 5000元, one E005 each with the fix', () => {
    const text = `${header}param a = 5,000元 cites "T-1"\nparam b = 5，000元 cites "T-1"\nrule r cites "T-1" { basic = min(total, a + b) }\n`;
    const parsed = parsePolicyFile('p.policy', text);
    expect(parsed.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.suggestion])).toEqual([
      ['E005', '5,000元', '5000元'],
      ['E005', '5，000元', '5000元'],
    ]);
    // The amount itself is read, spanning what was written: 5,000 = 5000元; the checker finds nothing else.
    const values = parsed.ast.declarations.filter((d) => d.kind === 'param').map((d) => ('value' in d ? d.value : undefined));
    expect(values.map((v) => v && v.kind === 'numeric' && { value: v.value, raw: v.raw, at: text.slice(v.span.start, v.span.end) })).toEqual([
      { value: '5000', raw: '5000元', at: '5,000元' },
      { value: '5000', raw: '5000元', at: '5，000元' },
    ]);
    expect(checkPolicy([parsed]).diagnostics.filter((d) => d.code !== 'E005')).toEqual([]);
  });

  it('does not take a list of arguments for a thousands separator', () => {
    // A space after the comma, or a group that is not three digits: an ordinary comma.
    expect(codes(`${header}rule r cites "T-1" { basic = min(5, 000元) }\n`).map((d) => d.code)).not.toContain('E005');
    expect(codes(`${header}rule r cites "T-1" { basic = min(5,00元) }\n`).map((d) => d.code)).not.toContain('E005');
  });

  it('gives the same code and positions in Chinese and English, in other words', () => {
    const text = `${header}param a = 5,000元 cites "T-1"；\nparam b = 1 @ 2 cites "T-1"\n`;
    const parsed = parsePolicyFile('p.policy', text);
    const diagnostics = sortDiagnostics(parsed.diagnostics);
    const files = new Map([['p.policy', parsed.source]]);
    const en = diagnostics.map((d) => diagnosticToJson(d, files, 'en'));
    const zh = diagnostics.map((d) => diagnosticToJson(d, files, 'zh'));
    expect(en.map((d) => d.code)).toEqual(['E005', 'E004', 'E001', 'E002']);
    expect(zh.map(({ message: _m, ...rest }) => rest)).toEqual(en.map(({ message: _m, ...rest }) => rest));
    // The messages from the table differ (the parser's E002 is not in the table yet: English in both).
    expect(zh.slice(0, 3).map((d, i) => d.message !== en[i]?.message)).toEqual([true, true, true]);
    expect(zh[0]?.message).toBe('金额 5,000元 中有千位分隔符：请写 5000元');
  });
});
