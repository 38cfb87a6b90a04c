import type { Command } from 'commander';
import { diagnosticToJson, renderDiagnostic } from '@policy/dsl';
import { EXIT } from '../errors.js';
import { reportFormat } from '../format-option.js';
import { expandPolicyPaths, loadChecked } from '../policy-paths.js';

/** `policy check PATH…`: parse and statically check; diagnostics for people on stderr, JSON on stdout. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('parse and statically check policy files; prints file:line:col: error CODE: message')
    .argument('<path...>', 'policy folders, .policy files, or a folder of policy folders')
    .option('--format <format>', 'pretty (for people, on stderr) or json (on stdout)', 'pretty')
    .addHelpText('after', '\nExit status: 0 clean (warnings allowed), 1 diagnostics with errors, 2 usage or I/O error.')
    .action((paths: string[], opts: { format: string }) => {
      const format = reportFormat(opts.format);
      let errors = 0;
      const json: unknown[] = [];
      for (const path of expandPolicyPaths(paths)) {
        const r = loadChecked(path);
        const nErr = r.diagnostics.filter((d) => d.severity === 'error').length;
        const nWarn = r.diagnostics.length - nErr;
        errors += nErr;
        if (format === 'json') {
          json.push({
            path,
            policy: r.policy?.name ?? null,
            ok: nErr === 0,
            diagnostics: r.diagnostics.map((d) => diagnosticToJson(d, r.files)),
          });
          continue;
        }
        for (const d of r.diagnostics) process.stderr.write(`${renderDiagnostic(d, r.files)}\n\n`);
        if (r.policy) {
          const p = r.policy;
          const warn = nWarn > 0 ? `, ${nWarn} warning${nWarn > 1 ? 's' : ''}` : '';
          process.stderr.write(
            `ok ${path}: ${p.name} — ${p.module ? 'module' : `${p.versions.length} version${p.versions.length > 1 ? 's' : ''} (${p.versions.map((v) => v.date).join(', ')})`}${p.bases.length > 0 ? `, on ${p.bases.join(', ')}` : ''}, ${p.rules.length} rules, ${p.params.length} parameters, ${p.tables.length} tables${p.bands.length > 0 ? `, ${p.bands.length} bands` : ''}${p.modifiers.length > 0 ? `, ${p.modifiers.length} modifiers` : ''}${p.caps.length > 0 ? `, ${p.caps.length} yearly caps` : ''}${p.audits.length > 0 ? `, ${p.audits.length} audits` : ''}${warn}\n`,
          );
        } else {
          process.stderr.write(`FAILED ${path}: ${nErr} error${nErr > 1 ? 's' : ''}${nWarn > 0 ? `, ${nWarn} warning${nWarn > 1 ? 's' : ''}` : ''}\n`);
        }
      }
      if (format === 'json') process.stdout.write(`${JSON.stringify({ policies: json }, null, 2)}\n`);
      process.exitCode = errors > 0 ? EXIT.findings : EXIT.ok;
    });
}
