import { applyRoster, type RosterView } from '@policy/claims';
import { CompiledAudits, compareClaims, type Claim, type CompiledPolicy, type Finding, type Rejection } from '@policy/engine';
import type { Unit } from '../batch/protocol.js';
import type { RecordToClaim } from '../batch/record-to-claim.js';
import { received } from '../batch/received.js';

/** A rejection with its record's place in the input, so that the first ones can be told by input order. */
export interface IndexedRejection {
  readonly index: number;
  readonly rejection: Rejection;
}

/** What auditing some persons' records gave: the same whether on the main thread or a worker. */
export interface PersonsAudited {
  readonly findings: Finding[];
  /** The first rejections of these records by input order (at most `SHOWN_REJECTIONS`). */
  readonly rejections: IndexedRejection[];
  audited: number;
  rejected: number;
  /** The most claims one person had. */
  peak: number;
}

/** Rejections the summary shows: the first by input order. */
export const SHOWN_REJECTIONS = 10;

/** Keeps the `SHOWN_REJECTIONS` rejections of lowest input index, in that order. */
export function keepFirst(into: IndexedRejection[], more: readonly IndexedRejection[]): void {
  for (const r of more) {
    if (into.length >= SHOWN_REJECTIONS && r.index > (into[into.length - 1] as IndexedRejection).index) continue;
    let at = into.length;
    while (at > 0 && (into[at - 1] as IndexedRejection).index > r.index) at--;
    into.splice(at, 0, r);
    if (into.length > SHOWN_REJECTIONS) into.pop();
  }
}

/**
 * Audits groups of records, each group one person's (as the reader grouped them): each record
 * becomes a claim (platform records through the mapping, the roster's categories on its date)
 * or a rejection; the person's claims in (date, id) order, each against those before it.
 */
export class PersonAuditor {
  private readonly audits: CompiledAudits;

  constructor(
    policy: CompiledPolicy,
    private readonly toClaim: RecordToClaim,
    private readonly roster: RosterView | undefined,
  ) {
    this.audits = new CompiledAudits(policy);
  }

  audit(groups: readonly (readonly Unit[])[]): PersonsAudited {
    const out: PersonsAudited = { findings: [], rejections: [], audited: 0, rejected: 0, peak: 0 };
    for (const units of groups) {
      const claims: Claim[] = [];
      for (const u of units) {
        const r = this.toClaim(received(u.item), u.index, u.duplicate);
        if (r.kind === 'rejected') {
          out.rejected++;
          keepFirst(out.rejections, [{ index: u.index, rejection: r.rejection }]);
          continue;
        }
        claims.push(this.roster ? applyRoster(r.claim, this.roster) : r.claim);
      }
      if (claims.length === 0) continue;
      out.peak = Math.max(out.peak, claims.length);
      claims.sort(compareClaims);
      for (let i = 0; i < claims.length; i++) {
        out.audited++;
        for (const f of this.audits.auditClaim(claims[i] as Claim, claims.slice(0, i))) out.findings.push(f);
      }
    }
    return out;
  }
}
