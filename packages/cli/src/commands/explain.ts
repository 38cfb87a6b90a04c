import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { formatOption, langOption, policyOption, labelsOption, type Labels } from '../options.js';
import { currentLang } from '../lang.js';
import type { ExplainLang } from '../render/explain-labels.js';
import { runExplain } from '../settle/run-explain.js';
import { processStreams } from '../settle/streams.js';

/**
 * `policy explain --policy P FILE [--id ID]`: how each layer amount of a claim came about.
 * FILE's claims settle as one batch (as `eval` settles them, so accumulators carry from a
 * person's earlier claims); the claim explained is --id, or each claim when there is no --id.
 */
export function registerExplain(program: Command, lang: Lang): void {
  program
    .command('explain')
    .description(t(lang, 'help.explain.description'))
    .argument('<file>', t(lang, 'help.explain.file'))
    .addOption(policyOption(lang))
    .option('--id <id>', t(lang, 'help.explain.id'))
    .addOption(langOption(t(lang, 'help.explain.lang')))
    .addOption(formatOption(['text', 'json'], t(lang, 'help.explain.format'), undefined, lang))
    .addOption(labelsOption(t(lang, 'help.explain.labels'), true, lang))
    .option('--quote', t(lang, 'help.explain.quote'))
    .addHelpText(
      'after',
      t(lang, 'help.explain.after'),
    )
    .action(async (file: string, opts: { policy: string; id?: string; lang?: ExplainLang; format: 'text' | 'json'; quote?: boolean; labels: Labels }) => {
      process.exitCode = await runExplain({ ...opts, file, lang: opts.lang ?? currentLang(), quote: opts.quote === true }, processStreams);
    });
}
