import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { outputFormatOf, type OutputFormat } from '@policy/claims';
import { EXIT, UsageError } from '../errors.js';
import { formatOption, policyOption } from '../options.js';
import { PremiumPolicyError, renderPremiumSummary, runPremium, type PremiumConfig } from '../premium/run-premium.js';
import { rosterConflictsOption, rosterOption } from '../roster/roster-options.js';
import { ref } from '@policy/dsl';

interface PremiumOptions {
  policy: string;
  roster?: string[];
  rosterConflicts?: string;
  year?: string;
  out: string;
  format?: OutputFormat;
  summaryJson?: string;
}

/**
 * `policy premium --policy P --roster R… [--year Y] --out FILE`: the policy's premiums
 * (docs/premiums.md) for each person and year of the rosters; totals on stderr.
 */
export function registerPremium(program: Command, lang: Lang): void {
  program
    .command('premium')
    .description(t(lang, 'help.premium.description'))
    .addOption(policyOption(lang))
    .addOption(rosterOption(lang).makeOptionMandatory())
    .addOption(rosterConflictsOption(lang))
    .option('--year <yyyy>', t(lang, 'help.premium.year'))
    .requiredOption('--out <file>', t(lang, 'help.premium.out'))
    .addOption(formatOption(['csv', 'jsonl'], t(lang, 'help.format.by-out'), undefined, lang).default(undefined))
    .option('--summary-json <file>', t(lang, 'help.premium.summary-json'))
    .addHelpText(
      'after',
      t(lang, 'help.premium.after'),
    )
    .action(async (opts: PremiumOptions) => {
      const config: PremiumConfig = {
        policy: opts.policy,
        roster: opts.roster ?? [],
        out: opts.out,
        format: opts.format ?? outputFormatOf(opts.out),
        ...(opts.rosterConflicts !== undefined ? { rosterConflicts: opts.rosterConflicts } : {}),
        ...(opts.year !== undefined ? { year: parseYear(opts.year) } : {}),
        ...(opts.summaryJson !== undefined ? { summaryJson: opts.summaryJson } : {}),
      };
      try {
        process.stderr.write(`${renderPremiumSummary(await runPremium(config), config)}\n`);
        process.exitCode = EXIT.ok;
      } catch (e) {
        if (!(e instanceof PremiumPolicyError)) throw e;
        process.stderr.write(`policy premium: ${e.message}\n`);
        process.exitCode = EXIT.findings;
      }
    });
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(ref('cmd.usage.premium-year-digits', { value: JSON.stringify(text) }));
  return Number(text);
}
