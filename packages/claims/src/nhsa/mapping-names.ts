import { reason, type ReasonRef } from '@policy/engine';
import { VOCABULARY, type VocabularyKind } from '@policy/dsl';

/**
 * A mapping file's Chinese values → codes, before its schema is checked: the contract values a
 * mapping gives (`"visit": "住院"`, `"region": "县域内"`, the layers of `fund_pay_type` as
 * `"基本医保": {…}`) may be written with the vocabulary's Chinese names, as claims may. A file in
 * codes comes out equal to itself. A name the vocabulary gives two codes is an error naming
 * the JSON path, never a guess; a value the vocabulary does not know is left for the schema,
 * whose message lists the codes.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The faults found, as `$.med_type["21"].visit: …` lines. */
export function mappingInCodes(data: unknown): { data: unknown; faults: ReasonRef[] } {
  if (!isObject(data)) return { data, faults: [] };
  const faults: ReasonRef[] = [];
  const code = (value: unknown, kind: VocabularyKind, path: string): unknown => {
    if (typeof value !== 'string' || VOCABULARY[kind].isCode(value)) return value;
    const found = VOCABULARY[kind].lookup(value.trim());
    if (found === undefined) return value;
    if ('ambiguous' in found) {
      faults.push(reason('nhsa.mapping.ambiguous', { path, value: JSON.stringify(value), kind, codes: found.ambiguous.join(', ') }));
      return value;
    }
    return found.code;
  };
  const entries = (table: unknown, each: (entry: unknown, path: string) => unknown, path: string): unknown => {
    if (!isObject(table)) return table;
    const out: Json = {};
    for (const [k, v] of Object.entries(table)) Object.defineProperty(out, k, { value: each(v, `${path}[${JSON.stringify(k)}]`), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const field = (entry: unknown, name: string, kind: VocabularyKind, path: string): unknown =>
    isObject(entry) && name in entry ? { ...entry, [name]: code(entry[name], kind, `${path}.${name}`) } : entry;

  const out: Json = { ...data };
  if ('med_type' in data) out['med_type'] = entries(data['med_type'], (e, p) => field(field(e, 'visit', 'visit', p), 'referral', 'referral', p), '$.med_type');
  if ('pay_loc' in data) out['pay_loc'] = entries(data['pay_loc'], (e, p) => field(e, 'region', 'region', p), '$.pay_loc');
  if ('local_region' in data) out['local_region'] = code(data['local_region'], 'region', '$.local_region');
  if ('fixmedins_region' in data) out['fixmedins_region'] = entries(data['fixmedins_region'], (v, p) => code(v, 'region', p), '$.fixmedins_region');
  if ('outputs' in data) {
    out['outputs'] = entries(data['outputs'], (e, p) => (isObject(e) && Array.isArray(e['visits']) ? { ...e, visits: e['visits'].map((v, i) => code(v, 'visit', `${p}.visits[${i}]`)) } : e), '$.outputs');
  }
  const funds = data['fund_pay_type'];
  if (isObject(funds)) {
    const byLayer: Json = {};
    const written = new Map<string, string>();
    for (const [k, v] of Object.entries(funds)) {
      const layer = code(k, 'layer', `$.fund_pay_type[${JSON.stringify(k)}]`) as string;
      const before = written.get(layer);
      if (before !== undefined) faults.push(reason('nhsa.mapping.layer-twice', { layer, before: JSON.stringify(before), key: JSON.stringify(k) }));
      written.set(layer, k);
      Object.defineProperty(byLayer, layer, { value: v, enumerable: true, writable: true, configurable: true });
    }
    out['fund_pay_type'] = byLayer;
  }
  return { data: out, faults };
}
