import { describe, expect, it } from 'vitest';
import { checkSources } from '../load.js';
import { SourceFile } from '../source.js';
import { diagnosticToJson, displayWidth, renderDiagnostic } from './render.js';
import { error } from './diagnostic.js';
import { ref } from '../messages/index.js';

function renderAll(sources: Record<string, string>): string[] {
  const r = checkSources(sources);
  return r.diagnostics.map((d) => renderDiagnostic(d, r.files));
}

describe('rendering', () => {
  it('prints file:line:col, the line, and a caret under the right column after Chinese text', () => {
    const text = 'policy t { title "t" version 2018-01-01 layers basic, patient }\nclause "X" "x"\nrule 基本医保 cites "X" { basic = 基本医保比列 of total }\n';
    const [out] = renderAll({ 't.policy': text });
    const lines = (out as string).split('\n');
    expect(lines[0]).toBe('t.policy:3:31: error E101: unknown name 基本医保比列');
    const source = lines[2] as string;
    const caret = lines[3] as string;
    // the caret sits under the first character of the unknown name, counting wide characters twice
    const sourceBody = source.slice(source.indexOf('| ') + 2);
    const caretBody = caret.slice(caret.indexOf('| ') + 2);
    const before = sourceBody.slice(0, sourceBody.indexOf('基本医保比列'));
    let width = 0;
    for (const ch of before) width += displayWidth(ch);
    expect(caretBody.indexOf('^')).toBe(width);
    expect(caretBody.trimStart()).toBe('^' + '~'.repeat(11)); // six wide characters: 12 columns
  });

  it('counts columns in code points, so an astral character is one column', () => {
    const f = new SourceFile('a.policy', 'x\n𝔸 = y');
    expect(f.position(f.text.indexOf('='))).toEqual({ line: 2, column: 3 });
  });

  it('keeps tabs in the caret line so the caret lines up in any tab width', () => {
    const f = new SourceFile('t.policy', '\tlet a = b\n');
    const d = error('E101', { file: 't.policy', start: 9, end: 10 }, ref('rule.unknown-name', { name: 'b', suggestion: '' }));
    const out = renderDiagnostic(d, new Map([['t.policy', f]])).split('\n');
    expect(out[3]).toBe('  | \t        ^');
  });

  it('gives a JSON form with code, message and location', () => {
    const f = new SourceFile('t.policy', 'let 甲 = 乙\n');
    const d = error('E101', { file: 't.policy', start: 8, end: 9 }, ref('rule.unknown-name', { name: '乙', suggestion: '' }), { suggestion: '甲' });
    expect(diagnosticToJson(d, new Map([['t.policy', f]]))).toEqual({
      code: 'E101',
      severity: 'error',
      message: 'unknown name 乙',
      location: { file: 't.policy', line: 1, column: 9, endLine: 1, endColumn: 10 },
      suggestion: '甲',
    });
  });
});
