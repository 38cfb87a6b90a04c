import type { Command } from 'commander';
import { AtomicFile, policyInputs, refuseClashes } from '@policy/claims';
import { UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { formatOption, inFormatOption, mappingOption, policyOption, type InFormat } from '../options.js';
import { ROSTER_HELP, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
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
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('settle a claims file and write one self-contained HTML report (charts as inline SVG) or its numbers as JSON')
    .addOption(policyOption())
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .requiredOption('--out <file>', 'the report; - = stdout')
    .addOption(formatOption(['html', 'json']))
    .option('--by <groups>', `the effective ratio by: ${GROUPINGS.join(', ')} (comma-separated)`, 'category,level')
    .option('--compare <policy>', 'the same numbers under another policy, side by side (a rule change, a neighbouring county)')
    .option('--presorted', "the input holds each person's records together, persons in ascending order: one person in memory at a time")
    .addOption(rosterOption())
    .addOption(rosterModeOption())
    .addOption(rosterConflictsOption())
    .addOption(inFormatOption())
    .addOption(mappingOption())
    .addHelpText('after', `\nThe claims settle person by person; without --presorted every claim is kept until the input ends,\nwith it one person's at a time (a person out of order stops the run). The HTML page makes no request:\ncharts are inline SVG drawn by ECharts on this machine, Chinese with an English switch.\nExit status: 0 written, 2 usage or I/O error (and --presorted input out of order).\n${ROSTER_HELP}`)
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
