import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { FileHost } from './host.js';

/** Files on disk larger than this are not read by the editor services (parse refuses 4 MiB). */
const MAX_READ_BYTES = 8 * 1024 * 1024;

/** The file-system host of the LSP server. Nothing here throws: an unreadable file is absent. */
export const nodeHost: FileHost = {
  readFile(path) {
    try {
      const st = statSync(path);
      if (!st.isFile()) return undefined;
      if (st.size > MAX_READ_BYTES) return '#'.repeat(MAX_READ_BYTES); // refused by the parser with E003
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  readDir(path) {
    try {
      return readdirSync(path).sort();
    } catch {
      return undefined;
    }
  },
  identity(path) {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  },
};
