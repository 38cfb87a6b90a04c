import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { registerBatch } from './commands/batch.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerExplain } from './commands/explain.js';
import { registerFmt } from './commands/fmt.js';
import { registerGenerate } from './commands/generate.js';
import { registerLsp } from './commands/lsp.js';
import { registerRoster } from './commands/roster.js';
import { registerTest } from './commands/test.js';
import { registerProve } from './commands/prove.js';
import { registerStudio } from './commands/studio.js';
import { runSettleWorker } from './batch/settle-worker.js';
import { ClaimFileError, OutputFileError } from '@policy/claims';
import { EXIT, UsageError } from './errors.js';

/**
 * `policy`: check, fmt, eval, explain, batch, test, diff, generate and roster check over .policy files,
 * claims and rosters. Machine output on stdout,
 * everything for people on stderr. Bad input never produces a stack trace: usage and I/O
 * problems exit 2 with a message; an internal error says so (POLICY_DEBUG=1 shows the stack).
 */
function program(): Command {
  const p = new Command();
  p.name('policy')
    .description('Medical-insurance reimbursement policies as code: check policies, settle claims, run examples.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError('(run `policy --help` for usage)')
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  registerCheck(p);
  registerEval(p);
  registerExplain(p);
  registerBatch(p);
  registerTest(p);
  registerGenerate(p);
  registerDiff(p);
  registerRoster(p);
  registerFmt(p);
  registerLsp(p);
  registerProve(p);
  registerStudio(p);
  return p;
}

async function main(argv: string[]): Promise<void> {
  // A reader of our stdout that goes away (`| head`) is not an error worth a trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`policy: cannot write to standard output (${e.code ?? e.message})\n`);
    process.exit(EXIT.usage);
  });
  // If the event loop empties while a command still waits, say so instead of exiting 0.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write('policy: internal error: the command stopped before it finished\n');
    process.exitCode = EXIT.internal;
  });
  try {
    await program().parseAsync(argv);
    finished = true;
  } catch (e) {
    finished = true;
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    // A file that cannot be read or written, or two options naming one file: exit 2, the file named.
    if (e instanceof UsageError || e instanceof ClaimFileError || e instanceof OutputFileError) {
      process.stderr.write(`policy: ${e.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const err = e as Error;
    process.stderr.write(`policy: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env['POLICY_DEBUG'] === '1') process.stderr.write(`${err?.stack ?? ''}\n`);
    else process.stderr.write('(set POLICY_DEBUG=1 to see where; please report it)\n');
    process.exitCode = EXIT.internal;
  }
}

// The bundle is also the script of `policy batch`'s worker threads.
if (isMainThread) void main(process.argv);
else runSettleWorker();
