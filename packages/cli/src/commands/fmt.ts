import { currentLang } from '../lang.js';
import { type Lang } from '@policy/dsl';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatPolicySource, FormatterError, PolicyPathError, readSource, renderDiagnostic } from '@policy/dsl';
import { EXIT, UsageError } from '../errors.js';
import { policySourceFiles } from '../io/policy-source-files.js';
import { replaceFile } from '../io/replace-file.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { ref, t } from '@policy/dsl';

/** How the diagnostics of standard input name it. */
const STDIN = '<stdin>';

function read(path: string): string {
  try {
    // A file: a regular one of a sane size, a link only within its folder (readSource).
    return path === '-' ? readFileSync(0, 'utf8') : readSource(path);
  } catch (e) {
    if (e instanceof PolicyPathError) throw e;
    throw new UsageError(ref('cmd.usage.cannot-read', { path: path === '-' ? t(currentLang(), 'cmd.standard-input') : path, code: (e as NodeJS.ErrnoException).code ?? 'error' }));
  }
}

/**
 * `policy fmt [--check | --diff] PATH…`: rewrites policy files in the canonical layout
 * (packages/dsl/src/format). In place by default, each file atomically and only if it
 * changes; `--check` and `--diff` change nothing and say what would change.
 */
export function registerFmt(program: Command, lang: Lang): void {
  program
    .command('fmt')
    .description(t(lang, 'help.fmt.description'))
    .argument('<path...>', t(lang, 'help.fmt.path'))
    .option('--check', t(lang, 'help.fmt.check'))
    .option('--diff', t(lang, 'help.fmt.diff'))
    .addHelpText(
      'after',
      t(lang, 'help.fmt.after'),
    )
    .action((paths: string[], opts: { check?: boolean; diff?: boolean }) => {
      const files = policySourceFiles(paths);
      const dryRun = opts.check === true || opts.diff === true;
      let unformatted = 0;
      let unreadable = 0;
      let internal = 0;
      for (const path of files) {
        const shown = path === '-' ? STDIN : path;
        const text = read(path);
        let r;
        try {
          r = formatPolicySource(shown, text);
        } catch (e) {
          if (!(e instanceof FormatterError)) throw e;
          internal++;
          process.stderr.write(`policy: ${t(currentLang(), 'cmd.fmt.internal', { message: e.message })}\n`);
          continue;
        }
        if (!r.ok) {
          unreadable++;
          const sources = new Map([[shown, r.source]]);
          for (const d of r.diagnostics) process.stderr.write(`${renderDiagnostic(d, sources, currentLang())}\n\n`);
          process.stderr.write(`${t(currentLang(), path === '-' ? 'cmd.fmt.no-parse-stdin' : 'cmd.fmt.no-parse-file', { path: shown })}\n`);
          continue;
        }
        if (path === '-' && !dryRun) {
          process.stdout.write(r.text);
          continue;
        }
        if (!r.changed) continue;
        unformatted++;
        if (opts.diff) process.stdout.write(unifiedDiff(shown, text, r.text));
        else if (opts.check) process.stdout.write(`${path}\n`);
        else {
          replaceFile(path, r.text);
          process.stderr.write(`${t(currentLang(), 'cmd.fmt.formatted', { path })}\n`);
        }
      }
      if (internal > 0) process.exitCode = EXIT.internal;
      else if (unreadable > 0 || (dryRun && unformatted > 0)) process.exitCode = EXIT.findings;
      else process.exitCode = EXIT.ok;
    });
}
