/// <reference lib="dom" />
import { post } from './api.js';
import { groupedDeltas } from './charts.js';
import { clear, h } from './dom.js';
import { lang, t } from './i18n.js';
import type { Meta } from './meta.js';

interface RuleSide {
  applied: boolean;
  layers: Record<string, string>;
  failed?: string;
}
interface Report {
  records: number;
  changedClaims: number;
  sameSource: boolean;
  layers: Record<string, { before: string; after: string; delta: string; deltaPercent: string | number | null }>;
  paying: { before: string; after: string; delta: string };
  breakdown: Record<string, { group: string; claims: number; changed: number; delta: Record<string, string> }[]>;
  top: { id: string; personId: string; date: string; delta: Record<string, string>; rules: { rule: string; base?: RuleSide; head?: RuleSide }[] }[];
}

const DIMENSIONS = [
  ['category', 'byCategory'],
  ['level', 'byLevel'],
  ['region', 'byRegion'],
] as const;

/** The edited policy against its saved version (or a git revision) over a claims corpus. */
export class DiffPanel {
  readonly el: HTMLElement;
  private readonly out = h('div', { class: 'diff-out' });
  private readonly status = h('div', { class: 'status', testid: 'diff-status' });
  /** A claims file: typed, or chosen from those under the studio's folders (the datalist). */
  private readonly corpus = h('input', { type: 'text', class: 'wide', testid: 'diff-corpus', list: 'diff-corpus-files' });
  private readonly files = h('datalist', { id: 'diff-corpus-files', testid: 'diff-corpus-files' });
  private readonly rev = h('input', { type: 'text', placeholder: 'HEAD~1', testid: 'diff-rev' });

  constructor(
    private readonly meta: Meta,
    private readonly policy: () => string,
  ) {
    const run = h('button', { testid: 'run-diff', class: 'primary' }, t('runDiff'));
    run.addEventListener('click', () => void this.run());
    this.el = h(
      'section',
      { class: 'panel', testid: 'diff' },
      h('div', { class: 'field' }, h('label', {}, t('corpus')), this.corpus, this.files),
      h('div', { class: 'buttons' }, run, h('label', {}, t('rev')), this.rev),
      this.status,
      this.out,
    );
  }

  /** The policy's CI corpus (the default, shown as the placeholder) and the claims files to choose from. */
  setCorpus(path: string | null, files: readonly string[] = []): void {
    this.corpus.placeholder = path ?? '';
    this.corpus.value = '';
    clear(this.files, ...files.map((f) => h('option', { value: f })));
  }

  private layerName(l: string): string {
    return lang() === 'zh' ? (this.meta.layerZh[l] ?? l) : l;
  }

  async run(): Promise<void> {
    this.status.textContent = '…';
    this.status.className = 'status';
    this.status.removeAttribute('data-changed'); // until this run answers
    try {
      const r = await post<{ report: Report; corpus: string; ms: number }>('diff', { policy: this.policy(), corpus: this.corpus.value.trim() || null, rev: this.rev.value.trim() || null });
      this.render(r.report, r.corpus, r.ms);
    } catch (e) {
      this.status.textContent = (e as Error).message;
      this.status.className = 'status error';
      clear(this.out);
    }
  }

  private render(r: Report, corpus: string, ms: number): void {
    this.status.textContent = `${corpus}: ${r.changedClaims} / ${r.records} ${t('changedClaims')} · ${ms} ${t('ms')}${r.sameSource ? ` · ${t('sameSource')}` : ''}`;
    this.status.className = r.changedClaims > 0 ? 'status changed' : 'status ok';
    this.status.setAttribute('data-changed', String(r.changedClaims));
    const layerRows = Object.entries(r.layers).map(([l, v]) =>
      h('tr', { 'data-layer': l, class: v.delta !== '0.00' ? 'changed' : '' }, h('td', {}, this.layerName(l)), h('td', { class: 'num' }, v.before), h('td', { class: 'num' }, v.after), h('td', { class: 'num' }, v.delta), h('td', { class: 'num' }, v.deltaPercent === null ? '' : typeof v.deltaPercent === 'number' ? `${v.deltaPercent}%` : String(v.deltaPercent))),
    );
    const layers = h('table', { testid: 'diff-layers' }, h('thead', {}, h('tr', {}, h('th', {}, t('layer')), h('th', {}, t('before')), h('th', {}, t('after')), h('th', {}, t('delta')), h('th', {}, '%'))), h('tbody', {}, ...layerRows));
    const top = h(
      'table',
      { testid: 'diff-top' },
      h('thead', {}, h('tr', {}, h('th', {}, 'id'), h('th', {}, t('delta')), h('th', {}, t('rulesFired')))),
      h(
        'tbody',
        {},
        ...r.top.map((c) =>
          h(
            'tr',
            {},
            h('td', {}, `${c.id} (${c.personId} ${c.date})`),
            h('td', {}, Object.entries(c.delta).map(([l, v]) => `${this.layerName(l)} ${v}`).join(' · ')),
            h('td', {}, ...c.rules.map((x) => h('div', {}, `${x.rule}: ${side(x.base)} → ${side(x.head)}`))),
          ),
        ),
      ),
    );
    const charts = DIMENSIONS.map(([dim, word]) => {
      const el = h('div', { class: 'chart', testid: `diff-chart-${dim}` });
      return { dim, el, box: h('div', { class: 'chart-box' }, h('h4', {}, t(word)), el) };
    });
    clear(this.out, layers, h('h4', {}, t('topClaims')), top, ...charts.map((c) => c.box));
    const touched = Object.entries(r.layers).filter(([, v]) => v.delta !== '0.00').map(([l]) => l);
    for (const c of charts) {
      const rows = r.breakdown[c.dim] ?? [];
      groupedDeltas(c.el, rows.map((g) => groupName(this.meta, c.dim, g.group)), touched.map((l) => ({ name: this.layerName(l), values: rows.map((g) => Number(g.delta[l] ?? '0')) })));
    }
  }
}

function side(s: RuleSide | undefined): string {
  if (!s) return '—';
  if (!s.applied) return `✗${s.failed ? ` (${s.failed})` : ''}`;
  const l = Object.entries(s.layers).map(([k, v]) => `${k} ${v}`).join(', ');
  return `✓ ${l}`;
}

function groupName(meta: Meta, dim: string, g: string): string {
  if (lang() !== 'zh') return g;
  if (dim === 'level') return ['未定级', '一级', '二级', '三级'][Number(g)] ?? g;
  const e = meta.enums[dim === 'category' ? 'category' : dim]?.[g]?.[0];
  return e ?? (g === 'none' ? '普通居民' : g);
}
