import { currentLang } from '../lang.js';
import { type Lang } from '@policy/dsl';
import type { Command } from 'commander';
import { count, diagnosticToJson, dumpIR, renderDiagnostic, t, type PassMetric, type ResolvedPolicy } from '@policy/dsl';
import { compilePolicy } from '@policy/engine';
import { EXIT, UsageError } from '../errors.js';
import { formatOption } from '../options.js';
import { expandPolicyPaths, loadChecked } from '../policy-paths.js';
import { ref } from '@policy/dsl';

/** `policy check PATH…`: parse and statically check; diagnostics for people on stderr, JSON on stdout. */
export function registerCheck(program: Command, lang: Lang): void {
  program
    .command('check')
    .description(t(lang, 'help.check.description'))
    .argument('<path...>', t(lang, 'help.check.path'))
    .addOption(formatOption(['text', 'json'], t(lang, 'help.format.text-stderr'), undefined, lang))
    .option('--metrics', t(lang, 'help.check.metrics'))
    .option('--dump-ir', t(lang, 'help.check.dump-ir'))
    .option('--dump-fixed', t(lang, 'help.check.dump-fixed'))
    .option('--version-date <date>', t(lang, 'help.check.version-date'))
    .addHelpText('after', t(lang, 'help.check.after'))
    .action((paths: string[], opts: { format: 'text' | 'json'; metrics?: boolean; dumpIr?: boolean; dumpFixed?: boolean; versionDate?: string }) => {
      const format = opts.format;
      if (opts.dumpIr && opts.dumpFixed) throw new UsageError(ref('cmd.usage.dump-both'));
      if ((opts.dumpIr || opts.dumpFixed) && format === 'json') throw new UsageError(ref('cmd.usage.dump-json'));
      if (opts.versionDate !== undefined && !opts.dumpFixed) throw new UsageError(ref('cmd.usage.version-date'));
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
            diagnostics: r.diagnostics.map((d) => diagnosticToJson(d, r.files, currentLang())),
            ...(opts.metrics ? { metrics: r.metrics.map((m) => ({ pass: m.pass, ran: m.ran, ms: Number(m.ms.toFixed(3)) })) } : {}),
          });
          continue;
        }
        for (const d of r.diagnostics) process.stderr.write(`${renderDiagnostic(d, r.files, currentLang())}\n\n`);
        if (r.policy) {
          const p = r.policy;
          const lang = currentLang();
          const n = p.versions.length;
          const extra = [
            p.bands.length > 0 ? t(lang, 'cmd.check.bands', { n: p.bands.length }) : '',
            p.modifiers.length > 0 ? t(lang, 'cmd.check.modifiers', { n: p.modifiers.length }) : '',
            p.caps.length > 0 ? t(lang, 'cmd.check.caps', { n: p.caps.length }) : '',
            p.audits.length > 0 ? t(lang, 'cmd.check.audits', { n: p.audits.length }) : '',
            p.premiums.length > 0 ? t(lang, p.premiums.length > 1 ? 'cmd.check.premiums.many' : 'cmd.check.premiums.one', { n: p.premiums.length }) : '',
          ].join('');
          const line = t(lang, 'cmd.check.ok', {
            path,
            name: p.name,
            what: p.module ? t(lang, 'cmd.check.module') : t(lang, n > 1 ? 'cmd.check.versions.many' : 'cmd.check.versions.one', { n, dates: p.versions.map((v) => v.date).join(', ') }),
            bases: p.bases.length > 0 ? t(lang, 'cmd.check.on', { bases: p.bases.join(', ') }) : '',
            rules: p.rules.length,
            params: p.params.length,
            tables: p.tables.length,
            extra,
            warnings: nWarn > 0 ? t(lang, 'cmd.check.warnings', { counts: count(lang, 'warning', nWarn, !(nWarn > 1)) }) : '',
          });
          process.stderr.write(`${line}\n`);
          if (opts.dumpIr) process.stdout.write(dumpIR(p));
          if (opts.dumpFixed) process.stdout.write(dumpFixed(path, p, opts.versionDate));
        } else {
          const lang = currentLang();
          const errors = count(lang, 'error', nErr, !(nErr > 1));
          const counts = nWarn > 0 ? t(lang, 'count.pair', { first: errors, second: count(lang, 'warning', nWarn, !(nWarn > 1)) }) : errors;
          process.stderr.write(`${t(lang, 'check.failed', { path, counts })}\n`);
        }
        if (opts.metrics) process.stderr.write(renderMetrics(r.metrics));
      }
      if (format === 'json') process.stdout.write(`${JSON.stringify({ policies: json }, null, 2)}\n`);
      process.exitCode = errors > 0 ? EXIT.findings : EXIT.ok;
    });
}

/** `--metrics`: one line per pass, the slowest marked, the total last. */
function renderMetrics(metrics: readonly PassMetric[]): string {
  const total = metrics.reduce((a, m) => a + m.ms, 0);
  const width = Math.max(...metrics.map((m) => m.pass.length));
  const lines = metrics.map((m) => `  ${m.pass.padEnd(width)}  ${m.ran ? `${m.ms.toFixed(2).padStart(8)} ms` : '   (skipped: syntax errors)'}`);
  return `${lines.join('\n')}\n  ${'total'.padEnd(width)}  ${total.toFixed(2).padStart(8)} ms\n`;
}

/** `--dump-fixed`: each version's generated code, or why decimal.js settles it. */
function dumpFixed(path: string, resolved: ResolvedPolicy, date: string | undefined): string {
  const compiled = compilePolicy(resolved);
  const versions = compiled.versions.filter((v) => date === undefined || v.date === date);
  if (versions.length === 0) {
    throw new UsageError(ref('cmd.usage.no-version', { path, date: date ?? '', versions: compiled.versions.map((v) => v.date).join(', ') || t(currentLang(), 'cmd.none') }));
  }
  const out: string[] = [];
  for (const v of versions) {
    const engine = compiled.engines.find((e) => e.date === v.date);
    const fixed = compiled.fixedFor(v);
    if (!fixed) {
      out.push(`// version ${v.date}: settled by decimal.js (${engine?.engine === 'decimal' ? engine.reason : 'no fixed-point code'})\n`);
      continue;
    }
    const values = fixed.values.map((x, i) => `//   V[${i}] = ${describeValue(x)}`).join('\n');
    out.push(`// version ${v.date}: fixed-point code, body of function (V, E, OVERFLOW, NOFLAGS)\n${values ? `${values}\n` : ''}${fixed.source}\n`);
  }
  return out.join('\n');
}

function describeValue(x: unknown): string {
  if (x instanceof Map) return `table of ${x.size} rows`;
  if (x instanceof Set) return `set of ${x.size} values`;
  if (Array.isArray(x)) return `[${x.length} values]`;
  if (typeof x === 'object' && x !== null) {
    const text = JSON.stringify(x) ?? String(x);
    return text.length > 100 ? `${text.slice(0, 97)}…` : text;
  }
  return String(x);
}
