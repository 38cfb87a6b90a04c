import type { SourceFile, Span } from '../source.js';
import type { ResolvedPolicy } from './ir.js';

/** Keys under which an expression or statement refers to a declared symbol (printed by name). */
const REFERENCES: Readonly<Record<string, string>> = {
  param: 'param',
  table: 'table',
  set: 'set',
  let: 'let',
  acc: 'accumulator',
  bands: 'bands',
  modifier: 'modifier',
};

/** The policy's own lists: their elements are printed in full, once. */
const DECLARATION_LISTS = new Set(['params', 'tables', 'sets', 'lets', 'accumulators', 'bands', 'caps', 'modifiers', 'rules', 'properties']);

/**
 * `policy check --dump-ir`: the resolved IR as JSON for people reading what the checker made of
 * a policy. Every declaration is printed once in its list; an expression names the symbols it
 * reads (`"let 合规费用"`) instead of repeating them; spans are `file:line:col`; source texts
 * are left out.
 */
export function dumpIR(policy: ResolvedPolicy): string {
  const files = policy.files;
  const open = new Set<object>(); // the objects being printed: a reference back to one is a cycle
  const plain = (value: unknown, key: string, inList: boolean): unknown => {
    if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
    if (isSpan(value)) return spanText(value, files);
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v, String(k), false)]));
    if (value instanceof Set) return [...value].map((v) => plain(v, key, false));
    if (Array.isArray(value)) return value.map((v) => plain(v, key, inList));
    const ref = REFERENCES[key];
    const named = value as { name?: unknown };
    if (ref && !inList && typeof named.name === 'string') return `${ref} ${named.name}`;
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
    if (open.has(value)) return typeof named.name === 'string' ? `(cycle: ${named.name})` : '(cycle)';
    open.add(value);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'decl' || v === undefined) continue;
      out[k] = plain(v, k, false);
    }
    open.delete(value);
    return out;
  };
  const top: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(policy)) {
    if (k === 'files') continue;
    top[k] = plain(v, k, DECLARATION_LISTS.has(k));
  }
  return `${JSON.stringify(top, null, 2)}\n`;
}

function isSpan(v: object): v is Span {
  const s = v as Partial<Span>;
  return typeof s.file === 'string' && typeof s.start === 'number' && typeof s.end === 'number' && Object.keys(v).length === 3;
}

function spanText(s: Span, files: ReadonlyMap<string, SourceFile>): string {
  const f = files.get(s.file);
  if (!f) return `${s.file}@${s.start}`;
  const p = f.position(s.start);
  return `${s.file}:${p.line}:${p.column}`;
}
