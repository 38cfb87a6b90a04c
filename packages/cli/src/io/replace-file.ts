import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { ref } from '@policy/dsl';

/**
 * Replaces a file's content atomically: the new text is written beside it under a temporary
 * name, given the file's permissions, then renamed over it. A reader (or a crash) sees the
 * old file or the new one, never half of one. A symbolic link is followed, not replaced.
 */
export function replaceFile(path: string, text: string): void {
  let real = path;
  try {
    real = realpathSync(path); // a symbolic link stays a link: its target is replaced
  } catch {
    // reported by the write below
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.fmt.tmp`);
  try {
    const mode = statSync(real).mode & 0o7777;
    writeFileSync(temp, text, { mode });
    chmodSync(temp, mode);
    renameSync(temp, real);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
    throw new UsageError(ref('cmd.usage.cannot-write', { path, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
}
