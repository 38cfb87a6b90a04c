import type { Command } from 'commander';
import { runBatch } from '../batch/run-batch.js';
import { workerScript } from '../batch/worker-script.js';
import { EXIT, UsageError } from '../errors.js';
import { FORMAT_HELP } from '../io/nhsa-options.js';
import { DEFAULT_WORKERS, choiceOption, inFormatOption, labelsOption, mappingOption, outFormatOption, policyOption, type InFormat, type Labels, type OutShape } from '../options.js';
import { ROSTER_HELP, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
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
export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('settle a claims file (CSV or JSON Lines, by extension) on worker threads and write settlements and rejects')
    .addOption(policyOption())
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .requiredOption('--out <file>', 'settlements: .csv or .jsonl; - = stdout (JSON Lines)')
    .option('--rejects <file>', 'rejected records with their reasons (.csv or .jsonl); without it they are listed on stderr')
    .option('--summary-json <file>', 'also write the summary as JSON')
    .option('--presorted', "the input holds each person's records together, persons in ascending order: memory stays flat")
    .option('--exit-zero', 'exit 0 when records were rejected too (they are in the rejects output): for a task of Spark, Hive TRANSFORM or Hadoop Streaming, which a non-zero exit fails')
    .option('--workers <n>', 'worker threads settling persons (default: the cores less one, for the thread that reads and writes; at least 1)', String(DEFAULT_WORKERS))
    .addOption(choiceOption('--engine <name>', 'auto (fixed-point where proven exact, modifiers, bands and yearly caps included; a version or claim it cannot settle exactly goes to decimal.js) or decimal (decimal.js for every claim)', ['auto', 'decimal'], 'auto'))
    .addOption(rosterOption())
    .addOption(rosterModeOption())
    .addOption(rosterConflictsOption())
    .option('--retroactive', "LIUAN-4: settle again, as if the category had applied, the claims of each person dated before the person entered a category in the same year; writes those settlements and reports the difference (needs --roster)")
    .addOption(inFormatOption())
    .addOption(outFormatOption('; the file extension still says CSV or JSON Lines'))
    .addOption(mappingOption())
    .addOption(labelsOption("the settlements' CSV header or JSON keys and layer names"))
    .addHelpText(
      'after',
      `${FORMAT_HELP}

Input may come in any order: claims of one person-year settle in (date, id) order, and output
comes in input order. Without --presorted every claim is kept (compactly) until the input ends;
with it, one batch of persons at a time, and a record of a person out of order stops the run.
Outputs are written under a temporary name and renamed when complete: a run stopped half-way
leaves nothing under the final names. A progress bar shows on stderr when it is a terminal.
Exit status: 0 every record settled, 1 a record was rejected (0 with --exit-zero), 2 usage or I/O error (and
--presorted input out of order, a bad roster), 3 internal error.
${ROSTER_HELP}

--retroactive (LIUAN-4 追溯救助): for each person who entered a category during a year, the
person's claims of that year dated before the entry are settled again with the category (every
claim from January 1, as the clause says "当年"), in-process; --out gets their new settlements,
stderr a table of the differences per claim and per layer, --summary-json the same as JSON.
Claims from the entry on are not reopened. Only the records of those persons are validated;
exit status 1 when one of them is rejected.`,
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
