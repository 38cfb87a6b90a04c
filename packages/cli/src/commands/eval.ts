import { currentLang } from '../lang.js';
import { type Lang } from '@policy/dsl';
import type { Command } from 'commander';
import { settleBatch, type ClaimItem, type Rejection } from '@policy/engine';
import { rejectedLine, settlementToLabelledJson, settlementToNhsaJson, rejectionToJson } from '@policy/claims';
import { formatHelp, outputPlanFor } from '../io/nhsa-options.js';
import { openClaims } from '../io/open-claims.js';
import { formatOption, inFormatOption, labelsOption, mappingOption, outFormatOption, policyOption, type InFormat, type Labels, type OutShape } from '../options.js';
import { UsageError } from '../errors.js';
import { explainSettlement } from '../render/explain.js';
import { EXIT } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { rosterHelp, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
import { ref } from '@policy/dsl';
import { t } from '@policy/dsl';

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
      const shape = opts.outFormat;
      if (shape === 'nhsa' && opts.labels === 'zh') throw new UsageError(ref('cmd.usage.labels-nhsa'));
      const json = opts.json === true || opts.format === 'json';
      const policy = loadCompiled(opts.policy, { settles: true });
      const rosters = await loadRosterOptions(opts, 'eval');
      const items: ClaimItem[] = [];
      const rejections = new Map<number, Rejection>();
      let count = 0;
      const opened = await openClaims(file, { format: 'json', inFormat: opts.inFormat, policyPath: opts.policy, ...(opts.mapping ? { mapping: opts.mapping } : {}), needsMapping: shape === 'nhsa' });
      const plan = shape === 'nhsa' && opened.mapping ? outputPlanFor(policy, opened.mapping) : undefined;
      for await (const r of opened.claims(rosters)) {
        count++;
        if (r.kind === 'claim') items.push(r);
        else rejections.set(r.index, r.rejection);
      }
      const probe = plan?.probe;
      const outcomes = new Map(settleBatch(policy, items, { trace: opts.explain === true, ...(probe ? { probe } : {}) }).map((o) => [o.index, o]));
      let rejected = 0;
      for (let index = 0; index < count; index++) {
        const o = outcomes.get(index);
        const rejection = o?.kind === 'rejected' ? o.rejection : rejections.get(index);
        if (rejection) {
          rejected++;
          if (json) process.stdout.write(`${JSON.stringify(rejectionToJson(rejection, currentLang()))}\n`);
          else process.stderr.write(`policy eval: ${rejectedLine(rejection, currentLang())}\n`);
          continue;
        }
        if (o?.kind !== 'settled') continue;
        process.stdout.write(`${JSON.stringify(plan ? settlementToNhsaJson(o.settlement, plan) : settlementToLabelledJson(o.settlement, opts.labels))}\n`);
        if (opts.explain && !json) process.stderr.write(`${explainSettlement(o.settlement)}\n\n`);
      }
      if (count === 0) process.stderr.write(`${t(currentLang(), 'cmd.holds-no-claims', { command: 'eval', file })}\n`);
      process.exitCode = rejected > 0 ? EXIT.findings : EXIT.ok;
    });
}
