import type { Command } from 'commander';
import { formatOption } from '../options.js';
import { policyTextConstants } from '@policy/engine';
import { claimStream, AtomicFile, policyInputs, refuseClashes } from '@policy/claims';
import { CSV_HEADER, toCsvRow, toJsonLine } from '@policy/claims';
import { EXIT, UsageError } from '../errors.js';
import { loadChecked } from '../policy-paths.js';

/**
 * `policy generate --policy P --count N --seed S`: seeded synthetic claims (the benchmark's),
 * drawing diseases from the policy's own names so that its branches are reached. Same
 * arguments, same bytes.
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write seeded synthetic claims for a policy (CSV or JSON Lines), e.g. to benchmark policy batch')
    .requiredOption('--policy <path>', 'policy folder or .policy file: its disease names are drawn from')
    .requiredOption('--count <n>', 'number of claims')
    .option('--seed <n>', 'any 32-bit integer', '1')
    .addOption(formatOption(['csv', 'jsonl']))
    .option('--out <file>', 'where to write; - = stdout', '-')
    .option('--year <year>', "calendar year of the claims (default: the policy's first whole year in force)")
    .addHelpText('after', '\nExit status: 0 written, 2 usage or I/O error.')
    .action(async (opts: { policy: string; count: string; seed: string; format: 'csv' | 'jsonl'; out: string; year?: string }) => {
      const count = whole(opts.count, '--count');
      const seed = whole(opts.seed, '--seed');
      const loaded = loadChecked(opts.policy);
      if (!loaded.policy) throw new UsageError(`policy ${opts.policy} has errors; run \`policy check ${opts.policy}\``);
      if (loaded.policy.module) throw new UsageError(`${opts.policy} is a module: generate claims for a policy that extends it`);
      const diseases = policyTextConstants(loaded.policy);
      // The first calendar year the policy is in force for from its 1 January.
      const first = loaded.policy.versions[0]?.date ?? '2018-01-01';
      const year = opts.year ? whole(opts.year, '--year') : Number(first.slice(0, 4)) + (first.endsWith('-01-01') ? 0 : 1);
      let claims;
      try {
        // A policy that names no disease (金寨) gets the generator's own realistic mix.
        claims = claimStream({ count, seed, year, ...(diseases.length > 0 ? { diseases: { inpatient: diseases, chronic: diseases } } : {}) });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(e.message);
        throw e;
      }
      refuseClashes(policyInputs('--policy', opts.policy), [{ option: '--out', path: opts.out }]);
      const out = new AtomicFile(opts.out);
      try {
        const csv = opts.format === 'csv';
        let text = csv ? `${CSV_HEADER}\n` : '';
        for (const c of claims) {
          text += `${csv ? toCsvRow(c) : toJsonLine(c)}\n`;
          if (text.length > 1 << 16) {
            await out.write(text);
            text = '';
          }
        }
        await out.write(text);
        await out.commit();
      } catch (e) {
        out.abort();
        throw e;
      }
      process.exitCode = EXIT.ok;
    });
}

function whole(text: string, name: string): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw new UsageError(`${name} must be a whole number (got ${text})`);
  return n;
}
