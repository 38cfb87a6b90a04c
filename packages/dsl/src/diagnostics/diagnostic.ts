import type { Span } from '../source.js';
import type { DiagnosticCode } from './codes.js';
import { renderMessage, type MessageRef } from '../messages/index.js';
import type { Lang } from '../messages/lang.js';

export type Severity = 'error' | 'warning';

export interface RelatedSpan {
  readonly span: Span;
  /** The English text. */
  readonly message: string;
  /** The message as a table entry, for views in another language. */
  readonly text?: MessageRef;
}

/** A related position whose message comes from the table: `related(prev, ref('decl.first-declared'))`. */
export function related(span: Span, message: MessageRef): RelatedSpan {
  return { span, message: renderMessage(message, 'en'), text: message };
}

/** A related position's message in one language. */
export function relatedMessageIn(r: RelatedSpan, lang: Lang): string {
  return lang === 'en' || r.text === undefined ? r.message : renderMessage(r.text, lang);
}

/** The one diagnostic type of the language: every check reports through it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The English text (what every view printed before the message table). */
  readonly message: string;
  /** The message as a table entry, for views in another language; absent for messages not yet in the table. */
  readonly text?: MessageRef;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  /** A replacement the user probably meant ("did you mean"). */
  readonly suggestion?: string;
}

export function error(
  code: DiagnosticCode,
  span: Span,
  message: string | MessageRef,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  if (typeof message === 'string') return { code, severity: 'error', message, span, ...extra };
  return { code, severity: 'error', message: renderMessage(message, 'en'), text: message, span, ...extra };
}

export function warning(
  code: DiagnosticCode,
  span: Span,
  message: string | MessageRef,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  if (typeof message === 'string') return { code, severity: 'warning', message, span, ...extra };
  return { code, severity: 'warning', message: renderMessage(message, 'en'), text: message, span, ...extra };
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

/** A diagnostic's message in one language: the table's text when it has one, else the English. */
export function messageIn(d: Diagnostic, lang: Lang): string {
  return lang === 'en' || d.text === undefined ? d.message : renderMessage(d.text, lang);
}
