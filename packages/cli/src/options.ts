import { Option } from 'commander';
import { ref } from '@policy/dsl';
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

const FORMAT_WORDS: Readonly<Record<Format, string>> = {
  text: 'text (for people)',
  json: 'json (for machines)',
  markdown: 'markdown (for a pull-request comment)',
  html: 'html (one self-contained page)',
  csv: 'csv',
  jsonl: 'jsonl (JSON Lines)',
};

function either(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** "--format is text or json, not "x"" (`quoted`) or "--engine must be auto or decimal (got fast)", from the table. */
export function wrongValue(option: string, values: readonly string[], value: string, quoted: boolean): UsageError {
  if (values.length <= 1) return new UsageError(quoted ? `${option} is ${either(values)}, not ${JSON.stringify(value)}` : `${option} must be ${either(values)} (got ${value})`);
  const parts = { option, list: values.slice(0, -1).join(', '), last: values[values.length - 1] as string };
  return new UsageError(quoted ? ref('cmd.usage.is-not', { ...parts, value: JSON.stringify(value) }) : ref('cmd.usage.must-be', { ...parts, value }));
}

/** `--format` with the values a command offers (its first the default unless `fallback`). */
export function formatOption<F extends Format>(allowed: readonly F[], where = '', fallback: F = allowed[0] as F): Option {
  const described = either(allowed.map((f) => FORMAT_WORDS[f]));
  const aliases = Object.entries(FORMAT_ALIASES).filter(([, f]) => (allowed as readonly Format[]).includes(f)).map(([a]) => a);
  return new Option('--format <format>', `${described}${where}${aliases.length > 0 ? `; ${aliases.join(', ')} = text` : ''}`)
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
export const langOption = (help = 'language of the messages: en (English) or zh (中文); default POLICY_LANG, else the locale (zh… → zh), else en'): Option =>
  choiceOption<'en' | 'zh'>('--lang <lang>', help, ['en', 'zh'], undefined, true);

export const policyOption = (): Option => new Option('--policy <path>', 'policy folder or .policy file').makeOptionMandatory();

export type InFormat = 'auto' | 'contract' | 'nhsa';
export type OutShape = 'contract' | 'nhsa';

export const inFormatOption = (): Option =>
  choiceOption<InFormat>('--in-format <shape>', "auto, contract (claims) or nhsa (the national platform's settlement records)", ['auto', 'contract', 'nhsa'], 'auto');

export const outFormatOption = (more = ''): Option =>
  choiceOption<OutShape>('--out-format <shape>', `contract (settlements) or nhsa (the platform's setlinfo records)${more}`, ['contract', 'nhsa'], 'contract');

export const mappingOption = (): Option =>
  new Option('--mapping <file>', "the platform mapping (default: the policy's nhsa-mapping.json, else the default mapping)");

export type Labels = 'codes' | 'zh';

/** `--labels codes|zh`: the contract's names in an output, or the documents' Chinese names (the vocabulary's). */
export const labelsOption = (what = "the output's headers, keys and layer names", readsBack = true): Option =>
  choiceOption<Labels>('--labels <names>', `codes (the contract's names) or zh (the documents' Chinese names: 理赔编号, 基本医保 …) for ${what}${readsBack ? '; a file written with zh reads back as input' : ''}`, ['codes', 'zh'], 'codes');

/**
 * Worker threads by default: the cores less one, at least one. The main thread reads, routes and
 * writes every record, so it needs a core of its own: on this project's 2-core machine 1 worker
 * beat 2 in every run (200 000 安义 claims CSV → CSV: 9.44 s and 9.82 s against 10.44 s and
 * 11.30 s, peak 385 / 343 MiB against 517 / 477 MiB). `policy audit` too (100 000 金寨 claims,
 * scripts/bench-audit.ts: 1 worker 0.87× of auditing on the reading thread unsorted, 0.75×
 * presorted; 2 workers 1.35× and 1.39×).
 */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);
