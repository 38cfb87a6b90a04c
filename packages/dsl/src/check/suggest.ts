/** "Did you mean": the closest known name within a small edit distance, counted in code points. */

export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const len = [...name].length;
  const limit = Math.max(1, Math.floor(len / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < len && (d < bestDistance || (d === bestDistance && best !== undefined && c < best))) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
