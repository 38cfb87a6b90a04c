import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, STACK, policy, tempDir } from './run-cli.js';

/**
 * The per-partition contract of `policy batch` (docs/spark.md): what Spark's RDD.pipe, a
 * mapPartitions subprocess or Spark SQL's TRANSFORM … USING rely on when they run
 * `policy batch --presorted --in - --out - --rejects - --exit-zero` over each partition.
 */

const PART = ['batch', '--policy', 'policies/anyi', '--presorted', '--in', '-', '--out', '-', '--rejects', '-', '--exit-zero'];

// 安义 2018, an ordinary resident (no category), level 3 city hospital, referred, designated:
// basic = (inCatalog 40000 − deductible 1000) × 60% = 23400.00 (as examples/ci's K2).
const K2 = { id: 'K2', personId: 'P2', date: '2018-05-20', categories: [], visit: 'inpatient', level: 3, region: 'city', referral: 'referred', designated: true, admitted: '2018-05-02', discharged: '2018-05-20', total: '50000.00', inCatalog: '40000.00' };
// The same person, a claim whose in-catalogue part exceeds its total: rejected, not fatal.
const BAD = { ...K2, id: 'K3', date: '2018-06-01', admitted: '2018-05-28', discharged: '2018-06-01', total: '800.00', inCatalog: '950.00' };
const P1 = { ...K2, id: 'K1', personId: 'P1' };
const jsonl = (...records: object[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('policy batch per partition (docs/spark.md)', () => {
  it('an empty partition writes nothing on stdout and exits 0', async () => {
    const r = await policy(PART, '');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    // Without --exit-zero and --rejects too: nothing to reject, nothing to write.
    const plain = await policy(['batch', '--policy', 'policies/anyi', '--presorted', '--in', '-', '--out', '-'], '');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe('');
  });

  it('writes no header: every stdout line is one JSON settlement or rejection, settlements first-key id, rejections first-key line', async () => {
    const r = await policy(PART, jsonl(P1, K2, BAD));
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.startsWith('{"id":') || l.startsWith('{"line":')).toBe(true);
    const [s1, s2, rej] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(s1).toMatchObject({ id: 'K1', total: '50000.00', layers: { basic: '23400.00' } });
    expect(s2).toMatchObject({ id: 'K2', total: '50000.00', layers: { basic: '23400.00' } });
    expect(rej).toMatchObject({ line: 3, id: 'K3', field: 'inCatalog' });
  });

  it('a per-record problem is a rejection line and exit 0 with --exit-zero (exit 1 without it), never a fatal error', async () => {
    const input = `${jsonl(P1)}{"id":"X1", not json\n${jsonl(K2, BAD)}`;
    const r = await policy(PART, input);
    expect(r.status).toBe(0);
    const rejected = r.stdout.split('\n').filter((l) => l.startsWith('{"line":')).map((l) => JSON.parse(l) as { line: number; error: string; record: unknown });
    expect(rejected.map((x) => x.line)).toEqual([2, 4]);
    expect(rejected[0]?.error).toMatch(/^not valid JSON/);
    expect(rejected[0]?.record).toBe('{"id":"X1", not json');
    const without = await policy(PART.filter((a) => a !== '--exit-zero'), input);
    expect(without.status).toBe(1);
    expect(without.stdout).toBe(r.stdout);
  });

  it('is deterministic: the same partition gives the same bytes, run again or on 1 or 3 worker threads', async () => {
    const input = jsonl(P1, K2, BAD, { ...K2, id: 'K4', personId: 'P3' });
    const first = await policy([...PART, '--workers', '1'], input);
    const again = await policy([...PART, '--workers', '1'], input);
    const three = await policy([...PART, '--workers', '3'], input);
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')).toHaveLength(5);
    expect(again.stdout).toBe(first.stdout);
    expect(three.stdout).toBe(first.stdout);
  });

  it('a fatal problem (persons out of order, a missing policy) exits 2 with one short line on stderr, no stack trace', async () => {
    const disorder = await policy(PART, jsonl(K2, P1));
    expect(disorder.status).toBe(2);
    expect(disorder.stderr).toMatch(/^policy: standard input line 2: personId "P1" comes after "P2"/);
    expect(disorder.stderr.trim().split('\n')).toHaveLength(1);
    // Spark keeps the last 2 KB of a failed task's stderr: the whole message fits.
    expect(Buffer.byteLength(disorder.stderr)).toBeLessThan(2048);
    expect(disorder.stderr).not.toMatch(STACK);
    const missing = await policy(['batch', '--policy', 'policies/nowhere', '--presorted', '--in', '-', '--out', '-'], jsonl(P1));
    expect(missing.status).toBe(2);
    expect(Buffer.byteLength(missing.stderr)).toBeLessThan(2048);
    expect(missing.stderr).toMatch(/^policy: .*nowhere/);
    expect(missing.stderr).not.toMatch(STACK);
    expect(missing.stdout).toBe('');
  });

  it('loads the policy once, at start: the policy folder removed mid-stream changes nothing', async () => {
    // 3 000 claims of 安义: the first 2 500 make a batch that is settled and written while
    // the rest is still unsent; then the policy's folder is deleted and the rest sent.
    const dir = tempDir();
    const folder = join(dir, 'anyi');
    cpSync('policies/anyi', folder, { recursive: true });
    const gen = await policy(['generate', '--policy', folder, '--count', '3000', '--seed', '7', '--format', 'jsonl']);
    expect(gen.status).toBe(0);
    const lines = gen.stdout.split('\n').filter((l) => l !== '');
    const sorted = [...lines].sort((a, b) => (personIdOf(a) < personIdOf(b) ? -1 : personIdOf(a) > personIdOf(b) ? 1 : 0));
    const intact = await policy([...PART.map((a) => (a === 'policies/anyi' ? folder : a)), '--workers', '1'], `${sorted.join('\n')}\n`);
    expect(intact.status).toBe(0);

    const child = spawn(process.execPath, [CLI, ...PART.map((a) => (a === 'policies/anyi' ? folder : a)), '--workers', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let firstOutput: () => void = () => {};
    const started = new Promise<void>((resolve) => (firstOutput = resolve));
    // Decoded as a stream: a pipe may cut a multi-byte character between two chunks.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      out += d;
      firstOutput();
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write(`${sorted.slice(0, 2500).join('\n')}\n`);
    await started;
    rmSync(folder, { recursive: true });
    child.stdin.end(`${sorted.slice(2500).join('\n')}\n`);
    expect(await exited).toBe(0);
    expect(err).toMatch(/records read = settled \+ rejected: 3000 = 3000 \+ 0/);
    expect(out).toBe(intact.stdout);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the help says what --exit-zero is for', async () => {
    const r = await policy(['batch', '--help']);
    expect(r.stdout).toMatch(/--exit-zero/);
    expect(r.stdout).toMatch(/1 a record was rejected \(0 with --exit-zero\)/);
  });
});

function personIdOf(line: string): string {
  return (JSON.parse(line) as { personId: string }).personId;
}
