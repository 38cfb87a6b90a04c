/**
 * Pieces of the hostile policy corpus, shared by the checker's hostile tests
 * (packages/dsl/src/hostile.test.ts) and the language server's (packages/cli/test/lsp-hostile.test.ts),
 * so that both feed the same documents.
 */

/** A valid header and clause, before hostile rules. */
export const HOSTILE_HEADER = 'policy t { title "t" version 2018-01-01 layers basic, patient }\nclause "X" "x"\n';

/** A seeded generator of numbers in [0, 1) (mulberry32): the same corpus on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
