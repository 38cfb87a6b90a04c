import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policySync as policy, tempDir } from './run-cli.js';

/** A 90% floor stated without the rounding to the fen: false for some claim, true once rounded. */
const FLOOR = (body: string) => `policy floor { title "t" version 2018-01-01 layers basic, fallback, patient }
clause "T-1" "兜底到90%"
rule 基本医保 cites "T-1" when visit == inpatient and designated {
  basic = 70% of inCatalog
}
rule 兜底 cites "T-1" when registered_poor in categories and visit == inpatient {
  fallback tops up to 90% of total
}
property 九成 cites "T-1" when registered_poor in categories and visit == inpatient {
  ${body}
}
`;

describe('policy prove', () => {
  it('refutes a floor stated on the unrounded amount, with a claim policy eval settles the same way', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'floor.policy'), FLOOR('basic + fallback >= 90% of total'));
    const r = policy(['prove', '--format', 'json', dir]);
    expect(r.status).toBe(1);
    const verdict = (JSON.parse(r.stdout) as { properties: { status: string; claim: Record<string, string> }[] }).properties[0];
    expect(verdict?.status).toBe('counterexample');
    const claim = verdict?.claim as Record<string, string>;
    writeFileSync(join(dir, 'claim.json'), JSON.stringify(claim));
    const e = policy(['eval', '--policy', dir, join(dir, 'claim.json')]);
    expect(e.status).toBe(0);
    const layers = (JSON.parse(e.stdout) as { layers: Record<string, string> }).layers;
    // The property is false for the settled claim: basic + fallback < 90% × total, exactly.
    const paidFen = Math.round(Number(layers['basic']) * 100) + Math.round(Number(layers['fallback']) * 100);
    const totalFen = Math.round(Number(claim['total']) * 100);
    expect(paidFen * 10).toBeLessThan(9 * totalFen);
    // …and only by the rounding: the top-up reached 90% × total rounded half-up to the fen.
    expect(paidFen).toBe(Math.floor((9 * totalFen) / 10 + 0.5));
  });

  it('proves the floor once it is stated on the rounded amount (exit 0)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'floor.policy'), FLOOR('basic + fallback >= round_fen(90% of total)'));
    const r = policy(['prove', dir]);
    expect(r.stderr).toContain('proved 九成');
    expect(r.status).toBe(0);
  });

  it('is a usage error for an unknown property, --format or --timeout (exit 2, no stack)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'floor.policy'), FLOOR('basic >= 0元'));
    for (const args of [['--property', '没有'], ['--format', 'xml'], ['--timeout', 'x']]) {
      const r = policy(['prove', ...args, dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^policy: /);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});
