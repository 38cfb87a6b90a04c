import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { exampleFiles, runExamples } from '@policy/engine';
import { EXIT } from '../errors.js';
import { reportFormat } from '../format-option.js';
import { expandPolicyPaths, loadCompiled } from '../policy-paths.js';

/** `policy test PATH…`: runs the example claims (tests/*.yaml) next to each policy. */
export function registerTest(program: Command): void {
  program
    .command('test')
    .description('run the example claims with expected layers that sit next to each policy (tests/*.yaml)')
    .argument('<path...>', 'policy folders, or a folder of policy folders')
    .option('--format <format>', 'pretty (for people, on stderr) or json (on stdout)', 'pretty')
    .addHelpText('after', '\nExit status: 0 all pass, 1 any fails (or a policy has no examples), 2 usage or I/O error.')
    .action((paths: string[], opts: { format: string }) => {
      const format = reportFormat(opts.format);
      let failed = 0;
      const report: unknown[] = [];
      for (const path of expandPolicyPaths(paths)) {
        const dir = statSync(path).isFile() ? dirname(path) : path;
        const policy = loadCompiled(path);
        if (policy.resolved.module) {
          // A module has no versions: its rules are tested through the policies built on it.
          if (format === 'json') report.push({ path, policy: policy.name, module: true, cases: [], problems: [] });
          else process.stderr.write(`skip ${path}: module ${policy.name}, tested through the policies that build on it\n`);
          continue;
        }
        const files = exampleFiles(dir);
        const result = runExamples(policy, dir);
        const bad = result.cases.filter((c) => c.failures.length > 0);
        const claims = result.cases.reduce((n, c) => n + c.claims, 0);
        const empty = files.length === 0 || result.cases.length === 0;
        if (bad.length > 0 || result.problems.length > 0 || empty) failed++;
        if (format === 'json') {
          report.push({ path, policy: policy.name, cases: result.cases, problems: result.problems });
          continue;
        }
        const err = process.stderr;
        for (const p of result.problems) err.write(`  problem ${p}\n`);
        for (const c of result.cases) {
          if (c.failures.length === 0) continue;
          err.write(`  FAIL ${c.name} (${c.file}:${c.line})\n`);
          for (const f of c.failures) err.write(`       ${f}\n`);
        }
        if (empty) err.write(`FAILED ${path}: no example claims in ${dir}/tests/*.yaml\n`);
        else
          err.write(
            `${bad.length === 0 && result.problems.length === 0 ? 'ok' : 'FAILED'} ${path}: ${result.cases.length - bad.length}/${result.cases.length} cases pass (${claims} claims in ${files.length} file${files.length > 1 ? 's' : ''})\n`,
          );
      }
      if (format === 'json') process.stdout.write(`${JSON.stringify({ policies: report }, null, 2)}\n`);
      process.exitCode = failed > 0 ? EXIT.findings : EXIT.ok;
    });
}
