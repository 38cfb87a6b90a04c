import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The VS Code client of `policy lsp --stdio`: starts the server from the installed policy CLI
 * (setting policy.server.path), and shows what the 试算 / explain code lenses answer in a
 * document beside the editor.
 */
let client: LanguageClient | undefined;

function serverOptions(): ServerOptions {
  const config = vscode.workspace.getConfiguration('policy');
  const path = config.get<string>('server.path')?.trim() || 'policy';
  // The bundled CLI itself (packages/cli/dist/policy.cjs) runs with VS Code's Node; a command by name runs as it is.
  if (/\.c?js$/.test(path)) return { module: path, args: ['lsp'], transport: TransportKind.stdio };
  return { command: path, args: ['lsp', '--stdio'] };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('policy');
  const options: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'policy' },
      { scheme: 'untitled', language: 'policy' },
      { scheme: 'file', pattern: '**/tests/*.{yaml,yml}' },
    ],
    initializationOptions: { explainLanguage: config.get<string>('explainLanguage') ?? 'en', showTextNotification: true },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{policy,yaml,yml}') },
  };
  client = new LanguageClient('policy', 'Policy language server', serverOptions(), options);
  context.subscriptions.push(
    client.onNotification('policy/showText', async (answer: { title: string; text: string }) => {
      const doc = await vscode.workspace.openTextDocument({ content: `${answer.title}\n\n${answer.text}\n`, language: 'plaintext' });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }),
  );
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`Policy: cannot start \`${JSON.stringify(serverOptions())}\`: ${(e as Error).message}. Set policy.server.path to the policy command.`);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('policy.restartServer', async () => {
      await client?.stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('policy')) await vscode.commands.executeCommand('policy.restartServer');
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
