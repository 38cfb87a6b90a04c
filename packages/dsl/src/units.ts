import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { PolicyPathError } from './policy-path-error.js';
import { dirname, isAbsolute, join, normalize, posix, relative } from 'node:path';
import { error, type Diagnostic } from './diagnostics/diagnostic.js';
import { ref } from './messages/index.js';
import type * as A from './syntax/ast.js';
import { parsePolicyFile, type ParsedFile } from './syntax/parse.js';

/**
 * A policy and the bases it builds on. A unit is one folder of `.policy` files (or one file);
 * its header may `extends` one module and `import` others, by paths relative to its folder.
 * Loading follows those paths, refuses cycles, absolute paths, deep chains and bases that are
 * policies rather than modules, and never throws for anything a policy file says (E505).
 */
export interface PolicyUnit {
  /** The folder (or file) as given, for messages. */
  readonly path: string;
  /** The reader's identity of the folder: the same base reached by two paths is one unit. */
  readonly id: string;
  readonly files: readonly ParsedFile[];
  readonly header?: A.PolicyDecl;
  readonly base?: PolicyUnit;
  readonly imports: readonly PolicyUnit[];
  /** Problems found while following `extends`/`import`, reported with the policy's own. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Where `.policy` files come from: the disk, or memory for tests and editors. */
export interface SourceReader {
  /** The `.policy` files of a folder (sorted), `[path]` for a file, undefined when absent. */
  policyFiles(path: string): string[] | undefined;
  read(path: string): string;
  /** A canonical key for a folder, to recognise the same base reached by two paths. */
  identity(path: string): string;
  /** A file read and parsed; a reader may keep parsed files that have not changed (an editor checks on every edit). */
  parse?(path: string): ParsedFile;
}

/** How many bases deep a chain may go (policy → module → module …). */
export const MAX_BASE_DEPTH = 8;

/** The largest `.policy` file read (the shipped ones are under 40 KB): a bigger one is not a policy source. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/**
 * A policy source from disk, refused (PolicyPathError) unless it is a regular file of a sane
 * size inside its own folder: a `.policy` that is a symbolic link is followed only to a file in
 * the same folder or below it — a link to `/proc/self/environ` or `~/.ssh/id_rsa` would
 * otherwise have its content quoted by a syntax error in a CI comment — and a FIFO or a device
 * (`/dev/zero`) would hang or exhaust memory.
 */
export function readSource(path: string): string {
  let st = lstatSync(path);
  if (st.isSymbolicLink()) {
    const folder = realpathSync(dirname(path));
    let target: string;
    try {
      target = realpathSync(path);
    } catch {
      throw new PolicyPathError(`${path}: a symbolic link to nothing (${readlinkSync(path)}); not read`);
    }
    const rel = relative(folder, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new PolicyPathError(`${path}: a symbolic link out of the policy folder (to ${target}); policy sources are read only inside their folder — copy the file in instead`);
    }
    st = statSync(target);
  }
  if (!st.isFile()) throw new PolicyPathError(`${path}: not a regular file; not read`);
  if (st.size > MAX_SOURCE_BYTES) throw new PolicyPathError(`${path}: ${Math.round(st.size / 1024 / 1024)} MiB is too large for a policy source (at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB); not read`);
  return readFileSync(path, 'utf8');
}

export const diskReader: SourceReader = {
  policyFiles(path) {
    let st;
    try {
      st = statSync(path);
    } catch {
      return undefined;
    }
    if (st.isFile()) return [path];
    if (!st.isDirectory()) return undefined;
    return readdirSync(path)
      .filter((f) => f.endsWith('.policy'))
      .sort()
      .map((f) => join(path, f));
  },
  read(path) {
    return readSource(path);
  },
  identity(path) {
    try {
      return realpathSync(path);
    } catch {
      return normalize(path);
    }
  },
};

/** Sources held in memory, keyed by path (`base/a.policy`); a folder is a path prefix. */
export function memoryReader(sources: Readonly<Record<string, string>>): SourceReader {
  const paths = Object.keys(sources).sort();
  return {
    policyFiles(path) {
      const p = posix.normalize(path);
      if (sources[p] !== undefined) return [p];
      const inside = paths.filter((f) => posix.dirname(f) === p && f.endsWith('.policy'));
      return inside.length > 0 ? inside : undefined;
    },
    read(path) {
      return sources[posix.normalize(path)] ?? '';
    },
    identity(path) {
      return posix.normalize(path);
    },
  };
}

export function headerOf(files: readonly ParsedFile[]): A.PolicyDecl | undefined {
  for (const f of files) {
    for (const d of f.ast.declarations) if (d.kind === 'policy') return d;
  }
  return undefined;
}

/** The folder a unit's relative base paths start from. */
function unitFolder(path: string, files: readonly string[]): string {
  return files.length === 1 && files[0] === path ? dirname(path) : path;
}

/**
 * Loads a unit and, recursively, its bases. `files` are the unit's own (already known) files;
 * `chain` holds the identities of the units that lead here, to refuse cycles.
 */
export function loadUnit(
  path: string,
  files: readonly string[],
  reader: SourceReader,
  chain: readonly string[] = [],
  cache = new Map<string, PolicyUnit>(),
): PolicyUnit {
  const parsed = files.map((f) => (reader.parse ? reader.parse(f) : parsePolicyFile(f, reader.read(f))));
  const header = headerOf(parsed);
  const diagnostics: Diagnostic[] = [];
  const here = [...chain, reader.identity(path)];
  const folder = unitFolder(path, files);

  const follow = (lit: A.StringLiteral, how: 'extends' | 'import'): PolicyUnit | undefined => {
    const target = lit.value;
    if (target === '' || isAbsolute(target)) {
      diagnostics.push(error('E505', lit.span, ref('decl.base-path', { how })));
      return undefined;
    }
    const resolved = normalize(join(folder, target));
    const id = reader.identity(resolved);
    if (here.includes(id)) {
      diagnostics.push(error('E505', lit.span, ref('decl.base-circle', { how, target, resolved })));
      return undefined;
    }
    if (here.length > MAX_BASE_DEPTH) {
      diagnostics.push(error('E505', lit.span, ref('decl.base-depth', { depth: MAX_BASE_DEPTH })));
      return undefined;
    }
    // A base reached twice (two imports, or import and extends) is read once.
    let unit = cache.get(id);
    if (!unit) {
      const baseFiles = reader.policyFiles(resolved);
      if (!baseFiles || baseFiles.length === 0) {
        diagnostics.push(error('E505', lit.span, ref('decl.base-missing', { how, target, resolved })));
        return undefined;
      }
      unit = loadUnit(resolved, baseFiles, reader, here, cache);
      cache.set(id, unit);
    }
    if (unit.header && !unit.header.module) {
      diagnostics.push(
        error('E505', lit.span, ref('decl.base-is-policy', { how, target, name: unit.header.name.name, example: 'module NAME { … }' })),
      );
      return undefined;
    }
    return unit;
  };

  const base = header?.extends ? follow(header.extends, 'extends') : undefined;
  const imports: PolicyUnit[] = [];
  for (const lit of header?.imports ?? []) {
    const unit = follow(lit, 'import');
    if (unit && !imports.includes(unit)) imports.push(unit);
  }
  return {
    path,
    id: reader.identity(path),
    files: parsed,
    imports,
    diagnostics,
    ...(header ? { header } : {}),
    ...(base ? { base } : {}),
  };
}
