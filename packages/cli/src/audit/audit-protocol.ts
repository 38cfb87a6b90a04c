import type { NhsaMapping, RosterMode } from '@policy/claims';
import type { Unit } from '../batch/protocol.js';
import type { PersonsAudited } from './audit-persons.js';

/** Messages between `policy audit` and its audit workers (worker_threads). */

export interface AuditSetup {
  /** Tells the bundle's worker entry (main.ts) that this worker audits rather than settles. */
  readonly kind: 'audit';
  readonly policy: string;
  /** Records in the platform's shape (mapped to claims through `mapping`) or the contract's. */
  readonly input: 'contract' | 'nhsa';
  readonly mapping?: NhsaMapping;
  /** `--roster`: the roster index, shared by every worker, and the mode. */
  readonly roster?: { readonly buffer: SharedArrayBuffer; readonly mode: RosterMode };
}

/** Groups of records, each one person's, numbered in the order their findings are written. */
export type ToAuditWorker = { readonly type: 'persons'; readonly seq: number; readonly groups: readonly (readonly Unit[])[] };

export type FromAuditWorker =
  | { readonly type: 'audited'; readonly seq: number; readonly result: PersonsAudited }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };

export function isAuditSetup(data: unknown): data is AuditSetup {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'audit';
}
