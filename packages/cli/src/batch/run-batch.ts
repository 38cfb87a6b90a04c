import { currentLang } from '../lang.js';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { IdRegistry, NHSA_COLUMNS, settlementColumns, recordFormatOf, AtomicFile, RejectionWriter, outputFormatOf, policyInputs, refuseClashes } from '@policy/claims';
import { UsageError } from '../errors.js';
import { openClaims } from '../io/open-claims.js';
import { outputPlanFor } from '../io/nhsa-options.js';
import type { InFormat, Labels, OutShape } from '../options.js';
import { loadCompiled } from '../policy-paths.js';
import { Progress } from '../render/progress.js';
import { KpiTally } from '@policy/engine';
import { BatchSummary, renderSummary } from '../render/summary.js';
import { describeRosters, loadRosterOptions, rostersJson, type RosterOptions, type Rosters } from '../roster/roster-options.js';
import { runRetroactive } from '../roster/retroactive-run.js';
import { OutputSink } from './output-sink.js';
import { PersonOrder, personHash, personOf } from './person-order.js';
import { WorkerPool } from './pool.js';
import type { Unit } from './protocol.js';
import { recordToClaim } from './record-to-claim.js';
import { ref, t } from '@policy/dsl';

/** What `policy batch` was asked to do, its options parsed and checked (commands/batch.ts). */
export interface BatchConfig extends RosterOptions {
  readonly policy: string;
  readonly in: string;
  readonly out: string;
  readonly rejects?: string;
  readonly summaryJson?: string;
  readonly presorted: boolean;
  readonly workers: number;
  readonly engine: 'auto' | 'decimal';
  readonly retroactive: boolean;
  readonly inFormat: InFormat;
  readonly outFormat: OutShape;
  readonly mapping?: string;
  /** The contract's names in the settlements, or the documents' Chinese names (`--labels zh`). */
  readonly labels?: Labels;
  /** The script the worker threads run: the CLI bundle itself. */
  readonly workerScript: string;
}

/** What a run did: the summary printed on stderr, and how many records were rejected. */
export interface BatchResult {
  readonly report: string;
  readonly rejected: number;
}

/** Records per message to a worker. */
const BATCH = 2_000;

/**
 * Settles a claims file into settlement and reject files: every record read is settled or
 * rejected (never dropped), outputs appear under their final names only when complete, no
 * output may replace an input or another output. The persons' claims go to worker threads;
 * this thread reads, routes and writes, in input order.
 */
export async function runBatch(config: BatchConfig): Promise<BatchResult> {
  // No output may replace an input or another output (checked before anything is read or written).
  refuseClashes(
    [{ option: '--in', path: config.in }, ...policyInputs('--policy', config.policy), ...(config.roster ?? []).map((path) => ({ option: '--roster', path })), ...(config.mapping ? [{ option: '--mapping', path: config.mapping }] : [])],
    [{ option: '--out', path: config.out }, ...(config.rejects ? [{ option: '--rejects', path: config.rejects }] : []), ...(config.summaryJson ? [{ option: '--summary-json', path: config.summaryJson }] : [])],
  );
  const shape = config.outFormat;
  const policy = loadCompiled(config.policy, { engine: config.engine, settles: true });
  const rosters = await loadRosterOptions(config, 'batch');
  if (config.retroactive) {
    if (!rosters) throw new UsageError(ref('cmd.usage.retroactive-roster'));
    if (config.presorted) throw new UsageError(ref('cmd.usage.retroactive-presorted'));
    if (shape === 'nhsa') throw new UsageError(ref('cmd.usage.retroactive-nhsa'));
  }
  if (shape === 'nhsa' && config.labels === 'zh') throw new UsageError(ref('cmd.usage.labels-nhsa'));
  const inFormat = config.in === '-' ? 'jsonl' : recordFormatOf(config.in);
  const outFormat = outputFormatOf(config.out);
  const rejectFormat = config.rejects ? outputFormatOf(config.rejects) : undefined;
  const progress = new Progress(config.in === '-' ? undefined : sizeOf(config.in));

  // The input's shape: given, or told by its first readable record (read before anything is settled).
  let bytes = 0;
  const opened = await openClaims(config.in, {
    format: inFormat,
    inFormat: config.inFormat,
    policyPath: config.policy,
    ...(config.mapping ? { mapping: config.mapping } : {}),
    needsMapping: shape === 'nhsa',
    onBytes: (n) => (bytes += n),
  });
  const input = opened.input;
  const mapping = opened.mapping;
  if (shape === 'nhsa' && mapping) outputPlanFor(policy, mapping);
  if (config.retroactive && rosters) {
    return runRetroactive(policy, { ...rosters, retroactive: true }, config, { records: opened.records, input, toClaim: recordToClaim(input, mapping) });
  }
  const summary = new BatchSummary(policy.engines, config.workers, config.presorted);
  summary.kpis = new KpiTally(policy);
  summary.formats = { input, basis: opened.basis, output: shape, ...(mapping ? { mapping: mapping.source } : {}) };
  await settleRecords(config, { opened, inFormat, outFormat, rejectFormat, summary, progress, bytes: () => bytes, ...(rosters ? { rosters } : {}) });

  const versions = policy.versions.map((v) => v.date).join(', ');
  const lang = currentLang();
  const rostered = rosters ? `\n  ${t(lang, 'cmd.rosters', { rosters: describeRosters(rosters) })}` : '';
  const title = t(lang, 'cmd.batch.title', { policy: policy.name, versions, input: config.in === '-' ? t(lang, 'cmd.stdin') : basename(config.in), out: config.out, rosters: rostered });
  const report = renderSummary(summary, title, lang);
  if (config.summaryJson) {
    const f = new AtomicFile(config.summaryJson);
    await f.write(`${JSON.stringify({ policy: policy.name, input: config.in, output: config.out, ...summary.toJson(), ...(rosters ? { rosters: rostersJson(rosters) } : {}) }, null, 2)}\n`);
    await f.commit();
  }
  return { report, rejected: summary.rejected };
}

interface Run {
  readonly opened: Awaited<ReturnType<typeof openClaims>>;
  readonly inFormat: 'csv' | 'jsonl' | 'json';
  readonly outFormat: 'csv' | 'jsonl';
  readonly rejectFormat: 'csv' | 'jsonl' | undefined;
  readonly summary: BatchSummary;
  readonly progress: Progress;
  readonly bytes: () => number;
  readonly rosters?: Rosters;
}

/** Reads, routes to the workers and writes every record; commits the outputs only when all balance. */
async function settleRecords(config: BatchConfig, run: Run): Promise<void> {
  const { opened, summary, progress } = run;
  const { input, mapping } = opened;
  const { presorted, workers } = config;
  const shape = config.outFormat;
  const lateColumns = run.inFormat === 'jsonl' && run.outFormat === 'csv';
  const out = new AtomicFile(config.out);
  const rej = config.rejects ? new AtomicFile(config.rejects) : undefined;
  const rejects = rej && run.rejectFormat ? new RejectionWriter(rej, run.rejectFormat, { lang: currentLang() }) : undefined;
  let written = 0;
  const columns = shape === 'nhsa' ? NHSA_COLUMNS : settlementColumns(config.labels ?? 'codes');
  const sink = new OutputSink(out, run.outFormat, lateColumns, rejects, summary, (n) => progress.written((written += n)), columns);
  const setup = { policy: config.policy, engine: config.engine, output: run.outFormat, labels: config.labels ?? 'codes', lateColumns, presorted, input, shape, ...(mapping ? { mapping } : {}), ...(run.rosters ? { roster: { buffer: run.rosters.index.buffer, mode: run.rosters.mode } } : {}) } as const;
  const pool = new WorkerPool(workers, config.workerScript, setup, sink.take);
  try {
    await rejects?.header();
    // A platform record has its id in setl_id and its person in psn_no.
    const idField = input === 'nhsa' ? 'setl_id' : 'id';
    const personField = input === 'nhsa' ? 'psn_no' : 'personId';
    const ids = new IdRegistry(idField);
    const order = new PersonOrder(opened.file, personField);
    let batch: Unit[] = [];
    const kept: Unit[][] = Array.from({ length: workers }, () => []);
    for await (const item of opened.records) {
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
      if ((index & 1023) === 0) progress.read(run.bytes(), summary.read);
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
}

function sizeOf(path: string): number | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}
