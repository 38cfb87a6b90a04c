import { Command, CommanderError } from 'commander';
import { t, type Lang } from '@policy/dsl';
import { registerBatch } from './commands/batch.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerEval } from './commands/eval.js';
import { registerExplain } from './commands/explain.js';
import { registerFmt } from './commands/fmt.js';
import { registerGenerate } from './commands/generate.js';
import { registerLsp } from './commands/lsp.js';
import { registerRoster } from './commands/roster.js';
import { registerTest } from './commands/test.js';
import { registerProve } from './commands/prove.js';
import { registerAudit } from './commands/audit.js';
import { registerReport } from './commands/report.js';
import { registerPremium } from './commands/premium.js';
import { registerStudio } from './commands/studio.js';
import { registerParams } from './commands/params.js';
import { EXIT, UsageError, isUsageProblem } from './errors.js';
import { langOption } from './options.js';
import { currentLang, langOfArgs, setLang } from './lang.js';
import { translateHelp } from './help.js';
import { textIn, type ReasonRef } from '@policy/engine';

/** Set by the build (scripts/build.mjs) from packages/cli/package.json; run from the source, `dev`. */
declare const __POLICY_VERSION__: string | undefined;
export const VERSION = typeof __POLICY_VERSION__ === 'string' ? __POLICY_VERSION__ : 'dev';

/**
 * `policy`: check, fmt, eval, explain, batch, test, diff, generate and roster check over .policy files,
 * claims and rosters. Machine output on stdout,
 * everything for people on stderr. Bad input never produces a stack trace: usage and I/O
 * problems exit 2 with a message; an internal error says so (POLICY_DEBUG=1 shows the stack).
 * `lang` is the language of the help: help is printed while the line is parsed, before the
 * command sets the language, so runCli reads it from the line first (langOfArgs).
 */
export function program(lang: Lang = currentLang()): Command {
  const p = new Command();
  p.name('policy')
    .description(t(lang, 'help.program.description'))
    .version(VERSION, '-V, --version', t(lang, 'help.version'))
    .exitOverride()
    .showHelpAfterError(t(lang, 'help.after-error'))
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  registerCheck(p, lang);
  registerEval(p, lang);
  registerExplain(p, lang);
  registerBatch(p, lang);
  registerTest(p, lang);
  registerGenerate(p, lang);
  registerDiff(p, lang);
  registerRoster(p, lang);
  registerFmt(p, lang);
  registerLsp(p, lang);
  registerProve(p, lang);
  registerAudit(p, lang);
  registerReport(p, lang);
  registerPremium(p, lang);
  registerStudio(p, lang);
  registerParams(p, lang);
  // `--lang` on the program and on every command (explain keeps its own help text for it); the
  // language is set before the command's action runs and read through currentLang().
  p.addOption(langOption(t(lang, 'help.lang')));
  const addLang = (c: Command): void => {
    if (!c.options.some((o) => o.long === '--lang')) c.addOption(langOption(t(lang, 'help.lang')));
    for (const sub of c.commands) addLang(sub);
  };
  for (const c of p.commands) addLang(c);
  translateHelp(p, lang);
  p.hook('preAction', (root, action) => {
    const chosen = (action.opts() as { lang?: 'en' | 'zh' }).lang ?? (root.opts() as { lang?: 'en' | 'zh' }).lang;
    setLang(chosen);
  });
  return p;
}


/**
 * Runs one command line (without `node` and the script) and gives its exit status: the one
 * place where errors become exit statuses — usage and file problems 2 with their message, an
 * internal error 3 (POLICY_DEBUG=1 shows the stack). Tests call it in-process.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  setLang(undefined);
  try {
    await program(langOfArgs(args) ?? currentLang()).parseAsync([...args], { from: 'user' });
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // A bad invocation, a file that cannot be read or written, two options naming one file: exit 2, the file named.
    if (isUsageProblem(e)) {
      // An option's value is checked while the line is parsed, before --lang is set: read it from the line.
      const lang = langOfArgs(args) ?? currentLang();
      process.stderr.write(`policy: ${e instanceof UsageError ? e.messageIn(lang) : textIn(e as Error & { text?: ReasonRef }, lang)}\n`);
      return EXIT.usage;
    }
    const err = e as Error;
    const lang = langOfArgs(args) ?? currentLang();
    process.stderr.write(`policy: ${t(lang, 'cmd.internal', { message: err?.message ?? String(e) })}\n`);
    if (process.env['POLICY_DEBUG'] === '1') process.stderr.write(`${err?.stack ?? ''}\n`);
    else process.stderr.write(`${t(lang, 'cmd.internal-hint')}\n`);
    return EXIT.internal;
  }
}
