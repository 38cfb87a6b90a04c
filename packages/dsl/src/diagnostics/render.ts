import type { SourceFile } from '../source.js';
import { messageIn, relatedMessageIn, type Diagnostic } from './diagnostic.js';
import { t } from '../messages/index.js';
import type { Lang } from '../messages/lang.js';

/**
 * Terminal width of one code point: East Asian wide and fullwidth characters take two
 * columns, so the caret under a Chinese line must be padded by two for each of them.
 */
export function displayWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp === 0x09) return 1; // tabs are copied as tabs, see caretPadding
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

function caretPadding(prefix: string): string {
  let pad = '';
  for (const ch of prefix) pad += ch === '\t' ? '\t' : ' '.repeat(displayWidth(ch));
  return pad;
}

/** Columns a text takes on a terminal (a Chinese character two): the sum of displayWidth. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += displayWidth(ch);
  return w;
}

/**
 * `file:line:col: error CODE: message`, then the source line and a caret (with a tilde
 * underline for the rest of the span on that line), then related positions.
 */
export function renderDiagnostic(d: Diagnostic, files: ReadonlyMap<string, SourceFile>, lang: Lang = 'en'): string {
  const file = files.get(d.span.file);
  const severity = t(lang, d.severity === 'error' ? 'render.error' : 'render.warning');
  const message = messageIn(d, lang);
  if (!file) return `${d.span.file}: ${severity} ${d.code}: ${message}`;
  const { line, column } = file.position(d.span.start);
  const out = [`${file.path}:${line}:${column}: ${severity} ${d.code}: ${message}`];
  const text = file.lineText(line);
  const chars = [...text];
  const prefix = chars.slice(0, column - 1).join('');
  const endPos = file.position(Math.max(d.span.start, d.span.end));
  const lastCol = endPos.line === line ? endPos.column : chars.length + 1;
  const underlined = chars.slice(column - 1, Math.max(column, lastCol - 1)).join('');
  const underline = '^' + '~'.repeat(Math.max(0, textWidth(underlined) - 1));
  const gutter = String(line).length;
  out.push(`${' '.repeat(gutter)} |`);
  out.push(`${line} | ${text}`);
  out.push(`${' '.repeat(gutter)} | ${caretPadding(prefix)}${underline}`);
  if (d.suggestion !== undefined) out.push(`${' '.repeat(gutter)} = ${t(lang, 'render.help', { suggestion: d.suggestion })}`);
  for (const r of d.related ?? []) {
    const rf = files.get(r.span.file);
    if (!rf) continue;
    const p = rf.position(r.span.start);
    out.push(`${' '.repeat(gutter)} = ${t(lang, 'render.note')}: ${rf.path}:${p.line}:${p.column}: ${relatedMessageIn(r, lang)}`);
  }
  return out.join('\n');
}

export interface DiagnosticJson {
  code: string;
  severity: string;
  message: string;
  location: { file: string; line: number; column: number; endLine: number; endColumn: number };
  suggestion?: string;
  related?: { message: string; location: { file: string; line: number; column: number } }[];
}

/** The JSON view (OPA's `{code, message, location}`), for `check --format json`. */
export function diagnosticToJson(d: Diagnostic, files: ReadonlyMap<string, SourceFile>, lang: Lang = 'en'): DiagnosticJson {
  const file = files.get(d.span.file);
  const start = file ? file.position(d.span.start) : { line: 0, column: 0 };
  const end = file ? file.position(d.span.end) : start;
  const json: DiagnosticJson = {
    code: d.code,
    severity: d.severity,
    message: messageIn(d, lang),
    location: { file: d.span.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
  };
  if (d.suggestion !== undefined) json.suggestion = d.suggestion;
  if (d.related && d.related.length > 0) {
    json.related = d.related.map((r) => {
      const rf = files.get(r.span.file);
      const p = rf ? rf.position(r.span.start) : { line: 0, column: 0 };
      return { message: relatedMessageIn(r, lang), location: { file: r.span.file, line: p.line, column: p.column } };
    });
  }
  return json;
}
