import type { Command } from 'commander';
import { type Lang } from '@policy/dsl';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { CoverageCollector, meetsMinimum, renderReason, sampleProperties, type CoverageReport } from '@policy/engine';
import { exampleFiles, runExamples } from '@policy/claims';
import { propertyLines } from '../render/properties.js';
import { EXIT } from '../errors.js';
import { count, t } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { formatOption } from '../options.js';
import { belowMinimums, coverageLines, parseMinimums, percentNumber } from '../render/coverage.js';
import { expandPolicyPaths, loadCompiled } from '../policy-paths.js';

/** `policy test PATH…`: runs the example claims (tests/*.yaml) next to each policy. */
export function registerTest(program: Command, lang: Lang): void {
  program
    .command('test')
    .description(t(lang, 'help.test.description'))
    .argument('<path...>', t(lang, 'help.test.path'))
    .addOption(formatOption(['text', 'json'], t(lang, 'help.format.text-stderr'), undefined, lang))
    .option('--coverage', t(lang, 'help.test.coverage'))
    .option('--min-coverage <N>', t(lang, 'help.test.min-coverage'))
    .addHelpText(
      'after',
      t(lang, 'help.test.after'),
    )
    .action((paths: string[], opts: { format: 'text' | 'json'; coverage?: boolean; minCoverage?: string }) => {
      const format = opts.format;
      const minimums = opts.minCoverage !== undefined ? parseMinimums(opts.minCoverage) : undefined;
      const withCoverage = opts.coverage === true || minimums !== undefined;
      let failed = 0;
      const report: unknown[] = [];
      for (const path of expandPolicyPaths(paths)) {
        const dir = statSync(path).isFile() ? dirname(path) : path;
        const policy = loadCompiled(path);
        if (policy.resolved.module) {
          // A module has no versions: its rules are tested through the policies built on it.
          if (format === 'json') report.push({ path, policy: policy.name, module: true, cases: [], problems: [] });
          else process.stderr.write(`${t(currentLang(), 'cmd.test.skip-module', { path, name: policy.name })}\n`);
          continue;
        }
        const files = exampleFiles(dir);
        const collector = withCoverage ? new CoverageCollector(policy.resolved) : undefined;
        const result = runExamples(policy, dir, collector ? { trace: true, onSettled: (s) => s.trace && collector.add(s.trace) } : {});
        const coverage = collector?.report();
        const below = coverage && minimums ? belowMinimums(coverage, minimums, meetsMinimum) : [];
        if (below.length > 0) failed++;
        const bad = result.cases.filter((c) => c.failures.length > 0);
        const claims = result.cases.reduce((n, c) => n + c.claims, 0);
        const empty = files.length === 0 || result.cases.length === 0;
        if (bad.length > 0 || result.problems.length > 0 || empty) failed++;
        // Every declared property, on sampled claims after a short history (docs/analysis.md).
        const samples = sampleProperties(policy);
        if (samples.some((x) => x.failure)) failed++;
        if (format === 'json') {
          report.push({
            path,
            policy: policy.name,
            // the English failures only: the JSON output is for programs, and stays as it was
            cases: result.cases.map(({ failureTexts: _texts, ...c }) => c),
            problems: result.problems,
            properties: samples,
            ...(coverage ? { coverage: coverageJson(coverage), belowMinimum: below.map((b) => b.kind) } : {}),
          });
          continue;
        }
        const err = process.stderr;
        const lang = currentLang();
        for (const p of result.problems) err.write(`  ${t(lang, 'test.problem', { problem: p })}\n`);
        for (const c of result.cases) {
          if (c.failures.length === 0) continue;
          err.write(`  ${t(lang, 'test.fail-case', { name: c.name, file: c.file, line: c.line })}\n`);
          for (const f of c.failureTexts) err.write(`       ${renderReason(f, lang)}\n`);
        }
        if (empty) err.write(`${t(lang, 'test.no-examples', { path, dir })}\n`);
        else {
          const summary = {
            path,
            passed: result.cases.length - bad.length,
            total: result.cases.length,
            claims: count(lang, 'claim', claims),
            files: count(lang, 'file', files.length, !(files.length > 1)),
          };
          err.write(`${t(lang, bad.length === 0 && result.problems.length === 0 ? 'test.ok' : 'test.failed', summary)}\n`);
        }
        for (const l of propertyLines(path, samples, lang)) err.write(`${l}\n`);
        if (coverage) for (const l of coverageLines(path, coverage, lang)) err.write(`${l}\n`);
        for (const b of below) err.write(`${t(lang, 'cmd.test.coverage-failed', { path, message: b.message })}\n`);
      }
      if (format === 'json') process.stdout.write(`${JSON.stringify({ policies: report }, null, 2)}\n`);
      process.exitCode = failed > 0 ? EXIT.findings : EXIT.ok;
    });
}

function coverageJson(c: CoverageReport): Record<string, unknown> {
  const kind = <T>(k: CoverageReport['rules' | 'conditions' | 'rows'] & { uncovered: readonly T[] }): Record<string, unknown> => ({
    covered: k.covered,
    total: k.total,
    percent: percentNumber(k),
    uncovered: k.uncovered,
  });
  return { rules: kind(c.rules), conditions: kind(c.conditions), rows: kind(c.rows) };
}
