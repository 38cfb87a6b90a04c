import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph of the packages' source files (tests aside), for the architecture test:
 * relative imports and `@policy/<name>` (the package's src/index.ts, or a subpath export's
 * file), type-only imports included — a cycle of types is still a cycle a reader must untangle.
 */
export interface ImportGraph {
  /** Repository-relative paths of the source files. */
  readonly files: readonly string[];
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importGraph(root: string): ImportGraph {
  const files: string[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src, files);
  }
  const known = new Set(files.map((f) => relative(root, f)));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const rel = relative(root, file);
    const out: string[] = [];
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? '';
      const target = resolveSpec(root, file, spec);
      if (target && known.has(target)) out.push(target);
    }
    edges.set(rel, [...new Set(out)]);
  }
  return { files: [...known].sort(), edges };
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
}

function resolveSpec(root: string, from: string, spec: string): string | undefined {
  if (spec.startsWith('.')) return relative(root, resolve(dirname(from), spec.replace(/\.js$/, '.ts')));
  const m = /^@policy\/([^/]+)(\/.*)?$/.exec(spec);
  if (!m) return undefined;
  const sub = m[2] ? `${m[2].slice(1).replace(/\.js$/, '')}.ts` : 'index.ts';
  return join('packages', m[1] as string, 'src', sub);
}

/** Every cycle's files, one strongly connected component (Tarjan) of more than one file or a self-import each. */
export function importCycles(g: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.edges.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const f of g.files) if (!index.has(f)) visit(f);
  return out;
}
