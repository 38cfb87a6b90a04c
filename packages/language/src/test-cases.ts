import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode } from 'yaml';

/**
 * The example cases of a policy's `tests/*.yaml` (the format of the engine's run-examples:
 * `cases: [{ name, clauses, claims: […], expect: […] }]`), read from the editor's text with
 * each case's line, for code lenses and 试算. A file that does not read gives no cases.
 */
export interface TestCase {
  readonly file: string;
  readonly index: number;
  /** 0-based line of the case's first key. */
  readonly line: number;
  readonly name: string;
  readonly claims: readonly unknown[];
  readonly expect: readonly unknown[];
}

export function readTestCases(file: string, text: string): TestCase[] {
  const counter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: counter });
  } catch {
    return [];
  }
  if (doc.errors.length > 0) return [];
  const list = isMap(doc.contents) ? doc.contents.get('cases', true) : undefined;
  if (!isSeq(list)) return [];
  const out: TestCase[] = [];
  list.items.forEach((item, index) => {
    const offset = (item as YamlNode | null)?.range?.[0] ?? 0;
    const line = counter.linePos(offset).line - 1;
    let c: unknown;
    try {
      c = (item as { toJSON(): unknown }).toJSON();
    } catch {
      return;
    }
    if (typeof c !== 'object' || c === null) return;
    const r = c as Record<string, unknown>;
    const name = typeof r['name'] === 'string' ? r['name'] : `case at line ${line + 1}`;
    out.push({ file, index, line, name, claims: Array.isArray(r['claims']) ? r['claims'] : [], expect: Array.isArray(r['expect']) ? r['expect'] : [] });
  });
  return out;
}

/** Where a rule is named in the `flags:` of a test file's expectations (offsets), for rename. */
export function flagMentions(text: string, rule: string): { start: number; end: number }[] {
  let doc;
  try {
    doc = parseDocument(text);
  } catch {
    return [];
  }
  if (doc.errors.length > 0) return [];
  const out: { start: number; end: number }[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'flags' || !isSeq(pair.value)) return;
      for (const item of pair.value.items) {
        if (isScalar(item) && item.value === rule && item.range) {
          const [start, end] = item.range;
          // the scalar as written, quotes included when it is quoted
          const written = text.slice(start, end);
          const inner = written.startsWith('"') || written.startsWith("'") ? 1 : 0;
          out.push({ start: start + inner, end: start + inner + rule.length });
        }
      }
    },
  });
  return out;
}
