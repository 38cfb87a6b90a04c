import { resolve } from 'node:path';
import { runCli } from '../src/program.js';
import { setWorkerScript } from '../src/batch/worker-script.js';
import { CLI, type Run } from './run-cli.js';

/**
 * Runs a `policy` command line in this process through the program object (program.ts), as
 * the built command would run it: its working folder, environment, standard output and error
 * captured, its exit status returned. Batch's worker threads run the built bundle. One command
 * at a time (the process's output and folder are shared); a command that reads standard input
 * or starts a process of its own (prove, lsp) is run as a process by the caller instead.
 */
setWorkerScript(resolve(CLI));

let queue: Promise<unknown> = Promise.resolve();

export function policyInProcess(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  const run = queue.then(() => runOnce(args, options));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

async function runOnce(args: readonly string[], options: { cwd?: string; env?: Record<string, string> }): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]): Write =>
    ((chunk: string | Uint8Array, encoding?: unknown, cb?: unknown) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as Write;
  const saved = { out: process.stdout.write, err: process.stderr.write, cwd: process.cwd(), env: { ...process.env }, exitCode: process.exitCode };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  // English unless the test asks for another language: never the machine's locale.
  process.env['POLICY_LANG'] = 'en';
  for (const [k, v] of Object.entries(options.env ?? {})) process.env[k] = v;
  if (options.cwd) process.chdir(options.cwd);
  try {
    const status = await runCli(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.chdir(saved.cwd);
    for (const k of Object.keys(process.env)) if (!(k in saved.env)) delete process.env[k];
    Object.assign(process.env, saved.env);
    process.exitCode = saved.exitCode;
  }
}
