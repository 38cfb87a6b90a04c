import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPolicySource } from './format.js';

/**
 * Golden files of the layout: testdata/fmt/x.policy formats to x.policy.formatted, one file
 * per layout decision. Regenerate on purpose with UPDATE_GOLDEN=1 (then read the diff), never
 * silently.
 */
const dir = 'packages/dsl/testdata/fmt';
const update = process.env['UPDATE_GOLDEN'] === '1';

function format(path: string, text: string): string {
  const r = formatPolicySource(path, text);
  if (!r.ok) throw new Error(`${path} does not parse: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.text;
}

describe('fmt golden files', () => {
  const inputs = readdirSync(dir).filter((f) => f.endsWith('.policy')).sort();
  it('cover the layout decisions', () => {
    expect(inputs.length).toBeGreaterThanOrEqual(12);
  });
  for (const f of inputs) {
    it(f, () => {
      const path = join(dir, f);
      const out = format(path, readFileSync(path, 'utf8'));
      const golden = `${path}.formatted`;
      if (update) writeFileSync(golden, out);
      // A golden is written by hand (or on purpose with UPDATE_GOLDEN=1), never by a first run.
      expect(existsSync(golden), `${golden} is missing: write it, or run with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(out).toBe(readFileSync(golden, 'utf8'));
      // The golden file is itself in the canonical layout.
      expect(format(golden, out)).toBe(out);
    });
  }
});
