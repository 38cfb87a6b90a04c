import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { astShape, formatPolicySource, parsePolicyFile } from '../src/index.js';
import { policySource } from './policy-source-arbitrary.js';

/**
 * The formatter's properties, on every shipped policy file and on generated ones:
 * (a) idempotent: fmt(fmt(x)) = fmt(x);
 * (b) meaning kept: parse(fmt(x)) = parse(x) as ASTs with the source spans removed;
 * (c) comments kept: the same multiset of comment texts (trailing blanks aside).
 * The formatter checks (b) and (c) itself before it answers; these tests do not rely on that.
 */

const SYNTAX = new Set(['E001', 'E002', 'E003']);

function format(path: string, text: string): string {
  const r = formatPolicySource(path, text);
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return r.text;
}

function commentTexts(path: string, text: string): string[] {
  return parsePolicyFile(path, text).comments.map((c) => c.image.trimEnd()).sort();
}

function meaning(path: string, text: string): string {
  return JSON.stringify(astShape(parsePolicyFile(path, text).ast));
}

function checkProperties(path: string, text: string): void {
  const once = format(path, text);
  expect(format(path, once), `${path}: idempotent`).toBe(once);
  expect(meaning(path, once), `${path}: meaning`).toBe(meaning(path, text));
  expect(commentTexts(path, once), `${path}: comments`).toEqual(commentTexts(path, text));
}

function policyFilesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return policyFilesBelow(p);
      return f.endsWith('.policy') ? [p] : [];
    });
}

describe('fmt on the shipped policies', () => {
  const files = policyFilesBelow('policies');
  it('finds every policy and module file', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.some((f) => f.includes('modules'))).toBe(true);
  });
  for (const f of files) it(f, () => checkProperties(f, readFileSync(f, 'utf8')));
});

/** Every kind of declaration, statement and expression an AST holds, and a few variants. */
function constructs(value: unknown, into: Set<string>): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    const o = v as Record<string, unknown>;
    if (typeof o['kind'] === 'string') {
      const kind = o['kind'];
      into.add(kind);
      if (o['override'] !== undefined) into.add(`override ${kind}`);
      if (kind === 'binary' || kind === 'unary') into.add(`${kind} ${String(o['op'])}`);
      if (kind === 'modifier') into.add(o['oneLine'] ? 'adjust' : 'modifier block');
      if (kind === 'param') into.add(o['dated'] ? 'param dated' : 'param =');
      if (kind === 'table' && o['otherwise']) into.add('table otherwise');
      if (kind === 'policy') {
        into.add(o['module'] ? 'module' : 'policy');
        for (const part of ['extends', 'title', 'document', 'layers']) if (o[part] !== undefined) into.add(`header ${part}`);
        if ((o['imports'] as unknown[]).length > 0) into.add('header import');
      }
      for (const part of ['from', 'until', 'when']) if (o[part] !== undefined) into.add(`${kind} ${part}`);
      if (Array.isArray(o['keys']) && o['keys'].length > 0) into.add(`${kind} by`);
    }
    stack.push(...Object.values(o));
  }
}

const EXPECTED_CONSTRUCTS = [
  'policy', 'module', 'header extends', 'header import', 'header title', 'header document', 'header layers', 'version',
  'cites', 'assumed', 'reading', 'note', 'rule from', 'rule until', 'rule when', 'modifier from', 'modifier until',
  'modifier when', 'cap when', 'cap by', 'accumulator by', 'flag when', 'clause', 'param =', 'param dated', 'table', 'table otherwise', 'setDecl', 'let',
  'accumulator', 'bands', 'cap', 'modifier block', 'adjust', 'rule', 'assign', 'add', 'flag', 'topup',
  'override param', 'override table', 'override setDecl', 'override let', 'override bands', 'override rule',
  'numeric', 'string', 'date', 'bool', 'name', 'field', 'call', 'index', 'if', 'set', 'unadjusted', 'base',
  'unary neg', 'unary not',
  ...['+', '-', '*', '/', 'of', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '??', 'in', 'not in', 'above', 'capped'].map((op) => `binary ${op}`),
];

describe('fmt on generated policies', () => {
  it('is idempotent, keeps the meaning and the comments, over every construct', () => {
    const seen = new Set<string>();
    let comments = 0;
    fc.assert(
      fc.property(policySource, (text) => {
        const parsed = parsePolicyFile('gen.policy', text);
        // The generator writes valid syntax only: anything else is a bug of the generator.
        expect(parsed.diagnostics.filter((d) => SYNTAX.has(d.code)).map((d) => d.message)).toEqual([]);
        constructs(parsed.ast, seen);
        comments += parsed.comments.length;
        checkProperties('gen.policy', text);
      }),
      { numRuns: 400, seed: 20240901 },
    );
    expect(EXPECTED_CONSTRUCTS.filter((c) => !seen.has(c))).toEqual([]);
    expect(comments).toBeGreaterThan(100);
  });

  it('also holds with fresh random seeds', () => {
    fc.assert(fc.property(policySource, (text) => checkProperties('gen.policy', text)), { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 100) });
  });
});
