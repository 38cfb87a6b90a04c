import { allTokens } from '@policy/dsl';

/** The language's keywords, read from the lexer's own tokens (`Kw_rule` → `rule`). */
export const KEYWORDS: readonly string[] = allTokens.filter((t) => t.name.startsWith('Kw_')).map((t) => t.name.slice(3)).sort();

const idStart = 'A-Za-z_\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u2160-\\u217F';
const idPart = `${idStart}0-9\\u3007`;

/** A whole name, as the lexer's Identifier token reads one. */
export const IDENTIFIER = new RegExp(`^[${idStart}][${idPart}]*$`);

/** The part of a name that ends just before the cursor. */
export const NAME_BEFORE = new RegExp(`[${idPart}]*$`);
