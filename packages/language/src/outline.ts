import type { Ast as A, ParsedFile } from '@policy/dsl';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { LineIndex } from './line-index.js';

/** Document symbols (the outline) and folding ranges of one file, from its AST. */

const SYMBOL: Record<A.Declaration['kind'], SymbolKind> = {
  policy: SymbolKind.Module,
  clause: SymbolKind.String,
  param: SymbolKind.Constant,
  table: SymbolKind.Struct,
  setDecl: SymbolKind.Enum,
  let: SymbolKind.Variable,
  accumulator: SymbolKind.Field,
  bands: SymbolKind.Array,
  cap: SymbolKind.Number,
  modifier: SymbolKind.Operator,
  rule: SymbolKind.Function,
  property: SymbolKind.Boolean,
  covers: SymbolKind.Interface,
  audit: SymbolKind.Event,
  kpi: SymbolKind.Key,
  premium: SymbolKind.Object,
};

function nameOf(d: A.Declaration): { name: string; span: A.Ident['span'] } {
  if (d.kind === 'clause') return { name: `${d.id.value} ${d.title.value}`, span: d.id.span };
  if (d.kind === 'covers') return { name: `covers ${d.layers.map((l) => l.name).join(', ')}`, span: d.layers[0]?.span ?? d.span };
  return { name: d.name.name, span: d.name.span };
}

export function documentSymbols(file: ParsedFile, lines: LineIndex): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of file.ast.declarations) {
    const { name, span } = nameOf(d);
    if (name.trim() === '') continue;
    const range = lines.range(d.span);
    const selectionRange = lines.range({ start: Math.max(d.span.start, span.start), end: Math.min(Math.max(span.end, span.start), d.span.end) });
    const children: DocumentSymbol[] =
      d.kind === 'rule'
        ? d.body.flatMap((s) => (s.kind === 'let' && s.name.name !== '' ? [{ name: s.name.name, kind: SymbolKind.Variable, range: lines.range(s.span), selectionRange: lines.range(s.name.span) }] : []))
        : [];
    const detail = d.kind === 'policy' ? (d.module ? 'module' : 'policy') : d.kind === 'setDecl' ? 'set' : d.kind;
    out.push({ name, detail, kind: SYMBOL[d.kind], range, selectionRange, ...(children.length > 0 ? { children } : {}) });
  }
  return out;
}

export function foldingRanges(file: ParsedFile, lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const d of file.ast.declarations) {
    const start = lines.position(d.span.start).line;
    const end = lines.position(d.span.end).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  }
  // Runs of two or more comment lines.
  let runStart = -1;
  let last = -2;
  const close = (): void => {
    if (runStart >= 0 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: FoldingRangeKind.Comment });
  };
  for (const c of file.comments) {
    const line = lines.position(c.startOffset).line;
    const lineStart = c.startOffset - lines.position(c.startOffset).character;
    if (file.source.text.slice(lineStart, c.startOffset).trim() !== '') continue; // after code
    if (line !== last + 1) {
      close();
      runStart = line;
    }
    last = line;
  }
  close();
  return out.sort((a, b) => a.startLine - b.startLine);
}
