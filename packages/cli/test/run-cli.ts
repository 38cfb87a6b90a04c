import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = 'packages/cli/dist/policy.cjs';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `policy` command from the repository root. */
export function policy(args: readonly string[], input?: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'policy-cli-'));
}

/** A stack trace line (`at f (file:1:2)`) must never reach a user. */
export const STACK = /^\s+at .+[:(]\d+:\d+\)?$/m;
