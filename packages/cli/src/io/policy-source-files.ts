import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/** Folders never searched for policy files: hidden ones and installed packages. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function below(dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    throw new UsageError(`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
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
      if (!skipped(name)) below(p, out);
    } else if (name.endsWith('.policy') && (st.isFile() || (st.isSymbolicLink() && isFile(p)))) {
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
    if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
    const st = statSync(p);
    if (st.isFile()) {
      out.push(p);
      continue;
    }
    if (!st.isDirectory()) throw new UsageError(`${p}: not a file or folder`);
    const found: string[] = [];
    below(p, found);
    if (found.length === 0) throw new UsageError(`${p}: no .policy files in this folder or below`);
    out.push(...found);
  }
  if (out.filter((p) => p === '-').length > 1) throw new UsageError('- (standard input) can be given once');
  return [...new Set(out)];
}
