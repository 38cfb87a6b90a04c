import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy, tempDir } from './run-cli.js';

/**
 * A policy that names one disease, with a quota for it and a ratio for every other stay: the
 * claims `policy generate` draws for it must include stays for other diseases, or a change of the
 * ratio would show nothing (the "no claim changed"). With --mix listed=1 (every stay for
 * the named disease, as the generator drew before) the change is indeed invisible.
 */
const POLICY = (ratio: string) => `policy 示例 {
  title "示例"
  version 2018-01-01
  layers basic, patient
}
clause "T-1" "第一条" "住院"
set 定额病种 = { "甲病" } cites "T-1"
param 定额 = 3000元 cites "T-1"
param 住院报销比例 = ${ratio} cites "T-1"
rule 定额病种住院 cites "T-1" when visit == inpatient and disease in 定额病种 {
  basic = min(定额, inCatalog)
}
rule 普通住院 cites "T-1" when visit == inpatient and not (disease in 定额病种) {
  basic = 住院报销比例 of inCatalog
}
`;

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('policy generate draws ordinary claims too', () => {
  it('a ratio change over generated claims is seen; over claims all of the named disease it is not', async () => {
    const dir = tempDir();
    const before = write(dir, 'before.policy', POLICY('50%'));
    const after = write(dir, 'after.policy', POLICY('60%'));
    const ordinary = join(dir, 'mixed.csv');
    const named = join(dir, 'named.csv');
    expect((await policy(['generate', '--policy', before, '--count', '500', '--seed', '7', '--out', ordinary])).status).toBe(0);
    expect((await policy(['generate', '--policy', before, '--count', '500', '--seed', '7', '--out', named, '--mix', 'listed=1'])).status).toBe(0);
    const stays = (file: string) => readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[4] === 'inpatient');
    // ≈45% of 500 are stays; 70% of them for another disease: ≈157 (at least 100 is 4 sd away)
    const other = stays(ordinary).filter((c) => c[9] !== '甲病').length;
    expect(other).toBeGreaterThan(100);
    expect(stays(named).every((c) => c[9] === '甲病')).toBe(true);
    const diff = async (file: string) => JSON.parse((await policy(['diff', '--base', before, '--head', after, '--in', file, '--format', 'json'])).stdout) as { changedClaims: number };
    // a stay for another disease with inCatalog > 0 gets 10 points more
    expect((await diff(ordinary)).changedClaims).toBeGreaterThan(90);
    expect((await diff(named)).changedClaims).toBe(0);
  });

  it('reads the mix from a JSON file, and refuses a bad one naming the key', async () => {
    const dir = tempDir();
    const pol = write(dir, 'p.policy', POLICY('50%'));
    const mix = write(dir, 'mix.json', JSON.stringify({ visit: { inpatient: 1, outpatient_chronic: 0, outpatient_observation: 0, outpatient: 0 }, ordinary: 1 }));
    const out = join(dir, 'c.csv');
    expect((await policy(['generate', '--policy', pol, '--count', '50', '--out', out, '--mix', mix])).status).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.every((c) => c[4] === 'inpatient' && c[3] === '')).toBe(true);
    const bad = write(dir, 'bad.json', JSON.stringify({ visits: { inpatient: 1 } }));
    const r = await policy(['generate', '--policy', pol, '--count', '5', '--mix', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--mix ${bad}: unknown key "visits.inpatient"`);
  });
});
