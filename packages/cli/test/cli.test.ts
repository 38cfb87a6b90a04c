import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

const ONE = JSON.stringify({
  id: 'E1', personId: 'P1', date: '2018-03-05', visit: 'inpatient', level: 2, region: 'county',
  admitted: '2018-03-01', discharged: '2018-03-05', total: '10000.00', inCatalog: '8000.00',
});

describe('policy --help', () => {
  for (const cmd of ['check', 'eval', 'explain', 'batch', 'test', 'generate', 'diff', 'fmt', 'roster check']) {
    it(`${cmd} --help prints usage and the exit statuses`, async () => {
      const r = await policy([...cmd.split(' '), '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: policy ${cmd}`);
      expect(r.stdout).toContain('Exit status');
    });
  }
  it('an unknown command or option is a usage error (2), without a stack trace', async () => {
    for (const args of [['frobnicate'], ['check', '--bogus', 'policies/anyi'], ['eval', 'x.json'], ['batch', '--policy', 'policies/anyi']]) {
      const r = await policy(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('policy check', () => {
  it('is clean on the shipped policies', async () => {
    const r = await policy(['check', 'policies']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^ok policies\/anyi: anyi — 1 version \(2018-01-01\), \d+ rules/m);
  });
  it('prints file:line:col: error CODE: message with the line and a caret, and exits 1', async () => {
    const r = await policy(['check', 'packages/dsl/testdata/bad/E101-unknown-name.policy']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('packages/dsl/testdata/bad/E101-unknown-name.policy:4:30: error E101: unknown name 基本医保比列; did you mean 基本医保比例?');
    expect(r.stderr).toContain('4 | rule r cites "T-1" { basic = 基本医保比列 of inCatalog }');
    expect(r.stderr).toContain('  |                              ^~~~~~~~~~~~');
  });
  it('gives JSON on stdout with --format json', async () => {
    const r = await policy(['check', '--format', 'json', 'packages/dsl/testdata/bad/E204-ratio-range.policy']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { policies: { ok: boolean; diagnostics: { code: string; location: { line: number } }[] }[] };
    expect(json.policies[0]?.ok).toBe(false);
    expect(json.policies[0]?.diagnostics.map((d) => d.code)).toEqual(['E204', 'E204']);
  });
  it('exits 2 for a path that does not exist', async () => {
    const r = await policy(['check', 'policies/nowhere']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('policy: policies/nowhere: no such file or folder\n');
  });
  it('answers a file of random bytes within seconds with diagnostics', async () => {
    const dir = tempDir();
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    writeFileSync(join(dir, 'noise.policy'), bytes);
    const t0 = Date.now();
    const r = await policy(['check', join(dir, 'noise.policy')]);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error E00[123]/);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('policy eval', () => {
  it('settles one JSON object from stdin and prints one settlement per line', async () => {
    const r = await policy(['eval', '--policy', 'policies/anyi', '-'], ONE);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      id: 'E1', policy: 'anyi', version: '2018-01-01', total: '10000.00',
      layers: { basic: '6000.00', critical_illness: '0.00', medical_assistance: '0.00', supplementary: '0.00', fallback: '0.00', finance: '0.00', hospital: '0.00', patient: '4000.00' },
      flags: [],
    });
  });
  it('explains with --explain: trace in the JSON, the explanation on stderr', async () => {
    const r = await policy(['eval', '--policy', 'policies/anyi', '--explain', '-'], ONE);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { trace: { rules: { rule: string; applied: boolean }[] } };
    expect(s.trace.rules.find((x) => x.rule === '基本医保住院')?.applied).toBe(true);
    // the renderer of `policy explain` (packages/cli/test/explain.test.ts)
    expect(r.stderr).toMatch(/basic\s+6000\.00\s+rule 基本医保住院\n/);
    expect(r.stderr).toMatch(/rule 基本医保住院 · policies\/anyi\/settlement\.policy:\d+\n\s+cites\s+ANYI-5\.2 /);
    expect(r.stderr).toContain('basic = 基本医保住院应付');
    expect(r.stderr).toContain('rules not applied');
  });
  it('rejects a bad claim naming the line and the field, exits 1, and still settles the rest', async () => {
    const bad = JSON.stringify({ ...JSON.parse(ONE), id: 'E2', total: '10.005' });
    const r = await policy(['eval', '--policy', 'policies/anyi', '-'], `${ONE}\n${bad}\n`);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('policy eval: rejected line 2 id E2: total: must be money');
    const j = await policy(['eval', '--policy', 'policies/anyi', '--json', '-'], `${ONE}\n${bad}\n`);
    const lines = j.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[1]).toMatchObject({ line: 2, id: 'E2', field: 'total' });
    expect(j.stderr).toBe('');
  });
  it('refuses a policy with errors (2), showing its diagnostics', async () => {
    const r = await policy(['eval', '--policy', 'packages/dsl/testdata/bad/E201-money-for-ratio.policy', '-'], ONE);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('error E201');
  });
});

describe('policy batch', () => {
  it('settles CSV into CSV with the contract columns, and says so in the summary', async () => {
    const dir = tempDir();
    const out = join(dir, 'sub', 'out.csv');
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', out, '--rejects', join(dir, 'rej.csv')]);
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags');
    const input = readFileSync('examples/claims.csv', 'utf8').trim().split('\n');
    expect(rows).toHaveLength(input.length);
    expect(r.stderr).toMatch(/records read\s+226\n\s+settled\s+226\n\s+rejected\s+0/);
    expect(r.stderr).toContain('effective ratio');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.csv']); // no temporary file left
  });
  it('settles JSON Lines the same as CSV', async () => {
    const dir = tempDir();
    await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'a.jsonl')]);
    await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.jsonl', '--out', join(dir, 'b.jsonl')]);
    expect(readFileSync(join(dir, 'a.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'b.jsonl'), 'utf8'));
  });
  for (const ext of ['csv', 'jsonl']) {
    it(`keeps every bad record of bad-claims.${ext}: records = settled + rejected, each reject with its reason`, async () => {
      const dir = tempDir();
      const r = await policy(['batch', '--policy', 'policies/anyi', '--in', `examples/bad-claims.${ext}`, '--out', join(dir, 'out.jsonl'), '--rejects', join(dir, 'rej.jsonl'), '--summary-json', join(dir, 's.json')]);
      expect(r.status).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      const settled = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').filter(Boolean);
      const rejects = readFileSync(join(dir, 'rej.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; error: string });
      const summary = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')) as { records: number; settled: number; rejected: number };
      expect(summary.settled).toBe(settled.length);
      expect(summary.rejected).toBe(rejects.length);
      expect(summary.records).toBe(summary.settled + summary.rejected);
      expect(settled.length).toBeGreaterThanOrEqual(3);
      expect(rejects.length).toBeGreaterThanOrEqual(12);
      for (const rej of rejects) {
        expect(rej.line).toBeGreaterThan(0);
        expect(rej.error.length).toBeGreaterThan(10);
      }
      expect(rejects.some((x) => x.error.includes('before policy anyi'))).toBe(true);
    });
  }
  it('writes nothing under the final name when the output cannot be written', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ro.jsonl')); // a folder where the file should go
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.jsonl', '--out', join(dir, 'ro.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK);
    expect(readdirSync(dir)).toEqual(['ro.jsonl']);
  });
  it('names the file when the input cannot be read or its format told', async () => {
    const a = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/missing.csv', '--out', '-']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('examples/missing.csv');
    const b = await policy(['batch', '--policy', 'policies/anyi', '--in', 'README.md', '--out', '-']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('README.md');
    expect(a.stderr + b.stderr).not.toMatch(STACK);
  });
});

describe('policy test', () => {
  it('passes on the shipped policies', async () => {
    const r = await policy(['test', 'policies']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^ok policies\/anyi: (\d+)\/\1 cases pass/m);
  });
  it('fails (1) and says which layer differs when an expectation is wrong', async () => {
    const dir = tempDir();
    cpSync('policies/anyi', join(dir, 'anyi'), { recursive: true });
    const file = join(dir, 'anyi', 'tests', '01-ordinary.yaml');
    const text = readFileSync(file, 'utf8');
    const m = /basic: "(\d+\.\d\d)"/.exec(text);
    expect(m).not.toBeNull();
    writeFileSync(file, text.replace(m?.[0] as string, 'basic: "1.23"'));
    const r = await policy(['test', join(dir, 'anyi')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`basic expected 1\\.23, got ${(m?.[1] as string).replace('.', '\\.')}`));
  });
  it('fails when a policy has no examples', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'p'));
    cpSync('policies/anyi', join(dir, 'p'), { recursive: true, filter: (s) => !s.includes('tests') });
    expect(existsSync(join(dir, 'p', 'tests'))).toBe(false);
    const r = await policy(['test', join(dir, 'p')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no example claims');
  });
});

describe('policy generate', () => {
  it('draws claims in the first whole year a policy is in force, and its own diseases or a realistic mix', async () => {
    // 六安 is in force from 2024-08-14: its first whole year is 2025. 金寨 names no disease.
    for (const [dir, year] of [['policies/liuan', '2025'], ['policies/jinzhai', '2019']] as const) {
      const r = await policy(['generate', '--policy', dir, '--count', '40', '--seed', '3']);
      expect(r.status, r.stderr).toBe(0);
      const rows = r.stdout.trim().split('\n');
      expect(rows).toHaveLength(41);
      const dateColumn = (rows[0] as string).split(',').indexOf('date');
      for (const row of rows.slice(1)) expect(row.split(',')[dateColumn]?.slice(0, 4)).toBe(year);
    }
  });
  it('refuses a module (exit 2)', async () => {
    const r = await policy(['generate', '--policy', 'policies/modules/anhui-base', '--count', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a module');
  });
});

describe('policies on a module', () => {
  it('check lists the base and test skips the module', async () => {
    const c = await policy(['check', 'policies/hefei', 'policies/modules']);
    expect(c.status).toBe(0);
    expect(c.stderr).toMatch(/ok policies\/hefei: hefei — 1 version \(2020-11-16\), on \.\.\/modules\/anhui-comprehensive/);
    expect(c.stderr).toMatch(/ok policies\/modules\/anhui-base: anhui_base — module/);
    const t = await policy(['test', 'policies/modules']);
    expect(t.status).toBe(0);
    expect(t.stderr).toMatch(/^skip policies\/modules\/anhui-base: module anhui_base/m);
  });
  it('eval and batch refuse a module (exit 2)', async () => {
    const r = await policy(['eval', '--policy', 'policies/modules/anhui-base', 'examples/one-claim.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is module anhui_base');
  });
});
