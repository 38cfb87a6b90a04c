import { isLang, langFromEnv, type Lang } from '@policy/dsl';

/**
 * The language of the messages of the command being run: `--lang` (every command has it, see
 * program.ts), else `POLICY_LANG`, else the locale (docs/commands.md, "Language of the
 * messages"). Codes, positions, exit statuses and machine output keys are the same in both.
 */
let current: Lang | undefined;

export function setLang(lang: Lang | undefined): void {
  current = lang;
}

export function currentLang(): Lang {
  return current ?? langFromEnv(process.env);
}

/**
 * The `--lang` of a command line, read from the words themselves (`--lang zh`, `--lang=zh`; the
 * last wins): for an error found while the line is parsed, before the command sets the language.
 * Words after `--` are arguments, not options.
 */
export function langOfArgs(args: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const value = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && isLang(value)) found = value;
  }
  return found;
}

/** `--lang` as given on the command line, if it was. */
export function explicitLang(): Lang | undefined {
  return current;
}
