/**
 * `pnpm bench`'s "change against the previous run": each row of this run matched with the row of
 * the previous results file that has the same kind and the same text fields (policy, engine …),
 * and every number both have, with its change in percent. Pure, for its test.
 */
export type BenchRow = Readonly<Record<string, unknown>>;

/** The identity of a row: its kind and text fields (never its numbers). */
function keyOf(row: BenchRow): string {
  return JSON.stringify(Object.entries(row).filter(([, v]) => typeof v === 'string').sort(([a], [b]) => a.localeCompare(b)));
}

export function compareRuns(previous: readonly BenchRow[], current: readonly BenchRow[]): string[] {
  const before = new Map(previous.map((r) => [keyOf(r), r]));
  const lines: string[] = [];
  for (const row of current) {
    const old = before.get(keyOf(row));
    const label = Object.values(row).filter((v) => typeof v === 'string').join(' · ');
    if (!old) {
      lines.push(`${label}: new`);
      continue;
    }
    const changes = Object.entries(row).flatMap(([k, v]) => {
      const was = old[k];
      if (typeof v !== 'number' || typeof was !== 'number') return [];
      const pct = was === 0 ? (v === 0 ? 0 : Infinity) : ((v - was) / was) * 100;
      const sign = pct > 0 ? '+' : '';
      return [`${k} ${was} → ${v} (${Number.isFinite(pct) ? `${sign}${pct.toFixed(1)}%` : 'from 0'})`];
    });
    lines.push(`${label}: ${changes.length > 0 ? changes.join(', ') : 'no numbers in common'}`);
  }
  return lines;
}
