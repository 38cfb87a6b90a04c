import {
  CLAIM_FIELDS,
  ENUMS,
  FUNCTIONS,
  LAYERS,
  LAYER_ZH,
  STATE_NAMES,
  describeType,
  type EnumKind,
} from '@policy/dsl';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { clauseText, ruleAt } from './hover.js';
import type { LineIndex } from './line-index.js';
import type { NameKind } from './name-index.js';
import { KEYWORDS, NAME_BEFORE } from './vocabulary-lists.js';
import type { Analysis } from './workspace.js';

/**
 * Completion: the names in scope (a rule's lets, the policy's and its bases' declarations),
 * claim fields, settlement values, functions, layers, enumerated values by code and Chinese
 * alias, and keywords; clause ids inside `cites "…"`; fields after `claim.`; the values of a
 * field after `field ==`; layers in `layers …` and after `on`.
 */
export function completions(a: Analysis, file: string, text: string, lines: LineIndex, offset: number): CompletionItem[] {
  const pos = lines.position(offset);
  const lineStart = offset - pos.character;
  const before = text.slice(lineStart, offset);
  const word = NAME_BEFORE.exec(before)?.[0] ?? '';
  const range: Range = { start: lines.position(offset - word.length), end: pos };

  const cites = /\bcites\s+(?:"[^"]*"\s*,\s*)*"([^"]*)$/.exec(before);
  if (cites) {
    const typed = cites[1] ?? '';
    const r: Range = { start: lines.position(offset - typed.length), end: pos };
    return [...(a.index.defs.keys())]
      .filter((k) => k.startsWith('c:'))
      .map((k) => ({ label: k.slice(2), kind: CompletionItemKind.Reference, detail: clauseText(a.index, k.slice(2), false).replace(/\*\*/g, ''), textEdit: { range: r, newText: k.slice(2) } }));
  }
  if (/\bclaim\.[^\s.]*$/.test(before)) return fields(range);
  const compare = /([A-Za-z_]+)\s*(?:==|!=|≠)\s*[^\s()]*$/.exec(before);
  const compared = compare ? CLAIM_FIELDS[compare[1] ?? ''] : undefined;
  if (compared && typeof compared.type === 'string' && compared.type in ENUMS) return enums(compared.type as EnumKind, range);
  if (/^\s*layers\b/.test(before) || /\bon\s+[A-Za-z_]*$/.test(before)) return layers(range);

  const out: CompletionItem[] = [];
  const rule = ruleAt(a.index, file, offset);
  const seen = new Set<string>();
  if (rule) {
    for (const s of rule.body) {
      if (s.kind === 'let' && s.span.end <= offset && !seen.has(s.name.name)) {
        seen.add(s.name.name);
        out.push({ label: s.name.name, kind: CompletionItemKind.Variable, detail: `let in rule ${rule.name.name}`, textEdit: { range, newText: s.name.name } });
      }
    }
  }
  for (const [key, defs] of a.index.defs) {
    if (!key.startsWith('g:')) continue;
    const d = defs[0];
    if (!d || seen.has(d.name)) continue;
    seen.add(d.name);
    out.push({ label: d.name, kind: KIND[d.kind] ?? CompletionItemKind.Variable, detail: `${d.kind}${d.own ? '' : ` · ${d.unitPath}`}`, textEdit: { range, newText: d.name } });
  }
  out.push(...fields(range));
  for (const [name, s] of Object.entries(STATE_NAMES)) out.push({ label: name, kind: CompletionItemKind.Variable, detail: `${describeType(s.type)} · ${s.doc}`, textEdit: { range, newText: name } });
  for (const [name, f] of Object.entries(FUNCTIONS)) out.push({ label: name, kind: CompletionItemKind.Function, detail: f.doc, textEdit: { range, newText: name } });
  out.push(...layers(range));
  for (const kind of Object.keys(ENUMS) as EnumKind[]) out.push(...enums(kind, range));
  for (const k of KEYWORDS) out.push({ label: k, kind: CompletionItemKind.Keyword, textEdit: { range, newText: k } });
  return out;
}

const KIND: Partial<Record<NameKind, CompletionItemKind>> = {
  param: CompletionItemKind.Constant,
  table: CompletionItemKind.Struct,
  set: CompletionItemKind.Enum,
  let: CompletionItemKind.Variable,
  accumulator: CompletionItemKind.Field,
  bands: CompletionItemKind.Struct,
  cap: CompletionItemKind.Value,
};

function fields(range: Range): CompletionItem[] {
  return Object.entries(CLAIM_FIELDS).map(([name, f]) => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: `claim field: ${describeType(f.type)}${f.optional ? ' (optional)' : ''}`,
    documentation: f.doc,
    textEdit: { range, newText: name },
  }));
}

function layers(range: Range): CompletionItem[] {
  return LAYERS.map((l) => ({ label: l, kind: CompletionItemKind.EnumMember, detail: `layer ${LAYER_ZH[l]}`, textEdit: { range, newText: l } }));
}

/** Each value by its code and by each Chinese alias (filtered by either). */
function enums(kind: EnumKind, range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [value, aliases] of Object.entries(ENUMS[kind])) {
    out.push({ label: value, kind: CompletionItemKind.EnumMember, detail: `${kind}: ${aliases.join('、')}`, textEdit: { range, newText: value } });
    for (const zh of aliases) {
      out.push({ label: zh, kind: CompletionItemKind.EnumMember, detail: `${kind}: ${value}`, filterText: `${zh} ${value}`, textEdit: { range, newText: zh } });
    }
  }
  return out;
}
