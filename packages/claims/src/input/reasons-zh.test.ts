import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '@policy/dsl';
import { renderReason, textIn, type Rejection } from '@policy/engine';
import { readRecords, readRecordsFromText, recordFormatOf } from './read-records.js';
import { ClaimFileError, describeRejection, rejectedLine, type RecordItem } from './record-item.js';
import { validateRecord } from './validate.js';
import { readClaims } from './claim-reader.js';
import { MappingError, defaultNhsaMapping, parseMappingFile } from '../nhsa/mapping.js';
import { platformClaimResult } from '../nhsa/platform-items.js';
import { readRosterFile } from '../roster/read-roster.js';
import { describeConflict, findConflicts } from '../roster/roster-conflicts.js';
import { OPEN_END, describeProblem, type RosterRow } from '../roster/roster-row.js';
import { rejectionToJson } from '../files/record-writers.js';

/**
 * Rejection reasons and file errors in both languages (issue 17): the English is what it was;
 * the Chinese comes from the same table entry; line, row, id and field are the same in both.
 */

const base = { id: 'C1', personId: 'P1', date: '2018-03-05', visit: 'outpatient', level: 1, region: 'county', total: '100.00', inCatalog: '80.00' };
const at = { line: 4, row: 3 };

function rejected(raw: unknown): Rejection {
  const v = validateRecord(raw, at);
  if (v.ok) throw new Error('accepted');
  return v.rejection;
}

const dir = mkdtempSync(join(tmpdir(), 'reasons-zh-'));
function file(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function all(records: AsyncIterable<RecordItem>): Promise<RecordItem[]> {
  const out: RecordItem[] = [];
  for await (const r of records) out.push(r);
  return out;
}

function bothLanguages(r: Rejection): { en: string; zh: string } {
  return { en: textIn(r, 'en'), zh: textIn(r, 'zh') };
}

describe('claim rejection reasons in Chinese', () => {
  it('a bad amount', () => {
    const r = rejected({ ...base, total: '12.345' });
    expect(r.field).toBe('total');
    expect(bothLanguages(r)).toEqual({
      en: 'must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "12.345")',
      zh: '应为以元计的非负金额，最多 2 位小数，如 "1234.50"（实际为 "12.345"）',
    });
    expect(describeRejection(r)).toBe('line 4 (row 3) id C1: total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "12.345")');
    expect(describeRejection(r, 'zh')).toBe('第 4 行（第 3 条数据），id C1：total：应为以元计的非负金额，最多 2 位小数，如 "1234.50"（实际为 "12.345"）');
    expect(rejectedLine(r, 'zh')).toBe(`已拒绝 ${describeRejection(r, 'zh')}`);
  });

  it('a missing field, with the other faulty fields named', () => {
    const { personId: _p, ...noPerson } = base;
    const r = rejected({ ...noPerson, visit: 'x' });
    expect(r.field).toBe('personId');
    expect(r.message).toBe('is required; also wrong: visit');
    expect(textIn(r, 'zh')).toBe('是必填字段；另有错误：visit');
  });

  it('an unknown enum value, listing the codes and their Chinese names as they are', () => {
    const r = rejected({ ...base, visit: 'emergency_room' });
    expect(r.field).toBe('visit');
    expect(r.message).toMatch(/^must be one of .*outpatient 普通门诊.* \(got "emergency_room"\)$/);
    expect(textIn(r, 'zh')).toMatch(/^应为以下之一：.*outpatient 普通门诊.*（实际为 "emergency_room"）$/);
    // The list of codes is the same in both languages.
    expect(textIn(r, 'zh').slice('应为以下之一：'.length, -'（实际为 "emergency_room"）'.length)).toBe(r.message.slice('must be one of '.length, -' (got "emergency_room")'.length));
  });

  it('a rule across fields, and a record that is not an object', () => {
    expect(textIn(rejected({ ...base, inCatalog: '120.00' }), 'zh')).toBe('目录内费用不能超过总费用（实际为 inCatalog "120.00"，total "100.00"）');
    expect(textIn(rejected([base]), 'zh')).toBe('就诊记录应为 JSON 对象（实际为数组）');
    expect(textIn(rejected(3), 'zh')).toBe('就诊记录应为 JSON 对象（实际为数字 3）');
  });

  it('a duplicate id names the first record in the language', async () => {
    const results = [];
    for await (const r of readClaims(readRecordsFromText(`${JSON.stringify(base)}\n${JSON.stringify(base)}\n`, 'jsonl'))) results.push(r);
    const dup = results[1];
    expect(dup?.kind).toBe('rejected');
    if (dup?.kind !== 'rejected') return;
    expect(dup.rejection.message).toBe('"C1" is already used by the record on line 1');
    expect(textIn(dup.rejection, 'zh')).toBe('"C1" 已被第 1 行的记录使用');
  });

  it('broken JSON: the parser says what, the table says where', async () => {
    const [item] = await all(readRecordsFromText('{"id": "C9" "total": 1}\n', 'jsonl'));
    const r = (item as { rejection: Rejection }).rejection;
    expect(r.message).toBe("not valid JSON: Expected ',' or '}' after property value at column 13");
    expect(textIn(r, 'zh')).toBe("不是有效的 JSON：Expected ',' or '}' after property value，位于第 13 列");
    expect(r.id).toBe('C9');
  });

  it('invalid UTF-8 (a GBK file): same line, row and column in both languages', async () => {
    const gbk = Buffer.concat([
      Buffer.from('id,personId,date,visit,level,region,total,inCatalog,disease\n', 'utf8'),
      Buffer.from('C1,P1,2018-03-05,outpatient,1,county,100.00,80.00,', 'utf8'),
      Buffer.from([0xb7, 0xce, 0xd1, 0xd7]), // 肺炎 in GBK
      Buffer.from('\n', 'utf8'),
    ]);
    const [item] = await all(readRecords(file('gbk.csv', gbk)));
    const r = (item as { rejection: Rejection }).rejection;
    expect(r.location).toEqual({ line: 2, row: 1 });
    expect(r.field).toBe('disease');
    expect(r.message).toBe('is not valid UTF-8 (line 2, byte 51); the file may be in GBK or GB18030: save it again as "CSV UTF-8" or convert it (iconv -f GB18030 -t UTF-8)');
    expect(textIn(r, 'zh')).toBe('不是有效的 UTF-8（第 2 行第 51 字节）；文件可能是 GBK 或 GB18030 编码：请另存为“CSV UTF-8”或转换编码（iconv -f GB18030 -t UTF-8）');
    // The rejects file: the same columns, only the reason differs.
    const en = rejectionToJson(r, 'en');
    const zh = rejectionToJson(r, 'zh');
    expect({ ...zh, error: undefined }).toEqual({ ...en, error: undefined });
    expect(zh['error']).toBe(textIn(r, 'zh'));
  });
});

describe('every rejection of the example files', () => {
  it('has its reason in the table: the English rendered from it is the message, the Chinese differs', async () => {
    let n = 0;
    for (const path of ['examples/bad-claims.csv', 'examples/bad-claims.jsonl']) {
      for await (const r of readClaims(readRecords(path))) {
        if (r.kind !== 'rejected') continue;
        n++;
        expect(r.rejection.text, `${path} line ${r.rejection.location.line}`).toBeDefined();
        expect(renderReason(r.rejection.text as NonNullable<Rejection['text']>, 'en')).toBe(r.rejection.message);
        expect(textIn(r.rejection, 'zh')).not.toBe(r.rejection.message);
        expect(describeRejection(r.rejection, 'zh')).toContain(`第 ${r.rejection.location.line} 行`);
      }
    }
    expect(n).toBeGreaterThan(20);
  });
});

describe('claim file errors in Chinese', () => {
  function error(f: () => unknown): ClaimFileError {
    try {
      f();
    } catch (e) {
      if (e instanceof ClaimFileError) return e;
      throw e;
    }
    throw new Error('no error');
  }

  it('an unknown extension', () => {
    const e = error(() => recordFormatOf('claims.xlsx'));
    expect(e.message).toBe('claims.xlsx: cannot tell the format of this claim file from its name; use one of .csv, .jsonl, .ndjson, .json');
    expect(textIn(e, 'zh')).toBe('claims.xlsx：无法从文件名判断这个就诊记录文件的格式；请使用以下扩展名之一：.csv, .jsonl, .ndjson, .json');
  });

  it('UTF-16 and a missing file', async () => {
    const utf16 = file('u16.csv', Buffer.from([0xff, 0xfe, 0x69, 0x00]));
    const e = await all(readRecords(utf16)).then(() => undefined, (x: unknown) => x as ClaimFileError);
    expect(e).toBeInstanceOf(ClaimFileError);
    expect(textIn(e as ClaimFileError, 'zh')).toBe(
      `${utf16}：编码为 UTF-16（字节顺序标记 FF FE，UTF-16 小端序）；就诊记录文件应为 UTF-8：请另存为“CSV UTF-8”（Excel、WPS）或转换编码（iconv -f UTF-16 -t UTF-8）`,
    );
    const missing = join(dir, 'none.csv');
    const m = await all(readRecords(missing)).then(() => undefined, (x: unknown) => x as ClaimFileError);
    expect((m as ClaimFileError).message).toBe(`cannot read ${missing}: no such file`);
    expect(textIn(m as ClaimFileError, 'zh')).toBe(`无法读取 ${missing}：文件不存在`);
  });

  it('a row with the wrong number of cells', async () => {
    const [item] = await all(readRecordsFromText('id,personId\nC1,P1,x\n', 'csv'));
    const r = (item as { rejection: Rejection }).rejection;
    expect(r.message).toBe('the row has 3 cells but the header has 2 columns');
    expect(textIn(r, 'zh')).toBe('这一行有 3 个单元格，但表头有 2 列');
  });
});

describe('platform record faults in Chinese', () => {
  const mapping = defaultNhsaMapping();
  const record = {
    setl_id: 'S1', psn_no: 'P1', med_type: '99', setl_time: '2018-03-05 14:20:00', hosp_lv: '05', pay_loc: '2',
    medfee_sumamt: '150.00', inscp_scp_amt: '120.00', fixmedins_code: 'H1',
  };

  it('a code with no mapping', () => {
    const r = platformClaimResult({ location: { line: 2 }, raw: record }, 0, undefined, mapping);
    expect(r.kind).toBe('rejected');
    if (r.kind !== 'rejected') return;
    expect(r.rejection.field).toBe('med_type');
    expect(r.rejection.message).toMatch(/^"99" has no mapping in the default mapping \(.*\) \(known: .*\)$/);
    expect(textIn(r.rejection, 'zh')).toBe('"99" 在 默认映射（packages/claims/src/nhsa/nhsa-default-mapping.json） 中没有映射（已知：11, 14, 21, 23, 24）');
  });

  it("a contract rejection renamed to the platform's fields, in both languages", () => {
    const r = platformClaimResult({ location: { line: 2 }, raw: { ...record, med_type: '11', medfee_sumamt: 'x', inscp_scp_amt: 'y' } }, 0, undefined, mapping);
    if (r.kind !== 'rejected') throw new Error('accepted');
    expect(r.rejection.field).toBe('medfee_sumamt');
    expect(r.rejection.message).toBe('must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "x"); also wrong: inscp_scp_amt');
    expect(textIn(r.rejection, 'zh')).toBe('应为以元计的非负金额，最多 2 位小数，如 "1234.50"（实际为 "x"）；另有错误：inscp_scp_amt');
  });
});

describe('mapping file errors in Chinese', () => {
  it('one line per fault, the same JSON paths and values, the words in the language', () => {
    const text = JSON.stringify({ med_type: { '99': { visit: 'emergency_room' } }, extra: 1 });
    let error: MappingError | undefined;
    try {
      parseMappingFile(text, 'm.json');
    } catch (e) {
      error = e as MappingError;
    }
    expect(error).toBeInstanceOf(MappingError);
    const en = textIn(error as MappingError, 'en').split('\n');
    const zh = textIn(error as MappingError, 'zh').split('\n');
    expect(en).toEqual((error as MappingError).message.split('\n'));
    expect(zh.length).toBe(en.length);
    expect(en).toContain('m.json: $: unknown key "extra"');
    expect(zh).toContain('m.json：$：未知的键 "extra"');
    const visit = zh.find((l) => l.startsWith('m.json：$.med_type["99"].visit：应为以下之一："inpatient" 住院'));
    expect(visit).toMatch(/（实际为 "emergency_room"）$/);
  });
});

describe('roster problems and conflicts in Chinese', () => {
  const day = (d: string): number => parseDate(d) as number;
  const row = (person: string, category: RosterRow['category'], from: string, to: string | undefined, line: number): RosterRow => ({
    file: 'r.csv', line, person, category, from: day(from), to: to === undefined ? OPEN_END : day(to),
  });

  it('a conflict: the same rows and periods, the words in the language', () => {
    const [c] = findConflicts([row('P1', 'dibao', '2018-01-01', undefined, 2), row('P1', 'extreme_poor', '2018-03-01', '2018-06-30', 3)]);
    expect(c).toBeDefined();
    if (!c) return;
    expect(describeConflict(c)).toBe('r.csv:2 and r.csv:3: person P1 is dibao 2018-01-01 – (still in) and extreme_poor 2018-03-01 – 2018-06-30: these categories exclude each other');
    expect(describeConflict(c, 'zh')).toBe('r.csv:2 与 r.csv:3：参保人 P1 在 2018-01-01 – （仍在名单中） 为 dibao，在 2018-03-01 – 2018-06-30 为 extreme_poor：这两个人群类别互相排斥');
  });

  it('bad rows: file, line and field the same, the rule in the language', async () => {
    const path = file('bad.csv', 'person,category,from,to\nP1,veteran,2018-01-01,\n,dibao,2018-01-01,\nP3,dibao,2018-05-01,2018-02-01\n');
    const r = await readRosterFile(path);
    expect(r.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['2 category', '3 person', '4 to']);
    expect(r.problems.map((p) => describeProblem(p))).toEqual([
      expect.stringMatching(new RegExp(`^${path.replace(/[.\\/]/g, '\\$&')}:2: category: must be one of registered_poor, .*\\(got "veteran"\\)$`)),
      `${path}:3: person: is required`,
      `${path}:4: to: the period ends before it starts (from "2018-05-01", to "2018-02-01")`,
    ]);
    const zh = r.problems.map((p) => describeProblem(p, 'zh'));
    expect(zh[0]).toMatch(/：category：应为 registered_poor, .*（实际为 "veteran"）$/);
    expect(zh[1]).toBe(`${path}:3：person：是必填字段`);
    expect(zh[2]).toBe(`${path}:4：to：期间的结束日期早于开始日期（from "2018-05-01"，to "2018-02-01"）`);
  });
});
