import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/diagnostics/codes.js';
import { loadPolicy } from '../src/load.js';

/**
 * The table of diagnostics in docs/language.md is the code's table (diagnostics/codes.ts): the
 * same codes, no more, no fewer, and each with the severity the checker really reports it at,
 * as its golden case (testdata/bad/CODE-*.policy) shows.
 */
const doc = readFileSync('docs/language.md', 'utf8');
const section = doc.slice(doc.indexOf('\n## Diagnostics\n'));
const rows = [...section.matchAll(/^\| ([EW]\d{3}) \| (error|warning) \| (.+) \|$/gm)].map((m) => ({ code: m[1] as string, severity: m[2] as string, meaning: m[3] as string }));
const codes = Object.keys(DIAGNOSTIC_CODES);

describe('the diagnostic table of docs/language.md', () => {
  it('has a Diagnostics section with a row per code', () => {
    expect(section.length).toBeGreaterThan(20);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lists every code of diagnostics/codes.ts, and only those, once each', () => {
    const listed = rows.map((r) => r.code);
    expect(listed.filter((c) => !codes.includes(c)), 'in the doc, not in the code').toEqual([]);
    expect(codes.filter((c) => !listed.includes(c)), 'in the code, not in the doc').toEqual([]);
    expect(listed.filter((c, i) => listed.indexOf(c) !== i), 'listed twice').toEqual([]);
  });

  it('gives each code the severity the checker reports it with', () => {
    const bad = 'packages/dsl/testdata/bad';
    const reported = new Map<string, Set<string>>();
    for (const f of readdirSync(bad).filter((x) => x.endsWith('.policy'))) {
      for (const d of loadPolicy(join(bad, f)).diagnostics) {
        const s = reported.get(d.code) ?? new Set<string>();
        s.add(d.severity);
        reported.set(d.code, s);
      }
    }
    const wrong = rows.filter((r) => {
      const seen = reported.get(r.code);
      return seen === undefined || seen.size !== 1 || !seen.has(r.severity);
    });
    expect(wrong.map((r) => `${r.code}: documented ${r.severity}, reported ${[...(reported.get(r.code) ?? ['never'])].join(' and ')}`)).toEqual([]);
  });

  it('writes an error code with E and a warning code with W', () => {
    expect(rows.filter((r) => (r.code.startsWith('E') ? 'error' : 'warning') !== r.severity)).toEqual([]);
  });
});
