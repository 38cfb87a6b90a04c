import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * (i) `policy audit` and `policy report --format json` against `policy batch` over the same
 * generated 金寨 claims (the policy with the most audits), in the same run: the budget is
 * audit and report within 1.5× batch. Each command runs once, as a whole process.
 */
const CLI = 'packages/cli/dist/policy.cjs';

function timedRun(args: string[]): { seconds: number; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { seconds: (performance.now() - t0) / 1000, status: r.status };
}

export function benchAudit(n: number, seed = 20190101): { lines: string[]; row: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-audit-'));
  try {
    const csv = join(dir, 'claims.csv');
    execFileSync(process.execPath, [CLI, 'generate', '--policy', 'policies/jinzhai', '--count', String(n), '--seed', String(seed), '--out', csv]);
    const batch = timedRun(['batch', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 's.csv'), '--rejects', join(dir, 'r.csv')]);
    const audit = timedRun(['audit', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 'f.csv')]);
    const report = timedRun(['report', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 'r.json'), '--format', 'json']);
    const ratio = (s: number): string => `${(s / batch.seconds).toFixed(2)}× batch`;
    const lines = [
      `(i) 金寨 ${n.toLocaleString('en')} claims: batch ${batch.seconds.toFixed(1)} s (floor, exit ${batch.status}); audit ${audit.seconds.toFixed(1)} s = ${ratio(audit.seconds)} (exit ${audit.status}); report --format json ${report.seconds.toFixed(1)} s = ${ratio(report.seconds)} (exit ${report.status}); budget 1.5×`,
    ];
    return { lines, row: { kind: 'audit and report against batch', claims: n, batchSeconds: batch.seconds, auditRatio: audit.seconds / batch.seconds, reportRatio: report.seconds / batch.seconds } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  for (const l of benchAudit(n).lines) console.log(l);
}
