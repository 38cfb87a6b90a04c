/// <reference lib="dom" />
import { post } from './api.js';
import { stackedBar } from './charts.js';
import { clear, h } from './dom.js';
import { FIELDS, lang, t } from './i18n.js';
import type { Meta } from './meta.js';

const EXAMPLE = {
  id: 'Q001',
  personId: 'P000001',
  date: '2018-05-20',
  categories: ['registered_poor'],
  visit: 'inpatient',
  level: 2,
  region: 'county',
  referral: 'referred',
  designated: true,
  disease: '肺炎',
  admitted: '2018-05-12',
  discharged: '2018-05-20',
  total: '12000.00',
  inCatalog: '9000.00',
  hospitalId: 'H360123201',
};

interface Step {
  kind: string;
  [k: string]: unknown;
}
interface RuleTrace {
  rule: string;
  applied: boolean;
  at: { file: string; line: number };
  cites: { id: string; title: string; text?: string }[];
  condition?: string;
  failed?: string;
  failedFilled?: string;
  failedBecause?: { let: string; failed: string; filled: string }[];
  steps: Step[];
}
export interface Settlement {
  id: string;
  policy: string;
  version: string;
  total: string;
  layers: Record<string, string>;
  flags: { rule: string; message: string }[];
  trace?: { rules: RuleTrace[]; patient: { amount: string; formula: string } };
}

export class ClaimPanel {
  readonly el: HTMLElement;
  private readonly json = h('textarea', { testid: 'claim-json', class: 'claim-json', spellcheck: 'false', rows: '12' });
  private readonly form = h('div', { class: 'claim-form' });
  private readonly layers = h('div', { testid: 'layers', class: 'layers' });
  private readonly bar = h('div', { class: 'chart bar' });
  private readonly explain = h('div', { testid: 'explain', class: 'explain' });
  private readonly status = h('div', { class: 'status' });
  last: Settlement | undefined;

  constructor(
    private readonly meta: Meta,
    private readonly policy: () => string,
  ) {
    this.json.value = JSON.stringify(EXAMPLE, null, 2);
    this.json.addEventListener('input', () => this.renderForm());
    const settle = h('button', { testid: 'settle', class: 'primary' }, t('settle'));
    settle.addEventListener('click', () => void this.settle());
    const add = h('button', { testid: 'add-test' }, t('addTest'));
    add.addEventListener('click', () => void this.addTest());
    this.el = h('section', { class: 'panel', testid: 'claim-panel' }, h('div', { class: 'row' }, this.form, this.json), h('div', { class: 'buttons' }, settle, add), this.status, this.layers, this.bar, this.explain);
    this.renderForm();
  }

  private claim(): Record<string, unknown> | undefined {
    try {
      const v = JSON.parse(this.json.value) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  private setField(name: string, value: unknown): void {
    const c = this.claim() ?? {};
    if (value === '' || value === undefined) delete c[name];
    else c[name] = value;
    this.json.value = JSON.stringify(c, null, 2);
  }

  /** The form shows the JSON's fields; editing a field rewrites the JSON. */
  renderForm(): void {
    const c = this.claim() ?? {};
    const rows = FIELDS.map((f) => {
      const label = h('label', { for: `f-${f.name}` }, lang() === 'zh' ? `${f.zh}` : f.name);
      let input: HTMLElement;
      const value = c[f.name];
      if (f.type === 'enum') {
        const sel = h('select', { id: `f-${f.name}` }, h('option', { value: '' }, '—'));
        for (const [v, zh] of Object.entries(this.meta.enums[f.name] ?? {})) sel.append(h('option', { value: v, selected: value === v }, lang() === 'zh' ? `${zh[0] ?? v}` : v));
        sel.addEventListener('change', () => this.setField(f.name, sel.value));
        input = sel;
      } else if (f.type === 'categories') {
        const box = h('div', { class: 'checks', id: `f-${f.name}` });
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        for (const [v, zh] of Object.entries(this.meta.enums['category'] ?? {})) {
          const cb = h('input', { type: 'checkbox', value: v, checked: chosen.includes(v) });
          cb.addEventListener('change', () => {
            const now = new Set(Array.isArray(this.claim()?.['categories']) ? (this.claim()?.['categories'] as string[]) : []);
            if (cb.checked) now.add(v);
            else now.delete(v);
            this.setField('categories', [...now]);
          });
          box.append(h('label', { class: 'check' }, cb, lang() === 'zh' ? (zh[0] ?? v) : v));
        }
        input = box;
      } else if (f.type === 'bool') {
        const cb = h('input', { type: 'checkbox', id: `f-${f.name}`, checked: value === true });
        cb.addEventListener('change', () => this.setField(f.name, cb.checked));
        input = cb;
      } else if (f.type === 'level') {
        const sel = h('select', { id: `f-${f.name}` });
        for (const v of [0, 1, 2, 3]) sel.append(h('option', { value: String(v), selected: value === v }, lang() === 'zh' ? ['未定级', '一级', '二级', '三级'][v] ?? String(v) : String(v)));
        sel.addEventListener('change', () => this.setField(f.name, Number(sel.value)));
        input = sel;
      } else {
        const inp = h('input', { id: `f-${f.name}`, type: f.type === 'date' ? 'date' : 'text', value: typeof value === 'string' ? value : value === undefined ? '' : String(value) });
        inp.addEventListener('input', () => this.setField(f.name, inp.value));
        input = inp;
      }
      return h('div', { class: 'field' }, label, input);
    });
    clear(this.form, ...rows);
  }

  async settle(): Promise<void> {
    let claim: unknown;
    try {
      claim = JSON.parse(this.json.value);
    } catch (e) {
      this.status.textContent = `JSON: ${(e as Error).message}`;
      this.status.className = 'status error';
      return;
    }
    this.status.textContent = '…';
    this.status.className = 'status';
    try {
      const r = await post<{ settlement?: Settlement; explain?: string; rejected?: string }>('settle', { policy: this.policy(), claim, lang: lang() });
      if (r.rejected !== undefined || !r.settlement) {
        this.last = undefined;
        this.status.textContent = `${t('rejected')}: ${r.rejected ?? ''}`;
        this.status.className = 'status error';
        clear(this.layers);
        clear(this.explain);
        return;
      }
      this.last = r.settlement;
      this.status.textContent = `${r.settlement.policy} · ${r.settlement.version} · ${t('total')} ${r.settlement.total}`;
      this.renderLayers(r.settlement);
      this.renderExplain(r.settlement, r.explain ?? '');
    } catch (e) {
      this.last = undefined;
      this.status.textContent = (e as Error).message;
      this.status.className = 'status error';
    }
  }

  private layerName(l: string): string {
    return lang() === 'zh' ? (this.meta.layerZh[l] ?? l) : l;
  }

  private renderLayers(s: Settlement): void {
    const total = Number(s.total);
    const rows = Object.entries(s.layers).map(([l, v]) =>
      h('tr', { 'data-layer': l }, h('td', {}, this.layerName(l)), h('td', { class: 'num' }, v), h('td', { class: 'num' }, total > 0 ? `${((Number(v) / total) * 100).toFixed(2)}%` : '—')),
    );
    rows.push(h('tr', { class: 'sum' }, h('td', {}, t('total')), h('td', { class: 'num' }, s.total), h('td', { class: 'num' }, '100.00%')));
    clear(this.layers, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('layer')), h('th', {}, t('amount')), h('th', {}, t('share')))), h('tbody', {}, ...rows)));
    if (s.flags.length > 0) this.layers.append(h('ul', { class: 'flags' }, ...s.flags.map((f) => h('li', {}, `${t('flag')} · ${f.rule}: ${f.message}`))));
    stackedBar(
      this.bar,
      Object.entries(s.layers)
        .filter(([, v]) => Number(v) !== 0)
        .map(([l, v]) => ({ name: this.layerName(l), value: Number(v) })),
      total,
    );
  }

  /** The trace as a tree: a rule per node, its clauses, formulas with numbers, table rows, accumulators. */
  private renderExplain(s: Settlement, text: string): void {
    const rules = s.trace?.rules ?? [];
    const nodes = rules.map((r) => {
      const body: HTMLElement[] = [];
      for (const c of r.cites) body.push(h('div', { class: 'cite' }, `${t('cites')} ${c.id} ${c.title}`, c.text ? h('blockquote', {}, `「${c.text}」`) : null));
      if (r.condition) body.push(h('div', { class: 'cond' }, `when ${r.condition}`));
      if (!r.applied) {
        body.push(h('div', { class: 'failed' }, `${t('failedPart')}: ${r.failed ?? ''}${r.failedFilled ? ` = ${r.failedFilled}` : ''}`));
        for (const b of r.failedBecause ?? []) body.push(h('div', { class: 'failed' }, `  ${b.let}: ${b.failed} = ${b.filled}`));
      }
      for (const step of r.steps) body.push(stepNode(step));
      const mark = r.applied ? '✓' : '·';
      return h('details', { class: r.applied ? 'rule applied' : 'rule', open: r.applied }, h('summary', {}, `${mark} ${r.rule}  ${r.applied ? '' : `(${t('notApplied')})`}  ${r.at.file}:${r.at.line}`), ...body);
    });
    const patient = s.trace?.patient;
    if (patient) nodes.push(h('details', { class: 'rule applied', open: true }, h('summary', {}, `${this.layerName('patient')} ${patient.amount}`), h('div', { class: 'formula' }, patient.formula)));
    const raw = h('details', { class: 'raw' }, h('summary', {}, lang() === 'zh' ? '文字版 (policy explain --lang zh)' : 'as text (policy explain)'), h('pre', {}, text));
    clear(this.explain, h('h3', {}, t('explain')), ...nodes, raw);
  }

  /** Writes the claim, with the layers it settles to now, as a case of tests/studio.yaml. */
  async addTest(): Promise<void> {
    const claim = this.claim();
    if (!claim) return;
    try {
      const r = await post<{ file: string; cases: number }>('add-test', { policy: this.policy(), claim });
      this.status.textContent = `${t('added')} ${r.file} (${r.cases})`;
      this.status.className = 'status ok';
    } catch (e) {
      this.status.textContent = (e as Error).message;
      this.status.className = 'status error';
    }
  }

  setClaim(text: string): void {
    this.json.value = text;
    this.renderForm();
  }
}

function stepNode(step: Step): HTMLElement {
  const s = step as Record<string, unknown> & { kind: string };
  if (s.kind === 'layer') {
    const parts: HTMLElement[] = [h('div', { class: 'formula' }, `${t('formula')}: ${String(s['layer'])} = ${String(s['formula'])}`)];
    if (s['filled']) parts.push(h('div', { class: 'formula' }, `${t('filled')}: = ${String(s['filled'])}${s['value'] ? ` = ${String(s['value'])}` : ''}`));
    for (const l of (s['lets'] as { name: string; formula: string; filled: string; value: string }[] | undefined) ?? []) parts.push(h('div', { class: 'let' }, `${t('lets')} ${l.name} = ${l.formula}`, h('br'), `  = ${l.filled} = ${l.value}`));
    const rows = (s['rows'] as { table: string; key: string; value: string }[] | undefined) ?? [];
    if (rows.length > 0) parts.push(h('div', { class: 'rows' }, `${t('rows')}: ${rows.map((r) => `${r.table}[${r.key}] = ${r.value}`).join(' · ')}`));
    for (const c of (s['caps'] as { name: string; cap: string; used: string; left: string; before: string }[] | undefined) ?? []) parts.push(h('div', { class: 'cap' }, `${t('caps')} ${c.name}: ${c.before} → ${c.left} (${c.cap} − ${c.used})`));
    return h('details', { class: 'step', open: true }, h('summary', {}, `${String(s['layer'])} ${String(s['amount'])}`), ...parts);
  }
  if (s.kind === 'accumulator') return h('div', { class: 'acc' }, `${t('accumulator')} ${String(s['name'])}: ${String(s['before'])} + ${String(s['add'])} → ${String(s['after'])}`);
  if (s.kind === 'flag') return h('div', { class: 'flag' }, `${t('flag')}: ${String(s['message'])}`);
  if (s.kind === 'let') return h('div', { class: 'let' }, `let ${String(s['name'])} = ${String(s['formula'])} = ${String(s['value'])}`);
  return h('div', {}, JSON.stringify(step));
}
