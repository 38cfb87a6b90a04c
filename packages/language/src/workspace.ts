import { checkUnit, loadUnit, parsePolicyFile, type CheckResult, type ParsedFile, type PolicyUnit, type SourceReader } from '@policy/dsl';
import type { FileHost } from './host.js';
import { buildIndex, type NameIndex } from './name-index.js';
import { basename, dirname, normalize } from './paths.js';

/** At most this many parsed files are kept (a workspace of many policies starts again from none). */
const MAX_PARSED = 512;

/** One open document: the editor's text, which wins over the file on disk. */
interface OpenDocument {
  text: string;
  version: number;
}

/** A policy folder checked as a whole: its unit (with bases), the check result, the name index. */
export interface Analysis {
  readonly folder: string;
  readonly unit: PolicyUnit;
  readonly result: CheckResult;
  readonly index: NameIndex;
  /** The policy's own files (not its bases'), sorted. */
  readonly ownFiles: readonly string[];
  readonly generation: number;
}

/**
 * The documents an editor has open, overlaid on the host's files. A policy is the folder of
 * a file; it is checked with loadUnit/checkUnit exactly as `policy check` checks it, from
 * the overlay, and the result is kept until any document changes.
 */
export class Workspace {
  private readonly open = new Map<string, OpenDocument>();
  private readonly analyses = new Map<string, Analysis>();
  private generation = 0;
  /** Parsed files by path, kept while their text is the same: an edit re-parses only the file edited. */
  private readonly parsed = new Map<string, ParsedFile>();

  constructor(readonly host: FileHost) {}

  setDocument(path: string, text: string, version = 0): void {
    this.open.set(normalize(path), { text, version });
    this.touch();
  }

  closeDocument(path: string): void {
    this.open.delete(normalize(path));
    this.touch();
  }

  /** Files on disk changed behind the editor's back. */
  invalidate(): void {
    this.touch();
  }

  private touch(): void {
    this.generation++;
    // Keep memory flat: only the analyses of the current generation are worth keeping.
    this.analyses.clear();
  }

  isOpen(path: string): boolean {
    return this.open.has(normalize(path));
  }

  openPaths(): string[] {
    return [...this.open.keys()];
  }

  /** The text the editor sees: the open document's, else the host's. */
  text(path: string): string | undefined {
    const p = normalize(path);
    return this.open.get(p)?.text ?? this.host.readFile(p);
  }

  /** The `.policy` files of a folder: on disk and open in the editor, sorted by name. */
  policyFilesIn(folder: string): string[] {
    const names = new Set((this.host.readDir(folder) ?? []).filter((n) => n.endsWith('.policy')));
    for (const p of this.open.keys()) if (dirname(p) === folder && p.endsWith('.policy')) names.add(basename(p));
    return [...names].sort().map((n) => (folder === '/' ? `/${n}` : `${folder}/${n}`));
  }

  readonly reader: SourceReader = {
    policyFiles: (path) => {
      const p = normalize(path);
      if (p.endsWith('.policy') && this.text(p) !== undefined && this.host.readDir(p) === undefined) return [p];
      const files = this.policyFilesIn(p);
      return files.length > 0 ? files : undefined;
    },
    read: (path) => this.text(path) ?? '',
    identity: (path) => this.host.identity?.(normalize(path)) ?? normalize(path),
    parse: (path) => {
      const text = this.text(path) ?? '';
      const kept = this.parsed.get(path);
      if (kept && kept.source.text === text) return kept;
      const fresh = parsePolicyFile(path, text);
      if (this.parsed.size >= MAX_PARSED) this.parsed.clear();
      this.parsed.set(path, fresh);
      return fresh;
    },
  };

  /** The policy a `.policy` file belongs to: its folder. */
  analyze(file: string): Analysis {
    const folder = dirname(normalize(file));
    const cached = this.analyses.get(folder);
    if (cached && cached.generation === this.generation) return cached;
    const ownFiles = this.policyFilesIn(folder);
    const unit = loadUnit(folder, ownFiles, this.reader);
    const result = checkUnit(unit);
    const analysis: Analysis = { folder, unit, result, index: buildIndex(unit, result), ownFiles, generation: this.generation };
    this.analyses.set(folder, analysis);
    return analysis;
  }
}
