import { renderMessage, type Lang, type MessageId, type MessageParams, type Span } from '@policy/dsl';

/**
 * A message of the table whose parameters may themselves be messages (a rule broken, then
 * "; also wrong: …"): rendered in one language all the way down. A plain MessageRef is one.
 * Rejection reasons and claim-file errors carry it beside their English `message`.
 */
export interface ReasonRef {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, string | number | ReasonRef>>;
}

type ReasonParams<Id extends MessageId> = { readonly [K in keyof MessageParams<Id>]: string | number | ReasonRef };

/** A reason, typed like `ref`: `reason('claims.required')`, `reason('claims.got', { rule, value })`. */
export function reason<Id extends MessageId>(id: Id, ...params: keyof MessageParams<Id> extends never ? [] : [ReasonParams<Id>]): ReasonRef {
  return { id, params: (params[0] ?? {}) as Record<string, string | number | ReasonRef> };
}

/** A reason in one language (nested reasons in the same language). */
export function renderReason(r: ReasonRef, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(r.params)) params[name] = typeof value === 'object' ? renderReason(value, lang) : value;
  return renderMessage({ id: r.id, params }, lang);
}

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
