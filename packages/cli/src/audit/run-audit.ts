import { IdRegistry, applyRoster, detectRecords, readRecords, recordFormatOf, type RecordItem } from '@policy/claims';
import { CompiledAudits, compareClaims, type Claim, type CompiledPolicy, type Finding, type Rejection } from '@policy/engine';
import type { RosterView } from '@policy/claims';
import type { InFormat } from '../options.js';
import { mappingFor } from '../io/nhsa-options.js';
import { PersonOrder, comparePersons } from '../batch/person-order.js';
import { recordToClaim } from '../batch/record-to-claim.js';

/** What `policy audit` needs besides the compiled policy. */
export interface AuditInput {
  /** The claims file (`-` = standard input, JSON Lines). */
  readonly in: string;
  readonly inFormat: InFormat;
  /** The policy folder, for its platform mapping. */
  readonly policyPath: string;
  readonly mapping?: string;
  readonly presorted: boolean;
  readonly roster?: RosterView;
}

export interface AuditSummary {
  read: number;
  audited: number;
  rejected: number;
  findings: number;
  /** Findings by audit name, in the policy's order of audits. */
  readonly byAudit: Map<string, number>;
  /** The first rejections, for the message on stderr. */
  readonly rejections: Rejection[];
  /** The most claims one person had in memory at once. */
  peakPersonClaims: number;
}

const SHOWN_REJECTIONS = 10;

/**
 * Reads a claims file and audits each person's claims in (date, id) order, every claim against
 * the person's claims before it; `emit` is told each finding, persons in ascending order. With
 * `presorted`, one person's claims are in memory at a time (a person out of order stops the
 * run); without, every claim is kept until the input ends. The same records as `batch` reads:
 * contract or platform records, rosters applied on each claim's date; a record `batch` would
 * reject is counted and not audited.
 */
export async function runAudit(policy: CompiledPolicy, input: AuditInput, emit: (f: Finding) => Promise<void>): Promise<AuditSummary> {
  const audits = new CompiledAudits(policy);
  const summary: AuditSummary = { read: 0, audited: 0, rejected: 0, findings: 0, byAudit: new Map(audits.audits.map((a) => [a.name, 0])), rejections: [], peakPersonClaims: 0 };
  const file = input.in === '-' ? 'standard input' : input.in;
  const read = readRecords(input.in, { format: input.in === '-' ? 'jsonl' : recordFormatOf(input.in) });
  const detected = await detectRecords(read, input.inFormat === 'auto' ? undefined : input.inFormat, file);
  const platform = detected.format === 'nhsa';
  const toClaim = recordToClaim(detected.format, platform ? mappingFor(input.policyPath, input.mapping) : undefined);
  const ids = new IdRegistry(platform ? 'setl_id' : 'id');
  const order = new PersonOrder(file, platform ? 'psn_no' : 'personId');

  const auditPerson = async (claims: Claim[]): Promise<void> => {
    summary.peakPersonClaims = Math.max(summary.peakPersonClaims, claims.length);
    claims.sort(compareClaims);
    for (let i = 0; i < claims.length; i++) {
      summary.audited++;
      for (const f of audits.auditClaim(claims[i] as Claim, claims.slice(0, i))) {
        summary.findings++;
        summary.byAudit.set(f.audit, (summary.byAudit.get(f.audit) ?? 0) + 1);
        await emit(f);
      }
    }
  };

  const persons = new Map<string, Claim[]>();
  let current: Claim[] = [];
  for await (const item of detected.records as AsyncIterable<RecordItem>) {
    const index = summary.read++;
    if (input.presorted && order.next(item) && current.length > 0) {
      await auditPerson(current);
      current = [];
      ids.clear();
    }
    const r = toClaim(item, index, ids.see(item));
    if (r.kind === 'rejected') {
      summary.rejected++;
      if (summary.rejections.length < SHOWN_REJECTIONS) summary.rejections.push(r.rejection);
      continue;
    }
    const claim = input.roster ? applyRoster(r.claim, input.roster) : r.claim;
    if (input.presorted) {
      if (current.length > 0 && (current[0] as Claim).personId !== claim.personId) {
        await auditPerson(current);
        current = [];
      }
      current.push(claim);
    } else {
      const list = persons.get(claim.personId);
      if (list) list.push(claim);
      else persons.set(claim.personId, [claim]);
    }
  }
  if (input.presorted) {
    if (current.length > 0) await auditPerson(current);
  } else {
    for (const p of [...persons.keys()].sort(comparePersons)) await auditPerson(persons.get(p) as Claim[]);
  }
  return summary;
}
