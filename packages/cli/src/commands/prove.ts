import type { Command } from 'commander';
import { formatOption } from '../options.js';
import { EXIT, UsageError } from '../errors.js';
import { expandPolicyPaths, loadCompiled } from '../policy-paths.js';
import type { PropertyVerdict, Z3Handle } from '../prove/prove-policy.js';
import { ref, t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';

/** Exit status of `policy prove` when some property is unknown and none is refuted. */
const EXIT_UNKNOWN = 4;

/**
 * `policy prove PATH…`: decides each declared property for every claim of every version with
 * z3 (the z3-solver WebAssembly build, loaded only here; the bundle keeps it external and loads
 * it from node_modules at run time). docs/analysis.md.
 */
export function registerProve(program: Command, lang: Lang): void {
  program
    .command('prove')
    .description(t(lang, 'help.prove.description'))
    .argument('<path...>', t(lang, 'help.test.path'))
    .option('--property <name>', t(lang, 'help.prove.property'))
    .addOption(formatOption(['text', 'json'], t(lang, 'help.format.text-stderr'), undefined, lang))
    .option('--timeout <seconds>', t(lang, 'help.prove.timeout'), '60')
    .addHelpText(
      'after',
      t(lang, 'help.prove.after', { unknown: EXIT_UNKNOWN }),
    )
    .action(async (paths: string[], opts: { property?: string; format: 'text' | 'json'; timeout: string }) => {
      const seconds = Number(opts.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) throw new UsageError(ref('cmd.usage.timeout', { value: JSON.stringify(opts.timeout) }));
      const policies = expandPolicyPaths(paths).map((path) => ({ path, policy: loadCompiled(path) })).filter((p) => !p.policy.resolved.module);
      if (opts.property !== undefined && !policies.some((p) => p.policy.resolved.properties.some((x) => x.name === opts.property))) {
        throw new UsageError(ref('cmd.usage.no-property', { name: opts.property }));
      }
      const report: { path: string; policy: string; properties: PropertyVerdict[] }[] = [];
      if (policies.length > 1) {
        // One process per policy, two at a time: each gets its own solver heap (z3's WebAssembly
        // memory is capped at 2 GiB and never shrinks) and the machine's two cores.
        const rest = [opts.property ? ['--property', opts.property] : [], ['--timeout', String(seconds)]].flat();
        report.push(...(await inChildren(policies.map((p) => p.path), rest)));
      } else {
        const h = await loadZ3();
        const { provePolicy } = await import('../prove/prove-policy.js');
        for (const { path, policy } of policies) {
          report.push({ path, policy: policy.name, properties: await provePolicy(h, policy, opts.property, seconds * 1000) });
        }
      }
      if (opts.format === 'text') for (const r of report) for (const l of textLines(r.path, r.properties)) process.stderr.write(`${l}\n`);
      const all = report.flatMap((r) => r.properties);
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify(report.length === 1 ? { properties: all } : { policies: report, properties: all }, null, 2)}\n`);
      process.exitCode = all.some((v) => v.status === 'counterexample') ? EXIT.findings : all.some((v) => v.status === 'unknown') ? EXIT_UNKNOWN : EXIT.ok;
      // The solver's worker threads would keep the process alive.
      process.exit(process.exitCode);
    });
}

async function inChildren(paths: readonly string[], args: readonly string[]): Promise<{ path: string; policy: string; properties: PropertyVerdict[] }[]> {
  const { spawn } = await import('node:child_process');
  const script = typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : (process.argv[1] as string);
  const one = (path: string) =>
    new Promise<{ path: string; policy: string; properties: PropertyVerdict[] }>((resolve, reject) => {
      const child = spawn(process.execPath, [script, 'prove', '--format', 'json', ...args, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        try {
          const j = JSON.parse(out) as { properties: PropertyVerdict[] };
          resolve({ path, policy: path, properties: j.properties });
        } catch {
          resolve({ path, policy: path, properties: [{ name: '*', cites: [], status: 'unknown', reason: `the prover stopped (exit ${String(code)})` }] });
        }
      });
    });
  const results: { path: string; policy: string; properties: PropertyVerdict[] }[] = new Array(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await one(paths[i] as string);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

function textLines(path: string, verdicts: readonly PropertyVerdict[], lang: Lang = currentLang()): string[] {
  const out: string[] = [];
  for (const v of verdicts) {
    const at = v.version ? t(lang, 'cmd.prove.at-version', { version: v.version }) : '';
    if (v.status === 'proved') out.push(t(lang, 'cmd.prove.proved', { name: v.name }));
    else if (v.status === 'unknown') out.push(t(lang, 'cmd.prove.unknown', { name: v.name, at, reason: v.reason ?? '' }));
    else {
      out.push(t(lang, 'cmd.prove.counterexample', { name: v.name, at, reason: v.reason ?? '' }));
      if (v.history) out.push(t(lang, 'cmd.prove.accumulators', { json: JSON.stringify(v.history.accumulators) }));
      out.push(t(lang, 'cmd.prove.claim', { json: JSON.stringify(v.claim) }));
    }
  }
  const n = (s: string) => verdicts.filter((v) => v.status === s).length;
  const summary = {
    path,
    proved: n('proved'),
    total: verdicts.length,
    refuted: n('counterexample') > 0 ? t(lang, 'cmd.prove.refuted', { n: n('counterexample') }) : '',
    unknown: n('unknown') > 0 ? t(lang, 'cmd.prove.n-unknown', { n: n('unknown') }) : '',
  };
  out.push(t(lang, n('counterexample') > 0 ? 'cmd.prove.failed' : n('unknown') > 0 ? 'cmd.prove.unknown-summary' : 'cmd.prove.ok', summary));
  return out;
}

/** z3-solver, loaded on first use (its WebAssembly takes a moment to start). */
async function loadZ3(): Promise<Z3Handle> {
  let mod: typeof import('z3-solver');
  try {
    mod = await import('z3-solver');
  } catch (e) {
    throw new UsageError(ref('cmd.usage.z3', { why: (e as Error).message }));
  }
  const { Context, Z3 } = await mod.init();
  const z = Context('main');
  return {
    z,
    reasonUnknown: (solver) => {
      try {
        return Z3.solver_get_reason_unknown(z.ptr, (solver as { ptr: never }).ptr);
      } catch {
        return '';
      }
    },
  };
}
