import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** What the studio may read and write: nothing else under its folders, nothing outside them. */
export type FileKind = 'policy' | 'test' | 'claims';

/** Larger files are neither read nor written by the studio (a policy file is a few KiB). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export class FileRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface FileState {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly mtimeMs: number;
  readonly hash: string;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The kind of a file by its name: `.policy`; `tests/*.yaml`; claims as `.json`, `.jsonl`, `.csv`. */
export function kindOf(path: string): FileKind | undefined {
  if (path.endsWith('.policy')) return 'policy';
  if (/\.ya?ml$/.test(path) && basename(dirname(path)) === 'tests') return 'test';
  if (/\.(json|jsonl|csv)$/.test(path)) return 'claims';
  return undefined;
}

/**
 * The folders the studio was started over, and the only files it reads for the page or writes:
 * a path is resolved, its real path (symbolic links followed) must lie under a folder's real
 * path, and its name must be of a kind above. A file that does not exist yet (a new test file)
 * is checked by its folder's real path.
 */
export class FileStore {
  readonly roots: readonly string[];

  constructor(folders: readonly string[]) {
    this.roots = folders.map((f) => realpathSync(resolve(f)));
  }

  private under(real: string): boolean {
    return this.roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));
  }

  /** The real path of an allowed file, or FileRefused (403 outside the folders, 404 absent). */
  resolve(path: unknown, mayBeNew = false): { real: string; kind: FileKind } {
    if (typeof path !== 'string' || path === '' || path.includes('\0') || path.length > 4096) throw new FileRefused('a file path is needed', 400);
    const full = isAbsolute(path) ? resolve(path) : resolve(path);
    const kind = kindOf(full);
    if (!kind) throw new FileRefused(`${path}: the studio reads and writes only .policy files, tests/*.yaml and claims files (.json, .jsonl, .csv)`, 403);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      if (!mayBeNew) throw new FileRefused(`${path}: no such file`, 404);
      let folder: string;
      try {
        folder = realpathSync(dirname(full));
      } catch {
        throw new FileRefused(`${path}: its folder does not exist`, 404);
      }
      real = join(folder, basename(full));
    }
    if (!this.under(real)) throw new FileRefused(`${path}: outside the folders the studio was started over`, 403);
    if (kindOf(real) !== kind) throw new FileRefused(`${path}: a link to a file of another kind`, 403);
    return { real, kind };
  }

  /** Whether a path (real or not) lies under the folders, for listing. */
  contains(path: string): boolean {
    try {
      return this.under(realpathSync(path));
    } catch {
      return false;
    }
  }

  read(path: unknown): FileState {
    const { real, kind } = this.resolve(path);
    const st = statSync(real);
    if (!st.isFile()) throw new FileRefused(`${String(path)}: not a file`, 403);
    if (st.size > MAX_FILE_BYTES) throw new FileRefused(`${String(path)}: larger than ${MAX_FILE_BYTES} bytes`, 413);
    const text = readFileSync(real, 'utf8');
    return { path: String(path), kind, text, mtimeMs: st.mtimeMs, hash: hashText(text) };
  }

  /**
   * Writes `text` atomically (a temporary file beside it, then rename), refusing (409) when the
   * file on disk is not the one the page opened: its hash differs (or it appeared or vanished).
   * `expectedHash` null means the page believes the file new.
   */
  save(path: unknown, text: string, expectedHash: string | null): FileState {
    if (Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) throw new FileRefused(`${String(path)}: larger than ${MAX_FILE_BYTES} bytes`, 413);
    const { real, kind } = this.resolve(path, true);
    let current: string | null = null;
    try {
      if (!statSync(real).isFile()) throw new FileRefused(`${String(path)}: not a file`, 403);
      current = readFileSync(real, 'utf8');
    } catch (e) {
      if (e instanceof FileRefused) throw e;
      current = null;
    }
    const currentHash = current === null ? null : hashText(current);
    if (currentHash !== expectedHash) {
      throw new FileRefused(
        current === null
          ? `${String(path)} no longer exists on disk: not saved (reload it)`
          : `${String(path)} changed on disk since it was opened: not saved (reload it, then make the change again)`,
        409,
      );
    }
    const temp = join(dirname(real), `.${basename(real)}.studio-${randomBytes(6).toString('hex')}.tmp`);
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } catch (e) {
      closeSync(fd);
      unlinkSync(temp);
      throw e;
    }
    closeSync(fd);
    renameSync(temp, real);
    const st = statSync(real);
    return { path: String(path), kind, text, mtimeMs: st.mtimeMs, hash: hashText(text) };
  }

  /** A path for people: relative to the working folder when below it. */
  label(path: string): string {
    const r = relative(process.cwd(), path);
    return r !== '' && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : path;
  }
}
