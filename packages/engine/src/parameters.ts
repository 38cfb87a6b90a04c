import { VOCABULARY, type ResolvedPolicy, type Span, type TableKey, type Type, type VocabularyKind } from '@policy/dsl';

/**
 * Every number of a policy for review (`policy params`): its parameters with their values by
 * version date, its tables row by row, its bands, its sets — those of its bases (`extends`)
 * included, each with the file and line that declare it, the unit, the clauses it cites with
 * their titles (the clause catalogue of the checked policy, `clauses.policy`: the titles
 * `policy explain` prints) and the reason when it is `assumed`. Values are shown as the policy
 * writes them (`15万元`, `80%`, `5个百分点`), so a colleague can check them against the document.
 */

export type ParameterKind = 'param' | 'table' | 'bands' | 'set';

export interface ParameterCitation {
  readonly id: string;
  /** The clause's title in clauses.policy; "" when the policy does not declare the clause. */
  readonly title: string;
}

/** One value: a dated value of a parameter, a table row, a band, a member of a set. */
export interface ParameterValue {
  /** The version date a parameter's value starts on; absent for tables, bands and sets (every version). */
  readonly from?: string;
  /** A table row's key (with its Chinese name for an enumerated key: `inpatient 住院`), `otherwise`, or a band's range; absent for a parameter's value and a set's member. */
  readonly key?: string;
  readonly value: string;
}

export interface PolicyParameter {
  readonly kind: ParameterKind;
  readonly name: string;
  /** The file that declares it (a base module's file for what the policy builds on). */
  readonly file: string;
  readonly line: number;
  /** 元, %, 个百分点, 日, …, from the value's type. */
  readonly unit: string;
  /** A table's key field (`level`, `disease`). */
  readonly by?: string;
  readonly values: readonly ParameterValue[];
  readonly cites: readonly ParameterCitation[];
  readonly readings: readonly string[];
  /** Why the number is assumed, when it is. */
  readonly assumed?: string;
  readonly note?: string;
}

export interface ParameterOptions {
  /** YYYY-MM-DD: only the value of each parameter in force on that day (tables, bands and sets hold for every version). */
  readonly date?: string;
}

const UNITS: Readonly<Record<string, string>> = {
  money: '元',
  ratio: '%',
  points: '个百分点',
  days: '日',
  number: 'number',
  bool: 'true/false',
  date: 'date',
  text: 'text',
  level: 'level',
  visit: 'visit',
  region: 'region',
  referral: 'referral',
  category: 'category',
};

function unitOf(t: Type): string {
  if (typeof t === 'string') return UNITS[t] ?? t;
  return `set of ${UNITS[t.collection] ?? t.collection}`;
}

/** The source text of a span, on one line. */
function sourceText(policy: ResolvedPolicy, span: Span): string {
  const file = policy.files.get(span.file);
  return file ? file.slice(span).replace(/\s*\n\s*/g, ' ').trim() : '';
}

function lineOf(policy: ResolvedPolicy, span: Span): number {
  return policy.files.get(span.file)?.position(span.start).line ?? 0;
}

/** A table key, with the Chinese name of an enumerated value: `inpatient 住院`. */
function keyText(key: TableKey, keyType: Type): string {
  if (typeof key !== 'string' || typeof keyType !== 'string' || !(keyType in VOCABULARY)) return String(key);
  const zh = VOCABULARY[keyType as VocabularyKind].zh(key);
  return zh === key ? key : `${key} ${zh}`;
}

function citation(policy: ResolvedPolicy, c: { cites: readonly string[]; readings: readonly string[]; assumed?: string; note?: string }) {
  return {
    cites: c.cites.map((id) => ({ id, title: policy.clauses.get(id)?.title ?? '' })),
    readings: c.readings,
    ...(c.assumed !== undefined ? { assumed: c.assumed } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
  };
}

/** The value of a parameter in force on `date`: the last dated value starting on or before it. */
function inForce<T extends { from: string }>(values: readonly T[], date: string): T[] {
  const before = values.filter((v) => v.from <= date);
  const last = before[before.length - 1];
  return last ? [last] : [];
}

/**
 * The policy's parameters, tables, bands and sets in the order of their files (the policy's
 * folder read in name order, its bases' files where they come), each file in source order.
 */
export function policyParameters(policy: ResolvedPolicy, options: ParameterOptions = {}): PolicyParameter[] {
  const out: (PolicyParameter & { readonly span: Span })[] = [];
  const where = (span: Span) => ({ file: span.file, line: lineOf(policy, span), span });
  for (const p of policy.params) {
    const values = options.date === undefined ? p.values : inForce(p.values, options.date);
    out.push({
      kind: 'param',
      name: p.name,
      ...where(p.span),
      unit: unitOf(p.type),
      values: values.map((v) => ({ from: v.from, value: sourceText(policy, v.expr.span) })),
      ...citation(policy, p),
    });
  }
  for (const t of policy.tables) {
    const rows: ParameterValue[] = t.rows.map((r) => ({ key: keyText(r.key, t.keyType), value: sourceText(policy, r.value.span) }));
    if (t.otherwise) rows.push({ key: 'otherwise', value: sourceText(policy, t.otherwise.span) });
    out.push({ kind: 'table', name: t.name, ...where(t.span), unit: unitOf(t.valueType), by: t.by, values: rows, ...citation(policy, t) });
  }
  for (const b of policy.bands) {
    const values = b.rows.map((r) => {
      const text = sourceText(policy, r.span);
      const colon = text.lastIndexOf(':');
      return colon < 0 ? { key: text, value: '' } : { key: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() };
    });
    out.push({ kind: 'bands', name: b.name, ...where(b.span), unit: '%', values, ...citation(policy, b) });
  }
  for (const s of policy.sets) {
    const values = s.elements.map((e) => ({ value: typeof e.value === 'string' ? e.value : String(e.value) }));
    out.push({ kind: 'set', name: s.name, ...where(s.span), unit: unitOf(s.elementType), values, ...citation(policy, s) });
  }
  const fileOrder = [...policy.files.keys()];
  out.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.span.start - b.span.start);
  return out.map(({ span: _span, ...p }) => p);
}
