import { formatPolicySource, messageIn, relatedMessageIn, type Diagnostic as PolicyDiagnostic, type Lang, type Span } from '@policy/dsl';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { fixesFor } from './code-actions.js';
import { Lenses, type LensArgs, type TrialAnswer } from './lenses.js';
import { completions } from './completion.js';
import type { FileHost } from './host.js';
import { hoverMarkdown } from './hover.js';
import { LineIndex } from './line-index.js';
import { definitionSpans, referenceSpans, renameRefusal, renameSpans } from './navigate.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { semanticTokens } from './semantic-tokens.js';
import { flagMentions } from './test-cases.js';
import { Workspace, type Analysis } from './workspace.js';

export interface ServiceOptions {
  /** The URI of a path, for locations in other files (default `file://` + the path). */
  readonly uriOf?: (path: string) => string;
  /** The language of diagnostic messages (default English, as `policy check` without --lang zh). */
  readonly lang?: Lang;
}

function defaultUri(path: string): string {
  return `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`;
}

/**
 * The .policy language service: one implementation of the editor features, over paths and
 * in-memory documents, answering in LSP's types. Used by `policy lsp` and by the studio.
 * Every answer is computed from the last check of the document's policy folder; a document
 * that does not parse still answers with what its recovered tree and tokens hold.
 */
export class PolicyLanguageService {
  readonly workspace: Workspace;
  private readonly uriOf: (path: string) => string;
  private readonly lineCache = new Map<string, LineIndex>();

  private readonly lenses: Lenses;
  /** The language of diagnostic messages: codes, ranges and suggestions are the same in both. */
  lang: Lang;

  constructor(host: FileHost, options: ServiceOptions = {}) {
    this.workspace = new Workspace(host);
    this.lenses = new Lenses(this.workspace);
    this.uriOf = options.uriOf ?? defaultUri;
    this.lang = options.lang ?? 'en';
  }

  open(path: string, text: string, version = 0): void {
    this.workspace.setDocument(path, text, version);
  }

  close(path: string): void {
    this.workspace.closeDocument(path);
  }

  analyze(path: string): Analysis {
    return this.workspace.analyze(path);
  }

  /** The line index of a file's current text (cached while the text is the same). */
  lines(path: string): LineIndex {
    const text = this.workspace.text(path) ?? '';
    const cached = this.lineCache.get(path);
    if (cached && cached.text === text) return cached;
    const li = new LineIndex(text);
    this.lineCache.set(path, li);
    if (this.lineCache.size > 256) this.lineCache.delete(this.lineCache.keys().next().value as string);
    return li;
  }

  private spanLines(a: Analysis, span: Span): LineIndex {
    const parsed = a.index.files.get(span.file);
    if (!parsed) return this.lines(span.file);
    const cached = this.lineCache.get(span.file);
    if (cached && cached.text === parsed.source.text) return cached;
    const li = new LineIndex(parsed.source.text);
    this.lineCache.set(span.file, li);
    return li;
  }

  location(a: Analysis, span: Span): Location {
    return { uri: this.uriOf(span.file), range: this.spanLines(a, span).range(span) };
  }

  toLsp(a: Analysis, d: PolicyDiagnostic, lang: Lang = this.lang): Diagnostic {
    const out: Diagnostic = {
      range: this.spanLines(a, d.span).range(d.span),
      severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: d.code,
      source: 'policy',
      message: messageIn(d, lang),
    };
    if (d.related && d.related.length > 0) out.relatedInformation = d.related.map((r) => ({ location: this.location(a, r.span), message: relatedMessageIn(r, lang) }));
    if (d.suggestion !== undefined) out.data = { suggestion: d.suggestion };
    return out;
  }

  /** The diagnostics of one file of a policy: those `policy check` prints for it, in its order. */
  policyDiagnostics(path: string): readonly PolicyDiagnostic[] {
    return this.analyze(path).result.diagnostics.filter((d) => d.span.file === path);
  }

  /** The same, in LSP's shape and in `lang` (default: the service's language). */
  diagnostics(path: string, lang: Lang = this.lang): Diagnostic[] {
    const a = this.analyze(path);
    return a.result.diagnostics.filter((d) => d.span.file === path).map((d) => this.toLsp(a, d, lang));
  }

  private occurrence(path: string, position: Position): { a: Analysis; occ: ReturnType<Analysis['index']['at']> } {
    const a = this.analyze(path);
    return { a, occ: a.index.at(path, this.lines(path).offset(position)) };
  }

  hover(path: string, position: Position): Hover | null {
    const { a, occ } = this.occurrence(path, position);
    if (!occ) return null;
    const written = (this.workspace.text(path) ?? '').slice(occ.span.start, occ.span.end);
    const value = hoverMarkdown(a, occ.key, written);
    if (!value) return null;
    return { contents: { kind: 'markdown', value }, range: this.lines(path).range(occ.span) };
  }

  definition(path: string, position: Position): Location[] {
    const { a, occ } = this.occurrence(path, position);
    return occ ? definitionSpans(a, occ).map((s) => this.location(a, s)) : [];
  }

  references(path: string, position: Position, includeDeclaration = true): Location[] {
    const { a, occ } = this.occurrence(path, position);
    return occ ? referenceSpans(a, occ, includeDeclaration).map((s) => this.location(a, s)) : [];
  }

  /** The range of the name to rename and its text, or a reason it cannot be renamed. */
  prepareRename(path: string, position: Position): { range: Range; placeholder: string } | { refused: string } | null {
    const { a, occ } = this.occurrence(path, position);
    if (!occ) return null;
    const refused = renameRefusal(a, occ);
    if (refused) return { refused };
    const text = this.workspace.text(path) ?? '';
    return { range: this.lines(path).range(occ.span), placeholder: text.slice(occ.span.start, occ.span.end) };
  }

  /** Throws RenameRefused with a message for the user when the rename is not possible. */
  rename(path: string, position: Position, newName: string): WorkspaceEdit | null {
    const { a, occ } = this.occurrence(path, position);
    if (!occ) return null;
    const changes: Record<string, TextEdit[]> = {};
    for (const s of renameSpans(a, occ, newName)) {
      const uri = this.uriOf(s.file);
      (changes[uri] ??= []).push({ range: this.spanLines(a, s).range(s), newText: newName });
    }
    // A rule is also named in the `flags:` its test cases expect.
    if (occ.key.startsWith('r:')) {
      for (const file of this.lenses.testFiles(a.folder)) {
        const mentions = flagMentions(this.workspace.text(file) ?? '', occ.key.slice(2));
        if (mentions.length === 0) continue;
        const lines = this.lines(file);
        changes[this.uriOf(file)] = mentions.map((m) => ({ range: lines.range(m), newText: newName }));
      }
    }
    return { changes };
  }

  completion(path: string, position: Position): CompletionItem[] {
    const a = this.analyze(path);
    const lines = this.lines(path);
    return completions(a, path, lines.text, lines, lines.offset(position));
  }

  /** `policy fmt`'s layout: one edit replacing the whole text, none when it is already formatted or does not parse. */
  format(path: string): TextEdit[] {
    const text = this.workspace.text(path) ?? '';
    // A file that does not lex or parse is not formatted: known from the last check, without parsing again.
    const parsed = this.analyze(path).index.files.get(path);
    if (parsed?.diagnostics.some((d) => d.code === 'E001' || d.code === 'E002' || d.code === 'E003')) return [];
    let r;
    try {
      r = formatPolicySource(path, text);
    } catch {
      return []; // FormatterError: the formatter refuses to change what the file means
    }
    if (!r.ok || !r.changed) return [];
    const lines = this.lines(path);
    return [{ range: lines.range({ start: 0, end: text.length }), newText: r.text }];
  }

  documentSymbols(path: string): DocumentSymbol[] {
    const f = this.analyze(path).index.files.get(path);
    return f ? documentSymbols(f, this.lines(path)) : [];
  }

  foldingRanges(path: string): FoldingRange[] {
    const f = this.analyze(path).index.files.get(path);
    return f ? foldingRanges(f, this.lines(path)) : [];
  }

  semanticTokens(path: string): number[] {
    const lines = this.lines(path);
    return semanticTokens(path, lines.text, lines, this.analyze(path).index);
  }

  codeActions(path: string, range: Range): CodeAction[] {
    const a = this.analyze(path);
    const lines = this.lines(path);
    const from = lines.offset(range.start);
    const to = lines.offset(range.end);
    const out: CodeAction[] = [];
    for (const d of a.result.diagnostics) {
      if (d.span.file !== path || d.span.end < from || d.span.start > to) continue;
      for (const fix of fixesFor(a.index, d)) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [this.toLsp(a, d)],
          ...(fix.preferred ? { isPreferred: true } : {}),
          edit: { changes: { [this.uriOf(path)]: fix.edits.map((e) => ({ range: lines.range(e), newText: e.newText })) } },
        });
      }
    }
    return out;
  }

  /** 试算 and explain over each rule (a .policy file) or each case (a tests/*.yaml file). */
  codeLenses(path: string): CodeLens[] {
    return this.lenses.lenses(path, this.lines(path));
  }

  /** Runs a code lens's 试算; throws TrialError (a message for people) when it cannot run. */
  trial(args: LensArgs): TrialAnswer {
    return this.lenses.trial(args);
  }
}
