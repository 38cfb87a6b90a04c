import { isMainThread, workerData } from 'node:worker_threads';
import { runAuditWorker } from './audit/audit-worker.js';
import { isAuditSetup } from './audit/audit-protocol.js';
import { runSettleWorker } from './batch/settle-worker.js';
import { EXIT } from './errors.js';
import { runCli } from './program.js';
import { t } from '@policy/dsl';
import { currentLang } from './lang.js';

/** The `policy` command: machine output on stdout, everything for people on stderr (program.ts). */
async function main(argv: string[]): Promise<void> {
  // A reader of our stdout that goes away (`| head`) is not an error worth a trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`policy: ${t(currentLang(), 'cmd.stdout-error', { code: e.code ?? e.message })}\n`);
    process.exit(EXIT.usage);
  });
  // If the event loop empties while a command still waits, say so instead of exiting 0.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write(`policy: ${t(currentLang(), 'cmd.stopped-early')}\n`);
    process.exitCode = EXIT.internal;
  });
  const status = await runCli(argv.slice(2));
  finished = true;
  process.exitCode = status;
}

// The bundle is also the script of `policy batch`'s and `policy audit`'s worker threads.
if (isMainThread) void main(process.argv);
else if (isAuditSetup(workerData)) runAuditWorker();
else runSettleWorker();
