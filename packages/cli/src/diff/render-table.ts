import { displayWidth } from '@policy/dsl';
import { money } from './fen.js';
import {
  CODE_LABELS,
  DIMENSION_TITLE,
  type DiffLabels,
  LAYER_INDEX,
  changedLine,
  kpiChanged,
  kpiMetText,
  kpiTargetText,
  kpiValueText,
  layerMoves,
  paying,
  percentText,
  ruleLine,
  sideLine,
  statusLine,
  versionsUsed,
} from './render-common.js';
import type { DiffReport, Dimension } from './report.js';

/** Columns a string takes on a terminal (Chinese characters take two). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += displayWidth(ch);
  return w;
}

const group = (fen: bigint) => money(fen, { group: true });
const delta = (fen: bigint) => money(fen, { group: true, sign: true });

/** Columns: the first left-aligned, the rest right-aligned; widths by display width (Chinese is 2). */
function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows.map((r) =>
    (indent + r.map((c, i) => {
      const pad = ' '.repeat((widths[i] as number) - width(c));
      return i === 0 ? c + pad : pad + c;
    }).join('   ')).trimEnd(),
  );
}

/** The readable report (`--format table`, the default). */
export function renderTable(r: DiffReport, labels: DiffLabels = CODE_LABELS): string {
  const out: string[] = [];
  out.push(`policy diff: ${r.base.policy} → ${r.head.policy} over ${r.input === '-' ? 'standard input' : r.input}`);
  out.push(`  base  ${sideLine(r.base)}`);
  out.push(`  head  ${sideLine(r.head)}`);
  out.push('');
  out.push(
    ...columns([
      ['', 'base', 'head'],
      ['records read', String(r.records), String(r.records)],
      ['settled', String(r.base.settled), String(r.head.settled)],
      ['rejected', String(r.base.rejected), String(r.head.rejected)],
    ]),
  );
  out.push(`  settled on both sides ${r.settledBoth}, rejected on both ${r.rejectedBoth + r.invalid} (${r.invalid} invalid record${r.invalid === 1 ? '' : 's'})`);
  out.push(`  ${changedLine(r)}`);
  out.push('');

  const layerRows: string[][] = [['layer', 'before', 'after', 'delta', 'delta %']];
  for (const l of r.layers) {
    const i = LAYER_INDEX[l];
    const b = r.base.layers[i] as bigint;
    const a = r.head.layers[i] as bigint;
    layerRows.push([labels.layer(l), group(b), group(a), delta(a - b), percentText(b, a)]);
  }
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  layerRows.push(['paying layers', group(bp), group(ap), delta(ap - bp), percentText(bp, ap)]);
  layerRows.push(['total (invoice)', group(r.base.total), group(r.head.total), delta(r.head.total - r.base.total), percentText(r.base.total, r.head.total)]);
  out.push(...columns(layerRows));

  if (r.changedClaims > 0) {
    for (const dim of Object.keys(DIMENSION_TITLE) as Dimension[]) {
      out.push('');
      const rows: string[][] = [[`by ${DIMENSION_TITLE[dim]}`, 'claims', 'changed', 'Δ paying', ...r.touched.map((l) => `Δ ${labels.layer(l)}`)]];
      for (const g of r.groups.filter((g) => g.dimension === dim)) {
        rows.push([labels.group(dim, g.group), String(g.claims), String(g.changed), delta(paying(g.delta)), ...r.touched.map((l) => delta(g.delta[LAYER_INDEX[l]] as bigint))]);
      }
      out.push(...columns(rows));
    }
  }

  if (r.top.length > 0) {
    out.push('');
    out.push(`  claims that changed most (${r.top.length} of ${r.layersChanged}; by patient, then any layer)`);
    for (const c of r.top) {
      out.push(`  ${c.id}  person ${c.personId}  ${c.date}  line ${c.location.line}`);
      for (const m of layerMoves(c, r.layers, labels)) out.push(`      ${m}`);
      if (c.rules && c.rules.length > 0) {
        out.push('      rules that fired differently:');
        for (const rule of c.rules) out.push(`        ${ruleLine(rule)}`);
      }
    }
  }
  if (r.statusChanged > 0) {
    out.push('');
    out.push(`  settled ↔ rejected (${r.statusChanges.length} of ${r.statusChanged})`);
    for (const c of r.statusChanges) out.push(`  ${statusLine(c)}`);
  }
  if (r.flags.length > 0) {
    out.push('');
    out.push('  flags that appeared (+) and disappeared (-), in claims settled on both sides');
    for (const f of r.flags) out.push(`    +${f.appeared} -${f.disappeared}  ${f.rule}: ${f.message}`);
  }
  if (r.kpis.length > 0) {
    out.push('');
    out.push('  indicators (kpi), over the claims each side settled');
    const w = Math.max(...r.kpis.map((k) => width(k.name)));
    for (const k of r.kpis) {
      const target = kpiTargetText(k);
      const met = kpiMetText(k.base) || kpiMetText(k.head) ? `  ${kpiMetText(k.base) || '—'} → ${kpiMetText(k.head) || '—'}` : '';
      out.push(`    ${k.name}${' '.repeat(w - width(k.name) + 2)}${kpiValueText(k.base)} → ${kpiValueText(k.head)}${target ? `  target ${target}` : ''}${met}${kpiChanged(k) ? '' : '  (unchanged)'}`);
    }
  }
  out.push('');
  out.push(`  versions in force: base ${versionsUsed(r.base)}; head ${versionsUsed(r.head)}`);
  return `${out.join('\n')}\n`;
}
