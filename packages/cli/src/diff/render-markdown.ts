import { t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { money } from './fen.js';
import {
  CODE_LABELS,
  DIMENSION_TITLE,
  dimensionTitle,
  type DiffLabels,
  LAYER_INDEX,
  changedLine,
  kpiMetText,
  kpiTargetText,
  kpiValueText,
  layerMoves,
  paying,
  percentText as percentIn,
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

function side(s: SideSummary, lang: Lang): string {
  const at = s.rev !== undefined ? t(lang, 'cmd.diff.md.at', { rev: code(s.rev) }) : '';
  return t(lang, s.versions.length === 1 ? 'cmd.diff.md.side.one' : 'cmd.diff.md.side.many', { path: code(s.path), at, policy: cell(s.policy), versions: s.versions.join(', ') });
}

/** `--format markdown`: for a pull-request comment (GitHub-flavoured Markdown). */
export function renderMarkdown(r: DiffReport, labels: DiffLabels = CODE_LABELS, lang: Lang = currentLang()): string {
  const out: string[] = [];
  const percentText = (b: bigint, a: bigint): string => percentIn(b, a, lang);
  const title = r.changedClaims === 0 ? t(lang, 'cmd.diff.no-change') : t(lang, 'cmd.diff.md.changed-of', { n: r.changedClaims, records: r.records });
  out.push(t(lang, 'cmd.diff.md.title', { policy: cell(r.head.policy), title }));
  out.push('');
  out.push(`- **base** ${side(r.base, lang)}`);
  out.push(`- **head** ${side(r.head, lang)}`);
  out.push(
    t(lang, 'cmd.diff.md.claims', {
      input: code(r.input === '-' ? t(lang, 'cmd.standard-input') : r.input),
      records: r.records,
      baseSettled: r.base.settled,
      headSettled: r.head.settled,
      baseRejected: r.base.rejected,
      headRejected: r.head.rejected,
      invalid: r.invalid,
    }),
  );
  out.push('');
  out.push(`**${cell(changedLine(r, lang))}**`);
  out.push('');

  const rows = r.layers.map((l) => {
    const i = LAYER_INDEX[l];
    const b = r.base.layers[i] as bigint;
    const a = r.head.layers[i] as bigint;
    return [code(labels.layer(l)), group(b), group(a), delta(a - b), percentText(b, a)];
  });
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  rows.push([t(lang, 'cmd.diff.paying'), group(bp), group(ap), delta(ap - bp), percentText(bp, ap)]);
  rows.push([t(lang, 'cmd.diff.total'), group(r.base.total), group(r.head.total), delta(r.head.total - r.base.total), percentText(r.base.total, r.head.total)]);
  out.push(...table([t(lang, 'cmd.diff.layer'), t(lang, 'cmd.diff.before'), t(lang, 'cmd.diff.after'), t(lang, 'cmd.diff.delta'), t(lang, 'cmd.diff.delta-percent')], rows));

  if (r.changedClaims > 0) {
    for (const dim of Object.keys(DIMENSION_TITLE) as Dimension[]) {
      out.push('', t(lang, 'cmd.diff.md.by', { dimension: dimensionTitle(dim, lang) }), '');
      const groups = r.groups.filter((g) => g.dimension === dim);
      out.push(
        ...table(
          [dimensionTitle(dim, lang), t(lang, 'cmd.diff.claims'), t(lang, 'cmd.diff.changed'), t(lang, 'cmd.diff.delta-paying'), ...r.touched.map((l) => `Δ ${labels.layer(l)}`)],
          groups.map((g) => [code(labels.group(dim, g.group)), String(g.claims), String(g.changed), delta(paying(g.delta)), ...r.touched.map((l) => delta(g.delta[LAYER_INDEX[l]] as bigint))]),
        ),
      );
    }
  }

  if (r.top.length > 0) {
    out.push('', `<details><summary>${t(lang, r.top.length === 1 ? 'cmd.diff.md.top.one' : 'cmd.diff.md.top.many', { n: r.top.length, of: r.layersChanged })}</summary>`, '');
    for (const c of r.top) {
      out.push(t(lang, 'cmd.diff.md.top-claim', { id: code(c.id), person: code(c.personId), date: c.date, line: c.location.line, moves: layerMoves(c, r.layers, labels).map(cell).join('; ') }));
      for (const rule of c.rules ?? []) out.push(`  - ${cell(ruleLine(rule, lang))}`);
    }
    out.push('', '</details>');
  }
  if (r.statusChanged > 0) {
    out.push('', `<details><summary>${t(lang, r.statusChanged === 1 ? 'cmd.diff.md.status.one' : 'cmd.diff.md.status.many', { n: r.statusChanged })}</summary>`, '');
    for (const c of r.statusChanges) out.push(`- ${cell(statusLine(c, lang))}`);
    if (r.statusChanged > r.statusChanges.length) out.push(`- ${t(lang, 'cmd.and-more', { n: r.statusChanged - r.statusChanges.length })}`);
    out.push('', '</details>');
  }
  if (r.flags.length > 0) {
    out.push('', t(lang, 'cmd.diff.md.flags'), '');
    out.push(...table([t(lang, 'cmd.diff.md.flag'), t(lang, 'cmd.diff.md.appeared'), t(lang, 'cmd.diff.md.disappeared')], r.flags.map((f) => [cell(`${f.rule}: ${f.message}`), String(f.appeared), String(f.disappeared)])));
  }
  if (r.kpis.length > 0) {
    out.push('', t(lang, 'cmd.diff.md.indicators'), '');
    out.push(
      ...table(
        ['kpi', t(lang, 'cmd.diff.before'), t(lang, 'cmd.diff.after'), t(lang, 'cmd.diff.md.target'), t(lang, 'cmd.diff.md.met-before'), t(lang, 'cmd.diff.md.met-after')],
        r.kpis.map((k) => [cell(k.name), cell(kpiValueText(k.base, lang)), cell(kpiValueText(k.head, lang)), cell(kpiTargetText(k) || '—'), kpiMetText(k.base, lang) || '—', kpiMetText(k.head, lang) || '—']),
      ),
    );
  }
  out.push('', t(lang, 'cmd.diff.md.versions', { base: cell(versionsUsed(r.base, lang)), head: cell(versionsUsed(r.head, lang)) }));
  return `${out.join('\n')}\n`;
}
