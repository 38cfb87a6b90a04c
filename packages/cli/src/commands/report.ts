import type { Command } from 'commander';
import { type Lang } from '@policy/dsl';
import { AtomicFile, policyInputs, refuseClashes } from '@policy/claims';
import { UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { formatOption, inFormatOption, mappingOption, policyOption, type InFormat } from '../options.js';
import { rosterHelp, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
import { GROUPINGS, buildReport, type Grouping, type ReportInput } from '../report/report-data.js';
import { loadCharts } from '../report/charts.js';
import { renderReportHtml } from '../report/render-html.js';
import { ref, t } from '@policy/dsl';
import { currentLang } from '../lang.js';

interface ReportOptions extends RosterOptions {
  policy: string;
  in: string;
  out: string;
  format: 'html' | 'json';
  by?: string;
  compare?: string;
  presorted?: boolean;
  inFormat: InFormat;
  mapping?: string;
}

/** `policy report --policy P --in CLAIMS --out FILE`: one offline HTML page (or its numbers as JSON) about a batch of claims. */
export function registerReport(program: Command, lang: Lang): void {
  program
    .command('report')
    .description(t(lang, 'help.report.description'))
    .addOption(policyOption(lang))
    .requiredOption('--in <file>', t(lang, 'help.in.claims'))
    .requiredOption('--out <file>', t(lang, 'help.report.out'))
    .addOption(formatOption(['html', 'json'], '', undefined, lang))
    .option('--by <groups>', t(lang, 'help.report.by', { groups: GROUPINGS.join(', ') }), 'category,level')
    .option('--compare <policy>', t(lang, 'help.report.compare'))
    .option('--presorted', t(lang, 'help.presorted.one-person'))
    .addOption(rosterOption(lang))
    .addOption(rosterModeOption(lang))
    .addOption(rosterConflictsOption(lang))
    .addOption(inFormatOption(lang))
    .addOption(mappingOption(lang))
    .addHelpText('after', `${t(lang, 'help.report.after')}${rosterHelp(lang)}`)
    .action(async (opts: ReportOptions) => {
      const by = groupings(opts.by ?? '');
      refuseClashes(
        [{ option: '--in', path: opts.in }, ...policyInputs('--policy', opts.policy), ...(opts.compare ? policyInputs('--compare', opts.compare) : []), ...(opts.roster ?? []).map((path) => ({ option: '--roster', path }))],
        [{ option: '--out', path: opts.out }],
      );
      const policy = loadCompiled(opts.policy, { settles: true });
      const other = opts.compare ? loadCompiled(opts.compare, { settles: true }) : undefined;
      const rosters = await loadRosterOptions(opts, 'report');
      const input: ReportInput = { in: opts.in, inFormat: opts.inFormat, policyPath: opts.policy, presorted: opts.presorted === true, ...(opts.mapping ? { mapping: opts.mapping } : {}), ...(rosters ? { roster: rosters } : {}) };
      if (opts.compare && opts.in === '-') throw new UsageError(ref('cmd.usage.compare-stdin'));
      const data = await buildReport(policy, input, by);
      const compared = other ? await buildReport(other, { ...input, policyPath: opts.compare as string }, by) : undefined;
      let text: string;
      if (opts.format === 'json') text = `${JSON.stringify({ ...data, ...(compared ? { compare: compared } : {}) }, null, 2)}\n`;
      else {
        await loadCharts();
        text = renderReportHtml(data, compared);
      }
      const out = new AtomicFile(opts.out);
      try {
        await out.write(text);
        await out.commit();
      } catch (e) {
        out.abort();
        throw e;
      }
      if (opts.out !== '-') process.stderr.write(`${t(currentLang(), 'cmd.report.written', { policy: policy.name, input: opts.in, out: opts.out, settled: data.records.settled, rejected: data.records.rejected })}\n`);
    });
}

function groupings(text: string): Grouping[] {
  const out: Grouping[] = [];
  for (const g of text.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    if (!(GROUPINGS as readonly string[]).includes(g)) throw new UsageError(ref('cmd.usage.by', { values: GROUPINGS.join(', '), value: JSON.stringify(g) }));
    if (!out.includes(g as Grouping)) out.push(g as Grouping);
  }
  return out;
}
