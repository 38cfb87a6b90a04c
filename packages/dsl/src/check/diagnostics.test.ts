import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js';
import { renderDiagnostic } from '../diagnostics/render.js';
import { loadPolicy } from '../load.js';

/**
 * Golden files: testdata/bad/CODE-what.policy must report CODE; its full rendered output is
 * kept beside it as .expected. Regenerate on purpose with UPDATE_GOLDEN=1, never silently.
 */
const dir = 'packages/dsl/testdata';
const update = process.env['UPDATE_GOLDEN'] === '1';

function render(path: string): { text: string; codes: string[] } {
  const r = loadPolicy(path);
  return { text: r.diagnostics.map((d) => renderDiagnostic(d, r.files)).join('\n') + '\n', codes: r.diagnostics.map((d) => d.code) };
}

const bad = readdirSync(join(dir, 'bad')).filter((f) => f.endsWith('.policy')).sort();

describe('every diagnostic code has a golden file that reports it', () => {
  it('covers every code in the table', () => {
    const covered = new Set(bad.map((f) => f.slice(0, 4)));
    expect([...Object.keys(DIAGNOSTIC_CODES)].filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const f of bad) {
    it(f, () => {
      const path = join(dir, 'bad', f);
      const { text, codes } = render(path);
      expect(codes).toContain(f.slice(0, 4));
      const golden = `${path}.expected`;
      if (update) writeFileSync(golden, text);
      // A golden is written by hand (or on purpose with UPDATE_GOLDEN=1), never by a first run.
      expect(existsSync(golden), `${golden} is missing: write it, or run with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(text).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('good policies', () => {
  for (const f of readdirSync(join(dir, 'good')).filter((x) => x.endsWith('.policy'))) {
    it(`${f} checks clean, warnings included`, () => {
      const r = loadPolicy(join(dir, 'good', f));
      expect(r.diagnostics.map((d) => renderDiagnostic(d, r.files))).toEqual([]);
      expect(r.policy).toBeDefined();
    });
  }
});
