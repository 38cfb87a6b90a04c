import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../../scripts/lib/import-graph.js';

/**
 * The shape of the code (issue 12): no import cycle among the packages' source files (type-only
 * imports included), and no source file over 400 lines unless its first lines say why
 * ("Why this file is long:"). Checked over every package, so it lives beside the CLI, which
 * sees them all.
 */
const LIMIT = 400;
const graph = importGraph('.');

describe('architecture', () => {
  it('reads the whole graph', () => {
    // The packages' own index files must be in it, or the walk looked in the wrong place.
    for (const p of ['dsl', 'engine', 'claims', 'cli', 'language']) {
      expect(graph.files).toContain(p === 'cli' ? 'packages/cli/src/main.ts' : `packages/${p}/src/index.ts`);
    }
    expect(graph.edges.get('packages/engine/src/index.ts')?.length).toBeGreaterThan(3);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const edges = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(importCycles({ files: ['a.ts', 'b.ts', 'c.ts', 'd.ts'], edges })).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it(`keeps source files under ${LIMIT} lines, or says why at the top`, () => {
    const long = graph.files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n').length;
      const head = text.split('\n').slice(0, 20).join('\n');
      return lines > LIMIT && !head.includes('Why this file is long:') ? [`${f}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });
});
