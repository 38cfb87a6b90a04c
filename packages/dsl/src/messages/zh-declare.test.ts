import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from './index.js';
import { loadPolicy } from '../load.js';
import { parsePolicyFile } from '../syntax/parse.js';
import { syntaxMessageRef } from '../syntax/messages.js';
import { diagnosticToJson } from '../diagnostics/render.js';
import { messageIn, relatedMessageIn, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The parser's and declaration checking's messages (areas `syntax` and `decl`) in Chinese:
 * golden policies whose every diagnostic comes from those checks (or from reading the file,
 * `lex`/`read`) must carry a table message, render to the same English as before, and keep
 * their codes and positions in both languages.
 */
const bad = 'packages/dsl/testdata/bad';
const GOLDENS = [
  'E002-syntax', 'E104-duplicate', 'E109-duplicate-row', 'E113-unknown-function', 'E201-money-for-ratio',
  'E203-type-mismatch', 'E204-ratio-range', 'E205-money-precision', 'E206-optional-field', 'E207-long-literal',
  'E208-bad-date', 'E208-param-date', 'E302-unknown-clause', 'E303-let-number', 'E303-param-unsourced',
  'E401-no-header', 'E402-no-version', 'E403-undeclared-version', 'E404-table-incomplete', 'E405-table-domain',
  'E406-bands', 'E501-override-unknown', 'E503-redeclared', 'E504-base-outside', 'E505-bad-base', 'W202-unused',
];

function load(name: string) {
  return loadPolicy(join(bad, `${name}.policy`));
}

/** The first diagnostic with this code, its English and its Chinese. */
function both(name: string, code: string, nth = 0): { en: string; zh: string; d: Diagnostic } {
  const d = load(name).diagnostics.filter((x) => x.code === code)[nth];
  if (!d) throw new Error(`${name}: no ${code} #${nth}`);
  return { en: messageIn(d, 'en'), zh: messageIn(d, 'zh'), d };
}

describe('parser and declaration messages in both languages', () => {
  for (const name of GOLDENS) {
    it(`${name}: every message from the table, the same English, codes and positions in zh`, () => {
      const r = load(name);
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(r.diagnostics.map((d) => d.code)).toContain(name.slice(0, 4));
      for (const d of r.diagnostics) {
        expect(d.text, `${d.code} ${d.message}`).toBeDefined();
        if (!d.text) continue;
        expect(d.text.id).toMatch(/^(syntax|decl|lex|read)\./);
        expect(renderMessage(d.text, 'en')).toBe(d.message);
        expect(messageIn(d, 'zh')).not.toBe(d.message);
        for (const rel of d.related ?? []) {
          expect(rel.text, `related of ${d.code}: ${rel.message}`).toBeDefined();
          if (rel.text) expect(renderMessage(rel.text, 'en')).toBe(rel.message);
          expect(relatedMessageIn(rel, 'zh')).not.toBe(rel.message);
        }
      }
      const en = r.diagnostics.map((d) => diagnosticToJson(d, r.files, 'en'));
      const zh = r.diagnostics.map((d) => diagnosticToJson(d, r.files, 'zh'));
      const strip = (j: (typeof en)[number]) => ({ ...j, message: '', related: j.related?.map((x) => ({ ...x, message: '' })) });
      expect(zh.map(strip)).toEqual(en.map(strip));
    });
  }

  it('says what declaration checking found in Chinese', () => {
    expect(both('E302-unknown-clause', 'E302')).toMatchObject({
      en: 'clause T-2 is not declared; did you mean T-1?',
      zh: '条款 T-2 没有声明；是否应为 T-1？',
    });
    expect(both('E404-table-incomplete', 'E404').zh).toBe('table 比例 缺少 level 为 0, 3 的行：请补上这些行或加上 `otherwise: …`');
    expect(both('E405-table-domain', 'E405').zh).toBe('table 定额 必须为 病种 的每个成员各有一行：缺少 乙 的行；不在 病种 中的行：丙');
    expect(both('E406-bands', 'E406').zh).toBe('bands 大病分段：50000元 之后的一档应从 50000元 开始，而不是 60000元（各档必须首尾相接）');
    expect(both('E401-no-header', 'E401').zh).toBe('没有政策头部：请以 `policy NAME { title "…" version YYYY-MM-DD … }` 开始');
    expect(both('E403-undeclared-version', 'E403').zh).toBe('2024-09-01 不是本政策的版本：请在头部声明 `version 2024-09-01`（现有版本：2018-01-01）');
    expect(both('E503-redeclared', 'E503', 1).zh).toBe('规则 基本医保 已在基础模块中声明：要替换基础模块的规则，请写 `override rule`');
    expect(both('E505-bad-base', 'E505').zh).toBe('extends "../bases/none"：packages/dsl/testdata/bases/none 下没有 .policy 文件');
    expect(both('E205-money-precision', 'E205').zh).toBe('7500.005元 的精度超过了分（0.01元）');
    expect(both('E208-bad-date', 'E208').zh).toBe('2018-02-30 不是有效的日期');
  });

  it('gives related positions in Chinese', () => {
    const { d } = both('E109-duplicate-row', 'E109');
    expect(d.related?.map((r) => relatedMessageIn(r, 'en'))).toEqual(['the first row is here']);
    expect(d.related?.map((r) => relatedMessageIn(r, 'zh'))).toEqual(['第一行在此']);
  });
});

describe('syntax errors (E002) in Chinese', () => {
  function parse(text: string): { en: string[]; zh: string[]; at: string[] } {
    const parsed = parsePolicyFile('p.policy', text);
    const files = new Map([['p.policy', parsed.source]]);
    const ds = sortDiagnostics(parsed.diagnostics).filter((d) => d.code === 'E002');
    const en = ds.map((d) => diagnosticToJson(d, files, 'en'));
    const zh = ds.map((d) => diagnosticToJson(d, files, 'zh'));
    expect(zh.map((j) => j.location)).toEqual(en.map((j) => j.location));
    for (const d of ds) expect(d.text && renderMessage(d.text, 'en')).toBe(d.message);
    return { en: en.map((j) => j.message), zh: zh.map((j) => j.message), at: en.map((j) => `${j.location.line}:${j.location.column}`) };
  }
  const head = 'policy t { title "t" version 2018-01-01 layers basic, patient }\nclause "T-1" "第一条"\n';

  it('translates the words around the tokens, keeping the tokens', () => {
    const r = parse(`${head}rule s cites "T-1" { basic = (total }\n`);
    expect(r.en).toEqual(["expected ')', found '}'"]);
    expect(r.zh).toEqual(["应为 ')'，实际为 '}'"]);
    expect(r.at).toEqual(['3:37']);
  });

  it('names the end of the file and a missing declaration in Chinese', () => {
    expect(parse(`${head}rule r cites "T-1" {`).zh).toEqual(["应为 '}'，实际为文件末尾"]);
    expect(parse(`${head}param a = 5 @ 3 cites "T-1"\n`).zh).toEqual(["意外的 '3'：此处应为声明"]);
    const r = parse(`${head}cites\n`);
    expect(r.en).toEqual(["unexpected 'cites': a declaration (policy, clause, param, table, set, let, accumulator, rule) was expected"]);
    expect(r.zh).toEqual(["意外的 'cites'：此处应为声明（policy, clause, param, table, set, let, accumulator, rule）"]);
  });

  it('lists the alternatives in Chinese', () => {
    const r = parse(`${head}rule r cites "T-1" { basic = 0元\n  +\n`);
    expect(r.en).toEqual(["expected one of '-', an amount of money, a percentage, percentage points, a number of days, a number, a string, a date, …, found the end of the file"]);
    expect(r.zh).toEqual(["应为以下之一：'-', an amount of money, a percentage, percentage points, a number of days, a number, a string, a date, …，实际为文件末尾"]);
  });

  it('keeps a message the provider did not build, marked as a syntax error in Chinese', () => {
    const r = syntaxMessageRef('some message of Chevrotain');
    expect(renderMessage(r, 'en')).toBe('some message of Chevrotain');
    expect(renderMessage(r, 'zh')).toBe('语法错误：some message of Chevrotain');
  });
});
