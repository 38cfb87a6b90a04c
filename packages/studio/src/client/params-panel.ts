/// <reference lib="dom" />
import { post } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

/** policyParameters' entry (the policy checks), or the hover's text (it has errors). */
interface Param {
  name: string;
  kind: string;
  file: string;
  line: number;
  own: boolean;
  text?: string;
  unit?: string;
  by?: string;
  values?: { from?: string; key?: string; value: string }[];
  cites?: { id: string; title: string }[];
  readings?: string[];
  assumed?: string;
}

/** The values (by date or by key), the clauses with their titles, the readings and why a number is assumed. */
function details(p: Param): HTMLElement {
  if (p.values === undefined) return h('pre', {}, (p.text ?? '').replace(/```\w*\n?/g, ''));
  const head = p.kind === 'param' ? [t('paramFrom'), t('paramValue')] : [p.by ?? t('paramKey'), t('paramValue')];
  const rows = p.values.map((v) => h('tr', {}, h('td', {}, p.kind === 'param' ? (v.from ?? '') : (v.key ?? '')), h('td', { class: 'n' }, v.value)));
  const parts: HTMLElement[] = [h('table', { class: 'values' }, h('tr', {}, ...head.map((x) => h('th', {}, x))), ...rows)];
  if (p.unit) parts.push(h('div', { class: 'unit' }, `${t('paramUnit')}: ${p.unit}`));
  if (p.cites && p.cites.length > 0) parts.push(h('div', { class: 'cites' }, `${t('paramCites')}: ${p.cites.map((c) => (c.title ? `${c.id} ${c.title}` : c.id)).join('; ')}`));
  if (p.readings && p.readings.length > 0) parts.push(h('div', { class: 'readings' }, `${t('paramReadings')}: ${p.readings.join(', ')}`));
  if (p.assumed !== undefined) parts.push(h('div', { class: 'assumed', testid: 'assumed' }, `${t('paramAssumed')}: ${p.assumed}`));
  return h('div', { class: 'param-details' }, ...parts);
}

/** Every parameter, table and band of the policy and its bases: values by date, citation, `assumed` reason (the hover of each). */
export class ParamsPanel {
  readonly el: HTMLElement;
  private readonly list = h('div', { class: 'params' });

  constructor(
    private readonly policy: () => string,
    private readonly open: (file: string, line: number) => void,
  ) {
    const load = h('button', { testid: 'load-params' }, t('loadParams'));
    load.addEventListener('click', () => void this.load());
    this.el = h('section', { class: 'panel', testid: 'parameters' }, h('div', { class: 'buttons' }, load), this.list);
  }

  async load(): Promise<void> {
    try {
      const { parameters } = await post<{ parameters: Param[] }>('parameters', { policy: this.policy() });
      clear(
        this.list,
        ...parameters.map((p) => {
          const where = h('a', { href: '#', class: 'where' }, `${p.file}:${p.line}`);
          where.addEventListener('click', (e) => {
            e.preventDefault();
            this.open(p.file, p.line);
          });
          return h('details', { class: p.own ? 'param own' : 'param' }, h('summary', {}, `${p.name} `, h('span', { class: 'kind' }, p.kind), ' ', where), details(p));
        }),
      );
    } catch (e) {
      clear(this.list, h('div', { class: 'status error' }, (e as Error).message));
    }
  }
}
