import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, posix, relative, resolve, sep } from 'node:path';
import type { MessageRef, SourceReader } from '@policy/dsl';
import { UsageError } from '../errors.js';
import { ref } from '@policy/dsl';

/**
 * `.policy` sources as they stood at a git revision, for `policy diff --base-rev REV`: the
 * loader asks for the same paths as on disk (the policy folder and, through `extends` and
 * `import`, its bases), and this reader answers from the revision's tree. git runs through
 * execFile with an argument list — no shell — and the revision is resolved to a commit once.
 */
export class GitSource {
  private constructor(
    /** The revision as the user wrote it, for messages. */
    readonly rev: string,
    private readonly commit: string,
    /** The repository's top folder (real path). */
    private readonly top: string,
    /** Every file of the revision's tree, repository-relative with '/'. */
    private readonly files: ReadonlySet<string>,
  ) {}

  /**
   * Opens revision `rev` of the repository that holds `path` (a folder or file that exists on
   * disk: the head side). Not a repository, an unknown revision, git missing → UsageError.
   */
  static open(rev: string, path: string): GitSource {
    if (rev === '' || rev.startsWith('-')) throw new UsageError(ref('cmd.usage.base-rev-not-rev', { rev: JSON.stringify(rev) }));
    let dir: string;
    try {
      dir = statSync(path).isDirectory() ? path : dirname(path);
    } catch {
      throw new UsageError(ref('cmd.usage.no-such-path', { path }));
    }
    const topText = git(['rev-parse', '--show-toplevel'], dir, (why) => ref('cmd.usage.base-rev-not-git', { rev, path, why }));
    const top = realpathSync(topText.trim());
    const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], top, () =>
      ref('cmd.usage.base-rev-unknown', { rev, top }),
    ).trim();
    const listing = git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit], top, (why) => ref('cmd.usage.base-rev-ls-tree', { rev, why }));
    return new GitSource(rev, commit, top, new Set(listing.split('\0').filter((f) => f !== '')));
  }

  /** A path on disk (relative to the working directory, or absolute) as a path in the revision's tree. */
  repoPath(path: string): string | undefined {
    const rel = relative(this.top, realish(resolve(path)));
    if (rel === '') return '';
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  readonly reader: SourceReader = {
    policyFiles: (path) => {
      const rp = this.repoPath(path);
      if (rp === undefined) return undefined;
      if (this.files.has(rp)) return [path];
      const inside: string[] = [];
      for (const f of this.files) if (posix.dirname(f) === (rp === '' ? '.' : rp) && f.endsWith('.policy')) inside.push(posix.basename(f));
      if (inside.length === 0) return undefined;
      return inside.sort().map((f) => join(path, f));
    },
    read: (path) => {
      const rp = this.repoPath(path);
      if (rp === undefined || !this.files.has(rp)) throw new UsageError(ref('cmd.usage.base-rev-missing', { rev: this.rev, path }));
      return git(['cat-file', 'blob', `${this.commit}:${rp}`], this.top, (why) => ref('cmd.usage.base-rev-cat-file', { rev: this.rev, path, why }));
    },
    identity: (path) => this.repoPath(path) ?? normalize(path),
  };
}

/** Runs git in `cwd`; any failure becomes a UsageError with `message(git's first line of complaint)`. */
function git(args: readonly string[], cwd: string, message: (why: string) => MessageRef): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new UsageError(ref('cmd.usage.base-rev-no-git'));
    const why = (err.stderr ?? '').split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '') ?? 'git failed';
    throw new UsageError(message(why.trim()));
  }
}

/**
 * The real path of `abs` as far as it exists (git reports the top folder with symlinks
 * resolved); the part that does not exist on disk — a base removed since — is kept as written.
 */
function realish(abs: string): string {
  const missing: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    try {
      return join(realpathSync(p), ...missing.reverse());
    } catch {
      if (dirname(p) === p) return abs;
      missing.push(basename(p));
    }
  }
}
