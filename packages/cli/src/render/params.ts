import { csvLine } from '@policy/claims';
import { textWidth, t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';
import type { PolicyParameter } from '@policy/engine';

/**
 * `policy params` as people and spreadsheets read it. One row per value: a parameter's value
 * by date, a table's row, a band, a set's members. The text and Markdown tables name a
 * parameter, its unit, citation and assumption on its first row only; CSV repeats them on
 * every row, so that a filter in a spreadsheet keeps them (and goes through the project's
 * spreadsheet-safe writer: a value beginning with `-` or `=` is not a formula).
 */

const SET_MEMBERS_PER_LINE = 6;

export const PARAM_COLUMNS = ['kind', 'name', 'from', 'key', 'value', 'unit', 'source', 'cites', 'assumed'] as const;

/** The column headings of the text and Markdown tables, in one language (CSV keeps PARAM_COLUMNS). */
function headings(lang: Lang): string[] {
  return PARAM_COLUMNS.map((c) => t(lang, `cmd.params.${c}`));
}

function citesText(p: PolicyParameter, lang: Lang): string {
  const cites = p.cites.map((c) => (c.title ? `${c.id} ${c.title}` : c.id));
  const readings = p.readings.map((r) => t(lang, 'cmd.params.reading', { reading: r }));
  return [...cites, ...readings].join('; ');
}

/** The rows, every column filled (`repeat`) or the parameter's own columns on its first row only. */
function rows(params: readonly PolicyParameter[], repeat: boolean, lang: Lang = 'en'): string[][] {
  const out: string[][] = [];
  for (const p of params) {
    let values: readonly { from?: string; key?: string; value: string }[] = p.values.length > 0 ? p.values : [{ value: t(lang, 'cmd.params.no-value') }];
    // A set's members, a few to a line for people (CSV: one a row).
    if (p.kind === 'set' && !repeat) {
      const lines: { value: string }[] = [];
      for (let i = 0; i < p.values.length; i += SET_MEMBERS_PER_LINE) lines.push({ value: p.values.slice(i, i + SET_MEMBERS_PER_LINE).map((v) => v.value).join('、') });
      values = lines.length > 0 ? lines : [{ value: t(lang, 'cmd.params.empty') }];
    }
    values.forEach((v, i) => {
      const own = repeat || i === 0;
      const key = v.key === undefined ? '' : p.by !== undefined && v.key !== 'otherwise' ? `${p.by} ${v.key}` : v.key;
      out.push([
        own ? p.kind : '',
        own ? p.name : '',
        v.from ?? '',
        key,
        v.value,
        own ? p.unit : '',
        own ? `${p.file}:${p.line}` : '',
        own ? citesText(p, lang) : '',
        own ? (p.assumed ?? '') : '',
      ]);
    });
  }
  return out;
}

/** Aligned columns (Chinese characters take two), the last one unpadded. */
export function renderParamsText(params: readonly PolicyParameter[], lang: Lang = currentLang()): string {
  const table = [headings(lang), ...rows(params, false, lang)];
  const widths: number[] = [];
  for (const r of table) r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(c))));
  return `${table.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat((widths[i] as number) - textWidth(c)) : c)).join('  ').trimEnd()).join('\n')}\n`;
}

export function renderParamsMarkdown(params: readonly PolicyParameter[], lang: Lang = currentLang()): string {
  const cell = (c: string): string => c.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
  const lines = [`| ${headings(lang).join(' | ')} |`, `|${PARAM_COLUMNS.map(() => '---').join('|')}|`];
  for (const r of rows(params, false, lang)) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

export function renderParamsCsv(params: readonly PolicyParameter[]): string {
  return [csvLine([...PARAM_COLUMNS]), ...rows(params, true).map(csvLine)].join('');
}

export function renderParamsJson(policy: string, params: readonly PolicyParameter[], date: string | undefined): string {
  return `${JSON.stringify({ policy, ...(date !== undefined ? { date } : {}), parameters: params }, null, 2)}\n`;
}
