import { parentPort, workerData } from 'node:worker_threads';
import { RosterIndex } from '@policy/claims';
import { loadCompiled } from '../policy-paths.js';
import { recordToClaim } from '../batch/record-to-claim.js';
import { PersonAuditor } from './audit-persons.js';
import type { AuditSetup, FromAuditWorker, ToAuditWorker } from './audit-protocol.js';

/**
 * An audit worker: audits the groups of whole persons it is sent and sends back their findings
 * and rejections. A person's records are never split between workers, so the findings depend
 * only on the person's records: the output is the same for any number of workers.
 */
export function runAuditWorker(): void {
  const port = parentPort;
  if (!port) return;
  const setup = workerData as AuditSetup;
  const send = (m: FromAuditWorker): void => port.postMessage(m);
  const fail = (e: unknown): void => {
    const err = e as Error;
    send({ type: 'error', message: err.message ?? String(e), ...(err.stack ? { stack: err.stack } : {}) });
  };
  try {
    const policy = loadCompiled(setup.policy, { engine: 'decimal', settles: true });
    const roster = setup.roster ? { index: RosterIndex.fromShared(setup.roster.buffer), mode: setup.roster.mode } : undefined;
    const auditor = new PersonAuditor(policy, recordToClaim(setup.input, setup.mapping), roster);
    port.on('message', (m: ToAuditWorker) => {
      try {
        send({ type: 'audited', seq: m.seq, result: auditor.audit(m.groups) });
      } catch (e) {
        fail(e);
      }
    });
  } catch (e) {
    fail(e);
  }
}
