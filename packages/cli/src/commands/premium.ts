import type { Command } from 'commander';
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
export function registerPremium(program: Command): void {
  program
    .command('premium')
    .description('for each person and year of the rosters: the contribution standard, the subsidy by category (cited), the fund and what the person pays')
    .addOption(policyOption())
    .addOption(rosterOption().makeOptionMandatory())
    .addOption(rosterConflictsOption())
    .option('--year <yyyy>', 'one year (default: every year the rosters touch)')
    .requiredOption('--out <file>', 'one row per person, year and premium: .csv or .jsonl; - = stdout (JSON Lines)')
    .addOption(formatOption(['csv', 'jsonl'], ' (default: by the extension of --out)').default(undefined))
    .option('--summary-json <file>', 'also write the totals as JSON')
    .addHelpText(
      'after',
      `
A person-year is every year in which a roster gives the person a category (on any day of the
year); it is read under the policy version in force on December 31 of the year. The first
subsidy of a premium whose condition holds applies (one class a person). Exit status: 0 written,
1 a subsidy breaks the contract for some person-year (more than the standard, negative;
nothing written), 2 usage or I/O error, a bad roster row. See docs/premiums.md.`,
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
