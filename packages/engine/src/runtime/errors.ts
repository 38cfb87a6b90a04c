import { ref, renderMessage, type Lang, type MessageRef, type Span } from '@policy/dsl';

/**
 * Rejection reasons and claim-file errors are messages of the table (a rule broken, then
 * "; also wrong: …" as a message inside a message), carried beside their English `message`.
 * The names the engine and claims code use for the dsl's one mechanism (messages/index.ts:
 * `ref`, `renderMessage`; a parameter may be a message, rendered in the same language).
 */
export type ReasonRef = MessageRef;
export const reason = ref;
export const renderReason = renderMessage;

/** English `message` and, when it has one, the table's `text`: the text in `lang`, else the English. */
export function textIn(x: { readonly message: string; readonly text?: ReasonRef }, lang: Lang): string {
  return lang === 'en' || x.text === undefined ? x.message : renderReason(x.text, lang);
}

/** Gives an error its table entry as `text` (not enumerable: errors compare by their English). */
export function withText(error: Error, message: string | ReasonRef): void {
  if (typeof message !== 'string') Object.defineProperty(error, 'text', { value: message, enumerable: false, configurable: true });
}

/**
 * A claim the engine could not settle without breaking the contract's invariant or the
 * policy's own terms (a negative layer, a layer assigned twice, layers over the invoice,
 * a table without a row for the claim). The claim is rejected with this reason; it never
 * gets a silently "fixed" settlement.
 */
export class SettlementError extends Error {
  /** The reason as a table entry (the English of which is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;

  constructor(
    message: string | ReasonRef,
    readonly rule?: string,
    readonly span?: Span,
  ) {
    super(typeof message === 'string' ? message : renderReason(message, 'en'));
    this.name = 'SettlementError';
    withText(this, message);
  }
}
