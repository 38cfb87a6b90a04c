import { currentLang } from '../lang.js';
import { type Lang } from '@policy/dsl';
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
export function registerDiff(program: Command, lang: Lang): void {
  program
    .command('diff')
    .description(t(lang, 'help.diff.description'))
    .option('--base <path>', t(lang, 'help.diff.base'))
    .option('--base-rev <rev>', t(lang, 'help.diff.base-rev'))
    .requiredOption('--head <path>', t(lang, 'help.diff.head'))
    .requiredOption('--in <file>', t(lang, 'help.in.claims'))
    .addOption(formatOption(['text', 'json', 'markdown', 'html'], '', undefined, lang))
    .option('--fail-on-change', t(lang, 'help.diff.fail-on-change'))
    .option('--top <n>', t(lang, 'help.diff.top'), '10')
    .option('--out <file>', t(lang, 'help.diff.out'))
    .addOption(labelsOption(t(lang, 'help.diff.labels'), false, lang))
    .addHelpText(
      'after',
      t(lang, 'help.diff.after'),
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
