import { LAYERS, VOCABULARY } from '@policy/dsl';
import type { SettledClaim } from '@policy/engine';
import { SETTLEMENT_COLUMNS } from './settlement-csv.js';
import { settlementToJson } from './settlement-json.js';

/**
 * The names an output writes: the contract's codes (the default, and what every tool reading
 * settlements expects), or with `--labels zh` the documents' Chinese names from the vocabulary
 * (packages/dsl/src/vocabulary.ts) — the same table the readers take them from, so a name written
 * here is read back as its code. Only the contract's own names change: amounts, ids and the
 * fields passed through from the input are written as they are.
 */
export type Labels = 'codes' | 'zh';

const isLayer = (name: string): boolean => (LAYERS as readonly string[]).includes(name);

/** A column or key of the contract's output, in the labels asked for. */
export function outputName(name: string, labels: Labels): string {
  if (labels === 'codes') return name;
  return isLayer(name) ? VOCABULARY.layer.zh(name) : VOCABULARY.field.zh(name);
}

/** The CSV header of the contract's settlements. */
export function settlementColumns(labels: Labels): readonly string[] {
  return labels === 'codes' ? SETTLEMENT_COLUMNS : SETTLEMENT_COLUMNS.map((c) => outputName(c, labels));
}

/** A settlement in JSON (settlementToJson) with its contract names in the labels asked for; fields from the input keep theirs. */
export function labelledSettlement(json: Readonly<Record<string, unknown>>, labels: Labels, passedThrough: readonly string[]): Record<string, unknown> {
  if (labels === 'codes') return json as Record<string, unknown>;
  const extra = new Set(passedThrough);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (extra.has(key)) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    let v = value;
    if (key === 'layers' && typeof value === 'object' && value !== null) {
      v = Object.fromEntries(Object.entries(value).map(([l, amount]) => [outputName(l, labels), amount]));
    }
    out[outputName(key, labels)] = v;
  }
  return out;
}

/** settlementToJson in the labels asked for. */
export function settlementToLabelledJson(s: SettledClaim, labels: Labels): Record<string, unknown> {
  const json = settlementToJson(s);
  return labels === 'codes' ? json : labelledSettlement(json, labels, Object.keys(s.claim.extra));
}
