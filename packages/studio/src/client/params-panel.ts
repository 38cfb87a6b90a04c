/// <reference lib="dom" />
import { post } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

interface Param {
  name: string;
  kind: string;
  file: string;
  line: number;
  own: boolean;
  text: string;
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
          return h('details', { class: p.own ? 'param own' : 'param' }, h('summary', {}, `${p.name} `, h('span', { class: 'kind' }, p.kind), ' ', where), h('pre', {}, p.text.replace(/```\w*\n?/g, '')));
        }),
      );
    } catch (e) {
      clear(this.list, h('div', { class: 'status error' }, (e as Error).message));
    }
  }
}
