import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@policy/engine';
import { loadCompiled } from '../policy-paths.js';
import { runAudit } from './run-audit.js';

// 200 persons, 3 stays each for 肺炎 (04-01…06, 04-13…18, 04-25…30), 7 days apart: the 2nd and 3rd of each are 分解住院 and
// 短期再入院 (4 findings a person, 800 in all), whatever the memory mode.
function claims(): string {
  const out: string[] = [];
  for (let p = 0; p < 200; p++) {
    for (let k = 0; k < 3; k++) {
      const day = 1 + 12 * k;
      const d = (n: number): string => `2019-04-${String(n).padStart(2, '0')}`;
      out.push(JSON.stringify({ id: `C${p}-${k}`, personId: `P${String(p).padStart(4, '0')}`, date: d(day + 5), categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county', disease: '肺炎', admitted: d(day), discharged: d(day + 5), total: '1000.00', inCatalog: '1000.00' }));
    }
  }
  return `${out.join('\n')}\n`;
}

describe('runAudit', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'c.jsonl');
  writeFileSync(path, claims());
  const policy = loadCompiled('policies/jinzhai', { engine: 'decimal' });

  const run = async (presorted: boolean): Promise<{ found: Finding[]; peak: number; count: number }> => {
    const found: Finding[] = [];
    const s = await runAudit(policy, { in: path, inFormat: 'auto', policyPath: 'policies/jinzhai', presorted }, async (f) => void found.push(f));
    return { found, peak: s.peakPersonClaims, count: s.findings };
  };

  it('with --presorted keeps one person in memory at a time, and finds what the unsorted run finds', async () => {
    const sorted = await run(true);
    const all = await run(false);
    expect(sorted.peak).toBe(3);
    expect(sorted.count).toBe(800);
    expect(sorted.found.map((f) => `${f.claimId} ${f.audit} ${f.related.join(' ')}`)).toEqual(all.found.map((f) => `${f.claimId} ${f.audit} ${f.related.join(' ')}`));
    // the 3rd stay starts 7 days after the 2nd ends and 19 after the 1st (04-25 − 15 = 04-10 > 04-06): 分解住院 [2nd], 短期再入院 [1st, 2nd]
    expect(sorted.found.filter((f) => f.claimId === 'C7-2').map((f) => `${f.audit} ${f.related.join(' ')}`)).toEqual(['分解住院 C7-1', '短期再入院 C7-0 C7-1']);
  });
});
