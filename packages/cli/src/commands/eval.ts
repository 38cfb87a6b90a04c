import type { Command } from 'commander';
import { settleBatch, type ClaimItem, type Rejection } from '@policy/engine';
import { ClaimFileError, describeRejection, applyRoster, detectRecords, readClaims, readPlatformClaims, readRecords, settlementToJson, settlementToNhsaJson, type NhsaOutputPlan, rejectionToJson } from '@policy/claims';
import { FORMAT_HELP, inFormatOption, mappingFor, outShapeOption, outputPlanFor } from '../io/nhsa-options.js';
import { explainSettlement } from '../render/explain.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCompiled } from '../policy-paths.js';
import { ROSTER_HELP, loadRosterOptions, rosterConflictsOption, rosterModeOption, rosterOption, type RosterOptions } from '../roster/roster-options.js';

/**
 * `policy eval --policy P FILE`: settles the claims of FILE (one JSON object, a JSON array,
 * or JSON Lines; `-` = stdin) as one batch; one settlement per line on stdout.
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('settle the claims in FILE (one JSON object, a JSON array or JSON Lines; - = stdin) as one batch')
    .argument('<file>', 'claims file, or - for standard input')
    .requiredOption('--policy <path>', 'policy folder or .policy file')
    .option('--explain', 'add the trace to each settlement, and explain it on stderr')
    .option('--json', 'machine output only: rejected claims also go to stdout, as {"line","id","field","error"} objects')
    .option('--in-format <shape>', 'auto, contract (claims) or nhsa (the national platform\'s settlement records)', 'auto')
    .option('--out-format <shape>', 'contract (settlements) or nhsa (the platform\'s setlinfo records)', 'contract')
    .option('--mapping <file>', 'the platform mapping (default: the policy\'s nhsa-mapping.json, else the default mapping)')
    .addOption(rosterOption())
    .addOption(rosterModeOption())
    .addOption(rosterConflictsOption())
    .addHelpText(
      'after',
      '\nOutput: one JSON settlement per line on stdout, in input order. Rejected claims are explained on\nstderr (with --json: on stdout instead).\n' +
        `${FORMAT_HELP}\n${ROSTER_HELP}\n` +
        'Exit status: 0 all settled, 1 a claim was rejected, 2 usage or I/O error (a bad roster too).',
    )
    .action(async (file: string, opts: { policy: string; explain?: boolean; json?: boolean; inFormat: string; outFormat: string; mapping?: string } & RosterOptions) => {
      const inOption = inFormatOption(opts.inFormat);
      const shape = outShapeOption(opts.outFormat);
      const policy = loadCompiled(opts.policy, { settles: true });
      const rosters = await loadRosterOptions(opts, 'eval');
      const items: ClaimItem[] = [];
      const rejections = new Map<number, Rejection>();
      let count = 0;
      let plan: NhsaOutputPlan | undefined;
      try {
        const read = readRecords(file, { format: 'json' });
        const detected = await detectRecords(read, inOption === 'auto' ? undefined : inOption, file === '-' ? 'standard input' : file);
        const mapping = detected.format === 'nhsa' || shape === 'nhsa' ? mappingFor(opts.policy, opts.mapping) : undefined;
        plan = shape === 'nhsa' && mapping ? outputPlanFor(policy, mapping) : undefined;
        const claims = detected.format === 'nhsa' && mapping ? readPlatformClaims(detected.records, mapping) : readClaims(detected.records);
        for await (const r of claims) {
          count++;
          if (r.kind === 'claim') items.push(rosters ? { ...r, claim: applyRoster(r.claim, rosters) } : r);
          else rejections.set(r.index, r.rejection);
        }
      } catch (e) {
        if (e instanceof ClaimFileError) throw new UsageError(e.message);
        throw e;
      }
      const probe = plan?.probe;
      const outcomes = new Map(settleBatch(policy, items, { trace: opts.explain === true, ...(probe ? { probe } : {}) }).map((o) => [o.index, o]));
      let rejected = 0;
      for (let index = 0; index < count; index++) {
        const o = outcomes.get(index);
        const rejection = o?.kind === 'rejected' ? o.rejection : rejections.get(index);
        if (rejection) {
          rejected++;
          if (opts.json) process.stdout.write(`${JSON.stringify(rejectionToJson(rejection))}\n`);
          else process.stderr.write(`policy eval: rejected ${describeRejection(rejection)}\n`);
          continue;
        }
        if (o?.kind !== 'settled') continue;
        process.stdout.write(`${JSON.stringify(plan ? settlementToNhsaJson(o.settlement, plan) : settlementToJson(o.settlement))}\n`);
        if (opts.explain && !opts.json) process.stderr.write(`${explainSettlement(o.settlement)}\n\n`);
      }
      if (count === 0) process.stderr.write(`policy eval: ${file} holds no claims\n`);
      process.exitCode = rejected > 0 ? EXIT.findings : EXIT.ok;
    });
}
