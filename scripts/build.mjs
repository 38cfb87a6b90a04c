// Bundles the CLI into one file (packages/cli/dist/policy.cjs): fast start-up, no TypeScript at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const cliPackage = JSON.parse(readFileSync(`${root}packages/cli/package.json`, 'utf8'));

/**
 * echarts (policy report, diff --format html) is bundled on its own, beside the CLI
 * (dist/echarts.cjs), and required from there when a chart is drawn: the CLI's start-up does not
 * read it, and the packed CLI needs no node_modules for it.
 */
const echartsBeside = {
  name: 'echarts-beside-the-bundle',
  setup(b) {
    b.onResolve({ filter: /^echarts$/ }, () => ({ path: 'echarts', namespace: 'echarts-beside' }));
    b.onLoad({ filter: /.*/, namespace: 'echarts-beside' }, () => ({
      contents: "module.exports = require(require('node:path').join(__dirname, 'echarts.cjs'));",
      loader: 'js',
    }));
  },
};

await build({
  stdin: { contents: "module.exports = require('echarts');", resolveDir: `${root}packages/cli`, loader: 'js' },
  outfile: `${root}packages/cli/dist/echarts.cjs`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'inline',
  logLevel: 'warning',
});

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
  external: ['z3-solver'],
  plugins: [echartsBeside],
  define: { __POLICY_VERSION__: JSON.stringify(cliPackage.version) },
});

// The studio's page (policy studio serves it from beside the bundle).
const { buildStudioClient } = await import(`${root}packages/studio/build-client.mjs`);
await buildStudioClient(`${root}packages/cli/dist/studio`);
