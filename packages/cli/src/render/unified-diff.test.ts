import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './unified-diff.js';

/** Applies a unified diff made by unifiedDiff to the old text (texts whose lines all end in \n). */
function apply(before: string, diff: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let at = 0;
  for (const l of diff.replace(/\n$/, '').split('\n').slice(2)) {
    const h = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(l);
    if (h) {
      const start = Number(h[2]) === 0 ? Number(h[1]) : Number(h[1]) - 1;
      while (at < start) out.push(old[at++] as string);
      continue;
    }
    if (l.startsWith(' ') || l.startsWith('-')) expect(old[at++]).toBe(l.slice(1));
    if (l.startsWith(' ') || l.startsWith('+')) out.push(l.slice(1));
  }
  while (at < old.length) out.push(old[at++] as string);
  return out.map((l) => `${l}\n`).join('');
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.policy', 'x\n', 'x\n')).toBe('');
  });

  it('shows changed lines with three lines of context, in hunks', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('11\n', 'eleven\n');
    expect(unifiedDiff('p/a.policy', before, after)).toBe(
      [
        '--- a/p/a.policy',
        '+++ b/p/a.policy',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -8,5 +8,5 @@',
        ' 8',
        ' 9',
        ' 10',
        '-11',
        '+eleven',
        ' 12',
        '',
      ].join('\n'),
    );
  });

  it('says when the old text has no line break at its end', () => {
    expect(unifiedDiff('a', 'x', 'x\n')).toBe('--- a/a\n+++ b/a\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+x\n');
  });

  it('turns the old text into the new one, whatever the change', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '', '  d'), { maxLength: 30 }).map((ls) => ls.map((l) => `${l}\n`).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(apply(a, unifiedDiff('f', a, b) || '--- a/f\n+++ b/f\n')).toBe(b);
      }),
      { numRuns: 300 },
    );
  });

  it('stays bounded when everything changes', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join('\n') + '\n';
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join('\n') + '\n';
    const t0 = Date.now();
    const d = unifiedDiff('f', a, b);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(apply(a, d)).toBe(b);
  });
});
