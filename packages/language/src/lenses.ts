import type { CodeLens } from 'vscode-languageserver-types';
import type { LineIndex } from './line-index.js';
import { basename, dirname, join } from './paths.js';
import { readTestCases, type TestCase } from './test-cases.js';
import { compiledFor, layersLine, runTrial, trialText, type TrialCase } from './trial.js';
import type { Workspace } from './workspace.js';

/**
 * Code lenses: 试算 and explain over each rule of a `.policy` file and over each case of a
 * policy's `tests/*.yaml`. The commands (`policy.trial`, `policy.explain`) take a
 * LensArgs; a case's lens shows its last 试算 inline (its layers, ✓ or ✗).
 */
export const TRIAL_COMMAND = 'policy.trial';
export const EXPLAIN_COMMAND = 'policy.explain';

export interface LensArgs {
  /** The policy folder. */
  readonly policy: string;
  /** A test file and the index of its case, or a rule of the policy. */
  readonly file?: string;
  readonly case?: number;
  readonly rule?: string;
}

export interface TrialAnswer {
  readonly title: string;
  /** For people: each claim's layers and what differs from the expectation. */
  readonly text: string;
  readonly results: readonly TrialCase[];
  /** For a rule: only the claims it applied to are kept (for explain). */
  readonly rule?: string;
}

export class TrialError extends Error {}

const MAX_REMEMBERED = 500;

export function isTestFile(path: string): boolean {
  return basename(dirname(path)) === 'tests' && /\.ya?ml$/.test(path);
}

export class Lenses {
  private readonly last = new Map<string, string>();

  constructor(private readonly workspace: Workspace) {}

  testFiles(policy: string): string[] {
    const dir = join(policy, 'tests');
    const names = new Set((this.workspace.host.readDir(dir) ?? []).filter((n) => /\.ya?ml$/.test(n)));
    for (const p of this.workspace.openPaths()) if (dirname(p) === dir && /\.ya?ml$/.test(p)) names.add(basename(p));
    return [...names].sort().map((n) => join(dir, n));
  }

  cases(file: string): TestCase[] {
    return readTestCases(file, this.workspace.text(file) ?? '');
  }

  lenses(path: string, lines: LineIndex): CodeLens[] {
    const out: CodeLens[] = [];
    const lens = (line: number, title: string, command: string, args: LensArgs): void => {
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      out.push({ range, command: { title, command, arguments: [args] } });
    };
    if (isTestFile(path)) {
      const policy = dirname(dirname(path));
      for (const c of this.cases(path)) {
        const args = { policy, file: path, case: c.index };
        lens(c.line, this.last.get(`${path}#${c.index}`) ?? '试算', TRIAL_COMMAND, args);
        lens(c.line, 'explain', EXPLAIN_COMMAND, args);
      }
      return out;
    }
    const f = this.workspace.analyze(path).index.files.get(path);
    for (const d of f?.ast.declarations ?? []) {
      if (d.kind !== 'rule' || d.name.name === '') continue;
      const line = lines.position(d.span.start).line;
      const args = { policy: dirname(path), rule: d.name.name };
      lens(line, this.last.get(`${args.policy}#rule:${d.name.name}`) ?? '试算', TRIAL_COMMAND, args);
      lens(line, 'explain', EXPLAIN_COMMAND, args);
    }
    return out;
  }

  /** Runs a lens's 试算 (throws TrialError with a message for people when it cannot run). */
  trial(args: LensArgs): TrialAnswer {
    if (typeof args?.policy !== 'string') throw new TrialError('试算 needs { policy, file, case } or { policy, rule }');
    const files = this.workspace.policyFilesIn(args.policy);
    if (files.length === 0) throw new TrialError(`${args.policy}: no .policy files`);
    const checked = this.workspace.analyze(files[0] as string).result;
    if (!checked.policy) throw new TrialError(`${args.policy} has errors: fix them before 试算`);
    if (checked.policy.module) throw new TrialError(`${args.policy} is a module: it settles no claims; run the cases of a policy that extends it`);
    const policy = compiledFor(checked.policy);
    if (typeof args.file === 'string' && typeof args.case === 'number') {
      if (!isTestFile(args.file) || dirname(dirname(args.file)) !== args.policy) throw new TrialError(`${args.file} is not a test file of ${args.policy}`);
      const c = this.cases(args.file).find((x) => x.index === args.case);
      if (!c) throw new TrialError(`${args.file} has no case ${args.case + 1}`);
      const r = runTrial(policy, c);
      this.remember(`${args.file}#${c.index}`, summary([r]));
      return { title: c.name, text: trialText([r]), results: [r] };
    }
    if (typeof args.rule === 'string') {
      const rule = args.rule;
      if (!checked.policy.rules.some((r) => r.name === rule)) throw new TrialError(`${args.policy} has no rule ${rule}`);
      const results: TrialCase[] = [];
      for (const file of this.testFiles(args.policy)) {
        for (const c of this.cases(file)) {
          const r = runTrial(policy, c);
          const applied = r.claims.filter((x) => x.settled?.trace?.rules.some((t) => t.rule === rule && t.applied));
          if (applied.length > 0) results.push({ case: r.case, claims: applied });
        }
      }
      const claims = results.reduce((n, r) => n + r.claims.length, 0);
      this.remember(`${args.policy}#rule:${rule}`, claims === 0 ? '试算: no test case reaches this rule' : `${summary(results)} · ${claims} claim${claims === 1 ? '' : 's'} in ${results.length} case${results.length === 1 ? '' : 's'}`);
      const head = claims === 0 ? `rule ${rule}: no claim of the test cases applies it` : `rule ${rule} applies to ${claims} claim${claims === 1 ? '' : 's'} of ${results.length} case${results.length === 1 ? '' : 's'}:`;
      return { title: `rule ${rule}`, text: [head, trialText(results)].filter(Boolean).join('\n'), results, rule };
    }
    throw new TrialError('试算 needs { policy, file, case } or { policy, rule }');
  }

  private remember(key: string, title: string): void {
    if (this.last.size >= MAX_REMEMBERED) this.last.clear();
    this.last.set(key, title);
  }
}

function summary(results: readonly TrialCase[]): string {
  const claims = results.flatMap((r) => r.claims);
  const pass = claims.every((c) => c.failures.length === 0);
  const first = claims[0];
  const layers = claims.length === 1 && first?.settled ? ` ${layersLine(first.settled)}` : claims.length > 1 && results.length === 1 ? ` ${claims.length} claims` : '';
  return `试算 ${pass ? '✓' : '✗'}${layers}`;
}
