import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordsFromText } from '../input/read-records.js';
import type { RecordItem } from '../input/record-item.js';
import { validateRecord } from '../input/validate.js';
import { defaultNhsaMapping, mappingOf } from './mapping.js';
import { platformClaimResult, readPlatformClaims } from './platform-items.js';
import { platformField, platformToRaw, type Mapped } from './platform-record.js';
import { detectFormat, detectRecords } from './detect.js';

const mapping = defaultNhsaMapping();

/** A valid platform record (JSON), with `over` on top; undefined removes a field. */
function record(over: Record<string, unknown> = {}): Record<string, unknown> {
  const r: Record<string, unknown> = {
    setl_id: 'S1',
    psn_no: 'P1',
    med_type: '21',
    setl_time: '2018-03-05 14:20:00',
    begndate: '2018-03-01 09:00:00',
    enddate: '2018-03-05 10:00:00',
    hosp_lv: '05',
    pay_loc: '2',
    dise_name: '肺炎',
    dise_codg: 'J18.9',
    medfee_sumamt: '15000.00',
    inscp_scp_amt: '12345.67',
    fixmedins_code: 'H1',
    ...over,
  };
  for (const [k, v] of Object.entries(over)) if (v === undefined) delete r[k];
  return r;
}

function raw(m: Mapped): Record<string, unknown> {
  if (!m.ok) throw new Error(`refused: ${m.field}: ${m.message}`);
  return m.raw;
}

function fault(m: Mapped): string {
  if (m.ok) throw new Error('mapped, but a fault was expected');
  return `${m.field}: ${m.message}`;
}

describe('platform record → claim', () => {
  it('maps every field of setlinfo the contract has', () => {
    const r = raw(platformToRaw(record(), mapping, false));
    expect(r).toEqual({
      id: 'S1',
      personId: 'P1',
      date: '2018-03-05',
      visit: 'inpatient',
      level: 2,
      region: 'county',
      disease: '肺炎',
      diagnoses: ['J18.9'],
      admitted: '2018-03-01',
      discharged: '2018-03-05',
      total: '15000.00',
      inCatalog: '12345.67',
      hospitalId: 'H1',
    });
    // The claim is a valid contract claim, defaults applied.
    const v = validateRecord(r, { line: 1 });
    expect(v.ok && v.claim.referral).toBe('referred');
    expect(v.ok && v.claim.designated).toBe(true);
    expect(v.ok && v.claim.categories.size).toBe(0);
  });

  it('maps each med_type of the default: visit, and 24 an emergency admission', () => {
    const seen = Object.fromEntries(
      ['11', '14', '21', '23', '24'].map((c) => {
        const r = raw(platformToRaw(record({ med_type: c }), mapping, false));
        return [c, [r['visit'], r['referral'] ?? '-']];
      }),
    );
    expect(seen).toEqual({
      '11': ['outpatient', '-'],
      '14': ['outpatient_chronic', '-'],
      '21': ['inpatient', '-'],
      '23': ['inpatient', '-'],
      '24': ['inpatient', 'emergency'],
    });
  });

  it('maps each hosp_lv of the default to a level', () => {
    const levels = Object.fromEntries(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((c) => [c, raw(platformToRaw(record({ hosp_lv: c }), mapping, false))['level']]),
    );
    expect(levels).toEqual({ '01': 3, '02': 3, '03': 3, '04': 3, '05': 2, '06': 2, '07': 2, '08': 1, '09': 1, '10': 1, '11': 0 });
  });

  it('maps pay_loc: 3 province, 4 out of province, 1 and 2 local (county unless told otherwise)', () => {
    const region = (over: Record<string, unknown>, m = mapping): unknown => raw(platformToRaw(record(over), m, false))['region'];
    expect(region({ pay_loc: '1' })).toBe('county');
    expect(region({ pay_loc: '2' })).toBe('county');
    expect(region({ pay_loc: '3' })).toBe('province');
    expect(region({ pay_loc: '4' })).toBe('out_of_province');
    // The two division codes tell a local settlement's place: same county, same city, same province.
    expect(region({ pay_loc: '2', insuplc_admdvs: '360123', mdtrt_admdvs: '360123' })).toBe('county');
    expect(region({ pay_loc: '1', insuplc_admdvs: '360123', mdtrt_admdvs: '360100' })).toBe('city');
    expect(region({ pay_loc: '2', insuplc_admdvs: '360123', mdtrt_admdvs: '360400' })).toBe('province');
    expect(region({ pay_loc: '2', insuplc_admdvs: '360123', mdtrt_admdvs: '310100' })).toBe('out_of_province');
    // pay_loc 3 and 4 say it themselves: the codes are not read.
    expect(region({ pay_loc: '3', insuplc_admdvs: '360123', mdtrt_admdvs: '360123' })).toBe('province');
    // Only one of the codes: not enough, local_region.
    expect(region({ pay_loc: '2', mdtrt_admdvs: '360100' })).toBe('county');
    // The provider's own entry comes first; local_region is the mapping's.
    const m = mappingOf({ fixmedins_region: { H1: 'city' }, local_region: 'city' }, 'm.json');
    expect(region({ pay_loc: '2', insuplc_admdvs: '360123', mdtrt_admdvs: '360123' }, m)).toBe('city');
    expect(region({ pay_loc: '2', fixmedins_code: 'H2' }, m)).toBe('city');
    expect(region({ pay_loc: '4', fixmedins_code: 'H1' }, m)).toBe('out_of_province');
    expect(fault(platformToRaw(record({ insuplc_admdvs: '3601', mdtrt_admdvs: '360100' }), mapping, false))).toBe(
      'insuplc_admdvs: must be a 6-digit division code (got "3601")',
    );
  });

  it('takes the date part of setl_time, begndate and enddate; a date alone too', () => {
    const r = raw(platformToRaw(record({ setl_time: '2018-03-05', begndate: '2018-03-01T09:00:00', enddate: '2018-03-05 23:59:59' }), mapping, false));
    expect([r['date'], r['admitted'], r['discharged']]).toEqual(['2018-03-05', '2018-03-01', '2018-03-05']);
    for (const bad of ['2018/03/05', '2018-03-05 24:00:00', '2018-03-05 10:00', 20180305, '']) {
      const m = platformToRaw(record({ setl_time: bad }), mapping, false);
      if (bad === '') expect(fault(m)).toBe('setl_time: is required');
      else expect(fault(m)).toMatch(/^setl_time: must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD \(got /);
    }
    // A date that is no calendar day is the contract's rule, named as setl_time.
    const r2 = platformClaimResult({ location: { line: 3 }, raw: record({ setl_time: '2018-02-30 10:00:00' }) }, 0, undefined, mapping);
    expect(r2.kind === 'rejected' && [r2.rejection.field, r2.rejection.message]).toEqual(['setl_time', 'must be an existing date YYYY-MM-DD (got "2018-02-30")']);
  });

  it('rejects a code with no mapping, naming the field, the code, the file and the codes it knows', () => {
    const anyi = mappingOf({ med_type: { '9901': { visit: 'outpatient_observation' } } }, 'policies/anyi/nhsa-mapping.json');
    expect(fault(platformToRaw(record({ med_type: '99' }), anyi, false))).toBe(
      'med_type: "99" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)',
    );
    expect(fault(platformToRaw(record({ hosp_lv: '12' }), mapping, false))).toBe(
      `hosp_lv: "12" has no mapping in ${mapping.source} (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11)`,
    );
    expect(fault(platformToRaw(record({ pay_loc: '9' }), mapping, false))).toBe(`pay_loc: "9" has no mapping in ${mapping.source} (known: 1, 2, 3, 4)`);
    expect(raw(platformToRaw(record({ med_type: '9901' }), anyi, false))['visit']).toBe('outpatient_observation');
    // Required codes, and codes that are not codes.
    expect(fault(platformToRaw(record({ med_type: undefined }), mapping, false))).toBe('med_type: is required');
    expect(fault(platformToRaw(record({ hosp_lv: { a: 1 } }), mapping, false))).toBe('hosp_lv: must be a code, as text (got {"a":1})');
    // A JSON integer is read as its digits.
    expect(raw(platformToRaw(record({ med_type: 21 }), mapping, false))['visit']).toBe('inpatient');
  });

  it('reads what the platform lacks from columns with the contract names; the rest passes through', () => {
    const r = raw(
      platformToRaw(
        record({ med_type: '21', categories: ['dibao'], designated: false, referral: 'unreferred', disaster: true, quota: '900.00', mdtrt_id: 'M1', insutype: '390' }),
        mapping,
        false,
      ),
    );
    expect(r).toMatchObject({ categories: ['dibao'], designated: false, referral: 'unreferred', disaster: true, quota: '900.00', mdtrt_id: 'M1', insutype: '390' });
    // From CSV, as text: lists split on |, booleans read, empty cells absent.
    const csv = raw(
      platformToRaw(
        { ...Object.fromEntries(Object.entries(record()).map(([k, v]) => [k, String(v)])), categories: 'registered_poor|dibao', designated: 'FALSE', referral: '', dise_codg: 'C22.0|K74.6' },
        mapping,
        true,
      ),
    );
    expect(csv).toMatchObject({ categories: ['registered_poor', 'dibao'], designated: false, diagnoses: ['C22.0', 'K74.6'] });
    expect(Object.hasOwn(csv, 'referral')).toBe(false);
    // 24 is an emergency admission: a referral column may agree, not contradict.
    expect(raw(platformToRaw(record({ med_type: '24', referral: 'emergency' }), mapping, false))['referral']).toBe('emergency');
    expect(fault(platformToRaw(record({ med_type: '24', referral: 'unreferred' }), mapping, false))).toBe(
      `referral: "unreferred" contradicts med_type "24", which is "emergency" in ${mapping.source}`,
    );
  });

  it('refuses a contract field the platform gives under its own name', () => {
    expect(fault(platformToRaw(record({ total: '1.00' }), mapping, false))).toBe(
      "total: a platform record cannot also give the contract's total (it comes from medfee_sumamt); remove this field",
    );
    expect(fault(platformToRaw(record({ region: 'city' }), mapping, false))).toContain('(it comes from pay_loc)');
    expect(fault(platformToRaw([1], mapping, false))).toBe('undefined: a platform record is a JSON object (got an array)');
    // A key like __proto__ stays a plain field.
    const r = raw(platformToRaw(JSON.parse('{"setl_id":"S1","psn_no":"P1","med_type":"11","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"1.00","inscp_scp_amt":"1.00","__proto__":{"x":1}}'), mapping, false));
    expect(Object.hasOwn(r, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it("names contract fields of the contract's rejections as the platform fields they came from", () => {
    expect(['id', 'personId', 'date', 'total', 'inCatalog', 'diagnoses[1]', 'admitted', 'discharged', 'categories[0]'].map(platformField)).toEqual([
      'setl_id',
      'psn_no',
      'setl_time',
      'medfee_sumamt',
      'inscp_scp_amt',
      'dise_codg[1]',
      'begndate',
      'enddate',
      'categories[0]',
    ]);
  });

  it('reads a platform file: duplicates by setl_id, every rejection with the record as the file has it', async () => {
    const text = [
      JSON.stringify(record()),
      JSON.stringify(record({ medfee_sumamt: '1.001' })),
      JSON.stringify(record()),
      JSON.stringify(record({ setl_id: 'S4', enddate: '2018-02-01' })),
    ].join('\n');
    const out = [];
    for await (const r of readPlatformClaims(readRecordsFromText(text, 'jsonl'), mapping)) out.push(r);
    expect(out.map((r) => (r.kind === 'claim' ? r.claim.id : `${r.rejection.field}: ${r.rejection.message}`))).toEqual([
      'S1',
      'medfee_sumamt: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "1.001")',
      'setl_id: "S1" is already used by the record on line 1',
      'enddate: the stay ends before it starts (got admitted "2018-03-01", discharged "2018-02-01")',
    ]);
    const rejected = out[1];
    expect(rejected?.kind === 'rejected' && rejected.rejection.record).toEqual(record({ medfee_sumamt: '1.001' }));
  });
});

describe('hostile platform records', () => {
  it('never throw: any value of any platform field gives a claim or a rejection with a reason (values as JSON or as CSV text)', () => {
    const fields = ['setl_id', 'psn_no', 'med_type', 'setl_time', 'begndate', 'enddate', 'hosp_lv', 'pay_loc', 'insuplc_admdvs', 'mdtrt_admdvs', 'fixmedins_code', 'dise_codg', 'dise_name', 'medfee_sumamt', 'inscp_scp_amt', 'categories', 'designated', 'referral', 'disaster', 'quota', 'total', '__proto__', 'constructor'];
    const value = fc.oneof(fc.string(), fc.constantFrom('21', '24', '05', '2', '360123', '2018-03-05 10:00:00'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), value), fc.boolean(), (over, csv) => {
        const rec = csv ? Object.fromEntries(Object.entries({ ...record(), ...over }).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])) : { ...record(), ...over };
        const item = { location: { line: 1 }, raw: rec };
        const r = platformClaimResult(item, 0, undefined, mapping);
        if (r.kind === 'rejected') expect(r.rejection.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('telling platform records from claims', () => {
  it('by the keys', () => {
    expect(detectFormat(['setl_id', 'psn_no', 'medfee_sumamt'])).toBe('nhsa');
    expect(detectFormat(['medfee_sumamt'])).toBe('nhsa');
    expect(detectFormat(['setl_id'])).toBe('nhsa');
    expect(detectFormat(['id', 'personId', 'total'])).toBe('contract');
    // A contract file that keeps the platform's ids as extra columns stays a contract file.
    expect(detectFormat(['id', 'total', 'setl_id', 'medfee_sumamt'])).toBe('contract');
    expect(detectFormat([])).toBe('contract');
  });

  async function detect(text: string, format: 'csv' | 'jsonl'): Promise<[string, string, number]> {
    const d = await detectRecords(readRecordsFromText(text, format));
    const items: RecordItem[] = [];
    for await (const i of d.records) items.push(i);
    return [d.format, d.basis, items.length];
  }

  it('from the CSV header, the first readable JSON record, and every record kept', async () => {
    const nhsa = 'setl_id,psn_no,setl_time,med_type,hosp_lv,pay_loc,medfee_sumamt,inscp_scp_amt';
    const contract = 'id,personId,date,visit,level,region,total,inCatalog';
    expect(await detect(`${nhsa}\nS1,P1,,,,,1.00,\nS2,P1,,,,,2.00,\n`, 'csv')).toEqual(['nhsa', 'CSV header: setl_id, medfee_sumamt', 2]);
    expect(await detect(`${contract}\nA1,P1,,,,,1.00,\n`, 'csv')).toEqual(['contract', 'CSV header: id, total', 1]);
    // A header without a required column of its shape: the file is refused once, naming the columns.
    await expect(detect('setl_id,psn_no,medfee_sumamt\nS1,P1,1.00\n', 'csv')).rejects.toThrow(
      'the input: the CSV header has no "setl_time", "med_type", "hosp_lv", "pay_loc", "inscp_scp_amt" columns, which national platform records need; nothing was settled',
    );
    await expect(detect('id,personId,total\nA1,P1,1.00\n', 'csv')).rejects.toThrow('the CSV header has no "date", "visit", "level", "region", "inCatalog" columns, which claims need');
    expect(await detect('{broken\n\n{"setl_id":"S1","medfee_sumamt":1}\n{"setl_id":"S2"}\n', 'jsonl')).toEqual([
      'nhsa',
      'keys of the record on line 3: setl_id, medfee_sumamt',
      3,
    ]);
    expect(await detect('{"id":"A1","total":"1.00"}\n', 'jsonl')).toEqual(['contract', 'keys of the record on line 1: id, total', 1]);
    expect(await detect('', 'jsonl')).toEqual(['contract', 'no readable record', 0]);
    expect(await detect('[1,2]\n"x"\n', 'jsonl')).toEqual(['contract', 'no readable record', 2]);
  });
});
