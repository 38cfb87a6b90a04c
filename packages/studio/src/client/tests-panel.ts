/// <reference lib="dom" />
import { post } from './api.js';
import { clear, h } from './dom.js';
import { t } from './i18n.js';

interface CaseResult {
  file: string;
  line: number;
  name: string;
  pass: boolean;
  claims: { id: string; failures: string[]; layers?: Record<string, string>; rejected?: string }[];
}

/** The policy's test cases, run under the edited policy: pass/fail, and what differs from the expectation. */
export class TestsPanel {
  readonly el: HTMLElement;
  private readonly list = h('div', { class: 'cases' });
  private readonly summary = h('div', { class: 'status', testid: 'tests-summary' });

  constructor(
    private readonly policy: () => string,
    private readonly open: (file: string, line: number) => void,
  ) {
    const run = h('button', { testid: 'run-tests', class: 'primary' }, t('runTests'));
    run.addEventListener('click', () => void this.run());
    this.el = h('section', { class: 'panel', testid: 'tests' }, h('div', { class: 'buttons' }, run), this.summary, this.list);
  }

  async run(): Promise<void> {
    this.summary.textContent = '…';
    try {
      const { cases } = await post<{ cases: CaseResult[] }>('tests', { policy: this.policy() });
      const failed = cases.filter((c) => !c.pass).length;
      this.summary.textContent = `${cases.length - failed} ${t('pass')} · ${failed} ${t('fail')}`;
      this.summary.className = failed > 0 ? 'status error' : 'status ok';
      clear(
        this.list,
        ...cases.map((c) => {
          const where = h('a', { href: '#', class: 'where' }, `${c.file}:${c.line}`);
          where.addEventListener('click', (e) => {
            e.preventDefault();
            this.open(c.file, c.line);
          });
          const claims = c.claims.map((x) =>
            h(
              'div',
              { class: 'claim' },
              `${x.id}: ${x.layers ? Object.entries(x.layers).filter(([, v]) => v !== '0.00').map(([k, v]) => `${k} ${v}`).join(' · ') : `${t('rejected')}: ${x.rejected ?? ''}`}`,
              ...x.failures.map((f) => h('div', { class: 'failure' }, `✗ ${f}`)),
            ),
          );
          return h('div', { class: c.pass ? 'case pass' : 'case fail', 'data-pass': String(c.pass) }, h('div', { class: 'name' }, `${c.pass ? '✓' : '✗'} ${c.name} `, where), ...claims);
        }),
      );
    } catch (e) {
      this.summary.textContent = (e as Error).message;
      this.summary.className = 'status error';
      clear(this.list);
    }
  }
}
