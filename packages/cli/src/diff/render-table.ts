import { textWidth, t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { money } from './fen.js';
import {
  CODE_LABELS,
  DIMENSION_TITLE,
  dimensionTitle,
  type DiffLabels,
  LAYER_INDEX,
  changedLine,
  kpiChanged,
  kpiMetText,
  kpiTargetText,
  kpiValueText,
  layerMoves,
  paying,
  percentText as percentIn,
  ruleLine,
  sideLine,
  statusLine,
  versionsUsed,
} from './render-common.js';
import type { DiffReport, Dimension } from './report.js';

/** Columns a string takes on a terminal (Chinese characters take two). */

const group = (fen: bigint) => money(fen, { group: true });
const delta = (fen: bigint) => money(fen, { group: true, sign: true });

/** Columns: the first left-aligned, the rest right-aligned; widths by display width (Chinese is 2). */
function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(c))));
  return rows.map((r) =>
    (indent + r.map((c, i) => {
      const pad = ' '.repeat((widths[i] as number) - textWidth(c));
      return i === 0 ? c + pad : pad + c;
    }).join('   ')).trimEnd(),
  );
}

/** The readable report (`--format table`, the default). */
export function renderTable(r: DiffReport, labels: DiffLabels = CODE_LABELS, lang: Lang = currentLang()): string {
  const out: string[] = [];
  const percentText = (b: bigint, a: bigint): string => percentIn(b, a, lang);
  out.push(t(lang, 'cmd.diff.title', { base: r.base.policy, head: r.head.policy, input: r.input === '-' ? t(lang, 'cmd.standard-input') : r.input }));
  out.push(`  base  ${sideLine(r.base, lang)}`);
  out.push(`  head  ${sideLine(r.head, lang)}`);
  out.push('');
  out.push(
    ...columns([
      ['', 'base', 'head'],
      [t(lang, 'cmd.diff.records-read'), String(r.records), String(r.records)],
      [t(lang, 'cmd.diff.settled'), String(r.base.settled), String(r.head.settled)],
      [t(lang, 'cmd.diff.rejected'), String(r.base.rejected), String(r.head.rejected)],
    ]),
  );
  out.push(`  ${t(lang, r.invalid === 1 ? 'cmd.diff.both.one' : 'cmd.diff.both.many', { settled: r.settledBoth, rejected: r.rejectedBoth + r.invalid, invalid: r.invalid })}`);
  out.push(`  ${changedLine(r, lang)}`);
  out.push('');

  const layerRows: string[][] = [[t(lang, 'cmd.diff.layer'), t(lang, 'cmd.diff.before'), t(lang, 'cmd.diff.after'), t(lang, 'cmd.diff.delta'), t(lang, 'cmd.diff.delta-percent')]];
  for (const l of r.layers) {
    const i = LAYER_INDEX[l];
    const b = r.base.layers[i] as bigint;
    const a = r.head.layers[i] as bigint;
    layerRows.push([labels.layer(l), group(b), group(a), delta(a - b), percentText(b, a)]);
  }
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  layerRows.push([t(lang, 'cmd.diff.paying'), group(bp), group(ap), delta(ap - bp), percentText(bp, ap)]);
  layerRows.push([t(lang, 'cmd.diff.total'), group(r.base.total), group(r.head.total), delta(r.head.total - r.base.total), percentText(r.base.total, r.head.total)]);
  out.push(...columns(layerRows));

  if (r.changedClaims > 0) {
    for (const dim of Object.keys(DIMENSION_TITLE) as Dimension[]) {
      out.push('');
      const rows: string[][] = [[t(lang, 'cmd.diff.by', { dimension: dimensionTitle(dim, lang) }), t(lang, 'cmd.diff.claims'), t(lang, 'cmd.diff.changed'), t(lang, 'cmd.diff.delta-paying'), ...r.touched.map((l) => `Δ ${labels.layer(l)}`)]];
      for (const g of r.groups.filter((g) => g.dimension === dim)) {
        rows.push([labels.group(dim, g.group), String(g.claims), String(g.changed), delta(paying(g.delta)), ...r.touched.map((l) => delta(g.delta[LAYER_INDEX[l]] as bigint))]);
      }
      out.push(...columns(rows));
    }
  }

  if (r.top.length > 0) {
    out.push('');
    out.push(`  ${t(lang, 'cmd.diff.top', { n: r.top.length, of: r.layersChanged })}`);
    for (const c of r.top) {
      out.push(`  ${t(lang, 'cmd.diff.top-claim', { id: c.id, person: c.personId, date: c.date, line: c.location.line })}`);
      for (const m of layerMoves(c, r.layers, labels)) out.push(`      ${m}`);
      if (c.rules && c.rules.length > 0) {
        out.push(`      ${t(lang, 'cmd.diff.rules-fired')}`);
        for (const rule of c.rules) out.push(`        ${ruleLine(rule, lang)}`);
      }
    }
  }
  if (r.statusChanged > 0) {
    out.push('');
    out.push(`  ${t(lang, 'cmd.diff.status-head', { n: r.statusChanges.length, of: r.statusChanged })}`);
    for (const c of r.statusChanges) out.push(`  ${statusLine(c, lang)}`);
  }
  if (r.flags.length > 0) {
    out.push('');
    out.push(`  ${t(lang, 'cmd.diff.flags-head')}`);
    for (const f of r.flags) out.push(`    +${f.appeared} -${f.disappeared}  ${f.rule}: ${f.message}`);
  }
  if (r.kpis.length > 0) {
    out.push('');
    out.push(`  ${t(lang, 'cmd.diff.kpis-head')}`);
    const w = Math.max(...r.kpis.map((k) => textWidth(k.name)));
    for (const k of r.kpis) {
      const target = kpiTargetText(k);
      const met = kpiMetText(k.base) || kpiMetText(k.head) ? `  ${kpiMetText(k.base, lang) || '—'} → ${kpiMetText(k.head, lang) || '—'}` : '';
      out.push(`    ${k.name}${' '.repeat(w - textWidth(k.name) + 2)}${kpiValueText(k.base, lang)} → ${kpiValueText(k.head, lang)}${target ? t(lang, 'cmd.diff.kpi-target', { target }) : ''}${met}${kpiChanged(k) ? '' : t(lang, 'cmd.diff.kpi-unchanged')}`);
    }
  }
  out.push('');
  out.push(`  ${t(lang, 'cmd.diff.versions', { base: versionsUsed(r.base, lang), head: versionsUsed(r.head, lang) })}`);
  return `${out.join('\n')}\n`;
}
