import { IdRegistry, detectRecords, readRecords, recordFormatOf, type RecordItem, type RosterView } from '@policy/claims';
import type { CompiledPolicy, Finding, Rejection } from '@policy/engine';
import type { InFormat } from '../options.js';
import { mappingFor } from '../io/nhsa-options.js';
import { PersonOrder, comparePersons, personOf } from '../batch/person-order.js';
import type { Unit } from '../batch/protocol.js';
import { recordToClaim } from '../batch/record-to-claim.js';
import { AuditPool } from './audit-pool.js';
import { PersonAuditor, keepFirst, type IndexedRejection, type PersonsAudited } from './audit-persons.js';

/** What `policy audit` needs besides the compiled policy. */
export interface AuditInput {
  /** The claims file (`-` = standard input, JSON Lines). */
  readonly in: string;
  readonly inFormat: InFormat;
  /** The policy folder, for its platform mapping (and, with workers, for the workers to load). */
  readonly policyPath: string;
  readonly mapping?: string;
  readonly presorted: boolean;
  readonly roster?: RosterView;
  /** Worker threads auditing persons, and the script they run (the CLI bundle); none: this thread audits. */
  readonly workers?: { readonly count: number; readonly script: string };
}

export interface AuditSummary {
  read: number;
  audited: number;
  rejected: number;
  findings: number;
  /** Findings by audit name, in the policy's order of audits. */
  readonly byAudit: Map<string, number>;
  /** The first rejections by input order, for the message on stderr. */
  readonly rejections: Rejection[];
  /** The most claims one person had in memory at once. */
  peakPersonClaims: number;
}

/** Records per group of persons sent to a worker. */
const GROUP_RECORDS = 2_000;

/**
 * Reads a claims file and audits each person's claims in (date, id) order, every claim against
 * the person's claims before it; `emit` is told each finding, persons in ascending order. With
 * `presorted`, one person's records are in memory at a time (a person out of order stops the
 * run); without, every record is kept until the input ends. The same records as `batch` reads:
 * contract or platform records, rosters applied on each claim's date; a record `batch` would
 * reject is counted and not audited. Records are grouped by the person they name as written
 * (as `batch` routes them); with `workers`, whole persons go to worker threads and the findings
 * come back in the same order, so the output is the same for any number of workers.
 */
export async function runAudit(policy: CompiledPolicy, input: AuditInput, emit: (f: Finding) => Promise<void>): Promise<AuditSummary> {
  const names = policy.resolved.audits.map((a) => a.name);
  const summary: AuditSummary = { read: 0, audited: 0, rejected: 0, findings: 0, byAudit: new Map(names.map((n) => [n, 0])), rejections: [], peakPersonClaims: 0 };
  const file = input.in === '-' ? 'standard input' : input.in;
  const read = readRecords(input.in, { format: input.in === '-' ? 'jsonl' : recordFormatOf(input.in) });
  const detected = await detectRecords(read, input.inFormat === 'auto' ? undefined : input.inFormat, file);
  const platform = detected.format === 'nhsa';
  const mapping = platform ? mappingFor(input.policyPath, input.mapping) : undefined;
  const personField = platform ? 'psn_no' : 'personId';
  const ids = new IdRegistry(platform ? 'setl_id' : 'id');
  const order = new PersonOrder(file, personField);
  const firstRejections: IndexedRejection[] = [];

  const take = async (r: PersonsAudited): Promise<void> => {
    summary.audited += r.audited;
    summary.rejected += r.rejected;
    summary.peakPersonClaims = Math.max(summary.peakPersonClaims, r.peak);
    keepFirst(firstRejections, r.rejections);
    for (const f of r.findings) {
      summary.findings++;
      summary.byAudit.set(f.audit, (summary.byAudit.get(f.audit) ?? 0) + 1);
      await emit(f);
    }
  };

  // Groups of whole persons, to this thread's auditor or to the workers.
  let send: (groups: readonly (readonly Unit[])[]) => Promise<void>;
  let pool: AuditPool | undefined;
  if (input.workers) {
    const roster = input.roster ? { buffer: input.roster.index.buffer, mode: input.roster.mode } : undefined;
    pool = new AuditPool(input.workers.count, input.workers.script, { kind: 'audit', policy: input.policyPath, input: detected.format, ...(mapping ? { mapping } : {}), ...(roster ? { roster } : {}) }, take);
    send = (groups) => (pool as AuditPool).send(groups);
  } else {
    const auditor = new PersonAuditor(policy, recordToClaim(detected.format, mapping), input.roster);
    send = (groups) => take(auditor.audit(groups));
  }
  let groups: Unit[][] = [];
  let size = 0;
  const group = async (units: Unit[]): Promise<void> => {
    groups.push(units);
    size += units.length;
    if (size >= GROUP_RECORDS) await flush();
  };
  const flush = async (): Promise<void> => {
    if (groups.length > 0) await send(groups);
    groups = [];
    size = 0;
  };

  try {
    const persons = new Map<string, Unit[]>();
    let current: Unit[] = [];
    for await (const item of detected.records as AsyncIterable<RecordItem>) {
      const index = summary.read++;
      if (input.presorted) {
        if (order.next(item)) {
          if (current.length > 0) await group(current);
          current = [];
          ids.clear();
        }
        const duplicate = ids.see(item);
        current.push(duplicate ? { index, item, duplicate } : { index, item });
        continue;
      }
      const duplicate = ids.see(item);
      const unit: Unit = duplicate ? { index, item, duplicate } : { index, item };
      const person = personOf(item, personField);
      // A record that names no person is rejected when it is read as a claim: on its own.
      if (person === undefined) await group([unit]);
      else {
        const list = persons.get(person);
        if (list) list.push(unit);
        else persons.set(person, [unit]);
      }
    }
    if (input.presorted) {
      if (current.length > 0) await group(current);
    } else {
      for (const p of [...persons.keys()].sort(comparePersons)) {
        await group(persons.get(p) as Unit[]);
        persons.delete(p);
      }
    }
    await flush();
    await pool?.finish();
  } finally {
    await pool?.close();
  }
  summary.rejections.push(...firstRejections.map((r) => r.rejection));
  return summary;
}
