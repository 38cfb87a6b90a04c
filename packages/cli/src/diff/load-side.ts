import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { checkUnit, loadUnit, type CheckResult } from '@policy/dsl';
import type { CompiledPolicy } from '@policy/engine';
import { UsageError } from '../errors.js';
import { compileChecked, loadChecked } from '../policy-paths.js';
import { GitSource } from './git-source.js';
import { ref } from '@policy/dsl';

/** One side of a diff: a policy compiled from a path on disk, or from a path at a git revision. */
export interface Side {
  /** The path as given (for --base-rev: the head's path, read at the revision). */
  readonly path: string;
  readonly rev?: string;
  /** For people: `policies/anyi` or `policies/anyi at HEAD~1`. */
  readonly label: string;
  readonly policy: CompiledPolicy;
  /**
   * A hash of every source file the policy was built from (its own and its bases'), by path
   * relative to the policy's folder: two sides with one fingerprint settle every claim alike.
   */
  readonly fingerprint: string;
}

export function loadSide(path: string): Side {
  const checked = loadChecked(path);
  return { path, label: path, policy: compileChecked(path, checked, { settles: true }), fingerprint: fingerprint(path, checked, statSync(path).isFile()) };
}

/** The policy at `path` as it stood at revision `rev` of the git repository that holds `path`. */
export function loadSideAtRevision(path: string, rev: string): Side {
  const git = GitSource.open(rev, path);
  const label = `${path} at ${rev}`;
  const files = git.reader.policyFiles(path);
  if (!files || files.length === 0) throw new UsageError(ref('cmd.usage.base-rev-missing-policies', { rev, path }));
  const checked = checkUnit(loadUnit(path, files, git.reader));
  const isFile = files.length === 1 && files[0] === path;
  return { path, rev, label, policy: compileChecked(label, checked, { settles: true }), fingerprint: fingerprint(path, checked, isFile) };
}

function fingerprint(path: string, checked: CheckResult, isFile: boolean): string {
  const folder = isFile ? dirname(path) : path;
  const hash = createHash('sha256');
  const entries = [...checked.files.values()].map((f) => [relative(folder, f.path).split(sep).join('/'), f.text] as const);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, text] of entries) hash.update(`${name}\0${text.length}\0${text}\0`);
  return hash.digest('hex');
}
