import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ClaimFileError, IdRegistry, NHSA_COLUMNS, SETTLEMENT_COLUMNS, detectRecords, readRecords, recordFormatOf, type NhsaMapping, AtomicFile, RejectionWriter, outputFormatOf, policyInputs, refuseClashes } from '@policy/claims';
import { BatchSummary, renderSummary } from '../render/summary.js';
import { KpiTally } from '@policy/engine';
import { Progress } from '../render/progress.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { OutputSink } from '../batch/output-sink.js';
import { PersonOrder, personHash, personOf } from '../batch/person-order.js';
import { WorkerPool } from '../batch/pool.js';
import { recordToClaim } from '../batch/record-to-claim.js';
import type { Unit } from '../batch/protocol.js';
import { ROSTER_HELP, describeRosters, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, rostersJson, type RosterOptions } from '../roster/roster-options.js';
import { runRetroactive } from '../roster/retroactive-run.js';
import { FORMAT_HELP, inFormatOption, mappingFor, outShapeOption, outputPlanFor } from '../io/nhsa-options.js';

interface BatchOptions extends RosterOptions {
  policy: string;
  in: string;
  out: string;
  rejects?: string;
  summaryJson?: string;
  presorted?: boolean;
  exitZero?: boolean;
  workers: string;
  engine: string;
  retroactive?: boolean;
  inFormat: string;
  outFormat: string;
  mapping?: string;
}

/**
 * Worker threads by default: the cores less one, at least one. The main thread reads, routes and
 * writes every record, so it needs a core of its own: on this project's 2-core machine 1 worker
 * beat 2 in every run (200 000 安义 claims CSV → CSV: 9.44 s and 9.82 s against 10.44 s and
 * 11.30 s, peak 385 / 343 MiB against 517 / 477 MiB).
 */
const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);

/** Records per message to a worker. */
const BATCH = 2_000;

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
    .requiredOption('--policy <path>', 'policy folder or .policy file')
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .requiredOption('--out <file>', 'settlements: .csv or .jsonl; - = stdout (JSON Lines)')
    .option('--rejects <file>', 'rejected records with their reasons (.csv or .jsonl); without it they are listed on stderr')
    .option('--summary-json <file>', 'also write the summary as JSON')
    .option('--presorted', "the input holds each person's records together, persons in ascending order: memory stays flat")
    .option('--exit-zero', 'exit 0 when records were rejected too (they are in the rejects output): for a task of Spark, Hive TRANSFORM or Hadoop Streaming, which a non-zero exit fails')
    .option('--workers <n>', 'worker threads settling persons (default: the cores less one, for the thread that reads and writes; at least 1)', String(DEFAULT_WORKERS))
    .option('--engine <name>', 'auto (fixed-point where proven exact, modifiers, bands and yearly caps included; a version or claim it cannot settle exactly goes to decimal.js) or decimal (decimal.js for every claim)', 'auto')
    .addOption(rosterOption())
    .addOption(rosterModeOption())
    .addOption(rosterConflictsOption())
    .option('--retroactive', "LIUAN-4: settle again, as if the category had applied, the claims of each person dated before the person entered a category in the same year; writes those settlements and reports the difference (needs --roster)")
    .option('--in-format <shape>', 'auto, contract (claims) or nhsa (the national platform\'s settlement records)', 'auto')
    .option('--out-format <shape>', 'contract (settlements) or nhsa (the platform\'s setlinfo records); the file extension still says CSV or JSON Lines', 'contract')
    .option('--mapping <file>', 'the platform mapping (default: the policy\'s nhsa-mapping.json, else the default mapping)')
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
      if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256) throw new UsageError(`--workers must be a whole number from 1 to 256 (got ${opts.workers})`);
      if (opts.engine !== 'auto' && opts.engine !== 'decimal') throw new UsageError(`--engine must be auto or decimal (got ${opts.engine})`);
      const engine = opts.engine;
      // No output may replace an input or another output (checked before anything is read or written).
      refuseClashes(
        [{ option: '--in', path: opts.in }, ...policyInputs('--policy', opts.policy), ...(opts.roster ?? []).map((path) => ({ option: '--roster', path })), ...(opts.mapping ? [{ option: '--mapping', path: opts.mapping }] : [])],
        [{ option: '--out', path: opts.out }, ...(opts.rejects ? [{ option: '--rejects', path: opts.rejects }] : []), ...(opts.summaryJson ? [{ option: '--summary-json', path: opts.summaryJson }] : [])],
      );
      const inOption = inFormatOption(opts.inFormat);
      const shape = outShapeOption(opts.outFormat);
      const policy = loadCompiled(opts.policy, { engine, settles: true });
      const rosters = await loadRosterOptions(opts, 'batch');
      if (opts.retroactive) {
        if (!rosters) throw new UsageError('--retroactive needs --roster FILE: it re-settles the claims of the persons who entered a category');
        if (opts.presorted) throw new UsageError('--retroactive reads the persons it concerns in any order; leave out --presorted');
        if (shape === 'nhsa') throw new UsageError('--retroactive writes contract settlements beside its report; leave out --out-format nhsa');
      }
      const inFormat = opts.in === '-' ? 'jsonl' : wrap(() => recordFormatOf(opts.in));
      const outFormat = outputFormatOf(opts.out);
      const rejectFormat = opts.rejects ? outputFormatOf(opts.rejects) : undefined;
      const presorted = opts.presorted === true;
      const lateColumns = inFormat === 'jsonl' && outFormat === 'csv';
      const summary = new BatchSummary(policy.engines, workers, presorted);
      summary.kpis = new KpiTally(policy);
      const file = opts.in === '-' ? 'standard input' : opts.in;
      const progress = new Progress(opts.in === '-' ? undefined : sizeOf(opts.in));

      // The input's shape: given, or told by its first readable record (read before anything is settled).
      let bytes = 0;
      const read = readRecords(opts.in, { format: inFormat, onBytes: (n) => (bytes += n) });
      const detected = await wrapAsync(() => detectRecords(read, inOption === 'auto' ? undefined : inOption, file));
      const input = detected.format;
      let mapping: NhsaMapping | undefined;
      if (input === 'nhsa' || shape === 'nhsa') {
        mapping = mappingFor(opts.policy, opts.mapping);
        if (shape === 'nhsa') outputPlanFor(policy, mapping);
      }
      if (opts.retroactive && rosters) {
        await runRetroactive(policy, { ...rosters, retroactive: true }, opts, { records: detected.records, input, toClaim: recordToClaim(input, mapping) });
        if (opts.exitZero === true && process.exitCode === EXIT.findings) process.exitCode = EXIT.ok;
        return;
      }
      summary.formats = {
        input,
        basis: inOption === 'auto' ? `detected from the ${detected.basis}` : detected.basis,
        output: shape,
        ...(mapping ? { mapping: mapping.source } : {}),
      };

      const out = new AtomicFile(opts.out);
      const rej = opts.rejects ? new AtomicFile(opts.rejects) : undefined;
      const rejects = rej && rejectFormat ? new RejectionWriter(rej, rejectFormat) : undefined;
      let written = 0;
      const columns = shape === 'nhsa' ? NHSA_COLUMNS : SETTLEMENT_COLUMNS;
      const sink = new OutputSink(out, outFormat, lateColumns, rejects, summary, (n) => progress.written((written += n)), columns);
      const setup = { policy: opts.policy, engine, output: outFormat, lateColumns, presorted, input, shape, ...(mapping ? { mapping } : {}), ...(rosters ? { roster: { buffer: rosters.index.buffer, mode: rosters.mode } } : {}) } as const;
      const pool = new WorkerPool(workers, __filename, setup, sink.take);
      try {
        await rejects?.header();
        const records = detected.records;
        // A platform record has its id in setl_id and its person in psn_no.
        const idField = input === 'nhsa' ? 'setl_id' : 'id';
        const personField = input === 'nhsa' ? 'psn_no' : 'personId';
        const ids = new IdRegistry(idField);
        const order = new PersonOrder(file, personField);
        let batch: Unit[] = [];
        const kept: Unit[][] = Array.from({ length: workers }, () => []);
        try {
          for await (const item of records) {
            const index = summary.read++;
            if (presorted) {
              if (order.next(item)) {
                // A new person: ids are checked within each person, and a batch may end here.
                ids.clear();
                if (batch.length >= BATCH) {
                  await pool.settleBatch(batch);
                  batch = [];
                }
              }
              const duplicate = ids.see(item);
              batch.push(duplicate ? { index, item, duplicate } : { index, item });
            } else {
              const duplicate = ids.see(item);
              const person = personOf(item, personField);
              const w = (person === undefined ? index : personHash(person)) % workers;
              const units = kept[w] as Unit[];
              units.push(duplicate ? { index, item, duplicate } : { index, item });
              if (units.length >= BATCH) {
                await pool.keep(w, units);
                kept[w] = [];
              }
            }
            if ((index & 1023) === 0) progress.read(bytes, summary.read);
          }
        } catch (e) {
          if (e instanceof ClaimFileError) throw new UsageError(e.message);
          throw e;
        }
        if (presorted) {
          if (batch.length > 0) await pool.settleBatch(batch);
        } else {
          for (const [w, units] of kept.entries()) if (units.length > 0) await pool.keep(w, units);
          progress.writing(summary.read);
        }
        await pool.finish(presorted);
        await sink.end();
        if (!summary.balanced) {
          throw new Error(`records read ${summary.read} ≠ settled ${summary.settled} + rejected ${summary.rejected}`);
        }
        await out.commit();
        await rej?.commit();
      } catch (e) {
        sink.abort();
        out.abort();
        rej?.abort();
        throw e;
      } finally {
        progress.stop();
        await pool.close();
      }
      const versions = policy.versions.map((v) => v.date).join(', ');
      const rostered = rosters ? `\n  rosters ${describeRosters(rosters)}` : '';
      process.stderr.write(`${renderSummary(summary, `policy batch: ${policy.name} (versions ${versions}) over ${opts.in === '-' ? 'stdin' : basename(opts.in)} → ${opts.out}${rostered}`)}\n`);
      if (opts.summaryJson) {
        const f = new AtomicFile(opts.summaryJson);
        await f.write(`${JSON.stringify({ policy: policy.name, input: opts.in, output: opts.out, ...summary.toJson(), ...(rosters ? { rosters: rostersJson(rosters) } : {}) }, null, 2)}\n`);
        await f.commit();
      }
      process.exitCode = summary.rejected > 0 && opts.exitZero !== true ? EXIT.findings : EXIT.ok;
    });
}

function sizeOf(path: string): number | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

async function wrapAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof ClaimFileError) throw new UsageError(e.message);
    throw e;
  }
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ClaimFileError) throw new UsageError(e.message);
    throw e;
  }
}
