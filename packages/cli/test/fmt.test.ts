import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK, policy, tempDir } from './run-cli.js';

const MESSY = 'param  a=1元 cites "X"   # why\nrule r cites "X" when a {basic=a}\n';
const CLEAN = 'param a = 1元 cites "X"  # why\nrule r cites "X" when a {\n  basic = a\n}\n';

function folder(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('policy fmt', () => {
  it('--help prints usage and the exit statuses', async () => {
    const r = await policy(['fmt', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: policy fmt');
    expect(r.stdout).toContain('Exit status: 0 every file formatted');
  });

  it('rewrites only the files that change, keeps their permissions and leaves no temporary file', async () => {
    const dir = folder({ 'p/a.policy': MESSY, 'p/b.policy': CLEAN, 'p/sub/c.policy': MESSY, 'p/notes.txt': MESSY, 'p/.hidden/d.policy': MESSY });
    chmodSync(join(dir, 'p/a.policy'), 0o640);
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'p/b.policy'), old, old);
    const r = await policy(['fmt', join(dir, 'p')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`formatted ${join(dir, 'p/a.policy')}\nformatted ${join(dir, 'p/sub/c.policy')}\n`);
    expect(readFileSync(join(dir, 'p/a.policy'), 'utf8')).toBe(CLEAN);
    expect(readFileSync(join(dir, 'p/sub/c.policy'), 'utf8')).toBe(CLEAN);
    expect(statSync(join(dir, 'p/a.policy')).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, 'p/b.policy')).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(join(dir, 'p/notes.txt'), 'utf8')).toBe(MESSY);
    expect(readFileSync(join(dir, 'p/.hidden/d.policy'), 'utf8')).toBe(MESSY);
    expect(readdirSync(join(dir, 'p')).sort()).toEqual(['.hidden', 'a.policy', 'b.policy', 'notes.txt', 'sub']);
  });

  it('follows a symbolic link to a file inside the folder: the link stays, its target is formatted', async () => {
    const dir = folder({ 'p/real/a.policy': MESSY });
    symlinkSync(join(dir, 'p/real/a.policy'), join(dir, 'p/link.policy'));
    const r = await policy(['fmt', join(dir, 'p')]);
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'p/link.policy')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'p/real/a.policy'), 'utf8')).toBe(CLEAN);
  });

  it('refuses a symbolic link out of the folder (exit 2) and rewrites nothing', async () => {
    const dir = folder({ 'real/a.policy': MESSY });
    mkdirSync(join(dir, 'p'));
    symlinkSync(join(dir, 'real/a.policy'), join(dir, 'p/link.policy'));
    const r = await policy(['fmt', join(dir, 'p')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'p/link.policy')}: a symbolic link out of ${join(dir, 'p')}`);
    expect(readFileSync(join(dir, 'real/a.policy'), 'utf8')).toBe(MESSY);
  });

  it('--check and --diff change nothing', async () => {
    const dir = folder({ 'a.policy': MESSY, 'b.policy': CLEAN });
    const check = await policy(['fmt', '--check', dir]);
    expect(check.status).toBe(1);
    expect(check.stdout).toBe(`${join(dir, 'a.policy')}\n`);
    const diff = await policy(['fmt', '--diff', dir]);
    expect(diff.status).toBe(1);
    expect(diff.stdout).toContain(`--- a/${join(dir, 'a.policy')}\n+++ b/${join(dir, 'a.policy')}\n@@ -1,2 +1,4 @@\n`);
    expect(readFileSync(join(dir, 'a.policy'), 'utf8')).toBe(MESSY);
    expect((await policy(['fmt', '--check', join(dir, 'b.policy')])).status).toBe(0);
  });

  it('formats standard input to standard output', async () => {
    const r = await policy(['fmt', '-'], MESSY);
    expect(r).toEqual({ status: 0, stdout: CLEAN, stderr: '' });
  });

  it('answers a file of random bytes within seconds, leaves it as it is, and shows no stack trace', async () => {
    const dir = tempDir();
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) & 0xff;
    writeFileSync(join(dir, 'noise.policy'), bytes);
    const t0 = Date.now();
    const r = await policy(['fmt', join(dir, 'noise.policy')]);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/noise\.policy:1:\d+: error E00[123]/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(join(dir, 'noise.policy')).equals(bytes)).toBe(true);
  });

  it('leaves the shipped policies as they are: they are in the canonical layout', async () => {
    const r = await policy(['fmt', '--check', 'policies']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
