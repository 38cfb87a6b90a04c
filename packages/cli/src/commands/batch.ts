import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { runBatch } from '../batch/run-batch.js';
import { workerScript } from '../batch/worker-script.js';
import { EXIT, UsageError } from '../errors.js';
import { formatHelp } from '../io/nhsa-options.js';
import { DEFAULT_WORKERS, choiceOption, inFormatOption, labelsOption, mappingOption, outFormatOption, policyOption, type InFormat, type Labels, type OutShape } from '../options.js';
import { rosterHelp, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
import { ref } from '@policy/dsl';

interface BatchOptions extends RosterOptions {
  policy: string;
  in: string;
  out: string;
  rejects?: string;
  summaryJson?: string;
  presorted?: boolean;
  exitZero?: boolean;
  workers: string;
  engine: 'auto' | 'decimal';
  retroactive?: boolean;
  inFormat: InFormat;
  outFormat: OutShape;
  mapping?: string;
  labels: Labels;
}

/**
 * `policy batch --policy P --in FILE --out FILE [--rejects FILE]`: settles a claims file (CSV or
 * JSON Lines, by extension; `-` = stdin/stdout) record by record on worker threads, writes
 * settlements and rejects in input order, prints a summary on stderr. Records in = settled +
 * rejected, always.
 */
export function registerBatch(program: Command, lang: Lang): void {
  program
    .command('batch')
    .description(t(lang, 'help.batch.description'))
    .addOption(policyOption(lang))
    .requiredOption('--in <file>', t(lang, 'help.in.claims'))
    .requiredOption('--out <file>', t(lang, 'help.batch.out'))
    .option('--rejects <file>', t(lang, 'help.batch.rejects'))
    .option('--summary-json <file>', t(lang, 'help.batch.summary-json'))
    .option('--presorted', t(lang, 'help.batch.presorted'))
    .option('--exit-zero', t(lang, 'help.batch.exit-zero'))
    .option('--workers <n>', t(lang, 'help.batch.workers'), String(DEFAULT_WORKERS))
    .addOption(choiceOption('--engine <name>', t(lang, 'help.batch.engine'), ['auto', 'decimal'], 'auto'))
    .addOption(rosterOption(lang))
    .addOption(rosterModeOption(lang))
    .addOption(rosterConflictsOption(lang))
    .option('--retroactive', t(lang, 'help.batch.retroactive'))
    .addOption(inFormatOption(lang))
    .addOption(outFormatOption(t(lang, 'help.batch.out-format'), lang))
    .addOption(mappingOption(lang))
    .addOption(labelsOption(t(lang, 'help.batch.labels'), true, lang))
    .addHelpText(
      'after',
      `${formatHelp(lang)}\n${t(lang, 'help.batch.after')}\n${rosterHelp(lang)}\n${t(lang, 'help.batch.retroactive-after')}`,
    )
    .action(async (opts: BatchOptions) => {
      const workers = Number(opts.workers);
      if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw new UsageError(ref('cmd.usage.whole-number-range', { option: '--workers', min: 1, max: 256, value: opts.workers }));
      const { exitZero, ...rest } = opts;
      const result = await runBatch({ ...rest, workers, presorted: opts.presorted === true, retroactive: opts.retroactive === true, workerScript: workerScript() });
      process.stderr.write(`${result.report}\n`);
      process.exitCode = result.rejected > 0 && exitZero !== true ? EXIT.findings : EXIT.ok;
    });
}
