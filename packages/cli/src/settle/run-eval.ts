import { currentLang } from '../lang.js';
import { settleBatch, type ClaimItem, type Rejection } from '@policy/engine';
import { rejectedLine, settlementToLabelledJson, settlementToNhsaJson, rejectionToJson } from '@policy/claims';
import { ref, t } from '@policy/dsl';
import { outputPlanFor } from '../io/nhsa-options.js';
import { openClaims } from '../io/open-claims.js';
import type { InFormat, Labels, OutShape } from '../options.js';
import { EXIT, UsageError } from '../errors.js';
import { explainSettlement } from '../render/explain.js';
import { loadCompiled } from '../policy-paths.js';
import { loadRosterOptions, type RosterOptions } from '../roster/roster-options.js';
import type { Streams } from './streams.js';

/** What `policy eval` was asked to do, its options parsed (commands/eval.ts). */
export interface EvalConfig extends RosterOptions {
  readonly policy: string;
  /** The claims: one JSON object, a JSON array, or JSON Lines; `-` = stdin. */
  readonly file: string;
  /** A trace of each settlement on stderr (text output only). */
  readonly explain: boolean;
  /** One JSON object per line for rejections too, on stdout. */
  readonly json: boolean;
  readonly inFormat: InFormat;
  readonly outFormat: OutShape;
  readonly mapping?: string;
  readonly labels: Labels;
}

/**
 * Settles the claims of a file as one batch (so a person's accumulators carry from claim to
 * claim) and writes one settlement per line, in input order; rejections go to stderr, or to
 * stdout as JSON with `json`. Returns the exit status: findings when a claim was rejected.
 */
export async function runEval(config: EvalConfig, streams: Streams): Promise<number> {
  const shape = config.outFormat;
  if (shape === 'nhsa' && config.labels === 'zh') throw new UsageError(ref('cmd.usage.labels-nhsa'));
  const policy = loadCompiled(config.policy, { settles: true });
  const rosters = await loadRosterOptions(config, 'eval');
  const items: ClaimItem[] = [];
  const rejections = new Map<number, Rejection>();
  let count = 0;
  const opened = await openClaims(config.file, { format: 'json', inFormat: config.inFormat, policyPath: config.policy, ...(config.mapping ? { mapping: config.mapping } : {}), needsMapping: shape === 'nhsa' });
  const plan = shape === 'nhsa' && opened.mapping ? outputPlanFor(policy, opened.mapping) : undefined;
  for await (const r of opened.claims(rosters)) {
    count++;
    if (r.kind === 'claim') items.push(r);
    else rejections.set(r.index, r.rejection);
  }
  const probe = plan?.probe;
  const outcomes = new Map(settleBatch(policy, items, { trace: config.explain, ...(probe ? { probe } : {}) }).map((o) => [o.index, o]));
  let rejected = 0;
  for (let index = 0; index < count; index++) {
    const o = outcomes.get(index);
    const rejection = o?.kind === 'rejected' ? o.rejection : rejections.get(index);
    if (rejection) {
      rejected++;
      if (config.json) streams.out(`${JSON.stringify(rejectionToJson(rejection, currentLang()))}\n`);
      else streams.err(`policy eval: ${rejectedLine(rejection, currentLang())}\n`);
      continue;
    }
    if (o?.kind !== 'settled') continue;
    streams.out(`${JSON.stringify(plan ? settlementToNhsaJson(o.settlement, plan) : settlementToLabelledJson(o.settlement, config.labels))}\n`);
    if (config.explain && !config.json) streams.err(`${explainSettlement(o.settlement)}\n\n`);
  }
  if (count === 0) streams.err(`${t(currentLang(), 'cmd.holds-no-claims', { command: 'eval', file: config.file })}\n`);
  return rejected > 0 ? EXIT.findings : EXIT.ok;
}
