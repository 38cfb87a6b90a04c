import type { PolicyFileAst } from '../syntax/ast.js';

function isSpan(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['file'] === 'string' && typeof o['start'] === 'number' && typeof o['end'] === 'number';
}

/**
 * A file's AST with every source span replaced by `true` (an `override` span stays a mark of
 * presence): what the file means, whatever its layout. Two files mean the same when their
 * shapes are deep-equal.
 */
export function astShape(ast: PolicyFileAst): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (isSpan(v)) return true;
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'path') out[k] = strip(x);
    return out;
  };
  return strip(ast);
}

/** Deep equality of plain data (what `astShape` returns). */
export function sameShape(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
