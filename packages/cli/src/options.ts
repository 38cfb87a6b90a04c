import { Option } from 'commander';
import { ref, t, type Lang } from '@policy/dsl';
import { availableParallelism } from 'node:os';
import { UsageError } from './errors.js';

/**
 * The options several commands share, declared once. Enumerations go through commander's
 * `choices` (listed in --help), with a parser that keeps the project's own message for a wrong
 * value ("policy: --engine must be auto or decimal (got fast)", exit 2).
 */

/** One `--format` vocabulary for every command: what a value means is the same everywhere. */
export type Format = 'text' | 'json' | 'markdown' | 'html' | 'csv' | 'jsonl';

/** Older spellings, kept working: `pretty` (check, test) and `table` (diff, roster check) are `text`. */
const FORMAT_ALIASES: Readonly<Record<string, Format>> = { pretty: 'text', table: 'text' };

/** How --help names each format (`csv` is the same word in both languages). */
function formatWord(lang: Lang, f: Format): string {
  return f === 'csv' ? 'csv' : t(lang, `help.format.${f}`);
}

function either(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** `a, b or c` in --help, in one language. */
function eitherIn(lang: Lang, values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : t(lang, 'help.or', { list: values.slice(0, -1).join(t(lang, 'help.list-sep')), last: values[values.length - 1] as string });
}

/** "--format is text or json, not "x"" (`quoted`) or "--engine must be auto or decimal (got fast)", from the table. */
export function wrongValue(option: string, values: readonly string[], value: string, quoted: boolean): UsageError {
  if (values.length <= 1) return new UsageError(quoted ? `${option} is ${either(values)}, not ${JSON.stringify(value)}` : `${option} must be ${either(values)} (got ${value})`);
  const parts = { option, list: values.slice(0, -1).join(', '), last: values[values.length - 1] as string };
  return new UsageError(quoted ? ref('cmd.usage.is-not', { ...parts, value: JSON.stringify(value) }) : ref('cmd.usage.must-be', { ...parts, value }));
}

/**
 * `--format` with the values a command offers (its first the default unless `fallback`); `where`
 * is the rest of its help, already in `lang`.
 */
export function formatOption<F extends Format>(allowed: readonly F[], where = '', fallback: F = allowed[0] as F, lang: Lang = 'en'): Option {
  const described = eitherIn(lang, allowed.map((f) => formatWord(lang, f)));
  const aliases = Object.entries(FORMAT_ALIASES).filter(([, f]) => (allowed as readonly Format[]).includes(f)).map(([a]) => a);
  return new Option('--format <format>', `${described}${where}${aliases.length > 0 ? t(lang, 'help.format.aliases', { aliases: aliases.join(', ') }) : ''}`)
    .choices([...allowed, ...aliases])
    .default(fallback)
    .argParser((value: string): F => {
      const f = (FORMAT_ALIASES[value] ?? value) as F;
      if (!allowed.includes(f)) throw wrongValue('--format', allowed, value, true);
      return f;
    });
}

/**
 * An option with a fixed set of values, e.g. `--engine auto|decimal`. The message for a wrong
 * value keeps each option's established wording: "--engine must be auto or decimal (got fast)",
 * or with `quoted`, "--lang is en or zh, not "fr"".
 */
export function choiceOption<V extends string>(flags: string, help: string, values: readonly V[], fallback?: V, quoted = false): Option {
  const name = flags.split(' ')[0] as string;
  const o = new Option(flags, help).choices(values).argParser((value: string): V => {
    if (!(values as readonly string[]).includes(value)) {
      throw wrongValue(name, values, value, quoted);
    }
    return value as V;
  });
  return fallback === undefined ? o : o.default(fallback);
}

/**
 * `--lang en|zh`, on every command (program.ts adds it where a command has none of its own):
 * the language of diagnostics, results and summaries. No default here: without it the language
 * comes from POLICY_LANG or the locale (lang.ts).
 */
export const langOption = (help: string = t('en', 'help.lang')): Option =>
  choiceOption<'en' | 'zh'>('--lang <lang>', help, ['en', 'zh'], undefined, true);

export const policyOption = (lang: Lang = 'en'): Option => new Option('--policy <path>', t(lang, 'help.policy')).makeOptionMandatory();

export type InFormat = 'auto' | 'contract' | 'nhsa';
export type OutShape = 'contract' | 'nhsa';

export const inFormatOption = (lang: Lang = 'en'): Option =>
  choiceOption<InFormat>('--in-format <shape>', t(lang, 'help.in-format'), ['auto', 'contract', 'nhsa'], 'auto');

/** `more`: the rest of the help, already in `lang`. */
export const outFormatOption = (more = '', lang: Lang = 'en'): Option =>
  choiceOption<OutShape>('--out-format <shape>', t(lang, 'help.out-format', { more }), ['contract', 'nhsa'], 'contract');

export const mappingOption = (lang: Lang = 'en'): Option => new Option('--mapping <file>', t(lang, 'help.mapping'));

export type Labels = 'codes' | 'zh';

/**
 * `--labels codes|zh`: the contract's names in an output, or the documents' Chinese names (the
 * vocabulary's). `what` (what the names are of) is already in `lang`.
 */
export const labelsOption = (what: string, readsBack = true, lang: Lang = 'en'): Option =>
  choiceOption<Labels>('--labels <names>', t(lang, 'help.labels', { what, readsBack: readsBack ? t(lang, 'help.labels.reads-back') : '' }), ['codes', 'zh'], 'codes');

/**
 * Worker threads by default: the cores less one, at least one. The main thread reads, routes and
 * writes every record, so it needs a core of its own: on this project's 2-core machine 1 worker
 * beat 2 in every run (200 000 安义 claims CSV → CSV: 9.44 s and 9.82 s against 10.44 s and
 * 11.30 s, peak 385 / 343 MiB against 517 / 477 MiB). `policy audit` too (100 000 金寨 claims,
 * scripts/bench-audit.ts: 1 worker 0.87× of auditing on the reading thread unsorted, 0.75×
 * presorted; 2 workers 1.35× and 1.39×).
 */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);
