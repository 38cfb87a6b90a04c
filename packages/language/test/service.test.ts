import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FILES, at, service } from './fixture.js';

const RULES = '/p/rules.policy';
const VALUES = '/p/values.policy';

const md = (h: ReturnType<ReturnType<typeof service>['hover']>): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

function apply(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'policy', 1, text), edits);
}

describe('the language service, in process', () => {
  it('checks the fixture clean', () => {
    const s = service();
    expect(s.analyze(RULES).result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it('overlays unsaved text on the files and drops it on close', () => {
    const s = service();
    s.open(RULES, FILES[RULES]!.replace('封顶[level]', '封丁[level]'));
    expect(s.diagnostics(RULES).map((d) => [d.code, d.message])).toEqual([['E101', 'unknown table 封丁; did you mean 封顶?']]);
    // the other file of the policy, checked with it: 封顶 is now read nowhere
    expect(s.diagnostics(VALUES).map((d) => [d.code, d.severity, d.message])).toEqual([['W202', 2, 'table 封顶 is declared but never used']]);
    s.close(RULES);
    expect(s.diagnostics(RULES)).toEqual([]);
  });

  it('hovers a dated parameter by date, an override with its base, a local let, claim words', () => {
    const s = service();
    const text = FILES[RULES]!;
    const ratio = md(s.hover(RULES, at(text, '比例')));
    expect(ratio).toContain('| from | value |');
    expect(ratio).toContain('| 2018-01-01 | 50% |');
    expect(ratio).toContain('| 2020-01-01 | 60% |');
    expect(ratio).toContain('cites **A** 甲条 — 「条款原文」');
    const over = md(s.hover(RULES, at(text, '起付线')));
    expect(over).toContain('= `600元`');
    expect(over).toContain("*overrides the base's declaration in* `/m`");
    expect(over).toContain('= `500元`');
    expect(md(s.hover(RULES, at(text, '基数 ×')))).toContain('let (in a rule)');
    expect(md(s.hover(RULES, at(text, '住院')))).toContain('**inpatient** 住院 (written as 住院)');
    expect(md(s.hover(RULES, at(text, 'basic =')))).toContain('基本医保');
    expect(md(s.hover(RULES, at(text, '基本 cites')))).toContain('cites **A** 甲条');
  });

  it('goes to definitions across files and into the module, both for an override', () => {
    const s = service();
    const defs = s.definition(RULES, at(FILES[RULES]!, '起付线'));
    expect(defs.map((d) => [d.uri, d.range.start.line])).toEqual([['file:///p/values.policy', 5], ['file:///m/m.policy', 4]]);
    const cite = s.definition(RULES, at(FILES[RULES]!, '"A"', 1));
    expect(cite.map((d) => [d.uri, d.range.start.line])).toEqual([['file:///p/p.policy', 7]]);
  });

  it('renames a rule\'s let and a table, and refuses what it must', () => {
    const s = service();
    const text = FILES[RULES]!;
    const local = s.rename(RULES, at(text, '基数'), '底数');
    expect(apply(text, local?.changes?.['file:///p/rules.policy'] ?? [])).toBe(text.replaceAll('基数', '底数'));
    const table = s.rename(RULES, at(text, '封顶'), '最高支付');
    expect(Object.keys(table?.changes ?? {}).sort()).toEqual(['file:///p/rules.policy', 'file:///p/values.policy']);
    expect(() => s.rename(RULES, at(text, '封顶'), 'rule')).toThrow('rule is a keyword');
    expect(() => s.rename(RULES, at(text, '封顶'), 'total')).toThrow(/already means something/);
    expect(() => s.rename(RULES, at(text, '封顶'), '比例')).toThrow('比例 is already declared');
    expect(() => s.rename(RULES, at(text, '封顶'), '1x')).toThrow(/is not a name/);
    expect(() => s.rename(RULES, at(text, '起付线'), 'x')).toThrow(/declared in \/m/);
    expect(s.prepareRename(RULES, at(text, 'inCatalog'))).toEqual({ refused: expect.stringContaining('can be renamed') });
  });

  it('offers the fixes diagnostics carry: a missing cites, a clause id misspelt, missing table rows', () => {
    const s = service();
    const uncited = FILES[RULES]!.replace('rule 基本 cites "A" when', 'rule 基本 when');
    s.open(RULES, uncited);
    const e301 = s.diagnostics(RULES).find((d) => d.code === 'E301');
    const fix = s.codeActions(RULES, e301!.range).find((a) => a.title.startsWith('Add cites "A"'));
    s.open(RULES, apply(uncited, fix!.edit!.changes!['file:///p/rules.policy']!));
    expect(s.diagnostics(RULES)).toEqual([]);

    const misspelt = FILES[VALUES]!.replace('} cites "A"\n\noverride', '} cites "a"\n\noverride');
    s.open(VALUES, misspelt);
    const e302 = s.diagnostics(VALUES)[0]!;
    expect(e302.code).toBe('E302');
    const quoted = s.codeActions(VALUES, e302.range)[0]!;
    expect(quoted.title).toBe('Change to "A"');
    s.open(VALUES, apply(misspelt, quoted.edit!.changes!['file:///p/values.policy']!));
    expect(s.diagnostics(VALUES)).toEqual([]);

    const short = FILES[VALUES]!.replace('  2: 2000元\n  3: 3000元\n', '');
    s.open(VALUES, short);
    const e404 = s.diagnostics(VALUES).find((d) => d.code === 'E404')!;
    const rows = s.codeActions(VALUES, e404.range).map((a) => a.title);
    expect(rows).toEqual([
      'Add the row for level 2 (value copied from 1: check it)',
      'Add the row for level 3 (value copied from 1: check it)',
      'Add the 2 missing rows (values copied from 1: check them)',
    ]);
    const all = s.codeActions(VALUES, e404.range)[2]!;
    const fixed = apply(short, all.edit!.changes!['file:///p/values.policy']!);
    expect(fixed).toContain('  1: 1000元\n  2: 1000元\n  3: 1000元\n}');
    s.open(VALUES, fixed);
    expect(s.diagnostics(VALUES)).toEqual([]);
  });

  it('fixes what a Chinese input method typed (E004) and thousands separators (E005), one quick fix each', () => {
    const s = service();
    const typed = FILES[VALUES]!.replace('1: 1000元', '1： 1,000元').replace('} cites "A"\n\noverride', '} cites "A"；\n\noverride');
    expect(typed).not.toBe(FILES[VALUES]);
    s.open(VALUES, typed);
    expect(s.diagnostics(VALUES).map((d) => d.code).sort()).toEqual(['E004', 'E004', 'E005']);
    // one fix at a time, each the one its diagnostic carries, until the file is clean
    let text = typed;
    for (let round = 0; round < 5 && s.diagnostics(VALUES).length > 0; round++) {
      const d = s.diagnostics(VALUES)[0]!;
      const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
      const title = suggestion === '' ? 'Remove ；' : `Change to ${suggestion}`;
      const action = s.codeActions(VALUES, d.range).find((a) => a.title === title)!;
      expect(action).toBeDefined();
      text = apply(text, action.edit!.changes!['file:///p/values.policy']!);
      s.open(VALUES, text);
    }
    expect(s.diagnostics(VALUES)).toEqual([]);
    expect(text).toBe(FILES[VALUES]);
  });

  it('completes claim fields after claim., enum values after ==, names in scope', () => {
    const s = service();
    const text = `${FILES[RULES]!}let x = claim.`;
    s.open(RULES, text);
    const fields = s.completion(RULES, at(text, 'claim.', 6)).map((c) => c.label);
    expect(fields).toContain('inCatalog');
    expect(fields).not.toContain('起付线');
    const inRule = s.completion(RULES, at(text, '  basic')).map((c) => c.label);
    expect(inRule).toEqual(expect.arrayContaining(['基数', '比例', '起付线', '封顶', 'basic', 'min', 'remaining', '住院', 'rule']));
  });

  it('classifies names in semantic tokens, folds declarations, lists symbols', () => {
    const s = service();
    const data = s.semanticTokens(VALUES);
    // the first token: `param` keyword at 0:0; the second: 比例, a parameter being declared
    expect(data.slice(0, 10)).toEqual([0, 0, 5, 0, 0, 0, 6, 2, 6, 0b11]);
    expect(s.foldingRanges(VALUES)).toEqual([{ startLine: 0, endLine: 3 }, { startLine: 7, endLine: 12 }]);
    expect(s.documentSymbols(RULES).map((x) => [x.name, x.children?.map((c) => c.name)])).toEqual([['基本', ['基数']]]);
  });

  it('formats as policy fmt does, and leaves a file that does not parse alone', () => {
    const s = service();
    const messy = FILES[RULES]!.replace('  basic = ', '      basic   =   ');
    s.open(RULES, messy);
    expect(apply(messy, s.format(RULES))).toBe(FILES[RULES]);
    s.open(RULES, `${messy}\nrule {`);
    expect(s.format(RULES)).toEqual([]);
  });
});
