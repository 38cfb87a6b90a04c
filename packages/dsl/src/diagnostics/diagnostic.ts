import type { Span } from '../source.js';
import type { DiagnosticCode } from './codes.js';
import { renderMessage, type MessageRef } from '../messages/index.js';
import type { Lang } from '../messages/lang.js';

export type Severity = 'error' | 'warning';

/** Not exported: a RelatedSpan can only be made by `related`, so that every one has its table message. */
declare const madeByRelated: unique symbol;

export interface RelatedSpan {
  readonly [madeByRelated]: true;
  readonly span: Span;
  /** The English text. */
  readonly message: string;
  /** The message as a table entry, for views in another language. */
  readonly text: MessageRef;
}

/** A related position whose message comes from the table: `related(prev, ref('decl.first-declared'))`. */
export function related(span: Span, message: MessageRef): RelatedSpan {
  return { span, message: renderMessage(message, 'en'), text: message } as unknown as RelatedSpan;
}

/** A related position's message in one language. */
export function relatedMessageIn(r: RelatedSpan, lang: Lang): string {
  return lang === 'en' ? r.message : renderMessage(r.text, lang);
}

/** Not exported: a Diagnostic can only be made by `error` or `warning`, from a table message. */
declare const madeByReport: unique symbol;

/** The one diagnostic type of the language: every check reports through it. */
export interface Diagnostic {
  readonly [madeByReport]: true;
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The English text (what every view printed before the message table): renderMessage(text, 'en'). */
  readonly message: string;
  /** The message as a table entry, for views in another language. */
  readonly text: MessageRef;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  /** A replacement the user probably meant ("did you mean"). */
  readonly suggestion?: string;
}

export function error(
  code: DiagnosticCode,
  span: Span,
  message: MessageRef,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  return { code, severity: 'error', message: renderMessage(message, 'en'), text: message, span, ...extra } as unknown as Diagnostic;
}

export function warning(
  code: DiagnosticCode,
  span: Span,
  message: MessageRef,
  extra: { related?: RelatedSpan[]; suggestion?: string } = {},
): Diagnostic {
  return { code, severity: 'warning', message: renderMessage(message, 'en'), text: message, span, ...extra } as unknown as Diagnostic;
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

/** A diagnostic's message in one language: the English as reported, or the table's text. */
export function messageIn(d: Diagnostic, lang: Lang): string {
  return lang === 'en' ? d.message : renderMessage(d.text, lang);
}
