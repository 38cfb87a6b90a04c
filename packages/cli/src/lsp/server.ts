import {
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EXPLAIN_COMMAND, PolicyLanguageService, RenameRefused, SEMANTIC_LEGEND, TRIAL_COMMAND, isTestFile } from '@policy/language';
import { nodeHost } from '@policy/language/node';
import type { ExplainLang } from '../render/explain-labels.js';
import { runCommand } from './commands.js';
import { UriMap } from './uris.js';
import { isLang, type Lang } from '@policy/dsl';
import { currentLang, explicitLang } from '../lang.js';


/** What the server can do: exactly the handlers registered below. */
export function capabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    completionProvider: { triggerCharacters: ['.', '"'] },
    documentFormattingProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    codeLensProvider: { resolveProvider: false },
    executeCommandProvider: { commands: [TRIAL_COMMAND, EXPLAIN_COMMAND] },
  };
}

/**
 * `policy lsp`: the language service over LSP. Every request is answered from the service;
 * a request that fails inside it answers empty (and logs why) instead of taking the server
 * down, so a hostile or half-written document never crashes the editor's session.
 */
export function startServer(connection: Connection): void {
  const uris = new UriMap();
  const service = new PolicyLanguageService(nodeHost, { uriOf: (p) => uris.toUri(p) });
  const documents = new TextDocuments(TextDocument);
  const pending = new Set<string>();
  const published = new Map<string, Set<string>>();
  let lang: ExplainLang = 'en';
  let showText = false;
  let codeLensRefresh = false;

  const guard = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      connection.console.error(`policy lsp: ${what} failed: ${(e as Error)?.message ?? String(e)}`);
      return fallback;
    }
  };
  const isPolicy = (path: string): boolean => path.endsWith('.policy');
  const pathOf = (uri: string): string => uris.toPath(uri);

  /**
   * Publishes the diagnostics of a policy folder's files (they share one check): every file of
   * the folder while one of them is open, so an error in a file not open is listed too; when
   * none is open any more, the folder's diagnostics are cleared.
   */
  const publish = (folder: string): void => {
    const before = published.get(folder) ?? new Set<string>();
    const open = documents.all().filter((d) => {
      const p = pathOf(d.uri);
      return isPolicy(p) && p.slice(0, p.lastIndexOf('/')) === folder;
    });
    const sent = new Set<string>();
    if (open.length > 0) {
      const first = pathOf(open[0]!.uri);
      const files = guard('check', [] as readonly string[], () => service.analyze(first).ownFiles);
      for (const path of files) {
        const uri = uris.toUri(path);
        const doc = documents.get(uri);
        const diagnostics = guard('diagnostics', [], () => service.diagnostics(path));
        void connection.sendDiagnostics({ uri, ...(doc ? { version: doc.version } : {}), diagnostics });
        sent.add(uri);
      }
    }
    for (const uri of before) if (!sent.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (sent.size > 0) published.set(folder, sent);
    else published.delete(folder);
  };
  // A light debounce: a check runs once the changes already received have been applied, so a
  // burst of edits queued in the pipe is checked once, and a single edit without waiting.
  const schedule = (path: string): void => {
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (pending.has(folder)) return;
    pending.add(folder);
    setImmediate(() => {
      pending.delete(folder);
      publish(folder);
    });
  };

  connection.onInitialize((params) => {
    const opts = (params.initializationOptions ?? {}) as { explainLanguage?: unknown; showTextNotification?: unknown; lang?: unknown };
    if (opts.explainLanguage === 'zh') lang = 'zh';
    // Diagnostics: the client's `lang` option, else `policy lsp --lang`, else the client's
    // display language (`zh-cn` …), else POLICY_LANG or the locale.
    const locale = typeof params.locale === 'string' ? (params.locale.toLowerCase().startsWith('zh') ? 'zh' : 'en') : undefined;
    service.lang = (isLang(opts.lang as string | undefined) ? (opts.lang as Lang) : undefined) ?? explicitLang() ?? locale ?? currentLang();
    showText = opts.showTextNotification === true;
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    return { capabilities: capabilities(), serverInfo: { name: 'policy', version: '0.1.0' } };
  });

  documents.onDidOpen((e) => {
    const path = uris.remember(e.document.uri);
    service.open(path, e.document.getText(), e.document.version);
    if (isPolicy(path)) schedule(path);
  });
  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    service.open(path, e.document.getText(), e.document.version);
    if (isPolicy(path)) schedule(path);
  });
  documents.onDidClose((e) => {
    const path = pathOf(e.document.uri);
    service.close(path);
    uris.forget(e.document.uri);
    if (isPolicy(path)) schedule(path);
  });
  connection.onDidChangeWatchedFiles(() => {
    service.workspace.invalidate();
    for (const folder of published.keys()) publish(folder);
  });

  const at = <T>(what: string, fallback: T, uri: string, fn: (path: string) => T): T => {
    const path = pathOf(uri);
    if (!isPolicy(path)) return fallback;
    return guard(what, fallback, () => fn(path));
  };

  // `policy/memory` (not LSP's): the server's heap after a full collection when node runs with
  // --expose-gc, for the benchmark (scripts/bench-lsp.ts) to tell live memory from a heap not yet
  // collected. It reads nothing and changes nothing.
  connection.onRequest('policy/memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const m = process.memoryUsage();
    return { collected: gc !== undefined, heapUsed: m.heapUsed, rss: m.rss };
  });
  connection.onHover((p) => at('hover', null, p.textDocument.uri, (path) => service.hover(path, p.position)));
  connection.onDefinition((p) => at('definition', [], p.textDocument.uri, (path) => service.definition(path, p.position)));
  connection.onReferences((p) => at('references', [], p.textDocument.uri, (path) => service.references(path, p.position, p.context.includeDeclaration)));
  connection.onCompletion((p) => at('completion', [], p.textDocument.uri, (path) => service.completion(path, p.position)));
  connection.onDocumentFormatting((p) => at('formatting', [], p.textDocument.uri, (path) => service.format(path)));
  connection.onDocumentSymbol((p) => at('symbols', [], p.textDocument.uri, (path) => service.documentSymbols(path)));
  connection.onFoldingRanges((p) => at('folding', [], p.textDocument.uri, (path) => service.foldingRanges(path)));
  connection.languages.semanticTokens.on((p) => ({ data: at('semantic tokens', [], p.textDocument.uri, (path) => service.semanticTokens(path)) }));
  connection.onCodeAction((p) => at('code actions', [], p.textDocument.uri, (path) => service.codeActions(path, p.range)));
  connection.onPrepareRename((p) =>
    at('prepare rename', null, p.textDocument.uri, (path) => {
      const r = service.prepareRename(path, p.position);
      if (r && 'refused' in r) throw new ResponseError(-32803, r.refused);
      return r;
    }),
  );
  connection.onRenameRequest((p) =>
    at('rename', null, p.textDocument.uri, (path) => {
      try {
        return service.rename(path, p.position, p.newName);
      } catch (e) {
        if (e instanceof RenameRefused) throw new ResponseError(-32803, e.message);
        throw e;
      }
    }),
  );
  connection.onCodeLens((p) => {
    const path = pathOf(p.textDocument.uri);
    if (!isPolicy(path) && !isTestFile(path)) return [];
    return guard('code lens', [], () => service.codeLenses(path));
  });
  connection.onExecuteCommand((p) => {
    const answer = guard('command', { title: p.command, text: 'the command failed; see the server log', ok: false }, () =>
      runCommand(service, p.command, p.arguments?.[0], lang),
    );
    if (showText) void connection.sendNotification('policy/showText', answer);
    else void connection.sendNotification(ShowMessageNotification.type, { type: answer.ok ? MessageType.Info : MessageType.Warning, message: `${answer.title}\n${answer.text}`.slice(0, 2000) });
    if (codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    return answer;
  });

  documents.listen(connection);
  connection.listen();
}
