/**
 * `pnpm bench [count] [--quick]`: a benchmark, not a test. Side by side in one run, over seeded
 * synthetic claims (`policy generate`):
 *   (a) the compiled engine in-process, for every shipped policy (and decimal.js alone, for reference);
 *   (b) 安义 hand-written with decimal.js; (c) 安义 hand-written over integer fen, the physical limit;
 *   (d) the whole `policy batch` process, CSV → CSV; (e) `policy batch --presorted` over a larger file;
 *   (f) the same claims as the national platform's records, in and out (`--out-format nhsa`), CSV → CSV;
 *   (g) policy check and prove; (h) start-up against a bare `node -e 0`;
 *   (i) policy audit and policy report against batch over the same 金寨 claims (scripts/bench-audit.ts);
 *   then the language server: diagnostics after an edit and memory over 1 000 edits (scripts/bench-lsp.ts),
 *   and each figure against the previous results file (scripts/lib/bench-compare.ts).
 * The hand-written settlements are checked equal to the engine, claim by claim. Results go to
 * bench/results/<version>-<date>.{md,json}. Default 1 000 000 claims and 10 000 000 presorted;
 * --quick: 100 000 and 1 000 000. BENCH_PRESORTED=<n> sets the presorted count.
 */
import { benchAudit } from './bench-audit.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeRules, loadPolicy, parsePolicyFiles, policyFiles, policyFolders, type Decimal } from '@policy/dsl';
import { compareClaims, compilePolicy, policyTextConstants, settleBatch, type Claim, type ClaimItem, type CompiledPolicy, type Outcome, type SettledClaim } from '@policy/engine';
import { claimStream, contractToPlatform, loadNhsaMapping, validateRecord } from '@policy/claims';
import { AnyiDecimal } from './bench/anyi-decimal.js';
import { compareRuns } from './lib/bench-compare.js';
import { AnyiFen } from './bench/anyi-fen.js';
import { benchLsp } from './bench-lsp.js';

const quick = process.argv.includes('--quick');
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? (quick ? 100_000 : 1_000_000));
const presortedCount = Number(process.env['BENCH_PRESORTED'] ?? (quick ? 1_000_000 : 10_000_000));
const seed = 20181001;
const CLI = 'packages/cli/dist/policy.cjs';
const version = (JSON.parse(readFileSync('packages/cli/package.json', 'utf8')) as { version: string }).version;
const rows: Record<string, unknown>[] = [];
const lines: string[] = [];
const say = (s: string): void => {
  console.log(s);
  lines.push(s);
};
const rate = (n: number, s: number): number => Math.round(n / s);
const fmt = (n: number): string => n.toLocaleString('en');

/** `year`: the policy's first whole year in force, as `policy generate` picks it (a claim before the first version is rejected). */
function claimsOf(diseases: string[], year: number): Claim[] {
  const out: Claim[] = [];
  let line = 0;
  // A policy naming no disease (金寨) gets the generator's own mix, as `policy generate` does.
  for (const raw of claimStream({ count, seed, year, ...(diseases.length > 0 ? { diseases: { inpatient: diseases, chronic: diseases } } : {}) })) {
    const v = validateRecord(raw, { line: ++line });
    if (v.ok) out.push(v.claim);
  }
  return out.sort(compareClaims); // settlement order, as batch settles them; not timed
}

/** Best of 3 runs, after a warm-up: claims/s. */
function timed<T>(claims: readonly Claim[], run: () => (c: Claim) => T): { perSecond: number; seconds: number; results: T[] } {
  let best = Infinity;
  let results: T[] = [];
  for (let round = 0; round < 4; round++) {
    const settle = run();
    const out = new Array<T>(claims.length);
    const t0 = performance.now();
    for (let i = 0; i < claims.length; i++) out[i] = settle(claims[i] as Claim);
    const s = (performance.now() - t0) / 1000;
    if (round > 0 && s < best) best = s;
    results = out;
  }
  return { perSecond: rate(claims.length, best), seconds: best, results };
}

/**
 * settleBatch, the engine's API, over claims already in settlement order: best of 3 after a
 * warm-up. The settlements are kept only when asked (`keep`, for 安义's comparison with the
 * hand-written ones): a million settled claims of each policy would not fit in the heap at once.
 */
function engineRun(policy: CompiledPolicy, claims: readonly Claim[], keep = false): { perSecond: number; settled: number; results: (SettledClaim | undefined)[] } {
  const items: ClaimItem[] = claims.map((claim, index) => ({ index, location: { line: index + 1 }, claim }));
  let best = Infinity;
  let outcomes: Outcome[] = [];
  for (let round = 0; round < 4; round++) {
    outcomes = []; // let the previous round's settlements go before the next is made
    const t0 = performance.now();
    outcomes = settleBatch(policy, items);
    const s = (performance.now() - t0) / 1000;
    if (round > 0 && s < best) best = s;
  }
  const settled = outcomes.reduce((n, o) => n + (o.kind === 'settled' ? 1 : 0), 0);
  const results = keep ? outcomes.map((o) => (o.kind === 'settled' ? o.settlement : undefined)) : [];
  return { perSecond: rate(claims.length, best), settled, results };
}

say(`policy ${version}, node ${process.version}, ${count} claims (seed ${seed}), ${new Date().toISOString().slice(0, 10)}\n`);
say('(a) in-process, compiled engine (settleBatch), one core; claims validated beforehand, in settlement order');
let anyiClaims: Claim[] = [];
let anyiEngine: (SettledClaim | undefined)[] = [];
let limit = 0;
const inProcess: Record<string, number> = {};
const engineLines: { name: string; engine: string; perSecond: number; decimal: number; settled: number }[] = [];
const below = (perSecond: number): string => (limit ? `${(limit / perSecond).toFixed(1)}× below (c)` : '');
for (const dir of policyFolders('policies')) {
  const loaded = loadPolicy(dir);
  if (!loaded.policy) throw new Error(`${dir} has errors`);
  const auto = compilePolicy(loaded.policy);
  const decimal = compilePolicy(loaded.policy, { engine: 'decimal' });
  const first = loaded.policy.versions[0]?.date ?? '2018-01-01';
  const claims = claimsOf(policyTextConstants(loaded.policy), Number(first.slice(0, 4)) + (first.endsWith('-01-01') ? 0 : 1));
  const engine = [...new Set(auto.engines.map((e) => e.engine))].join('+');
  const isAnyi = loaded.policy.name === 'anyi';
  const a = engineRun(auto, claims, isAnyi);
  const d = engineRun(decimal, claims);
  inProcess[loaded.policy.name] = a.perSecond;
  engineLines.push({ name: loaded.policy.name, engine, perSecond: a.perSecond, decimal: d.perSecond, settled: a.settled });
  rows.push({ kind: 'engine', policy: loaded.policy.name, engine, claimsPerSecond: a.perSecond, decimalClaimsPerSecond: d.perSecond });
  if (isAnyi) {
    anyiClaims = claims;
    anyiEngine = a.results;
  }
}

if (anyiClaims.length > 0) {
  const dec = timed(anyiClaims, () => {
    const h = new AnyiDecimal();
    return (c) => h.settle(c);
  });
  const fen = timed(anyiClaims, () => {
    const h = new AnyiFen();
    return (c) => h.settle(c);
  });
  limit = fen.perSecond;
  // The hand-written settlements must agree with the engine on every claim.
  let differ = 0;
  anyiClaims.forEach((c, i) => {
    const e = anyiEngine[i];
    const f = fen.results[i];
    const d = dec.results[i] as Decimal[] | undefined;
    const want = e ? (e.fen ?? []).join(',') : 'rejected';
    if ((f ? f.join(',') : 'rejected') !== want || (d ? d.map((x) => x.times(100).toFixed(0)).join(',') : 'rejected') !== want) {
      if (differ++ < 3) console.error(`differs on ${c.id}: engine ${want}, fen ${f?.join(',')}, decimal ${d?.join(',')}`);
    }
  });
  if (differ > 0) throw new Error(`the hand-written settlements differ from the engine on ${differ} claims`);
  const engineRate = inProcess['anyi'] as number;
  for (const e of engineLines) {
    say(`  ${e.name.padEnd(8)} ${e.engine.padEnd(12)} ${fmt(e.perSecond).padStart(11)} claims/s   ${below(e.perSecond)}   (decimal.js alone: ${fmt(e.decimal)} claims/s, ${below(e.decimal)}; ${fmt(e.settled)} settled)`);
  }
  say(`(b) 安义 hand-written, decimal.js      ${fmt(dec.perSecond).padStart(11)} claims/s   ${below(dec.perSecond)}; the engine is ${(engineRate / dec.perSecond).toFixed(1)}× faster`);
  say(`(c) 安义 hand-written, integer fen     ${fmt(fen.perSecond).padStart(11)} claims/s   the limit; the engine is ${(fen.perSecond / engineRate).toFixed(1)}× slower`);
  say(`    (b) and (c) equal to the engine on all ${fmt(anyiClaims.length)} claims; peak RSS of this process ${fmt(Math.round(process.resourceUsage().maxRSS / 1024))} MiB`);
  rows.push({ kind: 'hand-written', engine: 'decimal.js', claimsPerSecond: dec.perSecond }, { kind: 'hand-written', engine: 'integer fen', claimsPerSecond: fen.perSecond });
}

if (anyiClaims.length === 0) {
  for (const e of engineLines) say(`  ${e.name.padEnd(8)} ${e.engine.padEnd(12)} ${fmt(e.perSecond).padStart(11)} claims/s   (decimal.js alone: ${fmt(e.decimal)} claims/s)`);
}

const dir = mkdtempSync(join(tmpdir(), 'policy-bench-'));

/** The I/O floor over a file (scripts/bench/io-floor.mjs, a process of its own): best of 2, seconds. */
function ioFloor(input: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['scripts/bench/io-floor.mjs', input, join(dir, 'floor.csv')]);
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  rmSync(join(dir, 'floor.csv'), { force: true });
  return best;
}
/** Seconds of the unsorted whole-process run (d), for (e)'s comparison. */
let unsortedSeconds: { n: number; s: number } | undefined;

function batch(n: number, presorted: boolean): void {
  const csv = join(dir, `claims-${n}.csv`);
  execFileSync(process.execPath, [CLI, 'generate', '--policy', 'policies/anyi', '--count', String(n), '--seed', String(seed), '--out', csv]);
  let input = csv;
  if (presorted) {
    input = join(dir, `sorted-${n}.csv`);
    // Header first, then the rows by personId (byte order); a person's rows keep their order.
    execFileSync('sh', ['-c', `head -1 "${csv}" > "${input}" && tail -n +2 "${csv}" | LC_ALL=C sort -t, -k2,2 -s -S 1G -T "${dir}" >> "${input}"`]);
    rmSync(csv);
  }
  const floor = ioFloor(input);
  const summaryFile = join(dir, 'summary.json');
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [CLI, 'batch', '--policy', 'policies/anyi', '--in', input, '--out', join(dir, 'out.csv'), '--rejects', join(dir, 'rej.csv'), '--summary-json', summaryFile, ...(presorted ? ['--presorted'] : [])],
    { encoding: 'utf8' },
  );
  const s = (performance.now() - t0) / 1000;
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { settled: number; rejected: number; peakRssMiB: number; workers: number; engine: string };
  if (!presorted) unsortedSeconds = { n, s };
  const againstUnsorted = presorted && unsortedSeconds ? `; throughput ${(rate(n, s) / rate(unsortedSeconds.n, unsortedSeconds.s)).toFixed(2)}× the unsorted run's (budget ≥ 1/1.5)` : '';
  say(
    `${presorted ? '(e) --presorted' : '(d) whole process'} ${fmt(n)} claims: ${fmt(rate(n, s)).padStart(9)} claims/s   ${below(rate(n, s))}   (${s.toFixed(1)} s, ${summary.workers} workers, ${summary.engine}, ${fmt(summary.settled)} settled, ${summary.rejected} rejected, peak RSS ${fmt(summary.peakRssMiB)} MiB, exit ${run.status})`,
  );
  say(`    = ${(s / floor).toFixed(2)}× the I/O floor over the same file (${floor.toFixed(1)} s: split reader, an object per row, batched writes; budget 2×)${againstUnsorted}`);
  rows.push({ kind: presorted ? 'batch --presorted' : 'batch', claims: n, seconds: Number(s.toFixed(1)), claimsPerSecond: rate(n, s), peakRssMiB: summary.peakRssMiB, workers: summary.workers, exit: run.status, floorSeconds: Number(floor.toFixed(2)), floorRatio: Number((s / floor).toFixed(2)) });
  rmSync(input);
}
/** Columns of the platform CSV the (f) line reads (those contractToPlatform writes for generated claims). */
const PLATFORM_COLUMNS = ['setl_id', 'psn_no', 'med_type', 'setl_time', 'begndate', 'enddate', 'fixmedins_code', 'hosp_lv', 'pay_loc', 'insuplc_admdvs', 'mdtrt_admdvs', 'dise_codg', 'dise_name', 'medfee_sumamt', 'inscp_scp_amt', 'categories', 'designated', 'referral', 'disaster', 'quota'];

/** (f): the claims of (d) as platform records (converted untimed), settled into setlinfo records. */
function nhsaBatch(n: number): void {
  const jsonl = join(dir, `claims-${n}.jsonl`);
  execFileSync(process.execPath, [CLI, 'generate', '--policy', 'policies/anyi', '--count', String(n), '--seed', String(seed), '--format', 'jsonl', '--out', jsonl]);
  const mapping = loadNhsaMapping('policies/anyi');
  const input = join(dir, `platform-${n}.csv`);
  writeFileSync(input, `${PLATFORM_COLUMNS.join(',')}\n`);
  let text = '';
  let skipped = 0;
  for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
    if (line === '') continue;
    const p = contractToPlatform(JSON.parse(line) as Record<string, unknown>, mapping, { time: '10:00:00' });
    if (!p) {
      skipped++;
      continue;
    }
    text += `${PLATFORM_COLUMNS.map((k) => {
      const v = p[k];
      return v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
    }).join(',')}\n`;
    if (text.length > 1 << 20) {
      appendFileSync(input, text);
      text = '';
    }
  }
  appendFileSync(input, text);
  rmSync(jsonl);
  const floor = ioFloor(input);
  const summaryFile = join(dir, 'summary.json');
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [CLI, 'batch', '--policy', 'policies/anyi', '--in', input, '--out', join(dir, 'out.csv'), '--out-format', 'nhsa', '--rejects', join(dir, 'rej.csv'), '--summary-json', summaryFile],
    { encoding: 'utf8' },
  );
  const s = (performance.now() - t0) / 1000;
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { read: number; records: number; settled: number; rejected: number; peakRssMiB: number; workers: number; engine: string };
  const m = summary.records;
  say(
    `(f) platform in and out ${fmt(m)} records: ${fmt(rate(m, s)).padStart(9)} records/s   ${below(rate(m, s))}   (${s.toFixed(1)} s, ${summary.workers} workers, ${summary.engine}, ${fmt(summary.settled)} settled, ${summary.rejected} rejected, ${skipped} claims with no platform code left out, peak RSS ${fmt(summary.peakRssMiB)} MiB, exit ${run.status})`,
  );
  say(`    = ${(s / floor).toFixed(2)}× the I/O floor over the same file (${floor.toFixed(1)} s; budget 3×)`);
  rows.push({ kind: 'batch nhsa in and out', claims: m, seconds: Number(s.toFixed(1)), claimsPerSecond: rate(m, s), peakRssMiB: summary.peakRssMiB, workers: summary.workers, exit: run.status, floorSeconds: Number(floor.toFixed(2)), floorRatio: Number((s / floor).toFixed(2)) });
  rmSync(input);
}

// (g) `policy check` and `policy prove` of the shipped policies (docs/analysis.md). The floor is
// parsing alone; the rule-interplay analysis is timed on its own, so that the check without it
// (check − analysis) is the "before" of the 2× budget.
{
  const folders = policyFolders('policies').filter((f) => !f.endsWith('modules'));
  const reps = 20;
  const time = (f: () => void): number => {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    return (performance.now() - t0) / reps;
  };
  const parse = time(() => folders.forEach((f) => parsePolicyFiles(policyFiles(f))));
  const checked = folders.map((f) => loadPolicy(f).policy).filter((p) => p !== undefined);
  const check = time(() => folders.forEach((f) => loadPolicy(f)));
  const analysis = time(() => checked.forEach((p) => analyzeRules({ rules: p.rules, modifiers: p.modifiers, caps: p.caps, versions: p.versions, covers: [] }, () => {})));
  say(`\n(g) policy check, ${folders.length} shipped policies: parse ${parse.toFixed(1)} ms (floor), check ${check.toFixed(1)} ms = ${(check / parse).toFixed(1)}× parse; analysis ${analysis.toFixed(1)} ms: check ${(check / Math.max(0.001, check - analysis)).toFixed(2)}× the check without it (budget 2×)`);
  rows.push({ kind: 'check', policies: folders.length, parseMs: Number(parse.toFixed(2)), checkMs: Number(check.toFixed(2)), analysisMs: Number(analysis.toFixed(2)) });
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'prove', 'policies'], { encoding: 'utf8' });
  const prove = (performance.now() - t0) / 1000;
  say(`(g) policy prove policies: ${prove.toFixed(1)} s on 2 processes (budget 60 s), exit ${run.status}: ${(run.stderr.match(/^ok .*$/gm) ?? []).length}/${folders.length} policies all proved`);
  rows.push({ kind: 'prove', seconds: Number(prove.toFixed(1)), exit: run.status });
}

// (h) start-up (issue 12): `policy check policies/anyi` as a whole process against a bare
// `node -e 0` measured in the same run (budget 2.5×), the best of several runs each, and
// `policy --version` (loading the bundle, no command) between them.
{
  const best = (args: string[], runs = 7): number => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, args, { encoding: 'utf8' });
      min = Math.min(min, performance.now() - t0);
    }
    return min;
  };
  const floor = best(['-e', '0']);
  const version = best([CLI, '--version']);
  const check = best([CLI, 'check', 'policies/anyi']);
  say(`\n(h) start-up: node -e 0 ${floor.toFixed(0)} ms (floor); policy --version ${version.toFixed(0)} ms = ${(version / floor).toFixed(2)}×; policy check policies/anyi ${check.toFixed(0)} ms = ${(check / floor).toFixed(2)}× (budget 2.5×)`);
  rows.push({ kind: 'startup', floorMs: Number(floor.toFixed(1)), versionMs: Number(version.toFixed(1)), checkMs: Number(check.toFixed(1)) });
}

say('\npolicy batch, CSV → CSV, policies/anyi, whole process');
batch(count, false);
nhsaBatch(count);
batch(presortedCount, true);
rmSync(dir, { recursive: true, force: true });

const audits = benchAudit(Math.min(count, 200_000));
for (const l of audits.lines) say(l);
rows.push(audits.row);

say('\nlanguage server (policy lsp --stdio), policies/anyi; scripts/bench-lsp.ts');
const lsp = await benchLsp();
for (const l of lsp.lines) say(l);
rows.push(lsp.row);

mkdirSync('bench/results', { recursive: true });
const name = `bench/results/${version}-${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}`;
// The change against the latest earlier results file of the same kind (quick or full).
const earlier = readdirSync('bench/results')
  .filter((f) => f.endsWith('.json') && !f.startsWith('spark') && f.includes('-quick') === quick && `bench/results/${f}` !== `${name}.json`)
  .sort((x, y) => statSync(`bench/results/${y}`).mtimeMs - statSync(`bench/results/${x}`).mtimeMs)[0];
if (earlier) {
  const before = (JSON.parse(readFileSync(`bench/results/${earlier}`, 'utf8')) as { results: Record<string, unknown>[] }).results;
  say(`\nchange against ${earlier} (same machine only is a fair comparison):`);
  for (const l of compareRuns(before, rows)) say(`  ${l}`);
}
writeFileSync(`${name}.md`, `# pnpm bench${quick ? ' --quick' : ''}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`);
writeFileSync(`${name}.json`, `${JSON.stringify({ version, node: process.version, count, presortedCount, seed, results: rows }, null, 2)}\n`);
console.log(`\nwritten ${name}.md and .json`);
