import { describe, expect, it } from 'vitest';
import { checkSources } from './load.js';
import { parsePolicyFile } from './syntax/parse.js';
import { HOSTILE_HEADER as header, seeded } from '../test/hostile-corpus.js';

/**
 * Hostile policy files: whatever the bytes, `check` answers with diagnostics — no throw, no
 * hang, no stack overflow, and nothing in the file is ever executed.
 */

function check(text: string): { codes: string[]; ms: number } {
  const t0 = performance.now();
  const r = checkSources({ 'h.policy': text });
  return { codes: r.diagnostics.map((d) => d.code), ms: performance.now() - t0 };
}

describe('hostile policy files', () => {
  it('random bytes give diagnostics, capped, not a crash', () => {
    const rnd = seeded(7);
    for (let round = 0; round < 5; round++) {
      const bytes = Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(rnd() * 256)));
      const { codes } = check(bytes.toString('utf8'));
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.length).toBeLessThanOrEqual(60);
      expect(codes.every((c) => c === 'E001' || c === 'E002' || c === 'E003' || c === 'E401')).toBe(true);
    }
  });

  it('random tokens of the language give diagnostics', () => {
    const words = ['rule', 'param', '{', '}', '(', ')', 'when', 'and', 'if', 'then', '=', '+=', '90%', '1万元', '"s"', 'x', 'basic', 'let', ',', 'table', 'by', ':'];
    const rnd = seeded(11);
    for (let round = 0; round < 20; round++) {
      const text = header + Array.from({ length: 3000 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      const { codes } = check(text);
      expect(codes.length).toBeGreaterThan(0);
    }
  });

  const deep: [string, string][] = [
    ['brackets', `rule r cites "X" { basic = ${'('.repeat(100_000)}1元${')'.repeat(100_000)} }`],
    ['set braces', `let s = ${'{'.repeat(50_000)}`],
    ['unary minus', `rule r cites "X" { basic = ${'- '.repeat(100_000)}1元 }`],
    ['not', `let b = ${'not '.repeat(100_000)}true`],
    ['if', `let b = ${'if true then '.repeat(30_000)}1元${' else 1元'.repeat(30_000)}`],
    ['long sum', `rule r cites "X" { basic = ${Array.from({ length: 100_000 }, () => '1元').join(' + ')} }`],
    ['long and', `let b = ${Array.from({ length: 100_000 }, () => 'true').join(' and ')}`],
  ];
  for (const [name, body] of deep) {
    it(`deep nesting (${name}) is refused with E003 or a syntax error, not a stack overflow`, () => {
      const { codes } = check(header + body);
      expect(codes.some((c) => c === 'E003' || c === 'E002')).toBe(true);
    });
  }

  it('a huge number literal is refused before any arithmetic', () => {
    const { codes } = check(`${header}param p = ${'9'.repeat(1_000_000)}元 cites "X"\nrule r cites "X" { basic = min(total, p) }`);
    expect(codes).toContain('E207');
  });

  it('a file over the size limit is refused at once', () => {
    const { codes, ms } = check(header + '#'.repeat(5 * 1024 * 1024));
    expect(codes).toEqual(['E003']);
    expect(ms).toBeLessThan(5_000);
  });

  it('strings and names carrying code are data, never executed', () => {
    const g = globalThis as { __pwned?: boolean };
    delete g.__pwned;
    const payloads = [
      '${globalThis.__pwned = true}',
      '\\"); globalThis.__pwned = true; (\\"',
      '`; globalThis.__pwned = true; `',
      '\\"); require(\\"child_process\\").execSync(\\"touch /tmp/pwned\\"); //',
    ];
    for (const p of payloads) {
      const text = `${header}clause "${p}" "${p}"\nrule r cites "${p}" when disease == "${p}" { basic = 10% of total  flag "${p}" }`;
      const parsed = parsePolicyFile('p.policy', text);
      expect(parsed.diagnostics).toEqual([]);
      const { codes } = check(text);
      expect(codes).toEqual([]);
    }
    // an unescaped quote ends the string early: a syntax error, still never run
    const broken = `${header}rule r cites "X" when disease == ""); globalThis.__pwned = true; ("" { basic = 10% of total }`;
    expect(check(broken).codes.length).toBeGreaterThan(0);
    expect(g.__pwned).toBeUndefined();
  });

  it('NUL bytes, a BOM and invalid UTF-8 are reported, not fatal', () => {
    const text = '\uFEFF' + header + 'let a = 1元\u0000\u0000\nlet b = \uFFFD\uFFFD\n';
    const { codes } = check(text);
    expect(codes).toContain('E001');
  });
});
