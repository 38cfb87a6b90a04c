import { reason } from '@policy/engine';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputFileError } from './file-error.js';

/** A path a command reads or writes, and the option that named it (for the message). */
export interface NamedPath {
  readonly option: string;
  readonly path: string;
}

/**
 * The file a path names, however it is spelt: an existing file by device and inode (a symbolic
 * link, a hard link or `a/../b` all come to the same), a file still to be made by the real
 * path of its folder and its name. `-` is standard input or output, itself once.
 */
function identity(path: string): string {
  // `x/../in.csv` names in.csv even when x does not exist yet (the output's folders are made first).
  for (const p of [path, resolve(path)]) {
    try {
      const st = statSync(p); // follows links: the file a link would let us overwrite
      return `inode:${st.dev}:${st.ino}`;
    } catch {
      // not there (yet)
    }
  }
  // A file still to be made: the nearest folder that exists, resolved through its links, and the rest.
  let dir = resolve(path);
  const rest: string[] = [];
  for (; !existsSync(dir) && dirname(dir) !== dir; dir = dirname(dir)) rest.unshift(basename(dir));
  try {
    dir = realpathSync(dir);
  } catch {
    // unreadable: as resolved
  }
  return `path:${join(dir, ...rest)}`;
}

/** The files of a policy folder that an output must not replace (sources, mapping, tests); a file as itself. */
export function policyInputs(option: string, path: string): NamedPath[] {
  try {
    if (!statSync(path).isDirectory()) return [{ option, path }];
    const out: NamedPath[] = [];
    for (const name of readdirSync(path)) {
      const p = join(path, name);
      if (statSync(p).isFile()) out.push({ option, path: p });
    }
    return out;
  } catch {
    return [{ option, path }]; // reported by the loader
  }
}

/**
 * Refuses (a usage error, exit 2, before any file is touched) an output that would replace an
 * input or another output: `--out` the same file as `--in`, `--rejects` a hard link to
 * `--summary-json`, an output that is a symbolic link to a roster… Both options are named.
 * Standard output given to several options is not a clash: nothing is replaced, and the lines
 * interleave as JSON Lines told apart by their keys (a Spark task reads settlements and rejects
 * from one stdout, docs/spark.md).
 */
export function refuseClashes(inputs: readonly NamedPath[], outputs: readonly NamedPath[]): void {
  const seen = new Map<string, { named: NamedPath; output: boolean }>();
  for (const i of inputs) {
    if (i.path === '-') continue; // standard input is never written
    const id = identity(i.path);
    if (!seen.has(id)) seen.set(id, { named: i, output: false });
  }
  for (const o of outputs) {
    if (o.path === '-') continue;
    const id = identity(o.path);
    const before = seen.get(id);
    if (before) {
      const what = before.output ? reason('claims.output.another-output') : reason('claims.output.an-input');
      const same = before.named.path === o.path ? reason('claims.output.both', { file: o.path }) : reason('claims.output.same-file', { file: o.path, other: before.named.path });
      throw new OutputFileError(o.path, reason('claims.output.clash', { option: o.option, what, other: before.named.option, same }));
    }
    seen.set(id, { named: o, output: true });
  }
}
