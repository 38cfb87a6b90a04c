import { currentLang } from '../lang.js';
import type { Command } from 'commander';
import { basename } from 'node:path';
import { textIn } from '@policy/engine';
import { AtomicFile, ClaimFileError, outputFormatOf, policyInputs, refuseClashes, type OutputFormat } from '@policy/claims';
import { RESULT_ZH, displayWidth, ref, t, type Lang } from '@policy/dsl';
import { padEndWidth, padStartWidth } from '../render/pad.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { FORMAT_HELP } from '../io/nhsa-options.js';
import { DEFAULT_WORKERS, formatOption, inFormatOption, mappingOption, policyOption, type InFormat } from '../options.js';
import { ROSTER_HELP, describeRosters, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';
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
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description("run the policy's audits over each person's claim history and write one finding a line")
    .addOption(policyOption())
    .requiredOption('--in <file>', 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)')
    .requiredOption('--out <file>', 'findings: .csv or .jsonl; - = stdout (JSON Lines)')
    .addOption(formatOption(['csv', 'jsonl'], ' (default: by the extension of --out)').default(undefined))
    .option('--presorted', "the input holds each person's records together, persons in ascending order: one person in memory at a time")
    .option('--workers <n>', 'worker threads auditing persons while this thread reads and writes; 0 = this thread audits too (default: the cores less one, at least 1); the findings are the same for any number', String(DEFAULT_WORKERS))
    .addOption(rosterOption())
    .addOption(rosterModeOption())
    .addOption(rosterConflictsOption())
    .addOption(inFormatOption())
    .addOption(mappingOption())
    .addHelpText(
      'after',
      `${FORMAT_HELP}

Each claim is audited against the person's claims before it in (date, id) order, under the policy
version in force on its date; audits read claims, never settlements. A record batch would reject
is counted and not audited. Exit status: 0 audited (findings or not), 1 a record was rejected,
2 usage or I/O error (and --presorted input out of order).
${ROSTER_HELP}`,
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
  for (const a of audits) lines.push(`  ${a.name}${' '.repeat(Math.max(1, 24 - width(a.name)))}  ${RESULT_ZH[a.result]}  ${String(s.byAudit.get(a.name) ?? 0).padStart(8)}  ${a.cites.join(', ')}`);
  for (const r of s.rejections) lines.push(`  ${t(lang, 'cmd.audit.rejected-line', { line: r.location.line, id: r.id ? ` (${r.id})` : '', field: r.field ? ` ${r.field}` : '', message: textIn(r, lang) })}`);
  if (s.rejected > s.rejections.length) lines.push(`  ${t(lang, 'cmd.audit.more-rejected', { n: s.rejected - s.rejections.length })}`);
  return lines.join('\n');
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += displayWidth(ch);
  return w;
}
