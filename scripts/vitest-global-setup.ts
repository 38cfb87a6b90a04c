import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** CLI tests run the bundled command: build it once before any test file runs. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (existsSync(`${root}packages/cli/src/main.ts`)) {
    execFileSync(process.execPath, [`${root}scripts/build.mjs`], { stdio: 'inherit' });
  }
}
