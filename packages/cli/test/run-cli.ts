import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = 'packages/cli/dist/policy.cjs';

/** The environment of a spawned command: English messages, never the machine's locale. */
const english = (): NodeJS.ProcessEnv => ({ ...process.env, POLICY_LANG: 'en' });

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a `policy` command line from the repository root: in this process through the program
 * object (in-process.ts), or, when it reads standard input, as the built command.
 */
export async function policy(args: readonly string[], input?: string): Promise<Run> {
  if (input === undefined) {
    const { policyInProcess } = await import('./in-process.js');
    return policyInProcess(args);
  }
  return policySpawned(args, input);
}

/** Runs the built `policy` command as a process of its own (standard input, signals, start-up). */
export function policySpawned(args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000, env: english() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined); // a command that exits before reading its input
    child.stdin.end(input ?? '');
  });
}

/** The built command, synchronously (tests of the command as a process: prove, lsp). */
export function policySync(args: readonly string[], input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 60_000, env: english() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'policy-cli-'));
}

/** A stack trace line (`at f (file:1:2)`) must never reach a user. */
export const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m;
