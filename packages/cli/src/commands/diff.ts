import { currentLang } from '../lang.js';
import type { Command } from 'commander';
import { formatOption, labelsOption, type Labels } from '../options.js';
import { CODE_LABELS, ZH_LABELS } from '../diff/render-common.js';
import { existsSync } from 'node:fs';
import { describeRejection, AtomicFile, policyInputs, refuseClashes } from '@policy/claims';
import { loadSide, loadSideAtRevision } from '../diff/load-side.js';
import { renderJson } from '../diff/render-json.js';
import { renderMarkdown } from '../diff/render-markdown.js';
import { renderTable } from '../diff/render-table.js';
import { runDiff } from '../diff/run-diff.js';
import type { DiffReport } from '../diff/report.js';
import { EXIT, UsageError } from '../errors.js';
import { ref } from '@policy/dsl';
import { t } from '@policy/dsl';

interface DiffOptions {
  base?: string;
  baseRev?: string;
  head: string;
  in: string;
  format: 'text' | 'json' | 'markdown' | 'html';
  failOnChange?: boolean;
  top: string;
  out?: string;
  labels: Labels;
}

const RENDER = { text: renderTable, json: renderJson, markdown: renderMarkdown } as const;

/** The renderer of a format; html draws charts, loaded when asked for (echarts stays out of the CLI's start-up). */
async function renderer(format: DiffOptions['format'], labels: Labels): Promise<(r: DiffReport) => string> {
  // --labels names the layers and the breakdowns' values of the readable reports; json keeps the codes, html has its own 中文 / English.
  if (format === 'text' || format === 'markdown') return (r) => RENDER[format](r, labels === 'zh' ? ZH_LABELS : CODE_LABELS);
  if (format !== 'html') return RENDER[format];
  const [{ loadCharts }, { renderDiffHtml }] = await Promise.all([import('../report/charts.js'), import('../diff/render-html.js')]);
  await loadCharts();
  return renderDiffHtml;
}

/**
 * `policy diff --base OLD --head NEW --in CLAIMS`: settles the same claims under two versions
 * of a policy and reports what changed — totals per layer, breakdowns, the claims that changed
 * most and the rules that fired differently for them.
 */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('settle the same claims under two versions of a policy and report what changed')
    .option('--base <path>', 'the old policy: folder or .policy file')
    .option('--base-rev <rev>', 'instead of --base: the old policy is --head as it stands at this git revision (e.g. HEAD~1, origin/main)')
    .requiredOption('--head <path>', 'the new policy: folder or .policy file')
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .addOption(formatOption(['text', 'json', 'markdown', 'html']))
    .option('--fail-on-change', 'exit 1 when any claim changed: its layers, its flags, or settled ↔ rejected')
    .option('--top <n>', 'how many of the claims that changed most to list, with the rules that fired differently', '10')
    .option('--out <file>', 'write the report to FILE instead of standard output')
    .addOption(labelsOption('the layers and the breakdowns of the text and markdown reports (json keeps the codes)', false))
    .addHelpText(
      'after',
      `
Both policies settle every claim of --in as one batch (accumulators per person and year). A
claim changed when its layers or its flags differ, or when one side settles it and the other
rejects it; records that are not valid claims are rejected by both sides, counted, and the
first three named on stderr. The report gives the totals per layer before and after (over the
claims each side settled), the change in yuan and in % of before, the change by category,
visit kind, level and region, the claims that changed most (by the patient layer, then any
layer) with the rules that fired differently (file:line on each side), settled ↔ rejected
claims, flags that appeared or disappeared, and the versions in force. Money is summed
exactly, in fen. The report goes to stdout (or --out); messages for people to stderr.

With --base-rev, the policy and every base it extends or imports are read from that revision
of the git repository that holds --head.

Exit status: 0 done (also when claims changed, unless --fail-on-change), 1 a claim changed
and --fail-on-change was given, 2 usage or I/O error (a bad path, revision or claims file;
a policy with errors), 3 internal error.`,
    )
    .action(async (opts: DiffOptions) => {
      const render = await renderer(opts.format, opts.labels);
      if (!/^\d{1,6}$/.test(opts.top)) throw new UsageError(ref('cmd.usage.whole-number-range', { option: '--top', min: 0, max: 999999, value: opts.top }));
      if ((opts.base === undefined) === (opts.baseRev === undefined)) throw new UsageError(ref('cmd.usage.diff-base'));
      if (!existsSync(opts.head)) throw new UsageError(ref('cmd.usage.no-such-path', { path: opts.head }));
      if (opts.out !== undefined && opts.out !== '-') {
        refuseClashes(
          [{ option: '--in', path: opts.in }, ...policyInputs('--head', opts.head), ...(opts.base !== undefined ? policyInputs('--base', opts.base) : [])],
          [{ option: '--out', path: opts.out }],
        );
      }
      const head = loadSide(opts.head);
      const base = opts.base !== undefined ? loadSide(opts.base) : loadSideAtRevision(opts.head, opts.baseRev as string);
      const report = await runDiff(base, head, { input: opts.in, top: Number(opts.top) });
      const lang = currentLang();
      const file = opts.in === '-' ? t(lang, 'cmd.standard-input') : opts.in;
      if (report.records === 0) process.stderr.write(`${t(lang, 'cmd.holds-no-claims', { command: 'diff', file })}\n`);
      if (report.invalid > 0) {
        process.stderr.write(`${t(lang, report.invalid === 1 ? 'cmd.diff.invalid.one' : 'cmd.diff.invalid.many', { n: report.invalid, file })}\n`);
        for (const r of report.invalidSamples) process.stderr.write(`  ${describeRejection(r, lang)}\n`);
      }
      const text = render(report);
      if (opts.out !== undefined && opts.out !== '-') {
        const f = new AtomicFile(opts.out);
        await f.write(text);
        await f.commit();
      } else {
        process.stdout.write(text);
      }
      process.exitCode = opts.failOnChange && report.changedClaims > 0 ? EXIT.findings : EXIT.ok;
    });
}
