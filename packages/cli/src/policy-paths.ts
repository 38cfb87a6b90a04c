import { currentLang } from './lang.js';
import { existsSync, statSync } from 'node:fs';
import { ref, hasPolicyFiles, loadPolicy, policyFolders, renderDiagnostic, type CheckResult } from '@policy/dsl';
import { compilePolicy, type CompileOptions, type CompiledPolicy } from '@policy/engine';
import { UsageError } from './errors.js';

/**
 * The policies named by command-line paths: a `.policy` file, a folder of them, or a folder
 * of policy folders (`policies/`).
 */
export function expandPolicyPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(ref('cmd.usage.no-such-path', { path: p }));
    if (statSync(p).isFile() || hasPolicyFiles(p)) {
      out.push(p);
      continue;
    }
    const subs = policyFolders(p);
    if (subs.length === 0) throw new UsageError(ref('cmd.usage.no-policy-files-below', { path: p }));
    out.push(...subs);
  }
  return out;
}

export function loadChecked(path: string): CheckResult & { name: string } {
  return loadPolicy(path);
}

/**
 * Loads and compiles the policy for eval, batch and test; a policy with errors is a usage
 * error, and so is a module where claims are to be settled (`settles`).
 */
export function loadCompiled(path: string, options: CompileOptions & { readonly settles?: boolean } = {}): CompiledPolicy {
  return compileChecked(path, loadChecked(path), options);
}

/** loadCompiled for a policy already loaded and checked (`diff --base-rev` reads it from git). */
export function compileChecked(path: string, r: CheckResult, options: CompileOptions & { readonly settles?: boolean } = {}): CompiledPolicy {
  if (!r.policy) {
    const shown = r.diagnostics.filter((d) => d.severity === 'error').slice(0, 10);
    const text = shown.map((d) => renderDiagnostic(d, r.files, currentLang())).join('\n');
    throw new UsageError(ref('cmd.usage.policy-has-errors', { path, text }));
  }
  if (options.settles && r.policy.module) {
    throw new UsageError(ref('cmd.usage.module-no-versions', { path, name: r.policy.name }));
  }
  const { settles: _settles, ...compile } = options;
  return compilePolicy(r.policy, compile);
}
