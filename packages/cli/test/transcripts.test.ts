import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './run-cli.js';
import { policyInProcess } from './in-process.js';
import {
  outputLines,
  parseTranscript,
  renderTranscript,
  splitCommand,
  TranscriptSyntaxError,
  type Block,
  type Part,
} from './transcript-file.js';

/**
 * Runs every transcript in transcripts/ and compares the whole file with what the commands
 * print now. UPDATE_TRANSCRIPTS=1 rewrites the files from the actual output: on purpose only,
 * and then read the diff, because a transcript is a specification of the output.
 */

const ROOT = process.cwd();
const DIR = join(ROOT, 'packages/cli/test/transcripts');
const UPDATE = process.env['UPDATE_TRANSCRIPTS'] === '1';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Transcript',
  GIT_AUTHOR_EMAIL: 'transcript@example.invalid',
  GIT_COMMITTER_NAME: 'Transcript',
  GIT_COMMITTER_EMAIL: 'transcript@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

interface Session {
  cwd: string;
  readonly tmp: string;
}

interface Output {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Commands run as a process of their own: they read standard input, or start processes (prove, lsp). */
const SPAWNED = new Set(['prove', 'lsp']);

async function run(block: Block, s: Session): Promise<Output> {
  const { words, stdin } = splitCommand(block.command, s.tmp);
  const [name, ...args] = words;
  const at = (p: string) => resolve(s.cwd, p);
  switch (name) {
    case 'policy': {
      if (stdin === undefined && !SPAWNED.has(args[0] ?? '')) {
        const r = await policyInProcess(args, { cwd: s.cwd, env: { ...GIT_ENV, POLICY_DEBUG: '', NO_COLOR: '1' } });
        return { ...r, status: r.status ?? -1 };
      }
      const input = stdin === undefined ? undefined : readFileSync(at(stdin));
      const r = spawnSync(process.execPath, [resolve(ROOT, CLI), ...args], {
        cwd: s.cwd,
        input,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ...GIT_ENV, POLICY_DEBUG: '', NO_COLOR: '1' },
      });
      if (r.error) throw r.error;
      return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
    }
    case 'git': {
      const r = spawnSync('git', args, { cwd: s.cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
      if (r.error) throw r.error;
      return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
    }
    case 'cat': {
      if (args.length !== 1) throw new TranscriptSyntaxError(`line ${block.line}: cat takes one file`);
      try {
        return { stdout: readFileSync(at(args[0] as string), 'utf8'), stderr: '', status: 0 };
      } catch (e) {
        return { stdout: '', stderr: `cat: ${args[0]}: ${(e as NodeJS.ErrnoException).code}\n`, status: 1 };
      }
    }
    case 'write': {
      if (args.length !== 1) throw new TranscriptSyntaxError(`line ${block.line}: write takes one file`);
      const file = at(args[0] as string);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, block.input.length === 0 ? '' : `${block.input.join('\n')}\n`);
      return { stdout: '', stderr: '', status: 0 };
    }
    case 'cd': {
      if (args.length !== 1) throw new TranscriptSyntaxError(`line ${block.line}: cd takes one folder`);
      s.cwd = at(args[0] as string);
      return { stdout: '', stderr: '', status: 0 };
    }
    default:
      throw new TranscriptSyntaxError(`line ${block.line}: unknown command ${JSON.stringify(name)} (policy, cat, write, git, cd)`);
  }
}

/** What varies between machines and runs: where the files are, and how fast it went. */
function normalise(text: string, tmp: string): string {
  let t = text;
  for (const p of [realpathSync(tmp), tmp]) t = t.split(p).join('$TMP');
  t = t.split(`${ROOT}/`).join('./').split(ROOT).join('.');
  return t.replace(/wall time [\d.,]+ s, [\d,.]+ records\/s, peak memory [\d,.]+ MiB/g, 'wall time <t> s, <n> records/s, peak memory <m> MiB');
}

async function replay(parts: readonly Part[]): Promise<Part[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'policy-transcript-'));
  const session: Session = { cwd: ROOT, tmp };
  try {
    const out: Part[] = [];
    for (const p of parts) {
      if (p.kind === 'text') {
        out.push(p);
        continue;
      }
      const o = await run(p.block, session);
      const block: Block = {
        ...p.block,
        stdout: outputLines(normalise(o.stdout, tmp)),
        stderr: outputLines(normalise(o.stderr, tmp)),
        status: o.status,
      };
      out.push({ kind: 'block', block });
    }
    return out;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.t'))
  .sort();

describe('transcripts', () => {
  it('there are transcripts', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s', async (file) => {
    const path = join(DIR, file);
    const text = readFileSync(path, 'utf8');
    const parts = parseTranscript(text, `packages/cli/test/transcripts/${file}`);
    const actual = renderTranscript(await replay(parts));
    if (UPDATE && actual !== text) writeFileSync(path, actual);
    else expect(actual).toBe(renderTranscript(parts));
  });

  it('every command of `policy --help` has a transcript', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
    const section = help.slice(help.indexOf('Commands:'));
    const commands = [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(4);
    const used = new Set<string>();
    for (const f of files) {
      for (const m of readFileSync(join(DIR, f), 'utf8').matchAll(/^\$ policy ([a-z-]+)/gm)) used.add(m[1] as string);
    }
    expect(commands.filter((c) => !used.has(c))).toEqual([]);
  });
});
