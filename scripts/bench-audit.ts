import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * (i) `policy audit` and `policy report --format json` against `policy batch` over the same
 * generated 金寨 claims (the policy with the most audits), in the same run: the issue's budget is
 * audit and report within 1.5× batch. Each command runs once, as a whole process. Then the same
 * two with --presorted over the claims sorted by person, at a quarter of the claims and at all of
 * them: the peak memory should not grow with the claims (one person in memory at a time). Last,
 * audit with 0 (this thread audits), 1 and 2 worker threads, unsorted and presorted.
 */
const CLI = 'packages/cli/dist/policy.cjs';

interface Timed {
  readonly seconds: number;
  readonly status: number | null;
  /** Peak resident memory of the process, MiB (written at exit by a preloaded hook). */
  readonly peakMiB: number;
}

function timedRun(dir: string, args: string[]): Timed {
  const hook = join(dir, 'peak-rss.cjs');
  const peakFile = join(dir, 'peak.txt');
  writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(Math.round(process.resourceUsage().maxRSS / 1024))));\n`);
  writeFileSync(peakFile, '0');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, CLI, ...args], { encoding: 'utf8' });
  return { seconds: (performance.now() - t0) / 1000, status: r.status, peakMiB: Number(readFileSync(peakFile, 'utf8')) };
}

/** The claims file sorted by person, then date (what --presorted wants). */
function sortedCopy(csv: string, to: string, limit?: number): void {
  const [head, ...rows] = readFileSync(csv, 'utf8').trim().split('\n');
  const cols = (head as string).split(',');
  const p = cols.indexOf('personId');
  const d = cols.indexOf('date');
  const key = (r: string): string => {
    const c = r.split(',');
    return `${c[p]}\u0000${c[d]}`;
  };
  const kept = limit === undefined ? rows : rows.slice(0, limit);
  kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  writeFileSync(to, `${[head, ...kept].join('\n')}\n`);
}

export function benchAudit(n: number, seed = 20190101): { lines: string[]; row: Record<string, unknown> } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-bench-audit-'));
  try {
    const csv = join(dir, 'claims.csv');
    execFileSync(process.execPath, [CLI, 'generate', '--policy', 'policies/jinzhai', '--count', String(n), '--seed', String(seed), '--out', csv]);
    const batch = timedRun(dir, ['batch', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 's.csv'), '--rejects', join(dir, 'r.csv')]);
    const audit = timedRun(dir, ['audit', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 'f.csv')]);
    const report = timedRun(dir, ['report', '--policy', 'policies/jinzhai', '--in', csv, '--out', join(dir, 'r.json'), '--format', 'json']);
    const workers = (file: string, extra: string[] = []): Timed[] => ['0', '1', '2'].map((w) => timedRun(dir, ['audit', '--policy', 'policies/jinzhai', '--in', file, '--out', join(dir, 'wf.csv'), '--workers', w, ...extra]));
    const unsortedWorkers = workers(csv);
    const ratio = (s: number): string => `${(s / batch.seconds).toFixed(2)}× batch`;
    const quarter = Math.floor(n / 4);
    const small = join(dir, 'sorted-quarter.csv');
    const all = join(dir, 'sorted.csv');
    sortedCopy(csv, small, quarter);
    sortedCopy(csv, all);
    const presorted = (file: string) => ({
      audit: timedRun(dir, ['audit', '--policy', 'policies/jinzhai', '--in', file, '--out', join(dir, 'pf.csv'), '--presorted']),
      report: timedRun(dir, ['report', '--policy', 'policies/jinzhai', '--in', file, '--out', join(dir, 'pr.json'), '--format', 'json', '--presorted']),
    });
    const q = presorted(small);
    const w = presorted(all);
    const presortedWorkers = workers(all, ['--presorted']);
    // Against --workers 0 (this thread reads, audits and writes), in the same run.
    const shown = (t: Timed[]): string => t.map((x, i) => `${i === 0 ? 'one thread' : `${i} worker${i > 1 ? 's' : ''}`} ${x.seconds.toFixed(1)} s${i === 0 ? '' : ` = ${(x.seconds / (t[0] as Timed).seconds).toFixed(2)}×`} (${x.peakMiB} MiB, exit ${x.status})`).join(', ');
    const growth = (a: Timed, b: Timed): string => `${a.peakMiB} → ${b.peakMiB} MiB (${(b.peakMiB / Math.max(1, a.peakMiB)).toFixed(2)}×)`;
    const lines = [
      `(i) 金寨 ${n.toLocaleString('en')} claims: batch ${batch.seconds.toFixed(1)} s (floor, exit ${batch.status}); audit ${audit.seconds.toFixed(1)} s = ${ratio(audit.seconds)} (exit ${audit.status}); report --format json ${report.seconds.toFixed(1)} s = ${ratio(report.seconds)} (exit ${report.status}); budget 1.5×`,
      `    peak memory without --presorted: batch ${batch.peakMiB} MiB, audit ${audit.peakMiB} MiB, report ${report.peakMiB} MiB`,
      `    --presorted, ${quarter.toLocaleString('en')} → ${n.toLocaleString('en')} claims (4× the claims): audit ${growth(q.audit, w.audit)}, ${w.audit.seconds.toFixed(1)} s (exit ${w.audit.status}); report ${growth(q.report, w.report)}, ${w.report.seconds.toFixed(1)} s (exit ${w.report.status})`,
      `    audit --workers N against --workers 0: unsorted ${shown(unsortedWorkers)}; --presorted ${shown(presortedWorkers)}`,
    ];
    return {
      lines,
      row: {
        kind: 'audit and report against batch',
        claims: n,
        batchSeconds: batch.seconds,
        auditRatio: audit.seconds / batch.seconds,
        reportRatio: report.seconds / batch.seconds,
        peakMiB: { batch: batch.peakMiB, audit: audit.peakMiB, report: report.peakMiB },
        auditWorkersRatio: { unsorted: unsortedWorkers.map((x) => x.seconds / (unsortedWorkers[0] as Timed).seconds), presorted: presortedWorkers.map((x) => x.seconds / (presortedWorkers[0] as Timed).seconds) },
        presortedPeakMiB: { claims: [quarter, n], audit: [q.audit.peakMiB, w.audit.peakMiB], report: [q.report.peakMiB, w.report.peakMiB] },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  for (const l of benchAudit(n).lines) console.log(l);
}
