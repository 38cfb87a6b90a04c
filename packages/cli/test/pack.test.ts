import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './run-cli.js';

/**
 * The packed command (docs/install.md): `node scripts/pack-cli.mjs` makes a tarball with no
 * dependencies, `npm install -g` of it needs no registry (`--offline`), and the `policy` it links
 * reads paths from the current directory, runs batch's worker threads, draws a report's charts and
 * serves the studio's page from its own files.
 */
const ROOT = resolve('.');
const VERSION = (JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as { version: string }).version;

describe('the packed policy command', () => {
  it('installs offline and works from any folder', async () => {
    const tarball = execFileSync(process.execPath, ['scripts/pack-cli.mjs', '--no-build'], { encoding: 'utf8' }).trim().split('\n').pop() as string;
    expect(tarball).toMatch(new RegExp(`policy-rules-cli-${VERSION.replace(/\./g, '\\.')}\\.tgz$`));
    const prefix = tempDir();
    const npm = spawnSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--offline', '--no-audit', '--no-fund'], { encoding: 'utf8', timeout: 120_000 });
    expect(npm.status, npm.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'policy');
    const run = (args: string[], cwd = ROOT) => spawnSync(bin, args, { cwd, encoding: 'utf8', timeout: 120_000 });

    expect(run(['--version']).stdout.trim()).toBe(VERSION);
    // a path relative to the folder it runs in
    const check = run(['check', 'anyi'], join(ROOT, 'policies'));
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('ok anyi: anyi');
    const out = tempDir();
    const batch = run(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(out, 's.csv'), '--workers', '2']);
    expect(batch.status).toBe(0);
    expect(batch.stderr).toMatch(/settled\s+226/);
    const report = run(['report', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(out, 'r.html')]);
    expect(report.status).toBe(0);
    expect((readFileSync(join(out, 'r.html'), 'utf8').match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);

    // the studio serves its page from the package's own files
    const studio = spawn(bin, ['studio', 'policies', '--no-open'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let text = '';
        studio.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          const line = text.split('\n')[0];
          if (text.includes('\n') && line) ok(line);
        });
        studio.on('exit', (code) => fail(new Error(`studio exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const page = await fetch(url, { redirect: 'manual' });
      const cookie = page.headers.get('set-cookie') ?? '';
      const home = page.status === 302 || page.status === 303 ? await fetch(new URL(page.headers.get('location') ?? '/', url), { headers: { cookie: cookie.split(';')[0] ?? '' } }) : page;
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<html');
    } finally {
      studio.kill('SIGINT');
    }
  }, 240_000);
});
