import { currentLang } from '../lang.js';
import type { Command } from 'commander';
import { basename } from 'node:path';
import { textIn } from '@policy/engine';
import { AtomicFile, ClaimFileError, outputFormatOf, policyInputs, refuseClashes, type OutputFormat } from '@policy/claims';
import { RESULT_ZH, textWidth, ref, t, type Lang } from '@policy/dsl';
import { padEndWidth, padStartWidth } from '../render/pad.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { formatHelp } from '../io/nhsa-options.js';
import { DEFAULT_WORKERS, formatOption, inFormatOption, mappingOption, policyOption, type InFormat } from '../options.js';
import { rosterHelp, describeRosters, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
import { FindingWriter } from '../audit/finding-writer.js';
import { runAudit, type AuditSummary } from '../audit/run-audit.js';
import { wrongValue } from '../options.js';
import { workerScript } from '../batch/worker-script.js';

interface AuditOptions extends RosterOptions {
  policy: string;
  in: string;
  out: string;
  format?: string;
  presorted?: boolean;
  inFormat: InFormat;
  mapping?: string;
  workers: string;
}

/**
 * `policy audit --policy P --in CLAIMS --out FINDINGS`: the policy's audits (docs/audits.md)
 * over each person's claims in date order; one finding a line, counts by audit on stderr.
 */
export function registerAudit(program: Command, lang: Lang): void {
  program
    .command('audit')
    .description(t(lang, 'help.audit.description'))
    .addOption(policyOption(lang))
    .requiredOption('--in <file>', t(lang, 'help.in.claims'))
    .requiredOption('--out <file>', t(lang, 'help.audit.out'))
    .addOption(formatOption(['csv', 'jsonl'], t(lang, 'help.format.by-out'), undefined, lang).default(undefined))
    .option('--presorted', t(lang, 'help.presorted.one-person'))
    .option('--workers <n>', t(lang, 'help.audit.workers'), String(DEFAULT_WORKERS))
    .addOption(rosterOption(lang))
    .addOption(rosterModeOption(lang))
    .addOption(rosterConflictsOption(lang))
    .addOption(inFormatOption(lang))
    .addOption(mappingOption(lang))
    .addHelpText(
      'after',
      `${formatHelp(lang)}${t(lang, 'help.audit.after')}\n${rosterHelp(lang)}`,
    )
    .action(async (opts: AuditOptions) => {
      refuseClashes(
        [{ option: '--in', path: opts.in }, ...policyInputs('--policy', opts.policy), ...(opts.roster ?? []).map((path) => ({ option: '--roster', path })), ...(opts.mapping ? [{ option: '--mapping', path: opts.mapping }] : [])],
        [{ option: '--out', path: opts.out }],
      );
      const workers = Number(opts.workers);
      if (!Number.isSafeInteger(workers) || workers < 0 || workers > 256) throw new UsageError(ref('cmd.usage.whole-number-range', { option: '--workers', min: 0, max: 256, value: opts.workers }));
      const format = findingFormat(opts);
      const inFormat = opts.inFormat;
      const policy = loadCompiled(opts.policy, { engine: 'decimal', settles: true });
      const rosters = await loadRosterOptions(opts, 'audit');
      const out = new AtomicFile(opts.out);
      const writer = new FindingWriter(out, format);
      let summary: AuditSummary;
      try {
        await writer.header();
        summary = await runAudit(
          policy,
          { in: opts.in, inFormat, policyPath: opts.policy, presorted: opts.presorted === true, ...(workers ? { workers: { count: workers, script: workerScript() } } : {}), ...(opts.mapping ? { mapping: opts.mapping } : {}), ...(rosters ? { roster: rosters } : {}) },
          (f) => writer.write(f),
        );
        await out.commit();
      } catch (e) {
        out.abort();
        if (e instanceof ClaimFileError) throw new UsageError(textIn(e, currentLang()));
        throw e;
      }
      const lang = currentLang();
      const rostered = rosters ? `\n  ${t(lang, 'cmd.rosters', { rosters: describeRosters(rosters) })}` : '';
      const title = t(lang, 'cmd.audit.title', { policy: policy.name, input: opts.in === '-' ? t(lang, 'cmd.stdin') : basename(opts.in), out: opts.out, rosters: rostered });
      process.stderr.write(`${renderAuditSummary(summary, policy.resolved.audits, title, lang)}\n`);
      process.exitCode = summary.rejected > 0 ? EXIT.findings : EXIT.ok;
    });
}

function findingFormat(opts: AuditOptions): OutputFormat {
  if (opts.format === undefined) return outputFormatOf(opts.out);
  if (opts.format !== 'csv' && opts.format !== 'jsonl') throw wrongValue('--format', ['csv', 'jsonl'], opts.format, true);
  return opts.format;
}

export function renderAuditSummary(s: AuditSummary, audits: readonly { name: string; result: 'suspect' | 'certain'; cites: readonly string[] }[], title: string, lang: Lang = currentLang()): string {
  const count = (id: 'cmd.audit.records-read' | 'cmd.audit.audited' | 'cmd.audit.rejected' | 'cmd.audit.findings', n: number): string => `  ${padEndWidth(t(lang, id), 16)}${String(n).padStart(8)}`;
  const lines = [title, count('cmd.audit.records-read', s.read), count('cmd.audit.audited', s.audited), count('cmd.audit.rejected', s.rejected), count('cmd.audit.findings', s.findings)];
  if (audits.length === 0) lines.push(`  ${t(lang, 'cmd.audit.no-audit')}`);
  else lines.push(`  ${padEndWidth(t(lang, 'cmd.audit.head-audit'), 28)}${padStartWidth(t(lang, 'cmd.audit.head-result'), 6)}  ${padStartWidth(t(lang, 'cmd.audit.head-findings'), 8)}  ${t(lang, 'cmd.audit.head-cites')}`);
  for (const a of audits) lines.push(`  ${a.name}${' '.repeat(Math.max(1, 24 - textWidth(a.name)))}  ${RESULT_ZH[a.result]}  ${String(s.byAudit.get(a.name) ?? 0).padStart(8)}  ${a.cites.join(', ')}`);
  for (const r of s.rejections) lines.push(`  ${t(lang, 'cmd.audit.rejected-line', { line: r.location.line, id: r.id ? ` (${r.id})` : '', field: r.field ? ` ${r.field}` : '', message: textIn(r, lang) })}`);
  if (s.rejected > s.rejections.length) lines.push(`  ${t(lang, 'cmd.audit.more-rejected', { n: s.rejected - s.rejections.length })}`);
  return lines.join('\n');
}

