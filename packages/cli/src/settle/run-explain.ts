import { extname } from 'node:path';
import { settleBatch, type ClaimItem, type Rejection, type SettledClaim } from '@policy/engine';
import { rejectedLine, settlementToLabelledJson } from '@policy/claims';
import { ref } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { openClaims } from '../io/open-claims.js';
import type { Labels } from '../options.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { explainSettlement } from '../render/explain.js';
import { explainFindings, findingsFor, findingsJson } from '../render/explain-findings.js';
import type { ExplainLang } from '../render/explain-labels.js';
import type { Streams } from './streams.js';

/** What `policy explain` was asked to do, its options parsed (commands/explain.ts). */
export interface ExplainConfig {
  readonly policy: string;
  /** The claims (CSV by extension, otherwise JSON); `-` = stdin. */
  readonly file: string;
  /** The claim to explain; every claim of the file when absent. */
  readonly id?: string;
  readonly lang: ExplainLang;
  readonly format: 'text' | 'json';
  /** Quote each rule's clause text. */
  readonly quote: boolean;
  readonly labels: Labels;
}

/**
 * Explains how each layer amount of the chosen claims came about. The file's claims settle as
 * one batch, as `eval` settles them, but only for the persons of the chosen claims (a person's
 * accumulators depend on that person's claims only). Returns the exit status: findings when an
 * explained claim was rejected.
 */
export async function runExplain(config: ExplainConfig, streams: Streams): Promise<number> {
  const { lang, file } = config;
  const policy = loadCompiled(config.policy, { settles: true });
  const items: ClaimItem[] = [];
  const rejections: { index: number; rejection: Rejection }[] = [];
  const format = file !== '-' && extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
  for await (const r of (await openClaims(file, { format, inFormat: 'contract' })).claims()) {
    if (r.kind === 'claim') items.push(r);
    else rejections.push(r);
  }
  if (items.length === 0 && rejections.length === 0) throw new UsageError(ref('cmd.usage.no-claims', { file }));
  const wanted = (id: string | undefined): boolean => config.id === undefined || id === config.id;
  const chosen = items.filter((i) => wanted(i.claim.id));
  const chosenRejections = rejections.filter((r) => wanted(r.rejection.id));
  if (chosen.length === 0 && chosenRejections.length === 0) throw new UsageError(ref('cmd.usage.no-claim-id', { file, id: JSON.stringify(config.id) }));

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
  for (const r of failed.sort((a, b) => a.index - b.index)) streams.err(`policy explain: ${rejectedLine(r.rejection, currentLang())}\n`);
  const findings = findingsFor(policy, items.map((i) => i.claim), persons);
  const audited = policy.resolved.audits.length > 0;
  if (config.format === 'json') {
    for (const s of settled) {
      const found = audited ? { findings: findingsJson(findings.get(s.claim.id) ?? []) } : {};
      streams.out(`${JSON.stringify({ ...settlementToLabelledJson(s, config.labels), ...found })}\n`);
    }
  } else {
    const text = (s: SettledClaim): string => {
      const f = explainFindings(policy, findings.get(s.claim.id) ?? [], lang);
      return `${explainSettlement(s, { lang, quote: config.quote })}\n${f ? `\n${f}` : ''}`;
    };
    streams.out(settled.map(text).join('\n'));
  }
  const explainedRejected = failed.some((r) => explained.has(r.index) || chosenRejections.includes(r));
  return explainedRejected ? EXIT.findings : EXIT.ok;
}
