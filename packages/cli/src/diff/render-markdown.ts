import { money } from './fen.js';
import {
  CODE_LABELS,
  DIMENSION_TITLE,
  type DiffLabels,
  LAYER_INDEX,
  changedLine,
  kpiMetText,
  kpiTargetText,
  kpiValueText,
  layerMoves,
  paying,
  percentText,
  ruleLine,
  statusLine,
  versionsUsed,
} from './render-common.js';
import type { DiffReport, Dimension, SideSummary } from './report.js';

const group = (fen: bigint) => money(fen, { group: true });
const delta = (fen: bigint) => money(fen, { group: true, sign: true });

/** Text safe in a GitHub table cell or list item: no pipes, no line breaks, no HTML tags. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/[\r\n]+/g, ' ');
}

/** A code span (HTML is not rendered in one; a pipe still needs its backslash inside a table). */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')}\``;
}

/** A table of cells already made safe (cell() or code()); numbers right-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function side(s: SideSummary): string {
  const n = s.versions.length;
  return `${code(s.path)}${s.rev !== undefined ? ` at ${code(s.rev)}` : ''} (${cell(s.policy)}, version${n === 1 ? '' : 's'} ${s.versions.join(', ')})`;
}

/** `--format markdown`: for a pull-request comment (GitHub-flavoured Markdown). */
export function renderMarkdown(r: DiffReport, labels: DiffLabels = CODE_LABELS): string {
  const out: string[] = [];
  const title = r.changedClaims === 0 ? 'no claim changed' : `${r.changedClaims} of ${r.records} claims changed`;
  out.push(`### policy diff: ${cell(r.head.policy)} — ${title}`);
  out.push('');
  out.push(`- **base** ${side(r.base)}`);
  out.push(`- **head** ${side(r.head)}`);
  out.push(
    `- **claims** ${code(r.input === '-' ? 'standard input' : r.input)}: ${r.records} read; settled ${r.base.settled} before, ${r.head.settled} after; ` +
      `rejected ${r.base.rejected} before, ${r.head.rejected} after (${r.invalid} invalid)`,
  );
  out.push('');
  out.push(`**${cell(changedLine(r))}**`);
  out.push('');

  const rows = r.layers.map((l) => {
    const i = LAYER_INDEX[l];
    const b = r.base.layers[i] as bigint;
    const a = r.head.layers[i] as bigint;
    return [code(labels.layer(l)), group(b), group(a), delta(a - b), percentText(b, a)];
  });
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  rows.push(['paying layers', group(bp), group(ap), delta(ap - bp), percentText(bp, ap)]);
  rows.push(['total (invoice)', group(r.base.total), group(r.head.total), delta(r.head.total - r.base.total), percentText(r.base.total, r.head.total)]);
  out.push(...table(['layer', 'before', 'after', 'delta', 'delta %'], rows));

  if (r.changedClaims > 0) {
    for (const dim of Object.keys(DIMENSION_TITLE) as Dimension[]) {
      out.push('', `#### By ${DIMENSION_TITLE[dim]}`, '');
      const groups = r.groups.filter((g) => g.dimension === dim);
      out.push(
        ...table(
          [DIMENSION_TITLE[dim], 'claims', 'changed', 'Δ paying', ...r.touched.map((l) => `Δ ${labels.layer(l)}`)],
          groups.map((g) => [code(labels.group(dim, g.group)), String(g.claims), String(g.changed), delta(paying(g.delta)), ...r.touched.map((l) => delta(g.delta[LAYER_INDEX[l]] as bigint))]),
        ),
      );
    }
  }

  if (r.top.length > 0) {
    out.push('', `<details><summary>The ${r.top.length} claim${r.top.length === 1 ? '' : 's'} that changed most (of ${r.layersChanged}; by patient, then any layer)</summary>`, '');
    for (const c of r.top) {
      out.push(`- ${code(c.id)} person ${code(c.personId)}, ${c.date}, line ${c.location.line}: ${layerMoves(c, r.layers, labels).map(cell).join('; ')}`);
      for (const rule of c.rules ?? []) out.push(`  - ${cell(ruleLine(rule))}`);
    }
    out.push('', '</details>');
  }
  if (r.statusChanged > 0) {
    out.push('', `<details><summary>Settled ↔ rejected: ${r.statusChanged} claim${r.statusChanged === 1 ? '' : 's'}</summary>`, '');
    for (const c of r.statusChanges) out.push(`- ${cell(statusLine(c))}`);
    if (r.statusChanged > r.statusChanges.length) out.push(`- … and ${r.statusChanged - r.statusChanges.length} more`);
    out.push('', '</details>');
  }
  if (r.flags.length > 0) {
    out.push('', '#### Flags', '');
    out.push(...table(['flag', 'appeared', 'disappeared'], r.flags.map((f) => [cell(`${f.rule}: ${f.message}`), String(f.appeared), String(f.disappeared)])));
  }
  if (r.kpis.length > 0) {
    out.push('', '#### Indicators', '');
    out.push(
      ...table(
        ['kpi', 'before', 'after', 'target', 'met before', 'met after'],
        r.kpis.map((k) => [cell(k.name), cell(kpiValueText(k.base)), cell(kpiValueText(k.head)), cell(kpiTargetText(k) || '—'), kpiMetText(k.base) || '—', kpiMetText(k.head) || '—']),
      ),
    );
  }
  out.push('', `Versions in force: base ${cell(versionsUsed(r.base))}; head ${cell(versionsUsed(r.head))}.`);
  return `${out.join('\n')}\n`;
}
