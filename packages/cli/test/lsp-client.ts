import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol/node';
import { CLI } from './run-cli.js';

/** A real LSP client over the built server's standard input and output, for the tests. */
export interface LspClient {
  readonly conn: ProtocolConnection;
  readonly capabilities: ServerCapabilities;
  readonly child: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  open(path: string, text?: string): { uri: string; text: string };
  change(uri: string, text: string): void;
  /** The next diagnostics published for a URI, whatever the version. */
  waitNext(uri: string): Promise<Diagnostic[]>;
  /** The diagnostics published for a document version (waits for them; -1: a file not open). */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export function uriOf(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** `locale`: the client's display language (LSP's `initialize.locale`); the server's own default is English here. */
export async function startClient(initializationOptions: Record<string, unknown> = {}, locale?: string, args: readonly string[] = [], nodeArgs: readonly string[] = []): Promise<LspClient> {
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'lsp', '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, POLICY_LANG: 'en' } });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const seen = new Map<string, Diagnostic[]>();
  const waiters: { key: string; resolve: (d: Diagnostic[]) => void }[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const key = `${p.uri}@${p.version ?? -1}`;
    seen.set(key, p.diagnostics);
    for (const w of waiters.filter((x) => x.key === key || x.key === `${p.uri}@next`)) w.resolve(p.diagnostics);
    for (let i = waiters.length - 1; i >= 0; i--) if (waiters[i]!.key === `${p.uri}@next`) waiters.splice(i, 1);
  });
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { workspace: { codeLens: { refreshSupport: false } } },
    initializationOptions,
    ...(locale ? { locale } : {}),
  });
  await conn.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();
  return {
    conn,
    capabilities: init.capabilities,
    child,
    stderr: () => err,
    open(path, text) {
      const uri = uriOf(path);
      const t = text ?? readFileSync(path, 'utf8');
      versions.set(uri, 1);
      void conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: path.endsWith('.policy') ? 'policy' : 'yaml', version: 1, text: t },
      });
      return { uri, text: t };
    },
    change(uri, text) {
      const v = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, v);
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    },
    waitNext(uri) {
      return new Promise((res) => waiters.push({ key: `${uri}@next`, resolve: res }));
    },
    diagnostics(uri, version) {
      const key = `${uri}@${version}`;
      const have = seen.get(key);
      if (have) return Promise.resolve(have);
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no diagnostics for ${key} within 10 s`)), 10_000);
        waiters.push({ key, resolve: (d) => (clearTimeout(timer), res(d)) });
      });
    },
    async close() {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      await new Promise<void>((res) => {
        if (child.exitCode !== null) res();
        else child.once('exit', () => res());
        setTimeout(() => (child.kill(), res()), 2000).unref();
      });
      conn.dispose();
    },
  };
}
