import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { settleBatch, type ClaimItem, type Rejection, type SettledClaim } from '@policy/engine';
import { rejectedLine, settlementToLabelledJson } from '@policy/claims';
import { openClaims } from '../io/open-claims.js';
import { formatOption, langOption, policyOption, labelsOption, type Labels } from '../options.js';
import { currentLang } from '../lang.js';
import { extname } from 'node:path';
import { explainSettlement } from '../render/explain.js';
import { explainFindings, findingsFor, findingsJson } from '../render/explain-findings.js';
import type { ExplainLang } from '../render/explain-labels.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { ref } from '@policy/dsl';

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
      const lang: ExplainLang = opts.lang ?? currentLang();
      const policy = loadCompiled(opts.policy, { settles: true });
      const items: ClaimItem[] = [];
      const rejections: { index: number; rejection: Rejection }[] = [];
      const format = file !== '-' && extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
      for await (const r of (await openClaims(file, { format, inFormat: 'contract' })).claims()) {
        if (r.kind === 'claim') items.push(r);
        else rejections.push(r);
      }
      if (items.length === 0 && rejections.length === 0) throw new UsageError(ref('cmd.usage.no-claims', { file }));
      const wanted = (id: string | undefined): boolean => opts.id === undefined || id === opts.id;
      const chosen = items.filter((i) => wanted(i.claim.id));
      const chosenRejections = rejections.filter((r) => wanted(r.rejection.id));
      if (chosen.length === 0 && chosenRejections.length === 0) throw new UsageError(ref('cmd.usage.no-claim-id', { file, id: JSON.stringify(opts.id) }));

      // A person's accumulators depend on that person's claims only: settle those persons.
      const persons = new Set(chosen.map((i) => i.claim.personId));
      const outcomes = settleBatch(
        policy,
        items.filter((i) => persons.has(i.claim.personId)),
        { trace: true },
      );
      const explained = new Set(chosen.map((i) => i.index));
      const settled: SettledClaim[] = [];
      const failed = [...chosenRejections];
      for (const o of outcomes.sort((a, b) => a.index - b.index)) {
        if (o.kind === 'settled' && explained.has(o.index)) settled.push(o.settlement);
        else if (o.kind === 'rejected') failed.push(o);
      }
      for (const r of failed.sort((a, b) => a.index - b.index)) process.stderr.write(`policy explain: ${rejectedLine(r.rejection, currentLang())}\n`);
      const findings = findingsFor(policy, items.map((i) => i.claim), persons);
      const audited = policy.resolved.audits.length > 0;
      if (opts.format === 'json') {
        for (const s of settled) {
          const found = audited ? { findings: findingsJson(findings.get(s.claim.id) ?? []) } : {};
          process.stdout.write(`${JSON.stringify({ ...settlementToLabelledJson(s, opts.labels), ...found })}\n`);
        }
      } else {
        const text = (s: SettledClaim): string => {
          const f = explainFindings(policy, findings.get(s.claim.id) ?? [], lang);
          return `${explainSettlement(s, { lang, quote: opts.quote === true })}\n${f ? `\n${f}` : ''}`;
        };
        process.stdout.write(settled.map(text).join('\n'));
      }
      const explainedRejected = failed.some((r) => explained.has(r.index) || chosenRejections.includes(r));
      process.exitCode = explainedRejected ? EXIT.findings : EXIT.ok;
    });
}
