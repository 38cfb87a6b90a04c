import { describe, expect, it } from 'vitest';
import { PASSES } from '../../dsl/src/check/passes/index.js';
import { policy } from './run-cli.js';

/**
 * The shared options (options.ts) and check's views of the checker (issue 12), run in-process
 * through the program object: one --format vocabulary with the old spellings kept, commander
 * choices with the project's messages, check --metrics / --dump-ir / --dump-fixed.
 */
describe('one --format vocabulary', () => {
  it('takes the old spellings as text: check pretty, diff table', async () => {
    const text = await policy(['check', 'policies/anyi']);
    const pretty = await policy(['check', '--format', 'pretty', 'policies/anyi']);
    expect(pretty).toEqual(text);
    expect(text.stderr).toMatch(/^ok policies\/anyi: anyi/m);
    const diff = ['diff', '--base', 'policies/anyi', '--head', 'policies/anyi', '--in', 'examples/claims.csv'];
    const table = await policy([...diff, '--format', 'table']);
    expect(table).toEqual(await policy([...diff, '--format', 'text']));
    expect(table.stdout).toContain('226');
  });

  it('eval --json is --format json', async () => {
    const good = await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json', '--json']);
    expect(good).toEqual(await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json', '--format', 'json']));
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout.trim())).toHaveProperty('layers');
  });

  it('refuses a value outside the choices, exit 2, naming the values', async () => {
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', '-', '--in-format', 'platform']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toBe('policy: --in-format must be auto, contract or nhsa (got platform)\n');
    const help = await policy(['batch', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(choices: "auto", "contract", "nhsa", default: "auto")');
  });
});

describe('check --metrics, --dump-ir, --dump-fixed', () => {
  it('--metrics times every registered pass, in order', async () => {
    const r = await policy(['check', '--metrics', 'policies/anyi']);
    expect(r.status).toBe(0);
    const names = [...r.stderr.matchAll(/^ {2}(\S+)\s+[\d.]+ ms$/gm)].map((m) => m[1]);
    expect(names).toEqual([...PASSES.map((p) => p.name), 'total']);
    const json = JSON.parse((await policy(['check', '--metrics', '--format', 'json', 'policies/anyi'])).stdout) as { policies: { metrics: { pass: string; ran: boolean }[] }[] };
    expect(json.policies[0]?.metrics.map((m) => m.pass)).toEqual(PASSES.map((p) => p.name));
    expect(json.policies[0]?.metrics.every((m) => m.ran)).toBe(true);
  });

  it('--dump-ir prints the resolved policy as JSON, expressions naming the symbols they read', async () => {
    const r = await policy(['check', '--dump-ir', 'policies/anyi']);
    expect(r.status).toBe(0);
    const ir = JSON.parse(r.stdout) as { name: string; rules: { name: string }[]; versions: { date: string; span: string }[] };
    expect(ir.name).toBe('anyi');
    expect(ir.versions[0]).toMatchObject({ date: '2018-01-01', span: 'policies/anyi/anyi.policy:9:3' });
    expect(ir.rules.length).toBe(13); // `policy check policies/anyi`: "13 rules"
    expect(r.stdout).toMatch(/"let": "let 贫困人口"/);
  });

  it('--dump-fixed prints each version as code that compiles', async () => {
    const r = await policy(['check', '--dump-fixed', 'policies/anyi']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\/\/ version 2018-01-01: fixed-point code/);
    const body = r.stdout.split('\n').filter((l) => !l.startsWith('//')).join('\n');
    expect(() => new Function('V', 'E', 'OVERFLOW', 'NOFLAGS', body)).not.toThrow();
    const one = await policy(['check', '--dump-fixed', '--version-date', '2017-01-01', 'policies/anyi']);
    expect(one).toMatchObject({ status: 2, stdout: '' });
    expect(one.stderr).toMatch(/^policy: policies\/anyi has no version 2017-01-01 \(its versions: 2018-01-01\)$/m);
  });
});
