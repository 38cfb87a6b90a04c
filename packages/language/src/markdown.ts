import type { Ast as A, Span } from '@policy/dsl';
import type { NameIndex } from './name-index.js';

/** Small helpers for the markdown of hovers. */

export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function code(text: string): string {
  return `\`\`\`policy\n${text.replace(/```/g, '`\u200b``')}\n\`\`\``;
}

export function clip(text: string, max = 400): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** The source text of a span, as written. */
export function sourceOf(index: NameIndex, span: Span | undefined): string {
  if (!span) return '';
  const f = index.files.get(span.file);
  return f ? f.source.text.slice(span.start, span.end) : '';
}

export function exprText(index: NameIndex, e: A.Expr | undefined): string {
  return clip(sourceOf(index, e?.span).replace(/\s*\n\s*/g, ' '), 300);
}
