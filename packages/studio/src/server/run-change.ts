import { statSync } from 'node:fs';
import type { Side } from '../../../cli/src/diff/load-side.js';
import type { DiffReport } from '../../../cli/src/diff/report.js';
import { diffClaims, readDiffClaims, type DiffClaims } from '../../../cli/src/diff/run-diff.js';

/**
 * `policy diff`'s comparison (packages/cli/src/diff/run-diff.ts) over claims read once: the
 * studio diffs the same corpus after every edit, and reading and validating the 1,000 claims
 * costs several times settling them. The corpus is kept while its size and mtime are unchanged.
 */
interface Corpus {
  readonly stamp: string;
  readonly claims: DiffClaims;
}

const corpora = new Map<string, Corpus>();

async function corpus(path: string): Promise<DiffClaims> {
  const st = statSync(path);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const kept = corpora.get(path);
  if (kept && kept.stamp === stamp) return kept.claims;
  const claims = await readDiffClaims(path);
  corpora.set(path, { stamp, claims });
  if (corpora.size > 8) corpora.delete(corpora.keys().next().value as string);
  return claims;
}

export async function runChange(base: Side, head: Side, input: string, topN: number): Promise<DiffReport> {
  return diffClaims(base, head, await corpus(input), { input, top: topN });
}
