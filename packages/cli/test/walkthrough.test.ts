import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showStages } from '../../../scripts/show-stages.js';
import { policyInProcess } from './in-process.js';
import { outputLines, parseTranscript, renderTranscript, splitCommand, type Block, type Part } from './transcript-file.js';

/**
 * docs/walkthrough.md and the first-policy tutorials (docs/tutorial.en.md, docs/tutorial.zh.md)
 * cannot go stale: its ```transcript blocks (the format of the transcript
 * files, transcript-file.ts: `$ command`, `> ` stdout, `! ` stderr, `? status`) are run again
 * and must print what the page shows, and its ```policy quotes (first line
 * `# FILE:LINE`) must be the lines of that file. UPDATE_WALKTHROUGH=1 rewrites the blocks
 * from the actual output: on purpose only, then read the diff and the prose around it.
 *
 * Commands: `policy …` runs the CLI in this process through the program object (in-process.ts),
 * as the built command would; `cat FILE`; `npx tsx scripts/show-stages.ts …` calls
 * the script's showStages in this process (the script's main prints exactly that text).
 */
const ROOT = process.cwd();
const PAGES = ['docs/walkthrough.md', 'docs/tutorial.en.md', 'docs/tutorial.zh.md'];
const UPDATE = process.env['UPDATE_WALKTHROUGH'] === '1';
const STAGES = ['npx', 'tsx', 'scripts/show-stages.ts'];

interface Output {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

async function run(block: Block, tmp: string): Promise<Output> {
  const { words } = splitCommand(block.command, tmp);
  const [name, ...args] = words;
  if (name === 'policy') {
    const r = await policyInProcess(args, { cwd: ROOT, env: { POLICY_DEBUG: '', NO_COLOR: '1' } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  }
  if (name === 'cat' && args.length === 1) return { stdout: readFileSync(resolve(ROOT, args[0] as string), 'utf8'), stderr: '', status: 0 };
  if (STAGES.every((w, i) => words[i] === w)) {
    try {
      return { stdout: `${showStages(words.slice(STAGES.length))}\n`, stderr: '', status: 0 };
    } catch (e) {
      return { stdout: '', stderr: `show-stages: ${(e as Error).message}\n`, status: 2 };
    }
  }
  throw new Error(`line ${block.line}: cannot run ${JSON.stringify(block.command)} (policy, cat, npx tsx scripts/show-stages.ts)`);
}

/** What varies between machines and runs: where the files are, and how fast it went. */
function normalise(text: string, tmp: string): string {
  let t = text;
  for (const p of [realpathSync(tmp), tmp]) t = t.split(p).join('$TMP');
  return t.replace(/wall time [\d.,]+ s, [\d,.]+ records\/s, peak memory [\d,.]+ MiB/g, 'wall time <t> s, <n> records/s, peak memory <m> MiB');
}

interface Fenced {
  readonly info: string;
  /** Offsets of the block's body (between the fences) in the page. */
  readonly start: number;
  readonly end: number;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly body: string;
}

function fencedBlocks(page: string): Fenced[] {
  const out: Fenced[] = [];
  for (const m of page.matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)) {
    const start = (m.index ?? 0) + 4 + (m[1] as string).length;
    out.push({ info: m[1] as string, start, end: start + (m[2] as string).length, line: page.slice(0, m.index).split('\n').length, body: m[2] as string });
  }
  return out;
}

async function replay(parts: readonly Part[], tmp: string): Promise<Part[]> {
  const out: Part[] = [];
  for (const p of parts) {
    if (p.kind === 'text') {
      out.push(p);
      continue;
    }
    const o = await run(p.block, tmp);
    out.push({ kind: 'block', block: { ...p.block, stdout: outputLines(normalise(o.stdout, tmp)), stderr: outputLines(normalise(o.stderr, tmp)), status: o.status } });
  }
  return out;
}

for (const name of PAGES) {
  const PAGE = join(ROOT, name);
  const page = readFileSync(PAGE, 'utf8');
  const blocks = fencedBlocks(page);
  const transcripts = blocks.filter((b) => b.info === 'transcript');
  const quotes = blocks.filter((b) => b.info === 'policy');

  describe(name, () => {
    if (name === 'docs/walkthrough.md') {
      it('follows examples/one-claim.json through check, eval and explain', () => {
        const commands = transcripts.map((b) => b.body).join('\n');
        for (const c of ['$ cat examples/one-claim.json', '$ policy check policies/anyi', '$ policy eval --policy policies/anyi examples/one-claim.json', '$ policy explain --policy policies/anyi examples/one-claim.json']) {
          expect(commands).toContain(c);
        }
      });
    } else {
      it('goes from the rule text to a checked, tested policy: check (a mistake, then clean), eval, explain, test, params, batch', () => {
        const commands = transcripts.map((b) => b.body).join('\n');
        for (const c of ['$ policy check docs/tutorial/step1', '$ policy check docs/tutorial/shili', '$ policy eval --policy docs/tutorial/shili docs/tutorial/claim.json', '$ policy explain --policy docs/tutorial/shili docs/tutorial/claim.json', '$ policy test docs/tutorial/shili', '$ policy params docs/tutorial/shili', '$ policy batch --policy docs/tutorial/shili']) {
          expect(commands).toContain(c);
        }
      });
    }

    it('prints what every transcript block shows', async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'policy-walkthrough-'));
      try {
        let updated = page;
        // From the last block back, so that earlier offsets stay valid while rewriting.
        for (const b of [...transcripts].reverse()) {
          const parts = parseTranscript(b.body, `${name}:${b.line}`);
          const actual = renderTranscript(await replay(parts, tmp));
          if (UPDATE) updated = updated.slice(0, b.start) + actual + updated.slice(b.end);
          else expect(actual, `${name}, the block of line ${b.line} (UPDATE_WALKTHROUGH=1 rewrites it)`).toBe(renderTranscript(parts));
        }
        if (UPDATE && updated !== page) writeFileSync(PAGE, updated);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it('quotes policy files as they are', () => {
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) {
        const [first, ...lines] = q.body.replace(/\n$/, '').split('\n');
        const m = /^# (\S+):(\d+)$/.exec(first ?? '');
        expect(m, `${name}:${q.line}: a policy quote starts with "# FILE:LINE"`).not.toBeNull();
        const [, file, at] = m as RegExpExecArray;
        const from = Number(at) - 1;
        const text = readFileSync(resolve(ROOT, file as string), 'utf8').split('\n');
        expect(lines, `${name}:${q.line}: ${file}:${at}`).toEqual(text.slice(from, from + lines.length));
      }
    });
  });
}
