import { spawn } from 'node:child_process';
import { type Lang } from '@policy/dsl';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { ref } from '@policy/dsl';
import { t } from '@policy/dsl';
import { currentLang } from '../lang.js';

/** Where the bundle keeps the page: packages/cli/dist/studio beside policy.cjs (scripts/build.mjs). */
function assetsDir(): string {
  // In the bundle `__filename` is the bundle (its real path, whatever link started it, as when
  // `npm install -g` links `policy` into a bin folder); run from source, the script named.
  const bundle = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : (process.argv[1] ?? '.');
  return process.env['POLICY_STUDIO_ASSETS'] ?? join(dirname(bundle), 'studio');
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`${t(currentLang(), 'cmd.studio.no-browser', { url })}\n`));
    child.unref();
  } catch {
    process.stderr.write(`${t(currentLang(), 'cmd.studio.no-browser', { url })}\n`);
  }
}

/** `policy studio [PATH…]`: the workbench in the browser, served from this machine only. */
export function registerStudio(program: Command, lang: Lang): void {
  program
    .command('studio')
    .description(t(lang, 'help.studio.description'))
    .argument('[paths...]', t(lang, 'help.studio.paths'))
    .option('--port <n>', t(lang, 'help.studio.port'), '0')
    .option('--host <host>', t(lang, 'help.studio.host'), '127.0.0.1')
    .option('--no-open', t(lang, 'help.studio.no-open'))
    .addHelpText('after', t(lang, 'help.studio.after'))
    .action(async (paths: string[], opts: { port: string; host: string; open: boolean }) => {
      const folders = paths.length > 0 ? paths : ['policies'];
      for (const f of folders) if (!existsSync(f) || !statSync(f).isDirectory()) throw new UsageError(ref('cmd.usage.no-such-folder', { path: f }));
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(ref('cmd.usage.port', { value: JSON.stringify(opts.port) }));
      // Loaded here, not at start-up: the other commands do not pay for the studio.
      const { isLoopback, startStudio } = await import('@policy/studio');
      if (!isLoopback(opts.host)) process.stderr.write(`${t(currentLang(), 'cmd.studio.not-loopback', { host: opts.host })}\n`);
      let studio;
      try {
        studio = await startStudio({ folders, host: opts.host, port, assets: assetsDir() });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      // Ctrl-C is listened for before the URL is out: whoever reads the URL may stop it at once.
      const stopped = new Promise<void>((done) => {
        const stop = (): void => {
          void studio.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      process.stdout.write(`${studio.url}\n`);
      process.stderr.write(`${t(currentLang(), 'cmd.studio.serving', { folders: folders.join(', ') })}\n`);
      if (opts.open) openBrowser(studio.url);
      await stopped;
    });
}
