import { langFromEnv, type Lang } from '@policy/dsl';

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

/** `--lang` as given on the command line, if it was. */
export function explicitLang(): Lang | undefined {
  return current;
}
