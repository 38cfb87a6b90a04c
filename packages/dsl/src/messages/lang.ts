/** The two languages every message of the table exists in. */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

export function isLang(value: string | undefined): value is Lang {
  return value === 'en' || value === 'zh';
}

/**
 * The language from the environment: `POLICY_LANG` if it is `en` or `zh`, else the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first one set): `zh…` is Chinese, anything
 * else English. The CLI's `--lang` overrides it; tests pass `--lang` or set `POLICY_LANG`.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const explicit = env['POLICY_LANG'];
  if (isLang(explicit)) return explicit;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
