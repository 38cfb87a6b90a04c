import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadPolicy, type CheckResult } from '@policy/dsl';
import { compilePolicy } from '@policy/engine';
// The diff over a corpus is `policy diff`'s own library code, used as it is (not moved).
import type { Side } from '../../../cli/src/diff/load-side.js';
import { loadSideAtRevision } from '../../../cli/src/diff/load-side.js';
import { renderJson } from '../../../cli/src/diff/render-json.js';
import { hashText } from './files.js';
import { runChange } from './run-change.js';
import { HttpError } from './http-util.js';

/**
 * The corpus `policy diff` is given in CI (examples/ci/policy-ci.sh): `examples/ci/corpus/<name>.csv`
 * (or `.jsonl`) of the repository holding the policy, `<name>` the policy folder's name. Found by
 * walking up from the policy folder.
 */
export function ciCorpus(folder: string): string | undefined {
  const name = basename(folder);
  let dir = resolve(folder);
  for (let i = 0; i < 12; i++) {
    for (const ext of ['csv', 'jsonl']) {
      const f = join(dir, 'examples', 'ci', 'corpus', `${name}.${ext}`);
      if (existsSync(f)) return f;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function fingerprint(checked: CheckResult): string {
  const entries = [...checked.files.values()].map((f) => [f.path, f.text] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return hashText(entries.map(([p, t]) => `${p}\0${t.length}\0${t}`).join('\0'));
}

export function sideOf(label: string, path: string, checked: CheckResult): Side {
  if (!checked.policy) {
    const first = checked.diagnostics.find((d) => d.severity === 'error');
    throw new HttpError(422, `${label} has errors${first ? `: ${first.code} ${first.message}` : ''}`);
  }
  if (checked.policy.module) throw new HttpError(422, `${path} is a module: it settles no claims`);
  return { path, label, policy: compilePolicy(checked.policy), fingerprint: fingerprint(checked) };
}

/**
 * The saved side, kept while its files are unchanged on disk (same names, sizes and mtimes): a
 * second diff of the same policy does not check and compile the saved files again.
 */
const savedSides = new Map<string, { stamp: string; side: Side; files: readonly string[] }>();

function stampOf(folder: string, files: readonly string[]): string {
  let names = '';
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.policy')).sort().join(',');
  } catch {
    names = '-';
  }
  const stats = files.map((f) => {
    try {
      const st = statSync(f);
      return `${f}:${st.size}:${st.mtimeMs}`;
    } catch {
      return `${f}:-`;
    }
  });
  return `${names}|${stats.join('|')}`;
}

function savedSide(folder: string): Side {
  const kept = savedSides.get(folder);
  if (kept && kept.stamp === stampOf(folder, kept.files)) return kept.side;
  const checked = loadPolicy(folder);
  const side = sideOf(`${folder} (saved)`, folder, checked);
  const files = [...checked.files.keys()];
  savedSides.set(folder, { stamp: stampOf(folder, files), side, files });
  if (savedSides.size > 16) savedSides.delete(savedSides.keys().next().value as string);
  return side;
}

export interface ChangeRequest {
  readonly folder: string;
  /** The edited policy (open documents over the disk), checked. */
  readonly edited: CheckResult;
  /** A git revision to compare with instead of the saved files. */
  readonly rev?: string;
  readonly corpus: string;
  readonly top: number;
}

/** The edited policy against its saved version (or `rev`) over the corpus: `policy diff --format json`'s report. */
export async function changeReport(r: ChangeRequest): Promise<unknown> {
  let base: Side;
  try {
    base = r.rev !== undefined ? loadSideAtRevision(r.folder, r.rev) : savedSide(r.folder);
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(422, (e as Error).message);
  }
  const head = sideOf(`${r.folder} (edited)`, r.folder, r.edited);
  try {
    const report = await runChange(base, head, r.corpus, r.top);
    return JSON.parse(renderJson(report)) as unknown;
  } catch (e) {
    throw new HttpError(422, (e as Error).message);
  }
}
