// pnpm bench:studio — how fast the studio is usable, against floors measured in the same run:
//  (1) spawning `policy studio --no-open --port 0` to its URL on stdout, and to a page whose
//      editor is ready in chromium, against `node -e 0` and a bare node:http server's first answer;
//  (2) the change panel's diff (an edited ratio against the saved policy) over the 1,000-claim CI
//      corpus of 安义, through the HTTP API, against settling the corpus once in-process.
// The browser is launched before the clock starts (its start-up is not the studio's).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { loadPolicy } from '@policy/dsl';
import { compilePolicy, settleBatch, type ClaimItem } from '@policy/engine';
import { readClaims, readRecords } from '@policy/claims';
import { BROWSER_FLAGS, CHROMIUM, CLI, ROOT, removeFolder, startCli, workFolder } from '../packages/studio/test/studio-fixture.js';

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number): string => `${x.toFixed(0)} ms`;

function spawnTime(args: string[]): number {
  const t = performance.now();
  spawnSync(process.execPath, args);
  return performance.now() - t;
}

async function bareHttpFloor(): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, ['-e', "require('http').createServer((q,s)=>s.end('ok')).listen(0,'127.0.0.1',function(){console.log('http://127.0.0.1:'+this.address().port+'/')})"], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok) => child.stdout.once('data', (d: Buffer) => ok(d.toString().trim())));
  await (await fetch(url)).text();
  const took = performance.now() - t;
  child.kill();
  return took;
}

const dir = workFolder();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_FLAGS });
try {
  const node0: number[] = [];
  const version0: number[] = [];
  const http0: number[] = [];
  const toUrl: number[] = [];
  const toEditor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node0.push(spawnTime(['-e', '0']));
    version0.push(spawnTime([CLI, '--version']));
    http0.push(await bareHttpFloor());
    const page = await browser.newPage();
    const t = performance.now();
    const studio = await startCli(dir, ['policies']);
    toUrl.push(performance.now() - t);
    await page.goto(studio.url);
    await page.waitForSelector('body[data-ready=true] [data-testid=editor] .cm-content');
    toEditor.push(performance.now() - t);
    await page.close();
    await studio.stop();
  }

  // (2) the diff of the change panel, through the API, the edited text sent as the page sends it
  const studio = await startCli(dir, ['policies']);
  const cookie = `policy_studio_${new URL(studio.origin).port}=${studio.url.slice(studio.url.indexOf('token=') + 6)}`;
  const post = async (name: string, body: unknown): Promise<Record<string, unknown>> => {
    const r = await fetch(`${studio.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
    return (await r.json()) as Record<string, unknown>;
  };
  const params = 'policies/anyi/parameters.policy';
  const text = readFileSync(join(dir, params), 'utf8').replace('  2: 80%\n  3: 60%\n} cites "ANYI-5.2" assumed', '  2: 85%\n  3: 60%\n} cites "ANYI-5.2" assumed');
  await post('lint', { path: params, text });
  const diffWall: number[] = [];
  const diffServer: number[] = [];
  let changed = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await post('diff', { policy: 'policies/anyi' });
    diffWall.push(performance.now() - t);
    diffServer.push(r['ms'] as number);
    changed = (r['report'] as { changedClaims: number }).changedClaims;
  }
  await studio.stop();

  // floor of (2): reading and settling the corpus once, in this process, no trace
  const settleOnce: number[] = [];
  const policy = compilePolicy(loadPolicy(join(ROOT, 'policies/anyi')).policy!);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const items: ClaimItem[] = [];
    for await (const r of readClaims(readRecords(join(ROOT, 'examples/ci/corpus/anyi.csv')))) if (r.kind === 'claim') items.push(r);
    settleBatch(policy, items);
    settleOnce.push(performance.now() - t);
  }

  const n0 = median(node0);
  const v0 = median(version0);
  const h0 = median(http0);
  const u = median(toUrl);
  const e = median(toEditor);
  const d = median(diffWall);
  const s1 = median(settleOnce);
  const out = [
    `policy studio, node ${process.version}, ${new Date().toISOString().slice(0, 10)}, medians of ${RUNS} runs (${CLI.replace(ROOT, '')})`,
    `floors:  node -e 0 ${ms(n0)}; policy --version (loading the CLI bundle) ${ms(v0)}; bare node:http server, spawn to first answer ${ms(h0)}`,
    `start:   spawn to URL on stdout ${ms(u)} (${(u / h0).toFixed(1)}× the bare server, ${(u / v0).toFixed(1)}× policy --version); to the editor ready in chromium ${ms(e)} (${(e / h0).toFixed(1)}×)   target < 2000 ms: ${e < 2000 ? 'met' : 'MISSED'}`,
    `diff:    edited ratio vs saved over the CI corpus (1,000 claims, ${changed} changed): ${ms(d)} round trip, ${ms(median(diffServer))} in the server (${(d / s1).toFixed(1)}× settling the corpus once in-process, ${ms(s1)})   target < 1000 ms: ${d < 1000 ? 'met' : 'MISSED'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await browser.close();
  removeFolder(dir);
}
