import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { formatHelp } from '../io/nhsa-options.js';
import { formatOption, inFormatOption, labelsOption, mappingOption, outFormatOption, policyOption, type InFormat, type Labels, type OutShape } from '../options.js';
import { rosterHelp, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
import { runEval } from '../settle/run-eval.js';
import { processStreams } from '../settle/streams.js';

/**
 * `policy eval --policy P FILE`: settles the claims of FILE (one JSON object, a JSON array,
 * or JSON Lines; `-` = stdin) as one batch; one settlement per line on stdout.
 */
export function registerEval(program: Command, lang: Lang): void {
  program
    .command('eval')
    .description(t(lang, 'help.eval.description'))
    .argument('<file>', t(lang, 'help.eval.file'))
    .addOption(policyOption(lang))
    .option('--explain', t(lang, 'help.eval.explain'))
    .addOption(formatOption(['text', 'json'], t(lang, 'help.eval.format', { shape: '{"line","id","field","error"}' }), undefined, lang))
    .option('--json', t(lang, 'help.eval.json'))
    .addOption(inFormatOption(lang))
    .addOption(outFormatOption('', lang))
    .addOption(mappingOption(lang))
    .addOption(labelsOption(t(lang, 'help.eval.labels'), true, lang))
    .addOption(rosterOption(lang))
    .addOption(rosterModeOption(lang))
    .addOption(rosterConflictsOption(lang))
    .addHelpText(
      'after',
      `${t(lang, 'help.eval.output')}${formatHelp(lang)}\n${rosterHelp(lang)}\n${t(lang, 'help.eval.exit')}`,
    )
    .action(async (file: string, opts: { policy: string; explain?: boolean; json?: boolean; format: 'text' | 'json'; inFormat: InFormat; outFormat: OutShape; mapping?: string; labels: Labels } & RosterOptions) => {
      const { explain, json, format, ...rest } = opts;
      process.exitCode = await runEval({ ...rest, file, explain: explain === true, json: json === true || format === 'json' }, processStreams);
    });
}
