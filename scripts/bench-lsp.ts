/**
 * The language server's benchmark (a section of `pnpm bench`; alone: `pnpm bench:lsp`): the
 * built `policy lsp --stdio`, driven by a real LSP client over stdio, on 安义 (policies/anyi).
 *   latency — after each edit of settlement.policy, the time until its new diagnostics arrive
 *     (debounce included), warm (after 50 edits), over 1 000 edits, every tenth introducing an
 *     error and the next removing it; shown against the floor of one request/answer round trip
 *     over the same pipe (a hover the server answers from its last check);
 *   memory — the server's resident set after the warm-up and after 500 and 1 000 edits, and
 *     its live heap (after a full collection: the server runs with --expose-gc and answers
 *     `policy/memory`) after the warm-up and every 250 edits: flat means no edit leaves memory behind.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startClient } from '../packages/cli/test/lsp-client.js';

const FILE = 'policies/anyi/settlement.policy';
const WARM = 50;
const EDITS = 1000;

function rssMiB(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

export async function benchLsp(): Promise<{ lines: string[]; row: Record<string, unknown> }> {
  const c = await startClient({}, undefined, [], ['--expose-gc']);
  const heapMiB = async (): Promise<number> => {
    const m = (await c.conn.sendRequest('policy/memory')) as { heapUsed: number; collected: boolean };
    if (!m.collected) throw new Error('the server did not collect its heap (--expose-gc)');
    return Math.round((m.heapUsed / 1024 / 1024) * 10) / 10;
  };
  const { uri, text } = c.open(FILE);
  await c.diagnostics(uri, 1);
  const good = text;
  const bad = text.replace('inCatalog - 本次起付线', 'inCatalog - 本次起付先');
  let version = 1;
  const edit = async (i: number): Promise<{ ms: number; errors: number }> => {
    const next = i % 10 === 0 ? bad : `${good}\n# edit ${i}\n`;
    const t0 = performance.now();
    c.change(uri, next);
    version++;
    const d = await c.diagnostics(uri, version);
    return { ms: performance.now() - t0, errors: d.filter((x) => x.severity === 1).length };
  };
  for (let i = 1; i <= WARM; i++) await edit(i);
  const floor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    floor.push(performance.now() - t0);
  }
  const rss: [number, number | undefined][] = [[0, rssMiB(c.child.pid)]];
  const heap: [number, number][] = [[0, await heapMiB()]];
  const ms: number[] = [];
  let wrong = 0;
  for (let i = 1; i <= EDITS; i++) {
    const r = await edit(i);
    ms.push(r.ms);
    if (r.errors !== (i % 10 === 0 ? 1 : 0)) wrong++;
    if (i === 500 || i === EDITS) rss.push([i, rssMiB(c.child.pid)]);
    if (i % 250 === 0) heap.push([i, await heapMiB()]);
  }
  await c.close();
  const p50 = quantile(ms, 0.5);
  const p95 = quantile(ms, 0.95);
  const max = Math.max(...ms);
  const f50 = quantile(floor, 0.5);
  const within = ms.filter((x) => x <= 50).length;
  const lines = [
    `  diagnostics after an edit, warm, ${EDITS} edits: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms; ${within}/${EDITS} within 50 ms (target: 50 ms)`,
    `  against one round trip over the pipe (p50 ${f50.toFixed(2)} ms): p50 ${(p50 / f50).toFixed(1)}×; ${wrong === 0 ? 'every answer right' : `${wrong} answers WRONG`} (an error on every tenth edit, none otherwise)`,
    `  server resident set: ${rss.map(([i, m]) => `${m ?? '?'} MiB after ${i === 0 ? 'the warm-up' : `${i} edits`}`).join(', ')}`,
    `  server live heap after a full collection: ${heap.map(([i, m]) => `${m} MiB after ${i === 0 ? 'the warm-up' : `${i}`}`).join(', ')} (last − first ${(((heap[heap.length - 1] as [number, number])[1]) - (heap[0] as [number, number])[1]).toFixed(1)} MiB)`,
  ];
  return { lines, row: { kind: 'lsp diagnostics after an edit', policy: 'anyi', edits: EDITS, p50Ms: Number(p50.toFixed(1)), p95Ms: Number(p95.toFixed(1)), maxMs: Number(max.toFixed(1)), within50ms: within, roundTripP50Ms: Number(f50.toFixed(2)), wrong, rssMiB: Object.fromEntries(rss.map(([i, m]) => [String(i), m ?? null])), heapMiB: Object.fromEntries(heap.map(([i, m]) => [String(i), m])) } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('language server (policy lsp --stdio), policies/anyi');
  const r = await benchLsp();
  for (const l of r.lines) console.log(l);
}
