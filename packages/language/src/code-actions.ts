import { ENUMS, LEVELS, lookupEnumValue, type Ast as A, type Diagnostic, type EnumKind } from '@policy/dsl';
import { CLAIM_FIELDS } from '@policy/dsl';
import type { NameIndex } from './name-index.js';
import { sourceOf } from './markdown.js';

/**
 * Quick fixes for the diagnostics that carry one: the "did you mean" replacement, a missing
 * `cites` (one fix per likely clause), a table's missing rows. Each fix is a set of text
 * edits (offsets in the diagnostic's file); the service turns them into LSP edits.
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly { start: number; end: number; newText: string }[];
  readonly preferred?: boolean;
}

const MAX_CITE_FIXES = 5;

export function fixesFor(index: NameIndex, d: Diagnostic): Fix[] {
  if (d.suggestion !== undefined) {
    const written = sourceOf(index, d.span);
    const quoted = written.startsWith('"');
    const newText = quoted ? JSON.stringify(d.suggestion) : d.suggestion;
    return [{ title: newText === '' ? `Remove ${written}` : `Change to ${newText}`, edits: [{ start: d.span.start, end: d.span.end, newText }], preferred: true }];
  }
  const decl = declarationAt(index, d.span.file, d.span.start);
  if (!decl) return [];
  if (d.code === 'E301' || d.code === 'E303') return citeFixes(index, decl, d);
  if (d.code === 'E404' && decl.kind === 'table') return rowFixes(index, decl);
  return [];
}

function declarationAt(index: NameIndex, file: string, offset: number): A.Declaration | undefined {
  for (const d of index.files.get(file)?.ast.declarations ?? []) if (d.span.start <= offset && offset < Math.max(d.span.end, d.span.start + 1)) return d;
  return undefined;
}

/** Clauses most likely meant: those cited by the declarations just before this one, then the rest in order. */
function candidateClauses(index: NameIndex, decl: A.Declaration): string[] {
  const out: string[] = [];
  const decls = index.files.get(decl.span.file)?.ast.declarations ?? [];
  const at = decls.indexOf(decl);
  for (let i = at - 1; i >= 0 && out.length < MAX_CITE_FIXES; i--) {
    const d = decls[i] as A.Declaration;
    for (const m of 'meta' in d ? d.meta : []) if (m.kind === 'cites') for (const v of m.values) if (!out.includes(v.value) && index.defs.has(`c:${v.value}`)) out.push(v.value);
  }
  for (const k of index.defs.keys()) if (k.startsWith('c:') && !out.includes(k.slice(2))) out.push(k.slice(2));
  return out.slice(0, MAX_CITE_FIXES);
}

function citeFixes(index: NameIndex, decl: A.Declaration, d: Diagnostic): Fix[] {
  // A rule's or modifier's citations follow its name; a value's follow the value.
  const at = decl.kind === 'rule' || decl.kind === 'modifier' ? decl.name.span.end : decl.span.end;
  if (d.code === 'E303' && decl.kind === 'rule') return [];
  return candidateClauses(index, decl).map((id) => {
    const title = index.defs.get(`c:${id}`)?.[0]?.decl;
    return {
      title: `Add cites "${id}"${title?.kind === 'clause' ? ` (${title.title.value})` : ''}`,
      edits: [{ start: at, end: at, newText: ` cites "${id}"` }],
    };
  });
}

/** The keys a table by this field must cover, when the field has a fixed set of values. */
function domainOf(by: string): (string | number)[] | undefined {
  if (by === 'level') return [...LEVELS];
  const t = CLAIM_FIELDS[by]?.type;
  if (typeof t === 'string' && t in ENUMS) return Object.keys(ENUMS[t as EnumKind]);
  return undefined;
}

function keyOf(e: A.Expr): string | number | undefined {
  if (e.kind === 'numeric') return Number(e.value);
  if (e.kind === 'name') return lookupEnumValue(e.name)?.value;
  if (e.kind === 'string') return e.value;
  return undefined;
}

function rowFixes(index: NameIndex, t: A.TableDecl): Fix[] {
  const domain = domainOf(t.by.name);
  const last = t.rows[t.rows.length - 1];
  if (!domain || !last) return [];
  const have = new Set(t.rows.map((r) => keyOf(r.key)));
  const missing = domain.filter((k) => !have.has(k));
  if (missing.length === 0) return [];
  const text = index.files.get(t.span.file)?.source.text ?? '';
  const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '  ';
  const value = sourceOf(index, last.value.span);
  const lastKey = sourceOf(index, last.key.span);
  const row = (k: string | number): string => `\n${indent}${k}: ${value}`;
  const fixes: Fix[] = missing.map((k) => ({
    title: `Add the row for ${t.by.name} ${k} (value copied from ${lastKey}: check it)`,
    edits: [{ start: last.span.end, end: last.span.end, newText: row(k) }],
  }));
  if (missing.length > 1) {
    fixes.push({ title: `Add the ${missing.length} missing rows (values copied from ${lastKey}: check them)`, edits: [{ start: last.span.end, end: last.span.end, newText: missing.map(row).join('') }] });
  }
  return fixes;
}
