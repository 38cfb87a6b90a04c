import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkUnit, type CheckResult } from './check/check-policy.js';
import { parsePolicyFile, type ParsedFile } from './syntax/parse.js';
import { diskReader, loadUnit, memoryReader, readSource, type SourceReader } from './units.js';

import { PolicyPathError } from './policy-path-error.js';

export { PolicyPathError };

/** A folder that holds `.policy` files is a policy. */
export function hasPolicyFiles(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.policy'));
  } catch {
    return false;
  }
}

/** The policy folders directly inside a folder (`policies/` → policies/anyi, …), sorted. */
export function policyFolders(root: string): string[] {
  return readdirSync(root)
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isDirectory() && hasPolicyFiles(f))
    .sort();
}

/**
 * The `.policy` files of a policy: a folder (its `.policy` files, sorted by name — rules run
 * in this order, then in the order they are written) or a single file.
 */
export function policyFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new PolicyPathError(`${path}: no such file or folder`);
  }
  if (!st.isFile() && !st.isDirectory()) throw new PolicyPathError(`${path}: not a file or folder`);
  const files = diskReader.policyFiles(path) ?? [];
  if (files.length === 0) throw new PolicyPathError(`${path}: no .policy files in this folder`);
  return files;
}

export function parsePolicyFiles(paths: readonly string[]): ParsedFile[] {
  return paths.map((p) => {
    let text: string;
    try {
      text = readSource(p);
    } catch (e) {
      if (e instanceof PolicyPathError) throw e;
      throw new PolicyPathError(`${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return parsePolicyFile(p, text);
  });
}

function readingReader(reader: SourceReader): SourceReader {
  return {
    ...reader,
    read(p) {
      try {
        return reader.read(p);
      } catch (e) {
        if (e instanceof PolicyPathError) throw e;
        throw new PolicyPathError(`${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    },
  };
}

/** Reads, parses and checks the policy at a path (folder or file), with the bases it builds on. */
export function loadPolicy(path: string): CheckResult & { readonly name: string } {
  const unit = loadUnit(path, policyFiles(path), readingReader(diskReader));
  return { ...checkUnit(unit), name: basename(path).replace(/\.policy$/, '') };
}

/**
 * Checks a policy given as in-memory sources (tests, editors). Without `folder`, every source
 * is one policy; with it, the policy is that folder's files and its bases come from `sources`.
 */
export function checkSources(sources: Readonly<Record<string, string>>, folder?: string): CheckResult {
  if (folder === undefined) {
    const parsed = Object.entries(sources).map(([p, text]) => parsePolicyFile(p, text));
    const header = parsed.flatMap((f) => f.ast.declarations).find((d) => d.kind === 'policy');
    return checkUnit({ path: '.', id: '.', files: parsed, imports: [], diagnostics: [], ...(header?.kind === 'policy' ? { header } : {}) });
  }
  const reader = memoryReader(sources);
  return checkUnit(loadUnit(folder, reader.policyFiles(folder) ?? [], reader));
}
