import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, STACK, policy, policySync, tempDir, type Run } from './run-cli.js';

/**
 * policy batch at scale, on small inputs: the same bytes for 1 and N workers, for shards by
 * person, for --presorted; stdin and stdout; a real run killed half-way leaves nothing under
 * the final name. (Speed is `pnpm bench`'s business, not the tests'.)
 */

const dir = tempDir();
const claims = join(dir, 'claims.csv');
const gen = await policy(['generate', '--policy', 'policies/anyi', '--count', '3000', '--seed', '7', '--out', claims]);
const rows = readFileSync(claims, 'utf8').trimEnd().split('\n');
const header = rows[0] as string;
const body = rows.slice(1);
const personOf = (row: string): string => row.split(',')[1] as string;

function batch(args: readonly string[], input?: string): Run {
  return (policySync(['batch', '--policy', 'policies/anyi', ...args], input));
}

describe('policy generate', () => {
  it('writes the same claims for the same seed', async () => {
    expect(gen.status).toBe(0);
    expect(rows).toHaveLength(3001);
    const again = await policy(['generate', '--policy', 'policies/anyi', '--count', '3000', '--seed', '7', '--format', 'csv']);
    expect(again.stdout).toBe(readFileSync(claims, 'utf8'));
    const jsonl = await policy(['generate', '--policy', 'policies/anyi', '--count', '2', '--seed', '7', '--format', 'jsonl']);
    expect(jsonl.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['C0000001', 'C0000002']);
    expect((await policy(['generate', '--policy', 'policies/anyi', '--count', 'many'])).status).toBe(2);
  });
});

describe('policy batch over many claims', () => {
  const out1 = join(dir, 'w1.csv');
  const one = batch(['--workers', '1', '--in', claims, '--out', out1, '--summary-json', join(dir, 'w1.json')]);
  const expected = readFileSync(out1, 'utf8');

  it('balances: records read = settled + rejected, settled by the fixed-point code', async () => {
    expect(one.status, one.stderr).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'w1.json'), 'utf8')) as Record<string, unknown>;
    expect(s).toMatchObject({ records: 3000, settled: 3000, rejected: 0, balanced: true, engine: 'fixed-point', fixedPointClaims: 3000, workers: 1 });
    expect(one.stderr).toContain('records read = settled + rejected: 3000 = 3000 + 0');
  });

  it('writes the same bytes with 3 workers, and with decimal.js for every claim', async () => {
    for (const args of [['--workers', '3'], ['--workers', '2', '--engine', 'decimal']]) {
      const out = join(dir, `${args.join('')}.csv`);
      expect(batch([...args, '--in', claims, '--out', out]).status).toBe(0);
      expect(readFileSync(out, 'utf8'), args.join(' ')).toBe(expected);
    }
  });

  it('settles each person the same when the input is split into shards by person', async () => {
    const shards = 3;
    const settled = new Map<string, string>();
    for (let k = 0; k < shards; k++) {
      const part = join(dir, `shard${k}.csv`);
      writeFileSync(part, `${[header, ...body.filter((r) => Number(personOf(r).slice(1)) % shards === k)].join('\n')}\n`);
      const out = join(dir, `shard${k}-out.csv`);
      expect(batch(['--in', part, '--out', out]).status).toBe(0);
      for (const line of readFileSync(out, 'utf8').trimEnd().split('\n').slice(1)) settled.set(line.split(',')[0] as string, line);
    }
    const whole = expected.trimEnd().split('\n');
    expect(whole.slice(1).map((l) => settled.get(l.split(',')[0] as string))).toEqual(whole.slice(1));
  });

  it('writes the same with --presorted over the claims sorted by person', async () => {
    const sorted = join(dir, 'sorted.csv');
    const order = body.map((r, i) => ({ r, i })).sort((a, b) => (personOf(a.r) < personOf(b.r) ? -1 : personOf(a.r) > personOf(b.r) ? 1 : a.i - b.i));
    writeFileSync(sorted, `${[header, ...order.map((x) => x.r)].join('\n')}\n`);
    const out = join(dir, 'presorted.csv');
    expect(batch(['--presorted', '--workers', '2', '--in', sorted, '--out', out]).status).toBe(0);
    const byId = new Map(expected.trimEnd().split('\n').slice(1).map((l) => [l.split(',')[0], l]));
    const got = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(got[0]).toBe(expected.split('\n')[0]);
    expect(got.slice(1)).toEqual(order.map((x) => byId.get(x.r.split(',')[0])));
  });

  it('stops --presorted input that is out of order, naming the record, and writes nothing', async () => {
    const bad = join(dir, 'unsorted.csv');
    writeFileSync(bad, `${[header, ...body.slice(0, 50)].join('\n')}\n`);
    const out = join(dir, 'never.csv');
    const r = batch(['--presorted', '--in', bad, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unsorted\.csv line \d+ \(row \d+\): personId "P\d+" comes after "P\d+": with --presorted/);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
  });

  it('reads standard input and writes standard output (JSON Lines), as in a pipe', async () => {
    const jsonl = (await policy(['generate', '--policy', 'policies/anyi', '--count', '300', '--seed', '3', '--format', 'jsonl'])).stdout;
    const r = batch(['--in', '-', '--out', '-'], jsonl);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    expect((JSON.parse(lines[0] as string) as { id: string }).id).toBe('C0000001');
  });
});

describe('a run stopped half-way', () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`leaves nothing under the final name when killed by ${signal}${signal === 'SIGTERM' ? ', and says so' : ''}`, async () => {
      const d = tempDir();
      const out = join(d, 'out.csv');
      const child = spawn(process.execPath, [CLI, 'batch', '--policy', 'policies/anyi', '--in', '-', '--out', out, '--workers', '1']);
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const lines = (await policy(['generate', '--policy', 'policies/anyi', '--count', '200', '--seed', '5', '--format', 'jsonl'])).stdout;
      // A slow pipe: half the claims, then nothing more until the signal.
      child.stdin.write(lines.slice(0, lines.length >> 1));
      // Wait until it is under way: its output open under the temporary name.
      for (let waited = 0; !readdirSync(d).some((f) => f.endsWith('.tmp')) && waited < 20_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readdirSync(d).some((f) => f.endsWith('.tmp'))).toBe(true); // it was writing
      const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill(signal);
      const code = await done;
      expect(existsSync(out)).toBe(false);
      if (signal === 'SIGTERM') {
        expect(code).toBe(143);
        expect(stderr).toContain('policy: stopped by SIGTERM; no output written');
        expect(readdirSync(d)).toEqual([]);
      }
    });
  }
});

describe('policy batch, CSV output from JSON Lines input', () => {
  it("has a column per extra field any valid claim carries, in the order first seen, each row's own values", async () => {
    const d = tempDir();
    const base = { personId: 'P1', visit: 'outpatient', level: 1, region: 'county', total: '100.00', inCatalog: '80.00' };
    const lines = [
      { id: 'A', date: '2018-03-01', ...base, note: 'first' },
      { id: 'B', date: '2018-03-02', ...base, ward: 3 },
      { id: 'C', date: '2017-03-02', ...base, early: true }, // valid, but before the first version: rejected when settled
      { id: 'D', date: '2018-03-03', ...base, total: 'bad', bogus: 1 }, // invalid: its fields are no columns
    ].map((c) => JSON.stringify(c));
    const input = join(d, 'in.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const out = join(d, 'out.csv');
    const r = batch(['--workers', '2', '--in', input, '--out', out]);
    expect(r.status).toBe(1);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(rows[0]).toBe('id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags,note,ward,early');
    expect(rows.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual(['first,,', ',3,']);
    expect(readdirSync(d).sort()).toEqual(['in.jsonl', 'out.csv']); // the rows' temporary file is gone
  });
});

describe('policy batch on hostile input', () => {
  it('answers a file of random bytes named .csv or .jsonl with rejects or a message, never a stack trace', async () => {
    const d = tempDir();
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 5)) & 0xff;
    for (const ext of ['csv', 'jsonl']) {
      writeFileSync(join(d, `noise.${ext}`), bytes);
      const r = batch(['--in', join(d, `noise.${ext}`), '--out', join(d, `out-${ext}.jsonl`), '--rejects', join(d, `rej-${ext}.jsonl`)]);
      expect([1, 2], `${ext}: ${r.stderr.slice(0, 300)}`).toContain(r.status);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('refuses a bad --workers or --engine as a usage error', async () => {
    expect(batch(['--workers', '0', '--in', claims, '--out', '-']).status).toBe(2);
    expect(batch(['--engine', 'fast', '--in', claims, '--out', '-']).status).toBe(2);
  });
});
