import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { formatOption } from '../options.js';
import { policyTextConstants } from '@policy/engine';
import { claimStream, AtomicFile, MixError, parseMix, policyInputs, refuseClashes, type GenerateMix } from '@policy/claims';
import { existsSync, readFileSync } from 'node:fs';
import { CSV_HEADER, toCsvRow, toJsonLine } from '@policy/claims';
import { EXIT, UsageError } from '../errors.js';
import { loadChecked } from '../policy-paths.js';
import { ref } from '@policy/dsl';

/**
 * `policy generate --policy P --count N --seed S`: seeded synthetic claims (the benchmark's),
 * drawing diseases from the policy's own names so that its branches are reached. Same
 * arguments, same bytes.
 */
export function registerGenerate(program: Command, lang: Lang): void {
  program
    .command('generate')
    .description(t(lang, 'help.generate.description'))
    .requiredOption('--policy <path>', t(lang, 'help.generate.policy'))
    .requiredOption('--count <n>', t(lang, 'help.generate.count'))
    .option('--seed <n>', t(lang, 'help.generate.seed'), '1')
    .addOption(formatOption(['csv', 'jsonl'], '', undefined, lang))
    .option('--out <file>', t(lang, 'help.generate.out'), '-')
    .option('--year <year>', t(lang, 'help.generate.year'))
    .option('--mix <spec>', t(lang, 'help.generate.mix'))
    .addHelpText(
      'after',
      t(lang, 'help.generate.after'),
    )
    .action(async (opts: { policy: string; count: string; seed: string; format: 'csv' | 'jsonl'; out: string; year?: string; mix?: string }) => {
      const count = whole(opts.count, '--count');
      const seed = whole(opts.seed, '--seed');
      const loaded = loadChecked(opts.policy);
      if (!loaded.policy) throw new UsageError(ref('cmd.usage.policy-has-errors-short', { path: opts.policy }));
      if (loaded.policy.module) throw new UsageError(ref('cmd.usage.module-generate', { path: opts.policy }));
      const diseases = policyTextConstants(loaded.policy);
      const mix = opts.mix === undefined ? undefined : readMix(opts.mix);
      // The first calendar year the policy is in force for from its 1 January.
      const first = loaded.policy.versions[0]?.date ?? '2018-01-01';
      const year = opts.year ? whole(opts.year, '--year') : Number(first.slice(0, 4)) + (first.endsWith('-01-01') ? 0 : 1);
      let claims;
      try {
        // A policy that names no disease (金寨) gets the generator's own realistic mix.
        claims = claimStream({ count, seed, year, ...(mix ? { mix } : {}), ...(diseases.length > 0 ? { diseases: { inpatient: diseases, chronic: diseases } } : {}) });
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

/** `--mix`: a file of JSON when it names one (`….json`), else KEY=VALUE pairs. */
function readMix(value: string): GenerateMix {
  try {
    if (value.endsWith('.json')) {
      if (!existsSync(value)) throw new UsageError(ref('cmd.usage.no-such-file', { option: '--mix', path: value }));
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(value, 'utf8'));
      } catch (e) {
        throw new UsageError(ref('cmd.usage.mix-json', { path: value, why: (e as Error).message }));
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(ref('cmd.usage.mix-object', { path: value, example: '{ "listed": 0.5 }' }));
      return parseMix(json as Record<string, unknown>, `--mix ${value}`);
    }
    return parseMix(value);
  } catch (e) {
    if (e instanceof MixError) throw new UsageError(e.message);
    throw e;
  }
}

function whole(text: string, name: string): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n)) throw new UsageError(ref('cmd.usage.whole-number', { option: name, value: text }));
  return n;
}
