import { kindOfKey, resolveNameKey, type Occurrence } from './name-index.js';
import { IDENTIFIER, KEYWORDS } from './vocabulary-lists.js';
import type { Analysis } from './workspace.js';
import type { Span } from '@policy/dsl';

/** Definition, references and rename over the name index. */

export function definitionSpans(a: Analysis, occ: Occurrence): Span[] {
  return (a.index.defs.get(occ.key) ?? []).map((d) => d.nameSpan);
}

export function referenceSpans(a: Analysis, occ: Occurrence, includeDeclaration: boolean): Span[] {
  return (a.index.byKey.get(occ.key) ?? []).filter((o) => includeDeclaration || !o.isDef).map((o) => o.span);
}

/** Kinds of names a rename may change: declarations of the policy, and a rule's own lets. */
const RENAMABLE = new Set(['g', 'r', 'm', 'l']);

export class RenameRefused extends Error {}

/** Why the name at an occurrence cannot be renamed, or undefined when it can. */
export function renameRefusal(a: Analysis, occ: Occurrence): string | undefined {
  const kind = kindOfKey(occ.key);
  if (!RENAMABLE.has(kind)) return 'only a parameter, table, set, let, accumulator, bands, cap, modifier or rule declared in this policy can be renamed';
  const defs = a.index.defs.get(occ.key) ?? [];
  if (defs.length === 0) return 'this name is not declared anywhere';
  const foreign = defs.find((d) => !d.own);
  if (foreign) return `${foreign.name} is declared in ${foreign.unitPath}, which other policies may build on: rename it there`;
  return undefined;
}

/** The edits of a rename: every occurrence, in every file of the policy. */
export function renameSpans(a: Analysis, occ: Occurrence, newName: string): Span[] {
  const refusal = renameRefusal(a, occ);
  if (refusal) throw new RenameRefused(refusal);
  if (!IDENTIFIER.test(newName)) throw new RenameRefused(`${JSON.stringify(newName)} is not a name: a name starts with a letter, _ or a Chinese character`);
  if (KEYWORDS.includes(newName)) throw new RenameRefused(`${newName} is a keyword`);
  const kind = kindOfKey(occ.key);
  const reserved = resolveNameKey(newName, new Map(), new Set());
  if (!reserved.startsWith('u:')) throw new RenameRefused(`${newName} already means something in the language (${reserved.slice(0, reserved.indexOf(':'))})`);
  const clash =
    kind === 'r' ? a.index.defs.has(`r:${newName}`)
    : kind === 'm' ? a.index.defs.has(`m:${newName}`)
    : kind === 'l' ? a.index.defs.has(occ.key.replace(/:[^:]*$/, `:${newName}`)) || a.index.defs.has(`g:${newName}`)
    : a.index.defs.has(`g:${newName}`) || [...a.index.defs.keys()].some((k) => k.startsWith('l:') && k.endsWith(`:${newName}`));
  if (clash) throw new RenameRefused(`${newName} is already declared`);
  return (a.index.byKey.get(occ.key) ?? []).map((o) => o.span);
}
