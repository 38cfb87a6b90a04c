import type { Span } from '../source.js';
import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/** The one diagnostic type of the language: every check reports through it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  /** A replacement the user probably meant ("did you mean"). */
  readonly suggestion?: string;
}

export function error(
  code: DiagnosticCode,
  span: Span,
  message: string,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  return { code, severity: 'error', message, span, ...extra };
}

export function warning(
  code: DiagnosticCode,
  span: Span,
  message: string,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  return { code, severity: 'warning', message, span, ...extra };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, then position, then code: the order every view shows them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start - b.span.start ||
      a.code.localeCompare(b.code),
  );
}
