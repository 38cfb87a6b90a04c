import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageIn, relatedMessageIn, type Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticToJson } from '../diagnostics/render.js';
import { checkSources, loadPolicy, policyFolders } from '../load.js';
import type { SourceFile } from '../source.js';
import { ref, renderMessage, t } from './index.js';
import { RULES_MESSAGES } from './table/rules.js';
import { BUILTINS } from '../builtins.js';
import { TYPE_NAMES, describeType, type Scalar } from '../check/types.js';
import { entryKindRef, kindRef, typeRef } from '../check/words.js';
import { keywordTokens } from '../syntax/tokens.js';
import { CLAIM_FIELDS, LAYERS, STATE_NAMES, enumNames } from '../vocabulary.js';

/**
 * The messages of rules, typing and analysis (messages/table/rules.ts) in both languages: every
 * diagnostic these checks report carries its table message, the English rendered from it is the
 * message (and so the goldens' text), related positions likewise, and the Chinese has the same
 * codes and positions. Every other diagnostic carries a table message too (error() and warning()
 * take nothing else); FOREIGN, once the list of exceptions, is empty.
 */

const BAD = 'packages/dsl/testdata/bad';
const GOLDENS = [
  'E101-unknown-name', 'E102-unknown-field', 'E103-unknown-layer', 'E105-assigned-twice', 'E106-undeclared-layer',
  'E107-patient', 'E108-not-accumulator', 'E110-cycle', 'E111-let-reads-layer', 'E112-not-constant', 'E202-ratio-for-money',
  'E203-type-mismatch', 'E301-no-citation', 'E502-adjust', 'E601-overlap', 'E604-covers-gap', 'E701-audit-shape',
  'E702-history', 'E703-audit-reads-settlement', 'E704-kpi', 'E705-premium', 'W201-read-before-assign',
  'W602-never-applies', 'W602-table-row', 'W603-order-hazard',
];

/** Messages of other areas the checks here still report in English only: none (error() takes only a table message). */
const FOREIGN: readonly RegExp[] = [];

/** Policies that reach the messages the goldens do not. */
const CORPUS: Record<string, string> = {
  'a1.policy': `policy t { title "t" version 2018-01-01 layers basic, critical_illness, hospital, patient }
clause "T-1" "第一条"
accumulator 年度已付 per person year cites "T-1"
param 起付线 = 500元 cites "T-1"
param 比例 = 80% cites "T-1"
param 天 = 3日 cites "T-1"
set 病种 = {"甲", "乙"} cites "T-1"
set 等级 = {1, 2} cites "T-1"
table 定额 by disease in 病种 { "甲": 1万元  "乙": 2万元 } cites "T-1"
bands 分段 cites "T-1" {
  from 0元 to 5万元: 60%
  from 5万元: 70%
}
cap 限额 = 30万元 per person year on basic cites "T-1"
let 读层 = basic > 0元 cites "T-1"
let 读已付 = paid > 0元 cites "T-1"
param 常量一 = 年度已付 cites "T-1"
param 常量二 = 限额 cites "T-1"
param 常量三 = 读层 cites "T-1"
param 常量四 = basic cites "T-1"
param 常量五 = paid cites "T-1"
param 常量六 = total cites "T-1"
param 常量七 = claim.total cites "T-1"
rule r cites "T-1" {
  let total = 1元
  let 起付线 = 2元
  let 年度已付 = 3元
  let x = 1元
  let x = 2元
  let level = 1元
  let inpatient = 1元
  let max = 1元
  let money = 1元
  let paid = 1元
  basic = 比例
  critical_illness = 5
  hospital = 分段
  年度 += 1元
  年度已付x += 1元
  起付线 += 1元
  basic += 1元
  patinet = 1元
  年度已付 = 1元
  xyz = 1元
}
rule r2 cites "T-1" {
  basic = 定额
  critical_illness = 起付线 + 比例
  hospital = 比例 * 起付线
}
rule r3 cites "T-1" {
  basic = 起付线 + 5pp
  critical_illness = 比例 + 起付线
  hospital = 起付线 - 比例
}
rule r4 cites "T-1" when 起付线 {
  basic = 天 + 起付线
  flag "x" when 1元
  critical_illness = disease + 1元
  hospital = 病种 + 1元
}
rule r5 cites "T-1" when 等级 {
  basic = 1元
}
`,
  'a2.policy': `policy t { title "t" version 2018-01-01 layers basic, critical_illness, hospital, patient }
clause "T-1" "第一条"
param 起付线 = 500元 cites "T-1"
param 比例 = 80% cites "T-1"
param 名 = "x" cites "T-1"
param 日 = 2018-01-01 cites "T-1"
accumulator 年度已付 per person year cites "T-1"
let 某 = total > 1元 cites "T-1"
param 循环 = 循环 + 1元 cites "T-1"
table 表 by level { 1: 1元  2: 2元  3: 3元  otherwise: 0元 } cites "T-1"
modifier 倾斜 when total > 起付线 {
  名 + 1元
  某 + 1元
  起付线 + 比例
  比例 × 起付线
  比例 + 起付线
}
modifier 自调 cites "T-1" when 起付线 > 1元 {
  起付线 + 1元
}
adjust 比例 + 5pp cites "T-1" when 比例 > 50%
modifier 日期 cites "T-1" from 2019-01-01 until 2018-06-01 {
  起付线 + 1元
}
rule r cites "T-1" from 2019-01-01 until 2018-06-01 when 某 {
  basic = 起付线 + 表[level]
  年度已付 += basic
}
rule r6 cites "T-1" when paid > 0元 and 比例 {
  critical_illness = 10% of 比例
}
property p {
  basic >= 0元
}
property p cites "T-1" {
  basic
}
covers basic, patient, fallback, basc cites "T-1" when visit == inpatient
`,
  'a3.policy': `policy t { title "t" version 2018-01-01 layers basic, critical_illness, hospital, patient }
clause "T-1" "第一条"
param 标准 = 200元 cites "T-1"
let 住院者 = visit == inpatient cites "T-1"
accumulator 年度已付 per person year cites "T-1"
rule r cites "T-1" { basic = 10% of total  年度已付 += basic }
kpi k cites "T-1" { numerator count }
kpi k cites "T-1" { numerator count }
kpi g cites "T-1" { numerator count  by year  by year  growth growth }
kpi pv cites "T-1" { numerator persons total }
kpi cv cites "T-1" { numerator count total }
kpi st cites "T-1" { numerator sum level }
kpi ut cites "T-1" { numerator avg total }
kpi nc { numerator count }
kpi tg cites "T-1" { numerator sum total  denominator count  target >= 10% }
audit a cites "T-1" { finding "x" }
audit a result 可疑 stage 事后 cites "T-1" { finding "x" }
audit b result 可以 stage 事后 cites "T-1" {
  let total = 1元
  let 标准 = 1元
  let 年度已付 = 1元
  let x = 1元
  let x = 1元
  let c = count total earlier
  let d = sum totl earlier
  let e = max earlier
  let f = count earlier same hospitalid
  let g = count earlier same total
  let h = cont earlier
  finding "x" when 年度已付 > 0元
}
audit c result 可疑 stage 事后 cites "T-1" from 2019-01-01 until 2018-01-01 { finding "x" }
premium p cites "T-1" {
  standard 标准
  standard 标准
  subsidy s = 标准 source "a"
  subsidy s = 标准 source "" from 2019-01-01 until 2018-06-01
  subsidy l = basic source "a"
  subsidy m = paid source "a"
  subsidy n = 年度已付 source "a"
}
premium p cites "T-1" { standard 标准 }
premium q { standard 标准  subsidy s = 标准 source "a" when 住院者 }
kpi tc cites "T-1" { numerator sum total  denominator count  target >= total }
kpi mc cites "T-1" { numerator persons with level  denominator persons }
audit w result 可疑 stage 事后 cites "T-1" {
  let c = count earlier where basic > 0元
  finding "x" when c > 0
}
`,
  'a4.policy': `policy t {
  title "t"
  version 2018-01-01 cites "T-1"
  version 2020-01-01 cites "T-1"
  layers basic, critical_illness, hospital, patient
}
clause "T-1" "第一条"
param 起付线 = 500元 cites "T-1"
accumulator 年度已付 per person year cites "T-1"
cap 限额 = 30万元 per person year on basic cites "T-1" when level == 2 and level == 3
modifier 倾斜 cites "T-1" when level == 2 and level == 3 {
  起付线 + 1元
}
adjust 起付线 + 2元 cites "T-1" when level == 1 and level == 3
rule 永不 cites "T-1" when level == 2 and level == 3 {
  basic = 10% of total
}
rule 甲 cites "T-1" when 年度已付 > 100元 {
  critical_illness = max(0元, total - 起付线)
  年度已付 += critical_illness
}
rule 乙 cites "T-1" {
  critical_illness = 10% of total
}
rule 丙 cites "T-1" from 2020-01-01 {
  hospital = 10% of total
}
rule 丁 cites "T-1" from 2020-01-01 when visit == inpatient {
  hospital = 20% of total
}
covers basic cites "T-1" when visit == inpatient or visit == outpatient
`,
  'a5.policy': `policy t { title "t" version 2018-01-01 layers basic, critical_illness, hospital, patient }
clause "T-1" "第一条"
accumulator 年度已付 per person year cites "T-1"
accumulator 次数 per person year cites "T-1"
rule 甲 cites "T-1" { basic = 10% of total }
rule 乙 cites "T-1" { basic = 20% of total }
rule 丙 cites "T-1" when 年度已付 > 100元 and visit == inpatient and 次数 > 2元 and registered_poor in categories {
  hospital = 10% of total
  年度已付 += hospital
  次数 += 1元
}
rule 丁 cites "T-1" when visit == inpatient { hospital = 20% of total }
rule 戊 cites "T-1" {
  critical_illness = if level == 1 then (if level == 2 then 1元 else 2元) else 3元
}
table 表 by level { 0: 1元  1: 1元  2: 2元  3: 3元 } cites "T-1"
rule 己 cites "T-1" when level >= 1 { critical_illness = 表[level] }
`,
  'a6.policy': `policy t { title "t" version 2018-01-01 layers basic, critical_illness, hospital, patient }
clause "T-1" "第一条"
param 标准 = 200元 cites "T-1"
param 比例 = 80% cites "T-1"
accumulator 年度已付 per person year cites "T-1"
rule r cites "T-1" {
  basic = 10% of total
  hospital tops up to 比例
  年度已付 += 比例
}
kpi kw cites "T-1" { numerator count where total  denominator count }
audit af result 可疑 stage 事后 cites "T-1" {
  let c = count earlier where total
  finding "x" when total
}
premium ps cites "T-1" when 标准 {
  standard 比例
  subsidy s = 比例 source "a" when 标准
}
property q cites "T-1" { basic }
`,
};

interface Checked {
  readonly label: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly files: ReadonlyMap<string, SourceFile>;
}

const goldens: Checked[] = GOLDENS.map((g) => {
  const r = loadPolicy(join(BAD, `${g}.policy`));
  return { label: g, diagnostics: r.diagnostics, files: r.files };
});
const corpus: Checked[] = Object.entries(CORPUS).map(([path, text]) => {
  const r = checkSources({ [path]: text });
  return { label: path, diagnostics: r.diagnostics, files: r.files };
});
const all = [...goldens, ...corpus];
const ours = (d: Diagnostic): boolean => d.text.id in RULES_MESSAGES;

describe('rules, typing and analysis messages in both languages', () => {
  it('the goldens chosen still report their codes, and the corpus reaches every area', () => {
    for (const g of goldens) expect(g.diagnostics.map((d) => d.code), g.label).toContain(g.label.slice(0, 4));
    const prefixes = new Set(all.flatMap((c) => c.diagnostics.filter(ours).map((d) => d.text.id.split('.')[0])));
    expect([...prefixes].sort()).toEqual(['analysis', 'audit', 'kpi', 'premium', 'rule']);
  });

  it('every diagnostic has its table message, of this area or another, and a Chinese that differs', () => {
    const missing = all.flatMap((c) =>
      c.diagnostics
        .filter((d) => renderMessage(d.text, 'en') !== d.message || messageIn(d, 'zh') === d.message)
        .filter((d) => !FOREIGN.some((p) => p.test(`${d.code} ${d.message}`)))
        .map((d) => `${c.label}: ${d.code} ${d.message}`),
    );
    expect(missing).toEqual([]);
    const relatedMissing = all.flatMap((c) =>
      c.diagnostics.flatMap((d) => (d.related ?? []).filter((r) => renderMessage(r.text, 'en') !== r.message || relatedMessageIn(r, 'zh') === r.message).map((r) => `${c.label}: ${d.code} → ${r.message}`)),
    );
    expect(relatedMissing).toEqual([]);
  });

  it('renders the English of every message exactly as reported, and a Chinese that differs', () => {
    let n = 0;
    for (const c of all) {
      for (const d of c.diagnostics.filter(ours)) {
        n++;
        expect(renderMessage(d.text, 'en'), c.label).toBe(d.message);
        expect(messageIn(d, 'en')).toBe(d.message);
        const zh = messageIn(d, 'zh');
        expect(zh, `${c.label}: ${d.message}`).not.toBe(d.message);
        // Every placeholder is filled, in both languages.
        expect(zh).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*\}/);
        expect(d.message).not.toMatch(/\{[A-Za-z_][A-Za-z0-9_]*\}/);
        for (const r of d.related ?? []) {
          expect(relatedMessageIn(r, 'en')).toBe(r.message);
          expect(renderMessage(r.text, 'en')).toBe(r.message);
          expect(relatedMessageIn(r, 'zh')).not.toBe(r.message);
        }
      }
    }
    expect(n).toBeGreaterThan(150);
  });

  it('has the same codes, severities, positions and suggestions in zh as in en', () => {
    for (const c of all) {
      const en = c.diagnostics.map((d) => diagnosticToJson(d, c.files, 'en'));
      const zh = c.diagnostics.map((d) => diagnosticToJson(d, c.files, 'zh'));
      const strip = ({ message: _m, related, ...rest }: (typeof en)[number]) => ({ ...rest, related: related?.map((r) => r.location) });
      expect(zh.map(strip), c.label).toEqual(en.map(strip));
    }
  });

  it('the goldens quote the same English the table renders', () => {
    for (const g of goldens) {
      const expected = readFileSync(join(BAD, `${g.label}.policy.expected`), 'utf8');
      for (const d of g.diagnostics.filter(ours)) {
        expect(expected, g.label).toContain(`${d.code}: ${renderMessage(d.text, 'en')}`);
        for (const r of d.related ?? []) expect(expected).toContain(`: ${renderMessage(r.text, 'en')}`);
      }
    }
  });
});

describe('the English of messages no golden shows', () => {
  // Printed by the checker before these messages were in the table (commit 42ff562), for the corpus above.
  const english = new Set(corpus.flatMap((c) => c.diagnostics.map((d) => `${d.code} ${d.message}`)));
  it.each([
    'E103 unknown layer 年度已付; 年度已付 is an accumulator: add to it with += (layers: basic, critical_illness, medical_assistance, supplementary, fallback, finance, hospital, patient)',
    'E104 年度已付 is a accumulator; a let inside a rule needs a name of its own',
    'E104 inpatient is a value of visit; a let inside a rule needs a name of its own',
    'E203 cannot combine a set of text + money',
    'E203 the condition of rule r5 needs a condition (true/false), but this is a set of plain number',
    'E202 a ratio where money belongs: money - a ratio; did you mean (100% - ratio) × amount?',
    'E112 parameter 常量七 must be a constant, but claim.total is a claim field',
    'E502 比例 × needs a ratio or a plain number (× 50%), not money',
    'E705 premium p reads the accumulator 年度已付, which a person-year does not have; a premium reads categories, year, parameters, tables, sets and lets over them',
    'E403 subsidy s of premium p ends (2018-06-01) before it starts (2019-01-01)',
    'E112 the minimum of a term of kpi mc must be a constant, but level is a claim field',
    'E111 audit w (where, on the earlier claim) reads layer basic; layers change while a claim settles, so read them inside a rule',
    'E202 a ratio where money belongs (the amount of subsidy s of premium ps); did you mean a ratio of an amount, e.g. 90% of …?',
    'E203 the condition of subsidy s of premium ps needs a condition (true/false), but this is money',
    'E202 a ratio where money belongs (the target of hospital tops up to); did you mean a ratio of an amount, e.g. 90% of …?',
    'W602 adjust adjust 起付线 never applies: no claim meets its condition in any version',
    'E601 rules 甲 and 乙 both assign basic to one claim, e.g. any claim (version 2018-01-01); such a claim is rejected: make their conditions exclusive',
    'W603 rule 丙 reads layer hospital, which the later rule 丁 changes (it assigns hospital) for a claim both apply to, e.g. visit=inpatient, 年度已付 (so far)=100.01, 次数 (so far)=2.01, registered_poor ∈ categories (version 2018-01-01); move 丙 after 丁, or make their conditions exclusive',
    'E604 covers basic: claims no rule assigning basic applies to: visit=inpatient, level=0 (version 2018-01-01); visit=inpatient, level=1 (version 2018-01-01); visit=inpatient, level=2 (version 2018-01-01) and more',
  ])('%s', (line) => {
    expect(english.has(line)).toBe(true);
  });
});

describe('the Chinese of representative messages', () => {
  const zhOf = (label: string, code: string, nth = 0): { zh: string; related: string[] } => {
    const c = all.find((x) => x.label === label);
    const d = c?.diagnostics.filter((x) => x.code === code)[nth];
    if (!d) throw new Error(`${label}: no ${code} #${nth}`);
    return { zh: messageIn(d, 'zh'), related: (d.related ?? []).map((r) => relatedMessageIn(r, 'zh')) };
  };

  it('rules: W201, E103 with its suggestion, E105, E108', () => {
    expect(zhOf('W201-read-before-assign', 'W201').zh).toBe('rule r 在任何规则为支付层 critical_illness 赋值之前读取它，读到的是 0.00');
    expect(zhOf('E103-unknown-layer', 'E103').zh).toBe(
      '未知的支付层 suplementary；是否应为 supplementary？（支付层：basic, critical_illness, medical_assistance, supplementary, fallback, finance, hospital, patient）',
    );
    expect(zhOf('E105-assigned-twice', 'E105')).toEqual({ zh: 'rule r 为支付层 basic 赋值两次', related: ['首次赋值于此'] });
    expect(zhOf('E108-not-accumulator', 'E108').zh).toBe('比例 是参数，不是累计值（accumulator）');
    expect(zhOf('a1.policy', 'E104', 2).zh).toBe('年度已付 已是累计值（accumulator）；规则中的 let 需要另取名称');
  });

  it('typing: type names, sets and the place a value stands', () => {
    expect(zhOf('E202-ratio-for-money', 'E202').zh).toBe('此处应为金额，却是比例（支付层 basic）；是否应为金额的比例，如 90% of …？');
    const e203 = corpus.flatMap((c) => c.diagnostics).filter((d) => d.code === 'E203').map((d) => messageIn(d, 'zh'));
    expect(e203).toContain('不能组合文本的集合 + 金额');
    expect(e203).toContain('此处应为金额，却是普通数字（支付层 critical_illness）；请以元为单位书写，如 7500元');
    expect(e203).toContain('premium ps 的 subsidy s 的条件 需要条件（true/false），但这里是金额');
    expect(e203).toContain('finding 的条件 需要条件（true/false），但这里是金额');
    expect(zhOf('E502-adjust', 'E502', 2).zh).toBe('报销比例 + 需要百分点（+ 5pp），而不是金额');
    expect(zhOf('a2.policy', 'E110', 4)).toEqual({ zh: '循环 的定义引用了它自身', related: ['参数 循环 在此声明'] });
  });

  it('analysis: an example claim, its version, more shapes, a table row', () => {
    expect(zhOf('E601-overlap', 'E601')).toEqual({
      zh: '规则 基本医保住院 和 贫困人口住院 为同一就诊记录的 basic 都赋值，例如 visit=inpatient, level=2, designated=true, registered_poor ∈ categories（版本 2018-01-01）；这样的就诊记录会被拒绝：请使它们的条件互斥',
      related: ['rule 基本医保住院 也适用于它', '基本医保住院 在此为 basic 赋值', '贫困人口住院 在此为 basic 赋值'],
    });
    expect(zhOf('a5.policy', 'E601').zh).toContain('例如 任意就诊记录（版本 2018-01-01）；');
    expect(zhOf('a5.policy', 'W603').zh).toContain('如 visit=inpatient，年度已付（此前累计）=100.01，次数（此前累计）=2.01，registered_poor ∈ categories（版本 2018-01-01）；');
    expect(zhOf('a4.policy', 'E604').zh).toMatch(/^covers basic：以下就诊记录没有任何为 basic 赋值的规则适用：visit=inpatient, level=0（版本 2018-01-01）；.*（版本 2018-01-01）等$/);
    expect(zhOf('a4.policy', 'W602')).toEqual({ zh: '年度封顶线 限额 永远不适用：没有就诊记录满足其条件（任何版本中都没有）', related: ['条件'] });
    expect(zhOf('W602-table-row', 'W602').zh).toBe(
      '表 比例 的行 0 永远不会被读取：读取该表的规则所适用的就诊记录中没有 level 0 的；请只保留规则读取的行，其余写 `otherwise: …`',
    );
  });

  it('kpi, audit and premium', () => {
    expect(zhOf('E704-kpi', 'E704').zh).toBe('kpi 比例不对：计数 ÷ 金额 不构成指标；请用金额除以金额、计数除以计数（得到比例），或用金额、天数除以计数');
    expect(zhOf('E701-audit-shape', 'E701', 1).zh).toBe('事毕 不是审核规则（audit）的 stage；应为 事前、事中 或 事后 之一；是否应为 事中？');
    expect(zhOf('E703-audit-reads-settlement', 'E703').zh).toBe(
      'audit 读累计值 读取了 let 已付较多，它又读取 年度已付，只有结算时才有它的值；审核规则（audit）只读取就诊记录、参数、表、集合以及基于就诊记录的 let',
    );
    expect(zhOf('E705-premium', 'E705', 4).zh).toBe('premium 读理赔 的 subsidy 无来源 未写明资金来源；请写出支付它的基金：source "医疗救助基金"');
    const e403 = corpus.flatMap((c) => c.diagnostics).filter((d) => d.code === 'E403' && d.message.startsWith('subsidy'));
    expect(e403.map((d) => messageIn(d, 'zh'))).toEqual(['premium p 的 subsidy s 的结束日期（2018-06-01）早于开始日期（2019-01-01）']);
    const e112 = corpus.flatMap((c) => c.diagnostics).filter((d) => d.code === 'E112' && d.message.startsWith('the target'));
    expect(e112.map((d) => messageIn(d, 'zh'))).toEqual(['kpi tc 的 target 必须是常量，但 total 是就诊记录字段']);
  });

  it('a parameter that is a message is rendered in the language of the message that holds it', () => {
    const where = 'layer basic';
    const p = { where, type: ref('rule.type.set', { element: ref('rule.element.level') }), actual: ref('rule.type.money') };
    expect(t('en', 'rule.typing.mismatch', p)).toBe('layer basic needs a set of provider level, but this is money');
    expect(t('zh', 'rule.typing.mismatch', p)).toBe('layer basic 需要医疗机构等级的集合，但这里是金额');
  });
});

/**
 * English left inside Chinese messages: every diagnostic and related message, in zh, of every
 * golden in testdata/bad, every shipped policy (policies/ and its modules) and the corpus above.
 * An ASCII word of 3+ letters is fine when it is the language's own (a keyword, a claim field, a
 * layer, a settlement value, a function, a type, an enum value), when the policy's source writes
 * it (a name; comments left out), or inside quotes or backticks (a string, a path, code); the
 * others must be on ALLOWED, the few words the Chinese templates keep on purpose.
 */
const ALLOWED: readonly string[] = [
  'amount', // {name}(amount): how to call bands, as code
  'category', // by category: a kpi grouping, as written in a kpi
  'fmt', // policy fmt: the command that fixes full-width punctuation
  'month', // by month: a kpi grouping
];

describe('no English words in the Chinese messages', () => {
  const policies = [...policyFolders('policies'), ...policyFolders('policies/modules')];
  const bad = readdirSync(BAD).filter((f) => f.endsWith('.policy')).sort();
  const checked: Checked[] = [
    ...bad.map((f) => {
      const r = loadPolicy(join(BAD, f));
      return { label: f, diagnostics: r.diagnostics, files: r.files };
    }),
    ...policies.map((p) => {
      const r = loadPolicy(p);
      return { label: p, diagnostics: r.diagnostics, files: r.files };
    }),
    ...corpus,
  ];
  const words = (text: string): string[] => (text.match(/[A-Za-z]+/g) ?? []).filter((w) => w.length >= 3);
  const language = new Set(
    [
      ...keywordTokens.map((k) => k.name.replace(/^Kw_/, '')),
      ...Object.keys(CLAIM_FIELDS),
      ...LAYERS,
      ...Object.keys(STATE_NAMES),
      ...Object.keys(BUILTINS),
      ...Object.keys(TYPE_NAMES),
      ...enumNames(),
    ].flatMap(words),
  );
  /** The prose of a message: without what it quotes ("…", `…`) and without paths (design/decisions.md). */
  const prose = (text: string): string => text.replace(/"[^"]*"|`[^`]*`|[^\s"`（）：；，]*\/[^\s"`（）：；，]*/g, ' ');

  it('reaches every golden and every shipped policy', () => {
    expect(bad.length).toBeGreaterThan(50);
    expect(policies).toEqual(expect.arrayContaining(['policies/anyi', 'policies/modules/anhui-base']));
    expect(checked.filter((c) => c.label.endsWith('.policy')).every((c) => c.diagnostics.length > 0)).toBe(true);
  });

  it('keeps only the source\'s words and the allowed keywords in zh', () => {
    const foreign = new Map<string, string>();
    for (const c of checked) {
      const source = new Set([...c.files.values()].flatMap((f) => words(f.text.replace(/#[^\n]*/g, ''))));
      for (const d of c.diagnostics) {
        const zh = [messageIn(d, 'zh'), ...(d.related ?? []).map((r) => relatedMessageIn(r, 'zh'))];
        for (const text of zh) {
          for (const w of words(prose(text))) if (!language.has(w) && !source.has(w) && !foreign.has(w)) foreign.set(w, `${c.label}: ${d.code} ${text}`);
        }
      }
    }
    const found = [...foreign.keys()].sort();
    expect(found, [...foreign.values()].join('\n')).toEqual([...ALLOWED].sort());
  });
});

describe('the words of messages (check/words.ts)', () => {
  const scalars: Scalar[] = ['money', 'ratio', 'points', 'number', 'days', 'bool', 'date', 'text', 'level', 'visit', 'region', 'referral', 'category', 'error'];
  it('render a type in English exactly as describeType does, in Chinese in words', () => {
    for (const s of scalars) {
      expect(renderMessage(typeRef(s), 'en')).toBe(describeType(s));
      expect(renderMessage(typeRef({ collection: s }), 'en')).toBe(describeType({ collection: s }));
    }
    expect(renderMessage(typeRef({ collection: 'visit' }), 'zh')).toBe('就诊类型的集合');
  });
  it('render a kind as the English words of before, or as its keyword', () => {
    const kinds = ['param', 'table', 'set', 'let', 'accumulator', 'bands', 'cap'] as const;
    expect(kinds.map((k) => renderMessage(kindRef(k), 'en'))).toEqual(['parameter', 'table', 'set', 'let-binding', 'accumulator', 'bands', 'yearly cap']);
    expect(kinds.map((k) => renderMessage(entryKindRef(k), 'en'))).toEqual([...kinds]);
    expect(kinds.map((k) => renderMessage(kindRef(k), 'zh'))).toEqual(['参数', '表', '集合', 'let 绑定', '累计值（accumulator）', '分段（bands）', '年度封顶线']);
  });
});
