import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { ref } from '@policy/dsl';

/** Folders never searched for policy files: hidden ones and installed packages. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Inside `root` (both real paths): a link below a folder given is followed only to a file under that folder. */
function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function below(dir: string, out: string[], root = realpathSync(dir)): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(ref('cmd.usage.cannot-read-folder', { path: dir, code: (e as NodeJS.ErrnoException).code ?? 'error' }));
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p); // a link to a folder is not followed: no cycles
    } catch {
      continue; // gone meanwhile
    }
    if (st.isDirectory()) {
      if (!skipped(name)) below(p, out, root);
    } else if (name.endsWith('.policy') && st.isFile()) {
      out.push(p);
    } else if (name.endsWith('.policy') && st.isSymbolicLink() && isFile(p)) {
      // fmt would rewrite the link's target, and a diagnostic quote it: only a file of this folder.
      const target = realpathSync(p);
      if (!inside(root, target)) throw new UsageError(ref('cmd.usage.symlink-out', { path: p, dir, target }));
      out.push(p);
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The `.policy` files named by command-line paths: a file as it is (whatever its name), a
 * folder as every `.policy` file below it (sorted, hidden folders and node_modules skipped).
 * Each file once, in the order the paths give them; `-` (standard input) stays `-`.
 */
export function policySourceFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    if (!existsSync(p)) throw new UsageError(ref('cmd.usage.no-such-path', { path: p }));
    const st = statSync(p);
    if (st.isFile()) {
      out.push(p);
      continue;
    }
    if (!st.isDirectory()) throw new UsageError(ref('cmd.usage.not-file-or-folder', { path: p }));
    const found: string[] = [];
    below(p, found);
    if (found.length === 0) throw new UsageError(ref('cmd.usage.no-policy-files-folder', { path: p }));
    out.push(...found);
  }
  if (out.filter((p) => p === '-').length > 1) throw new UsageError(ref('cmd.usage.stdin-once'));
  return [...new Set(out)];
}
