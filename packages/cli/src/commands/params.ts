import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { parseDate, renderDiagnostic } from '@policy/dsl';
import { policyParameters } from '@policy/engine';
import { UsageError } from '../errors.js';
import { formatOption, type Format } from '../options.js';
import { loadChecked } from '../policy-paths.js';
import { renderParamsCsv, renderParamsJson, renderParamsMarkdown, renderParamsText } from '../render/params.js';
import { ref } from '@policy/dsl';

type ParamsFormat = Extract<Format, 'text' | 'csv' | 'json' | 'markdown'>;

/** `policy params PATH`: every parameter, table, band and set of a policy (its bases' too), to review it. */
export function registerParams(program: Command, lang: Lang): void {
  program
    .command('params')
    .description(t(lang, 'help.params.description'))
    .argument('<path>', t(lang, 'help.params.path'))
    .option('--date <date>', t(lang, 'help.params.date'))
    .addOption(formatOption<ParamsFormat>(['text', 'csv', 'json', 'markdown'], t(lang, 'help.params.format'), undefined, lang))
    .addHelpText('after', t(lang, 'help.params.after'))
    .action((path: string, opts: { date?: string; format: ParamsFormat }) => {
      if (opts.date !== undefined && parseDate(opts.date) === undefined) throw new UsageError(ref('cmd.usage.date', { value: opts.date }));
      const r = loadChecked(path);
      if (!r.policy) {
        const text = r.diagnostics.filter((d) => d.severity === 'error').slice(0, 10).map((d) => renderDiagnostic(d, r.files)).join('\n');
        throw new UsageError(ref('cmd.usage.policy-has-errors', { path, text }));
      }
      const params = policyParameters(r.policy, opts.date !== undefined ? { date: opts.date } : {});
      const out =
        opts.format === 'json' ? renderParamsJson(r.policy.name, params, opts.date)
        : opts.format === 'csv' ? renderParamsCsv(params)
        : opts.format === 'markdown' ? renderParamsMarkdown(params)
        : renderParamsText(params);
      process.stdout.write(out);
    });
}
