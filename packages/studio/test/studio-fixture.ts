import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = join(ROOT, 'packages/cli/dist/policy.cjs');
export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Whether the browser tests run: Debian's chromium at /usr/bin/chromium. Without it they are
 * skipped with a message, unless POLICY_REQUIRE_BROWSER=1 (CI installs it), then they fail.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['POLICY_REQUIRE_BROWSER'] === '1') throw new Error(`POLICY_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  process.stderr.write(`studio browser tests NOT RUN: ${CHROMIUM} is missing (apt-get install chromium; POLICY_REQUIRE_BROWSER=1 makes this an error)\n`);
  return false;
}

/** A copy of 安义 and its CI corpus in a temporary folder: the studio saves into it, never into the repository. */
export function workFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-studio-'));
  cpSync(join(ROOT, 'policies/anyi'), join(dir, 'policies/anyi'), { recursive: true });
  mkdirSync(join(dir, 'examples/ci/corpus'), { recursive: true });
  cpSync(join(ROOT, 'examples/ci/corpus/anyi.csv'), join(dir, 'examples/ci/corpus/anyi.csv'));
  cpSync(join(ROOT, 'examples/one-claim.json'), join(dir, 'examples/one-claim.json'));
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Running {
  readonly child: ChildProcess;
  /** What it wrote on stderr so far. */
  stderr(): string;
  readonly url: string;
  readonly origin: string;
  stop(): Promise<number | null>;
}

/** `policy studio --no-open --port 0 [args]` in `cwd`; resolves with the URL of its first stdout line. */
export function startCli(cwd: string, args: readonly string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [CLI, 'studio', '--no-open', '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    let out = '';
    const onData = (d: Buffer): void => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      child.stdout?.off('data', onData);
      const url = out.slice(0, nl);
      const origin = url.slice(0, url.indexOf('/?token='));
      ok({
        child,
        stderr: () => err,
        url,
        origin,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill('SIGINT');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`policy studio exited ${code}: ${err}`)));
  });
}
