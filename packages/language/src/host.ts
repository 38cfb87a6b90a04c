/**
 * Everything the language service reads from outside its open documents: the policy's other
 * files, the modules it extends, the example cases in tests/. The LSP server passes a host over
 * the file system (node-host.ts); the browser studio passes one over its own store.
 */
export interface FileHost {
  /** The text of a file, or undefined when there is no such file (or it cannot be read). */
  readFile(path: string): string | undefined;
  /** The names (not paths) of the entries directly inside a folder; undefined when it is not one. */
  readDir(path: string): readonly string[] | undefined;
  /** A canonical key for a folder (symbolic links resolved); the path itself by default. */
  identity?(path: string): string;
}

/** A host over a fixed set of files, for tests and for a browser without a back end. */
export function memoryHost(files: Readonly<Record<string, string>>): FileHost {
  return {
    readFile: (p) => files[p],
    readDir(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Set<string>();
      for (const f of Object.keys(files)) {
        if (f.startsWith(prefix)) names.add(f.slice(prefix.length).split('/')[0] ?? '');
      }
      names.delete('');
      return names.size > 0 ? [...names].sort() : undefined;
    },
  };
}
