/**
 * A unified diff (`diff -u` style, 3 lines of context) of two texts, line by line, for
 * `policy fmt --diff`. Lines are matched by Myers' algorithm; past MAX_EDITS differences the
 * changed middle is shown as one block, removed then added, so that time and memory stay
 * bounded on any input.
 */

const CONTEXT = 3;
const MAX_EDITS = 1000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** The lines of a text; a last line without a line break says so, as diff does. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/** The edit script from a to b (common lines kept), or undefined past MAX_EDITS edits. */
function myers(a: readonly string[], b: readonly string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d, k);
    }
    v = next;
  }
  return undefined;
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], offset: number, dEnd: number, kEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  let k = kEnd;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const down = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: ' ', line: a[--x] as string });
    }
    if (down) ops.push({ kind: '+', line: b[--y] as string });
    else ops.push({ kind: '-', line: a[--x] as string });
    k = prevK;
  }
  while (x > 0 && y > 0) {
    y--;
    ops.push({ kind: ' ', line: a[--x] as string });
  }
  return ops.reverse();
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const am = a.slice(start, a.length - end);
  const bm = b.slice(start, b.length - end);
  const middle = myers(am, bm) ?? [...am.map((line): Op => ({ kind: '-', line })), ...bm.map((line): Op => ({ kind: '+', line }))];
  return [
    ...a.slice(0, start).map((line): Op => ({ kind: ' ', line })),
    ...middle,
    ...a.slice(a.length - end).map((line): Op => ({ kind: ' ', line })),
  ];
}

/** `--- a/PATH`, `+++ b/PATH` and the hunks; empty when the texts are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const out = [`--- a/${path}`, `+++ b/${path}`];
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  // Hunks: changed lines whose contexts touch are one hunk.
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && (changed[j + 1] as number) - (changed[j] as number) <= 2 * CONTEXT) j++;
    const from = Math.max(0, (changed[i] as number) - CONTEXT);
    const to = Math.min(ops.length, (changed[j] as number) + CONTEXT + 1);
    let aStart = 1;
    let bStart = 1;
    for (let p = 0; p < from; p++) {
      if (ops[p]?.kind !== '+') aStart++;
      if (ops[p]?.kind !== '-') bStart++;
    }
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen === 0 ? aStart - 1 : aStart},${aLen} +${bLen === 0 ? bStart - 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    i = j + 1;
  }
  return `${out.join('\n')}\n`;
}
