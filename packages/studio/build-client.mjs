// Bundles the studio's page (src/client) into app.js, app.css and index.html in the folder given:
// CodeMirror and ECharts included, so the page needs nothing from outside the server.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildStudioClient(outdir) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [`${here}src/client/main.ts`],
    outfile: `${outdir}/app.js`,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  copyFileSync(`${here}src/client/app.css`, `${outdir}/app.css`);
  copyFileSync(`${here}src/client/index.html`, `${outdir}/index.html`);
}
