import type { Command } from 'commander';
import { basename } from 'node:path';
import {
  ClaimFileError,
  describeRejection,
  readClaims,
  readRecords,
  recordFormatOf,
  settleBatch,
  type ClaimItem,
  type Rejection,
} from '@policy/engine';
import { AtomicFile } from '../io/atomic-file.js';
import { RejectionWriter, SettlementWriter, outputFormatOf } from '../io/record-writers.js';
import { BatchSummary, renderSummary } from '../render/summary.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';

/**
 * `policy batch --policy P --in FILE --out FILE [--rejects FILE]`: settles a whole file (CSV
 * or JSON Lines, by extension), writes settlements and rejects, prints a summary on stderr.
 * Records in = settled + rejected, always.
 */
export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('settle a whole claims file (CSV or JSON Lines, by extension) and write settlements and rejects')
    .requiredOption('--policy <path>', 'policy folder or .policy file')
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .requiredOption('--out <file>', 'settlements: .csv or .jsonl; - = stdout (JSON Lines)')
    .option('--rejects <file>', 'rejected records with their reasons (.csv or .jsonl); without it they are listed on stderr')
    .option('--summary-json <file>', 'also write the summary as JSON')
    .addHelpText(
      'after',
      '\nOutputs are written under a temporary name and renamed when complete.\nExit status: 0 every record settled, 1 a record was rejected, 2 usage or I/O error.',
    )
    .action(async (opts: { policy: string; in: string; out: string; rejects?: string; summaryJson?: string }) => {
      const policy = loadCompiled(opts.policy, true);
      const inFormat = opts.in === '-' ? 'jsonl' : wrap(() => recordFormatOf(opts.in));
      const outFormat = outputFormatOf(opts.out);
      const rejectFormat = opts.rejects ? outputFormatOf(opts.rejects) : undefined;
      const summary = new BatchSummary();

      const items: ClaimItem[] = [];
      const rejections = new Map<number, Rejection>();
      try {
        for await (const r of readClaims(readRecords(opts.in, { format: inFormat }))) {
          summary.read++;
          if (r.kind === 'claim') items.push(r);
          else rejections.set(r.index, r.rejection);
        }
      } catch (e) {
        if (e instanceof ClaimFileError) throw new UsageError(e.message);
        throw e;
      }
      const extraColumns = [...new Set(items.flatMap((i) => Object.keys(i.claim.extra)))];
      const outcomes = new Map(settleBatch(policy, items).map((o) => [o.index, o]));

      const out = new AtomicFile(opts.out);
      const rej = opts.rejects ? new AtomicFile(opts.rejects) : undefined;
      try {
        const settlements = new SettlementWriter(out, outFormat, outFormat === 'csv' ? extraColumns : []);
        const rejects = rej && rejectFormat ? new RejectionWriter(rej, rejectFormat) : undefined;
        await settlements.header();
        await rejects?.header();
        for (let index = 0; index < summary.read; index++) {
          const o = outcomes.get(index);
          const rejection = o?.kind === 'rejected' ? o.rejection : rejections.get(index);
          if (rejection) {
            summary.addRejected(rejection);
            if (rejects) await rejects.write(rejection);
            else process.stderr.write(`rejected ${describeRejection(rejection)}\n`);
          } else if (o?.kind === 'settled') {
            summary.addSettled(o.settlement);
            await settlements.write(o.settlement);
          }
        }
        if (summary.settled + summary.rejected !== summary.read) {
          throw new Error(`records read ${summary.read} ≠ settled ${summary.settled} + rejected ${summary.rejected}`);
        }
        await out.commit();
        await rej?.commit();
      } catch (e) {
        out.abort();
        rej?.abort();
        throw e;
      }
      const versions = policy.versions.map((v) => v.date).join(', ');
      process.stderr.write(`${renderSummary(summary, `policy batch: ${policy.name} (versions ${versions}) over ${opts.in === '-' ? 'stdin' : basename(opts.in)} → ${opts.out}`)}\n`);
      if (opts.summaryJson) {
        const f = new AtomicFile(opts.summaryJson);
        await f.write(`${JSON.stringify({ policy: policy.name, input: opts.in, output: opts.out, ...summary.toJson() }, null, 2)}\n`);
        await f.commit();
      }
      process.exitCode = summary.rejected > 0 ? EXIT.findings : EXIT.ok;
    });
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ClaimFileError) throw new UsageError(e.message);
    throw e;
  }
}
