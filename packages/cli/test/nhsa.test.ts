import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

/**
 * Platform records through the whole command: examples/nhsa (examples/claims.jsonl written as
 * platform records by scripts/make-nhsa-examples.ts) settle exactly as examples/claims.csv does;
 * the output does not depend on the number of workers nor on --presorted.
 */

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').trimEnd().split('\n');
}

/** The contract columns of each settlement row (id … flags), by id. */
function contractRows(path: string): Map<string, string> {
  return new Map(lines(path).slice(1).map((l) => [l.split(',')[0] as string, l.split(',').slice(0, 13).join(',')]));
}

describe('policy batch over platform records', () => {
  const dir = tempDir();

  it('settles examples/nhsa as examples/claims.csv: same settlements, one record rejected for its unmapped med_type', () => {
    const contract = policy(['batch', '--workers', '2', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'c.csv')]);
    expect(contract.status).toBe(0);
    for (const input of ['examples/nhsa/claims.csv', 'examples/nhsa/claims.jsonl']) {
      const out = join(dir, 'n.csv');
      const rejects = join(dir, 'r.jsonl');
      const r = policy(['batch', '--workers', '2', '--policy', 'policies/anyi', '--in', input, '--out', out, '--rejects', rejects]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toContain('input  national platform records (detected from the');
      expect(r.stderr).toContain('records read = settled + rejected: 227 = 226 + 1');
      expect(contractRows(out)).toEqual(contractRows(join(dir, 'c.csv')));
      const [rejected] = lines(rejects).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rejected).toMatchObject({ id: 'N001', field: 'med_type', error: '"41" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)' });
    }
  });

  it('writes the same bytes with 1 and 3 workers and presorted, CSV and JSON Lines, setlinfo out', () => {
    const sorted = join(dir, 'sorted.csv');
    // psn_no is the fourth column: sort the rows by it (stable), header first.
    const [header, ...rows] = lines('examples/nhsa/claims.csv');
    const key = (l: string): string => l.split(',')[3] as string;
    const bySorted = rows.map((l, i) => [l, i] as const).sort((a, b) => (key(a[0]) < key(b[0]) ? -1 : key(a[0]) > key(b[0]) ? 1 : a[1] - b[1]));
    writeFileSync(sorted, `${[header, ...bySorted.map(([l]) => l)].join('\n')}\n`);
    for (const ext of ['csv', 'jsonl']) {
      const outs = [
        ['--workers', '1'],
        ['--workers', '3'],
      ].map((w, i) => {
        const out = join(dir, `w${i}.${ext}`);
        const r = policy(['batch', ...w, '--policy', 'policies/anyi', '--in', 'examples/nhsa/claims.jsonl', '--out', out, '--out-format', 'nhsa', '--rejects', join(dir, 'rej.jsonl')]);
        expect(r.status, r.stderr).toBe(1);
        return readFileSync(out, 'utf8');
      });
      expect(outs[1]).toBe(outs[0]);
      const out = join(dir, `p.${ext}`);
      const p = policy(['batch', '--workers', '2', '--presorted', '--policy', 'policies/anyi', '--in', sorted, '--out', out, '--out-format', 'nhsa', '--rejects', join(dir, 'rej.jsonl')]);
      expect(p.status, p.stderr).toBe(1);
      // Presorted input is in another order: the same records, line for line once sorted.
      expect(lines(out).sort()).toEqual((outs[0] as string).trimEnd().split('\n').sort());
    }
  });

  it('says a --presorted platform file out of order by psn_no', () => {
    const r = policy(['batch', '--workers', '1', '--presorted', '--policy', 'policies/anyi', '--in', 'examples/nhsa/claims.csv', '--out', join(dir, 'x.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/psn_no "P\d+" comes after "P\d+": .*sort by psn_no/);
  });

  it('--help of batch and eval documents the shapes', () => {
    for (const cmd of ['batch', 'eval']) {
      const r = policy([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('--in-format <shape>');
      expect(r.stdout).toContain('--out-format <shape>');
      expect(r.stdout).toContain('--mapping <file>');
      expect(r.stdout).toContain('National platform records');
    }
  });
});
