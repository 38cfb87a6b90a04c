/**
 * Shows what one declaration of a policy looks like at each stage of docs/architecture.md, for
 * docs/walkthrough.md (whose test, packages/cli/test/walkthrough.test.ts, runs it again and
 * compares). Reads only; prints to stdout.
 *
 *   npx tsx scripts/show-stages.ts tokens FILE LINE     the tokens of line LINE of FILE
 *   npx tsx scripts/show-stages.ts ast FILE LINE        the AST of the declaration starting on LINE (spans left out)
 *   npx tsx scripts/show-stages.ts ir POLICY RULE       the checked IR of rule RULE of the policy at POLICY
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadPolicy, parsePolicyFile, policyLexer, type ResolvedPolicy } from '@policy/dsl';

const USAGE = 'usage: show-stages.ts tokens FILE LINE | ast FILE LINE | ir POLICY RULE';

function lineOf(text: string, line: number): { start: number; end: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const start = starts[line - 1];
  if (start === undefined || Number.isNaN(line)) throw new Error(`there is no line ${line}`);
  return { start, end: starts[line] ?? text.length };
}

function tokens(file: string, line: number): string {
  const text = readFileSync(file, 'utf8');
  const { start, end } = lineOf(text, line);
  const out: string[] = [];
  for (const t of policyLexer().tokenize(text).tokens) {
    if (t.startOffset < start || t.startOffset >= end) continue;
    out.push(`${line}:${t.startOffset - start + 1}`.padEnd(8) + t.tokenType.name.padEnd(14) + t.image);
  }
  return out.join('\n');
}

/** JSON of a tree without its source positions, nodes and symbols named by what identifies them. */
function plain(value: unknown, symbols: boolean): string {
  return compact(JSON.parse(JSON.stringify(
    value,
    (key, v: unknown) => {
      if (key === 'span' || key === 'opSpan' || key === 'nameSpan' || key === 'file') return undefined;
      // In the IR a name is bound to its declaration: show which one, not the whole declaration.
      if (symbols && key !== '' && v !== null && typeof v === 'object' && 'kind' in v && 'name' in v && typeof (v as { kind: unknown }).kind === 'string') {
        const s = v as { kind: string; name: string };
        return `${s.kind} ${s.name}`;
      }
      return v;
    },
  )) as unknown, '');
}

/** JSON with every object or array that fits on a line of 100 written on one line. */
function compact(v: unknown, indent: string): string {
  const one = JSON.stringify(v);
  if (one.length + indent.length <= 100 || v === null || typeof v !== 'object') return one;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + compact(x, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${compact(x, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function ast(file: string, line: number): string {
  const text = readFileSync(file, 'utf8');
  const { start, end } = lineOf(text, line);
  const parsed = parsePolicyFile(file, text);
  const decl = parsed.ast.declarations.find((d) => d.span.start >= start && d.span.start < end);
  if (!decl) throw new Error(`${file}:${line}: no declaration starts on this line`);
  return plain(decl, false);
}

function ir(policyPath: string, rule: string): string {
  const r = loadPolicy(policyPath);
  const policy: ResolvedPolicy | undefined = r.policy;
  if (!policy) throw new Error(`${policyPath} does not check: run policy check`);
  const found = policy.rules.find((x) => x.name === rule);
  if (!found) throw new Error(`${policyPath} has no rule ${rule}`);
  return plain(found, true);
}

/** The text a command line prints (without its final newline). */
export function showStages(args: readonly string[]): string {
  const [what, path, at] = args;
  if (path === undefined || at === undefined || args.length !== 3) throw new Error(USAGE);
  if (what === 'tokens') return tokens(path, Number(at));
  if (what === 'ast') return ast(path, Number(at));
  if (what === 'ir') return ir(path, at);
  throw new Error(USAGE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.stdout.write(`${showStages(process.argv.slice(2))}\n`);
  } catch (e) {
    process.stderr.write(`show-stages: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}
