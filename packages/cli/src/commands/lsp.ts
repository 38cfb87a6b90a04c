import type { Command } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { UsageError } from '../errors.js';
import { startServer } from '../lsp/server.js';
import { ref } from '@policy/dsl';

/**
 * `policy lsp --stdio`: the .policy language server (diagnostics, hover, definition,
 * references, completion, formatting, symbols, folding, semantic tokens, rename, quick fixes,
 * 试算 / explain code lenses). It speaks LSP on standard input and output and prints nothing
 * else there; it serves until the client says exit or closes its input.
 */
export function registerLsp(program: Command, lang: Lang): void {
  program
    .command('lsp')
    .description(t(lang, 'help.lsp.description'))
    .option('--stdio', t(lang, 'help.lsp.stdio'))
    .addHelpText('after', t(lang, 'help.lsp.after'))
    .action(async (opts: { stdio?: boolean }) => {
      if (!opts.stdio) throw new UsageError(ref('cmd.usage.lsp-stdio'));
      // A server outlives any one request: what escapes a handler is logged, never fatal.
      process.on('unhandledRejection', (e) => process.stderr.write(`policy lsp: ${(e as Error)?.message ?? String(e)}\n`));
      process.on('uncaughtException', (e) => process.stderr.write(`policy lsp: ${e.message}\n`));
      const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
      await new Promise<void>((resolve) => {
        connection.onExit(() => resolve());
        process.stdin.on('close', () => resolve());
        startServer(connection);
      });
    });
}
