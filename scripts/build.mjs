// Bundles the CLI into one file (packages/cli/dist/policy.cjs): fast start-up, no TypeScript at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}packages/cli/src/main.ts`],
  outfile: `${root}packages/cli/dist/policy.cjs`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
  // z3-solver (policy prove) loads its WebAssembly beside its own files: kept out of the bundle,
  // required from node_modules when `prove` runs.
  // echarts (policy report) likewise: loaded when a report is drawn, not at every start-up.
  external: ['z3-solver', 'echarts'],
});

// The studio's page (policy studio serves it from beside the bundle).
const { buildStudioClient } = await import(`${root}packages/studio/build-client.mjs`);
await buildStudioClient(`${root}packages/cli/dist/studio`);
