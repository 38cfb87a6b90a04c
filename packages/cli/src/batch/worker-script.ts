/**
 * The script `policy batch`'s worker threads run: the CLI bundle itself (main.ts runs the
 * settle worker when it is not the main thread). In the bundle that is `__filename`; a program
 * that runs the commands from source (the in-process CLI tests) names the built bundle.
 */
let script: string | undefined = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;

export function setWorkerScript(path: string): void {
  script = path;
}

export function workerScript(): string {
  if (script === undefined) throw new Error('no worker script: run the built CLI (packages/cli/dist/policy.cjs) or call setWorkerScript');
  return script;
}
