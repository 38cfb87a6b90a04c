/**
 * `pnpm bench [count]`: a baseline benchmark, not a test. Generates seeded synthetic claims
 * (packages/engine/src/generate) and reports, for every shipped policy, the compiled engine
 * in-process (claims/s), then the whole `policy batch` process over a CSV of the same claims
 * (claims/s and peak RSS). Default 100 000 claims.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, policyFolders } from '@policy/dsl';
import { claimStream, compilePolicy, policyTextConstants, settleBatch, validateRecord, type ClaimItem } from '@policy/engine';
import { CSV_HEADER, toCsvRow } from '../packages/engine/src/generate/claim-files.js';

const count = Number(process.argv[2] ?? 100_000);
const seed = 20181001;
const policies = policyFolders('policies');

console.log(`node ${process.version}, ${count} claims, seed ${seed}\n`);
console.log('in-process (compiled engine, decimal.js, one core)');
for (const dir of policies) {
  const r = loadPolicy(dir);
  if (!r.policy) throw new Error(`${dir} has errors`);
  const policy = compilePolicy(r.policy);
  const diseases = policyTextConstants(r.policy);
  const items: ClaimItem[] = [];
  let index = 0;
  for (const raw of claimStream({ count, seed, diseases: { inpatient: diseases, chronic: diseases } })) {
    const v = validateRecord(raw, { line: index + 1 });
    if (v.ok) items.push({ index, location: { line: index + 1 }, claim: v.claim });
    index++;
  }
  settleBatch(policy, items.slice(0, 5_000)); // warm up
  const t0 = performance.now();
  const out = settleBatch(policy, items);
  const s = (performance.now() - t0) / 1000;
  const rejected = out.filter((o) => o.kind === 'rejected').length;
  console.log(`  ${r.policy.name.padEnd(10)} ${Math.round(items.length / s).toLocaleString('en').padStart(10)} claims/s  (${items.length} claims in ${s.toFixed(2)} s, ${rejected} rejected)`);
}

const dir = mkdtempSync(join(tmpdir(), 'policy-bench-'));
const csv = join(dir, 'claims.csv');
const rows = [CSV_HEADER];
for (const raw of claimStream({ count, seed })) rows.push(toCsvRow(raw));
writeFileSync(csv, `${rows.join('\n')}\n`);
console.log('\nwhole process: policy batch, CSV → CSV (policies/anyi)');
const t0 = performance.now();
const summaryFile = join(dir, 'summary.json');
const run = spawnSync(
  process.execPath,
  ['packages/cli/dist/policy.cjs', 'batch', '--policy', 'policies/anyi', '--in', csv, '--out', join(dir, 'out.csv'), '--rejects', join(dir, 'rej.csv'), '--summary-json', summaryFile],
  { encoding: 'utf8' },
);
const s = (performance.now() - t0) / 1000;
const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { settled: number; rejected: number; peakRssMiB: number };
console.log(`  ${Math.round(count / s).toLocaleString('en').padStart(10)} claims/s  (${count} claims in ${s.toFixed(2)} s, ${summary.settled} settled, ${summary.rejected} rejected, peak RSS ${summary.peakRssMiB} MiB, exit ${run.status})`);
