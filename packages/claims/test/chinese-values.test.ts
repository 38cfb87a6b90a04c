import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AliasIndex, VOCABULARY, loadPolicy, type VocabularyKind } from '@policy/dsl';
import { compilePolicy, settleBatch, type ClaimItem } from '@policy/engine';
import {
  ClaimFileError,
  MappingError,
  describeRejection,
  outputName,
  parseMappingFile,
  readClaims,
  readRecordsFromText,
  runExamples,
  settlementColumns,
  settlementToJson,
  validateRecord,
  type RecordFormat,
} from '../src/index.js';

/**
 * The documents' Chinese names wherever the codes are accepted: one claim written twice, in
 * codes and in Chinese, settles to the same settlement; a name the vocabulary gives two codes
 * and a field given twice are errors; the message for a value no one knows lists codes and
 * Chinese names. The Chinese spellings below are written out by hand (not taken from the
 * vocabulary), so a wrong entry in the table fails here.
 */

const anyi = (() => {
  const loaded = loadPolicy('policies/anyi');
  if (!loaded.policy) throw new Error('policies/anyi does not check clean');
  return compilePolicy(loaded.policy);
})();

async function settled(text: string, format: RecordFormat): Promise<unknown[]> {
  const items: ClaimItem[] = [];
  const out: unknown[] = [];
  for await (const r of readClaims(readRecordsFromText(text, format))) {
    if (r.kind === 'claim') items.push(r);
    else out.push(`rejected ${describeRejection(r.rejection)}`);
  }
  for (const o of settleBatch(anyi, items)) out.push(o.kind === 'settled' ? settlementToJson(o.settlement) : `rejected ${o.rejection.message}`);
  return out;
}

// Two claims of one registered-poor, dibao person: the second is out of the county and unreferred.
const CODES_CSV = [
  'id,personId,date,categories,visit,level,region,referral,designated,disease,admitted,discharged,total,inCatalog,hospitalId,ward',
  'Z1,P1,2018-03-10,registered_poor|dibao,inpatient,2,county,referred,true,,2018-03-01,2018-03-10,10000.00,8000.00,H1,三病区',
  'Z2,P1,2018-05-10,registered_poor|dibao,inpatient,3,province,unreferred,true,,2018-05-01,2018-05-10,30000.00,24000.00,H2,',
  'Z3,P2,2018-06-01,,outpatient_chronic,1,county,,,高血压,,,1200.00,1000.00,,',
].join('\n');
const CHINESE_CSV = [
  '理赔编号,参保人,结算日期,人群类别,就诊类型,医疗机构级别,就医地,转诊备案,定点医疗机构,病种,入院日期,出院日期,医疗总费用,政策范围内费用,医疗机构编号,ward',
  'Z1,P1,2018-03-10,建档立卡贫困人口|低保对象,住院,2,县域内,转诊,true,,2018-03-01,2018-03-10,10000.00,8000.00,H1,三病区',
  'Z2,P1,2018-05-10,建档立卡贫困人口|低保对象,住院,3,省内市外,未转诊,true,,2018-05-01,2018-05-10,30000.00,24000.00,H2,',
  'Z3,P2,2018-06-01,,慢性病门诊,1,县域内,,,高血压,,,1200.00,1000.00,,',
].join('\n');

const codes = { id: 'J1', personId: 'P9', date: '2018-04-02', categories: ['extreme_poor'], visit: 'inpatient', level: 1, region: 'city', referral: 'emergency', admitted: '2018-03-28', discharged: '2018-04-02', total: '5000.00', inCatalog: '4500.00' };
const chinese = { 理赔编号: 'J1', 参保人编号: 'P9', 结算日期: '2018-04-02', 人员类别: ['特困人员'], 医疗类别: '住院', 医院等级: 1, 就医地点: '市级', 转诊状态: '急诊', 入院日期: '2018-03-28', 出院日期: '2018-04-02', 发票金额: '5000.00', 合规费用: '4500.00' };

describe('claims in Chinese settle as the same claims in codes', () => {
  it('CSV: a Chinese header and Chinese values give the settlements of the code spelling, extra columns kept', async () => {
    const a = await settled(CODES_CSV, 'csv');
    const b = await settled(CHINESE_CSV, 'csv');
    expect(a).toHaveLength(3);
    expect(a.every((x) => typeof x === 'object')).toBe(true);
    expect(b).toEqual(a);
    // The column that is no contract field passes through under its own name.
    expect((a[0] as Record<string, unknown>)['ward']).toBe('三病区');
  });

  it('JSON Lines and a JSON document: Chinese keys and values', async () => {
    const a = await settled(JSON.stringify(codes), 'jsonl');
    expect(await settled(JSON.stringify(chinese), 'jsonl')).toEqual(a);
    expect(await settled(JSON.stringify([chinese]), 'json')).toEqual(a);
    expect((a[0] as { layers: Record<string, string> }).layers['basic']).not.toBe('0.00');
  });

});

describe('what the vocabulary cannot decide is an error, never a guess', () => {
  it('no name of the shipped vocabulary stands for two codes', () => {
    for (const kind of Object.keys(VOCABULARY) as VocabularyKind[]) {
      const index = VOCABULARY[kind];
      for (const code of index.codes) {
        expect(index.lookup(code), `${kind} ${code}`).toEqual({ code });
        for (const zh of index.names[code] ?? []) expect(index.lookup(zh), `${kind} ${zh}`).toEqual({ code });
      }
    }
  });

  it('an index where one Chinese name has two codes answers with both', () => {
    const index = new AliasIndex({ county: ['本地'], city: ['本地', '市级'] });
    expect(index.lookup('本地')).toEqual({ ambiguous: ['county', 'city'] });
    expect(index.lookup('市级')).toEqual({ code: 'city' });
    expect(index.lookup('省外')).toBeUndefined();
  });

  it('a field given as its code and as a Chinese name is rejected naming both', () => {
    const v = validateRecord({ ...codes, 医疗总费用: '5000.00', visit: '住院' }, { line: 3 });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.rejection.field).toBe('total');
    expect(v.rejection.message).toBe('is given twice, as "total" and "医疗总费用"; keep one');
  });

  it('a CSV header with a field under two names is refused, naming both columns', async () => {
    const text = 'id,personId,医疗总费用,total\nA,P,1.00,1.00\n';
    await expect(settled(text, 'csv')).rejects.toThrow(ClaimFileError);
    await expect(settled(text, 'csv')).rejects.toThrow('column "total" appears twice in the header (columns 3 as "医疗总费用" and 4); keep one');
  });

  it("an unknown value's message lists the codes with their Chinese names", () => {
    const v = validateRecord({ ...codes, region: '国外' }, { line: 1 });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.rejection.field).toBe('region');
    expect(v.rejection.message).toBe('must be one of county 县域内, city 市级, province 省内市外, out_of_province 省外 (got "国外")');
    // The record is shown as written, in Chinese.
    const w = validateRecord({ ...chinese, 就医地点: '国外' }, { line: 1 });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.rejection.record).toEqual({ ...chinese, 就医地点: '国外' });
  });
});

describe('test cases and mapping files', () => {
  it('tests/*.yaml: claims and expected layers in Chinese', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zh-tests-'));
    mkdirSync(join(dir, 'tests'));
    // 安义, 二级 county hospital, an ordinary resident (as anyi/tests/01-ordinary.yaml's first case):
    // basic (8000 − 500 起付线) × 80% = 6000.00; critical_illness: 本次自付 8000 − 6000 = 2000 ≤ 7500
    // → 0.00; no categories, no other layer; patient 10000 − 6000 = 4000.00.
    writeFileSync(
      join(dir, 'tests', 'zh.yaml'),
      [
        'cases:',
        '  - name: 二级医院住院, 普通居民',
        '    claims:',
        '      - { 理赔编号: T1, 参保人: P1, 结算日期: 2018-03-10, 就诊类型: 住院, 医疗机构级别: 2, 就医地: 县域内, 入院日期: 2018-03-01, 出院日期: 2018-03-10, 医疗总费用: "10000.00", 政策范围内费用: "8000.00" }',
        '    expect:',
        '      - { 基本医保: "6000.00", 个人自付: "4000.00" }',
        '  - name: the same claim, a wrong amount under a Chinese layer name fails',
        '    claims:',
        '      - { id: T2, personId: P2, date: 2018-03-10, visit: inpatient, level: 2, region: county, admitted: 2018-03-01, discharged: 2018-03-10, total: "10000.00", inCatalog: "8000.00" }',
        '    expect:',
        '      - { 基本医保: "6120.00", 个人自付: "3880.00" }',
      ].join('\n'),
    );
    const r = runExamples(anyi, dir);
    expect(r.problems).toEqual([]);
    expect(r.cases.map((c) => c.failures)).toEqual([[], ['claim T2: basic expected 6120.00, got 6000.00', 'claim T2: patient expected 3880.00, got 4000.00']]);
  });

  it('a mapping file in Chinese values is the mapping in codes', () => {
    const zh = parseMappingFile(
      JSON.stringify({
        med_type: { '21': { visit: '住院' }, '24': { visit: '住院', referral: '急诊' } },
        pay_loc: { '3': { region: '省内市外' } },
        local_region: '市级',
        fixmedins_region: { H1: '县域内' },
        fund_pay_type: { 兜底保障: { code: '640100', name: '政府兜底基金' } },
        outputs: { act_pay_dedc: { let: '起付线', visits: ['住院', '门诊慢特病'] } },
      }),
      'zh.json',
    );
    const codes = parseMappingFile(
      JSON.stringify({
        med_type: { '21': { visit: 'inpatient' }, '24': { visit: 'inpatient', referral: 'emergency' } },
        pay_loc: { '3': { region: 'province' } },
        local_region: 'city',
        fixmedins_region: { H1: 'county' },
        fund_pay_type: { fallback: { code: '640100', name: '政府兜底基金' } },
        outputs: { act_pay_dedc: { let: '起付线', visits: ['inpatient', 'outpatient_chronic'] } },
      }),
      'codes.json',
    );
    expect(zh).toEqual(codes);
  });

  it('a mapping file naming a layer twice, or a value no one knows, is a MappingError with the JSON path', () => {
    expect(() => parseMappingFile(JSON.stringify({ fund_pay_type: { fallback: { code: '1', name: 'a' }, 兜底: { code: '2', name: 'b' } } }), 'm.json')).toThrow(
      'm.json: $.fund_pay_type: the layer fallback is given twice, as "fallback" and "兜底"; keep one',
    );
    expect(() => parseMappingFile(JSON.stringify({ med_type: { '21': { visit: '挂号' } } }), 'm.json')).toThrow(MappingError);
    expect(() => parseMappingFile(JSON.stringify({ med_type: { '21': { visit: '挂号' } } }), 'm.json')).toThrow(
      'm.json: $.med_type["21"].visit: must be one of "inpatient" 住院, "outpatient_chronic" 门诊慢特病, "outpatient_observation" 门诊观察, "outpatient" 普通门诊 (got "挂号")',
    );
  });
});

describe('--labels zh', () => {
  it('every name an output writes in Chinese reads back as its code', () => {
    for (const column of settlementColumns('codes')) {
      const zh = outputName(column, 'zh');
      expect(zh).not.toBe(column);
      const kind = VOCABULARY.layer.isCode(column) ? VOCABULARY.layer : VOCABULARY.field;
      expect(kind.lookup(zh), zh).toEqual({ code: column });
    }
    expect(settlementColumns('zh')).toEqual(['理赔编号', '政策', '版本', '医疗总费用', '基本医保', '大病保险', '医疗救助', '补充保险', '兜底保障', '县财政补助', '医疗机构承担', '个人自付', '标记']);
  });
});
