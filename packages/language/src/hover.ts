import {
  CLAIM_FIELDS,
  ENUMS,
  FUNCTIONS,
  LAYER_ZH,
  STATE_NAMES,
  describeType,
  lookupEnumValue,
  type Ast as A,
  type EnumKind,
  type LayerName,
} from '@policy/dsl';
import type { Analysis } from './workspace.js';
import { kindOfKey, type Def, type NameIndex } from './name-index.js';
import { clip, code, exprText, sourceOf, table } from './markdown.js';

/**
 * Hover text: what a name is, its value(s) as written (a table as a table, a parameter by
 * the version dates it changes on), the clauses it cites with their titles and words, its
 * `assumed` reason; the meaning and Chinese name of claim fields, enumerated values and layers.
 */
export function hoverMarkdown(a: Analysis, key: string, written: string): string | undefined {
  const index = a.index;
  switch (kindOfKey(key)) {
    case 'g':
    case 'r':
    case 'm':
    case 'l': {
      const defs = index.defs.get(key) ?? [];
      const first = defs[0];
      if (!first) return undefined;
      const parts = [declaration(a, first)];
      const base = defs.find((d) => d !== first && !d.own);
      if (base && first.own) parts.push(`---\n*overrides the base's declaration in* \`${base.unitPath}\`:\n\n${declarationValue(index, base) || code(clip(sourceOf(index, base.decl.span), 300))}`);
      return parts.join('\n\n');
    }
    case 'c':
      return clauseText(index, key.slice(2), true);
    case 'f': {
      const name = key.slice(2);
      const info = CLAIM_FIELDS[name];
      if (!info) return undefined;
      const extra = [info.optional ? 'optional: read it with `??` and a default' : '', info.derived ? 'derived from other fields' : ''].filter(Boolean);
      const values = typeof info.type === 'string' && info.type in ENUMS ? enumList(info.type as EnumKind) : '';
      return [`**claim field** \`${name}\`: ${describeType(info.type)}`, info.doc, extra.join('; '), values].filter(Boolean).join('\n\n');
    }
    case 'e': {
      const ev = lookupEnumValue(key.slice(2));
      if (!ev) return undefined;
      const aliases = ENUMS[ev.kind][ev.value] ?? [];
      const as = written !== ev.value ? ` (written as ${written})` : '';
      return `**${ev.value}** ${aliases.join('、')}${as}\n\na value of claim field \`${ev.kind}\`${ev.kind === 'category' ? ' (`categories` holds these)' : ''}`;
    }
    case 'y': {
      const layer = key.slice(2) as LayerName;
      const rules = (index.byKey.get(key) ?? []).flatMap((o) => {
        const rule = ruleAt(index, o.span.file, o.span.start);
        return rule ? [rule.name.name] : [];
      });
      const assigned = [...new Set(rules)];
      return [`**layer** \`${layer}\` ${LAYER_ZH[layer] ?? ''}`, layer === 'patient' ? 'what remains: total − every other layer' : '', assigned.length > 0 ? `rules that use it: ${assigned.map((r) => `\`${r}\``).join(', ')}` : ''].filter(Boolean).join('\n\n');
    }
    case 's': {
      const s = STATE_NAMES[key.slice(2)];
      return s ? `**settlement value** \`${key.slice(2)}\`: ${describeType(s.type)}\n\n${s.doc}` : undefined;
    }
    case 'fn': {
      const f = FUNCTIONS[key.slice(3)];
      return f ? `**function** \`${key.slice(3)}\` (${f.minArgs === f.maxArgs ? f.minArgs : `${f.minArgs}–${f.maxArgs}`} arguments)\n\n${f.doc}` : undefined;
    }
    default:
      return undefined;
  }
}

function enumList(kind: EnumKind): string {
  return Object.entries(ENUMS[kind]).map(([v, zh]) => `\`${v}\` ${zh.join('、')}`).join(' · ');
}

export function ruleAt(index: NameIndex, file: string, offset: number): A.RuleDecl | undefined {
  const f = index.files.get(file);
  for (const d of f?.ast.declarations ?? []) if (d.kind === 'rule' && d.span.start <= offset && offset <= d.span.end) return d;
  return undefined;
}

export function clauseText(index: NameIndex, id: string, long: boolean): string {
  const decl = index.defs.get(`c:${id}`)?.[0]?.decl;
  if (!decl || decl.kind !== 'clause') return `**${id}** *(not declared in clauses.policy)*`;
  const text = decl.text ? ` — 「${clip(decl.text.value, long ? 600 : 160)}」` : '';
  const cited = (index.byKey.get(`c:${id}`) ?? []).filter((o) => !o.isDef).length;
  return `**${id}** ${decl.title.value}${text}${long ? `\n\ncited ${cited} time${cited === 1 ? '' : 's'}` : ''}`;
}

function citations(index: NameIndex, meta: readonly A.Meta[]): string {
  const out: string[] = [];
  for (const m of meta) {
    for (const v of m.values) {
      if (m.kind === 'cites') out.push(`- cites ${clauseText(index, v.value, false)}`);
      else if (m.kind === 'reading') out.push(`- reading **${v.value}** (decisions.md)`);
      else if (m.kind === 'assumed') out.push(`- **assumed**: ${v.value}`);
      else out.push(`- note: ${v.value}`);
    }
  }
  return out.join('\n');
}

function typeOf(a: Analysis, def: Def): string {
  const p = a.result.policy;
  if (!p) return '';
  const t =
    def.kind === 'param' ? p.params.find((x) => x.name === def.name)?.type
    : def.kind === 'let' ? p.lets.find((x) => x.name === def.name)?.type
    : def.kind === 'table' ? p.tables.find((x) => x.name === def.name)?.valueType
    : undefined;
  return t ? `: ${describeType(t)}` : '';
}

const KIND_TITLE: Record<string, string> = {
  param: 'parameter', table: 'table', set: 'set', let: 'let', accumulator: 'accumulator', bands: 'bands',
  cap: 'yearly cap', rule: 'rule', property: 'property', modifier: 'modifier', local: 'let (in a rule)',
};

function declaration(a: Analysis, def: Def): string {
  const index = a.index;
  const where = def.own ? '' : ` · from \`${def.unitPath}\``;
  const head = `**${KIND_TITLE[def.kind] ?? def.kind}** \`${def.name}\`${typeOf(a, def)}${where}`;
  const d = def.decl;
  const meta = 'meta' in d ? citations(index, d.meta) : '';
  return [head, declarationValue(index, def), meta].filter(Boolean).join('\n\n');
}

/** The value part: a parameter's values by date, a table's rows, a set's members, a let's formula. */
function declarationValue(index: NameIndex, def: Def): string {
  const d = def.decl;
  const key = (e: A.Expr): string => {
    const t = exprText(index, e);
    const ev = e.kind === 'name' ? lookupEnumValue(e.name) : undefined;
    const zh = ev ? (ENUMS[ev.kind][ev.value] ?? []).filter((z) => z !== t) : [];
    return zh.length > 0 ? `${t} (${zh[0]})` : t;
  };
  switch (d.kind) {
    case 'param':
      if (d.dated) return table(['from', 'value'], d.dated.map((v) => [v.date.value, exprText(index, v.value)]));
      return `= \`${exprText(index, d.value)}\``;
    case 'table': {
      const rows = d.rows.map((r) => [key(r.key), exprText(index, r.value)]);
      if (d.otherwise) rows.push(['otherwise', exprText(index, d.otherwise)]);
      return `by \`${d.by.name}\`${d.domain ? ` in \`${d.domain.name}\`` : ''}\n\n${table([d.by.name, 'value'], rows)}`;
    }
    case 'setDecl': {
      const shown = d.elements.slice(0, 40).map((e) => exprText(index, e));
      const more = d.elements.length > 40 ? ` … and ${d.elements.length - 40} more` : '';
      return `${d.elements.length} member${d.elements.length === 1 ? '' : 's'}: ${shown.join('、')}${more}`;
    }
    case 'bands':
      return table(['from', 'to', 'ratio'], d.rows.map((r) => [exprText(index, r.lower), r.upper ? exprText(index, r.upper) : '…', exprText(index, r.ratio)]));
    case 'let':
      return code(`${def.kind === 'local' ? '' : 'let '}${d.name.name} = ${exprText(index, d.value)}`) + (def.rule ? `\n\nin rule \`${def.rule.name.name}\`` : '');
    case 'accumulator':
      return `per person year${d.keys.length > 0 ? ` by ${d.keys.map((k) => k.name).join(', ')}` : ''}`;
    case 'cap':
      return `\`${exprText(index, d.amount)}\` per person year on \`${d.layer.name}\`${d.when ? ` when \`${exprText(index, d.when)}\`` : ''}`;
    case 'modifier':
      return [d.when ? `when \`${exprText(index, d.when)}\`` : '', ...d.adjustments.map((x) => `- \`${x.target.name} ${x.op === '*' ? '×' : x.op} ${exprText(index, x.amount)}\``)].filter(Boolean).join('\n');
    case 'rule': {
      const layers = [...new Set(d.body.filter((s) => s.kind === 'assign' || s.kind === 'topup').map((s) => (s as A.AssignStmt).target.name))];
      const when = d.when ? `when \`${exprText(index, d.when)}\`` : 'always';
      const dates = [d.from ? `from ${d.from.value}` : '', d.until ? `until ${d.until.value}` : ''].filter(Boolean).join(' ');
      return [`${when}${dates ? ` · ${dates}` : ''}`, layers.length > 0 ? `assigns ${layers.map((l) => `\`${l}\` ${LAYER_ZH[l as LayerName] ?? ''}`).join(', ')}` : ''].filter(Boolean).join('\n\n');
    }
    default:
      return '';
  }
}
