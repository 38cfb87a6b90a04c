import type { Lang } from './lang.js';
import { MESSAGES } from './table.js';

export { MESSAGES } from './table.js';
export { LANGS, isLang, langFromEnv, type Lang } from './lang.js';

export type MessageId = keyof typeof MESSAGES;

/** The `{name}` parameters of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/**
 * A parameter's value: a string or number (the same in every language: names, amounts, codes),
 * or a message of its own, rendered in the language of the message that holds it (a phrase such
 * as a type's name, a list of parts).
 */
export type MessageParam = string | number | MessageRef;

/** The parameters a message takes, typed from its English template. */
export type MessageParams<Id extends MessageId> = { readonly [K in Placeholders<(typeof MESSAGES)[Id]['en']>]: MessageParam };

/** A message not yet rendered: its id and parameters, so that each view picks its language. */
export interface MessageRef {
  readonly id: MessageId;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/** The placeholders of a template, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) if (!out.includes(m[1] as string)) out.push(m[1] as string);
  return out;
}

function fill(template: string, params: Readonly<Record<string, MessageParam>>, lang: Lang): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name] as MessageParam;
    return typeof v === 'object' ? renderMessage(v, lang) : String(v);
  });
}

/** One message in one language. */
export function t<Id extends MessageId>(lang: Lang, id: Id, ...params: keyof MessageParams<Id> extends never ? [] : [MessageParams<Id>]): string {
  return fill(MESSAGES[id][lang], (params[0] ?? {}) as Record<string, MessageParam>, lang);
}

/** A message reference rendered in one language. */
export function renderMessage(ref: MessageRef, lang: Lang): string {
  return fill(MESSAGES[ref.id][lang], ref.params, lang);
}

/** A reference to a message, typed like `t`. */
export function ref<Id extends MessageId>(id: Id, ...params: keyof MessageParams<Id> extends never ? [] : [MessageParams<Id>]): MessageRef {
  return { id, params: (params[0] ?? {}) as Record<string, MessageParam> };
}

export type Counted = 'error' | 'warning' | 'claim' | 'file';

/** `3 errors`, `1 claim`, `2 个文件`: `one` says whether the singular is meant (each command keeps its own rule for 0). */
export function count(lang: Lang, what: Counted, n: number, one = n === 1): string {
  return fill(MESSAGES[`count.${what}.${one ? 'one' : 'many'}`][lang], { n }, lang);
}
