import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMessage } from './index.js';
import { checkSources, loadPolicy } from '../load.js';
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
        expect(d.text.id, `${d.code} ${d.message}`).toMatch(/^(syntax|decl|lex|read)\./);
        expect(renderMessage(d.text, 'en')).toBe(d.message);
        expect(messageIn(d, 'zh')).not.toBe(d.message);
        for (const rel of d.related ?? []) {
          expect(renderMessage(rel.text, 'en'), `related of ${d.code}`).toBe(rel.message);
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
    expect(both('E404-table-incomplete', 'E404').zh).toBe('表 比例 缺少 level 为 0, 3 的行：请补上这些行或加上 `otherwise: …`');
    expect(both('E405-table-domain', 'E405').zh).toBe('表 定额 必须为 病种 的每个成员各有一行：缺少 乙 的行；不在 病种 中的行：丙');
    expect(both('E406-bands', 'E406').zh).toBe('分段 大病分段：50000元 之后的一档应从 50000元 开始，而不是 60000元（各档必须首尾相接）');
    expect(both('E401-no-header', 'E401').zh).toBe('没有政策头部：请以 `policy NAME { title "…" version YYYY-MM-DD … }` 开始');
    expect(both('E403-undeclared-version', 'E403').zh).toBe('2024-09-01 不是本政策的版本：请在头部声明 `version 2024-09-01`（现有版本：2018-01-01）');
    expect(both('E503-redeclared', 'E503', 1).zh).toBe('规则 基本医保 已在基础模块中声明：要替换基础模块的规则，请写 `override rule`');
    expect(both('E505-bad-base', 'E505').zh).toBe('extends "../bases/none"：packages/dsl/testdata/bases/none 下没有 .policy 文件');
    expect(both('E205-money-precision', 'E205').zh).toBe('7500.005元 的精度超过了分（0.01元）');
    expect(both('E208-bad-date', 'E208').zh).toBe('2018-02-30 不是有效的日期');
  });

  it('names kinds, types, reserved names and owners in Chinese', () => {
    expect(both('E104-duplicate', 'E104')).toMatchObject({ en: '比例 is already declared as a parameter', zh: '比例 已声明为参数' });
    expect(both('E104-duplicate', 'E104', 1)).toMatchObject({
      en: 'total is a claim field; choose another name for this parameter',
      zh: 'total 已用作就诊记录字段：请为这个参数另取名字',
    });
    expect(both('E501-override-unknown', 'E501').zh).toBe('override 参数 起付線：基础模块中没有 参数 起付線');
    expect(both('E501-override-unknown', 'E501', 1).zh).toBe('override 参数 起付线：基础模块中的 起付线 是表');
    expect(both('E503-redeclared', 'E503').zh).toBe('报销比例 已在基础模块中声明为参数：要替换它，请写 `override param`');
    expect(both('E203-type-mismatch', 'E203').zh).toBe('county 是就医地区，但此处应为就诊类型');
    expect(both('W202-unused', 'W202').zh).toBe('参数 未用 已声明但从未使用');
    expect(both('E112-not-constant', 'E112').zh).toBe('参数 起付线 必须是常量，但 inCatalog 是就诊记录字段');
  });

  it('names the place a value stands in Chinese', () => {
    const text = `policy t { title "t" version 2018-01-01 layers basic, patient }
clause "T-1" "第一条"
table 定额 by level { 0: 1元  1: 2元  otherwise: 50% } cites "T-1"
set 病种 = {"甲", 1元} cites "T-1"
bands 分段 cites "T-1" {
  from 0元 to 5%: 60%
  from 5万元: 1元
}
rule r cites "T-1" when total and not level { basic = if total then max(0元, round_fen(10%)) else 分段(10%) }
param 甲 = 200% cites "T-1"
param 乙 = 5元 cites "T-1"
let 丙 = unadjusted 丙 cites "T-1"
param 丁 = 分段(5元) cites "T-1"
`;
    const r = checkSources({ 'p.policy': text });
    const zh = r.diagnostics.filter((d) => d.code !== 'W202').map((d) => `${d.code} ${messageIn(d, 'zh')}`);
    expect(zh).toEqual([
      'E202 此处应为金额，却是比例（表 定额 的 otherwise）；是否应为金额的比例，如 90% of …？',
      'E203 集合 病种 的每个成员 需要文本，但这里是金额',
      'E202 此处应为金额，却是比例（分段 分段 某一档的终点）；是否应为金额的比例，如 90% of …？',
      'E201 此处应为比例，却是金额（分段 分段 某一档的比例）；请写百分比，如 90%',
      "E203 'and' 的操作数 需要条件（true/false），但这里是金额",
      'E203 not 的操作数 需要条件（true/false），但这里是医疗机构等级',
      "E203 'if' 的条件 需要条件（true/false），但这里是金额",
      'E202 此处应为金额，却是比例（round_fen 的实参）；是否应为金额的比例，如 90% of …？',
      'E202 此处应为金额，却是比例（分段 分段）；是否应为金额的比例，如 90% of …？',
      'E204 200% 超过 100%：比例必须在 0% 到 100% 之间',
      'E502 unadjusted 只能读参数或表；丙 是let 绑定',
      'E112 参数 丁 必须是常量，但 分段 是作用于金额的分段',
    ]);
    // The English of the same places, as before the table.
    expect(r.diagnostics.filter((d) => d.code !== 'W202').map((d) => d.message)).toEqual(expect.arrayContaining([
      'a ratio where money belongs (the otherwise of table 定额); did you mean a ratio of an amount, e.g. 90% of …?',
      'every member of set 病种 needs text, but this is money',
      "money where a ratio belongs (the ratio of a band of bands 分段); write a percentage such as 90%",
      "'and' needs a condition (true/false), but this is money",
      'a ratio where money belongs (round_fen); did you mean a ratio of an amount, e.g. 90% of …?',
      'unadjusted reads a parameter or a table; 丙 is a let',
      'parameter 丁 must be a constant, but 分段 is bands applied to an amount',
    ]));
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
    for (const d of ds) expect(renderMessage(d.text, 'en')).toBe(d.message);
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
    expect(r.zh).toEqual(["应为以下之一：'-'、金额、百分比、百分点、天数、数字、字符串、日期、…，实际为文件末尾"]);
    expect(parse(`${head}rule r cites "T-1" { basic = 0元 + }\n`).zh).toEqual(["应为以下之一：'-'、金额、百分比、百分点、天数、数字、字符串、日期、…，实际为 '}'"]);
    expect(parse(`${head}rule r cites "T-1" { basic = }\n`).zh).toEqual(["应为以下之一：'if'、'not'、'-'、金额、百分比、百分点、天数、数字、…，实际为 '}'"]);
    const name = parse(`${head}param = 5元 cites "T-1"\n`);
    expect(name.en).toEqual(["expected a name, found '='"]);
    expect(name.zh).toEqual(["应为 名称，实际为 '='"]);
  });

  it('keeps a message the provider did not build, marked as a syntax error in Chinese', () => {
    const r = syntaxMessageRef('some message of Chevrotain');
    expect(renderMessage(r, 'en')).toBe('some message of Chevrotain');
    expect(renderMessage(r, 'zh')).toBe('语法错误：some message of Chevrotain');
  });
});
