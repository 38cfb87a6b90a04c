import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyFolders } from '@policy/dsl';
import { DEFAULT_MAPPING_SOURCE, MappingError, defaultNhsaMapping, loadNhsaMapping, mappingFileFor, mappingOf, parseMappingFile } from './mapping.js';

const DEFAULT_FILE = 'packages/claims/src/nhsa/nhsa-default-mapping.json';

describe('mapping files', () => {
  it('the default mapping follows the schema and holds the national codes of nhsa.md', () => {
    expect(() => parseMappingFile(readFileSync(DEFAULT_FILE, 'utf8'), DEFAULT_FILE)).not.toThrow();
    const m = defaultNhsaMapping();
    expect(m.source).toBe(DEFAULT_MAPPING_SOURCE);
    expect(Object.keys(m.medType).sort()).toEqual(['11', '14', '21', '23', '24']);
    expect(m.medType['24']).toMatchObject({ visit: 'inpatient', referral: 'emergency' });
    expect(m.payLoc['3']?.region).toBe('province');
    expect(m.payLoc['4']?.region).toBe('out_of_province');
    expect(m.fundPayType.basic?.code).toBe('390100');
    expect(m.fundPayType.critical_illness?.code).toBe('390200');
    expect(m.fundPayType.medical_assistance?.code).toBe('610100');
    expect(m.localRegion).toBe('county');
  });

  it('every shipped policy has a mapping file that follows the schema and names its policy', () => {
    for (const dir of policyFolders('policies')) {
      const file = mappingFileFor(dir);
      expect(file, dir).toBeDefined();
      const m = loadNhsaMapping(dir);
      expect(m.source).toBe(file);
      expect(m.policy).toBe(dir.split('/').pop());
    }
  });

  it("a policy's file adds to, replaces and (with null) removes the default's entries", () => {
    const file = parseMappingFile(
      JSON.stringify({
        med_type: { '9901': { visit: 'outpatient_observation' }, '23': null, '11': { visit: 'outpatient_chronic' } },
        hosp_lv: { '11': { level: 1 } },
        local_region: 'city',
        fund_pay_type: { fallback: { code: '999109', name: '补充' }, finance: null },
      }),
      'x.json',
    );
    const m = mappingOf(file, 'x.json');
    expect(Object.keys(m.medType).sort()).toEqual(['11', '14', '21', '24', '9901']);
    expect(m.medType['11']?.visit).toBe('outpatient_chronic');
    expect(m.hospLv['11']?.level).toBe(1);
    expect(m.hospLv['05']?.level).toBe(2);
    expect(m.localRegion).toBe('city');
    expect(m.fundPayType.fallback?.code).toBe('999109');
    expect(m.fundPayType.finance).toBeUndefined();
    // The default itself is untouched by a merge.
    expect(defaultNhsaMapping().medType['23']).toBeDefined();
  });

  it('a file against the schema is refused with the file and the JSON path of every fault', () => {
    const text = JSON.stringify({
      med_type: { '99': { visit: 'emergency_room' }, 'a b': { visit: 'inpatient' } },
      pay_loc: { '1': { region: 'abroad' } },
      outputs: { pool_prop_selfpay: { let: '' } },
      extra: 1,
    });
    let message = '';
    try {
      parseMappingFile(text, 'policies/x/nhsa-mapping.json');
    } catch (e) {
      expect(e).toBeInstanceOf(MappingError);
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines.every((l) => l.startsWith('policies/x/nhsa-mapping.json: $'))).toBe(true);
    expect(message).toContain('$: unknown key "extra"');
    expect(message).toContain('$.med_type["99"].visit: must be one of "inpatient"');
    expect(message).toContain('(got "emergency_room")');
    expect(message).toContain('$.med_type: key "a b" is not a code');
    expect(message).toContain('$.pay_loc["1"].region: must be one of "local", "county"');
    expect(message).toContain('$.outputs.pool_prop_selfpay.let:');
  });

  it('a file that is not JSON is refused with its line and column', () => {
    expect(() => parseMappingFile('{\n  "med_type": {,\n}', 'm.json')).toThrow(/^m\.json:2:16: .*\(not valid JSON\)$/);
    expect(() => parseMappingFile('[1]', 'm.json')).toThrow(/m\.json: \$: must be object/);
  });

  it('an unreadable mapping file is a MappingError naming it', () => {
    expect(() => loadNhsaMapping('policies/anyi', 'no/such/mapping.json')).toThrow('cannot read mapping file no/such/mapping.json: no such file');
    expect(() => loadNhsaMapping('policies/anyi', 'policies')).toThrow('it is a directory');
  });

  it('a policy without a file of its own gets the default; a .policy file looks in its folder', () => {
    expect(loadNhsaMapping('packages/dsl/testdata/good').source).toBe(DEFAULT_MAPPING_SOURCE);
    expect(mappingFileFor('policies/anyi/anyi.policy')).toBe('policies/anyi/nhsa-mapping.json');
    expect(mappingFileFor('no/such/path')).toBeUndefined();
  });
});
