/// <reference lib="dom" />
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { ApiError, get, post, setUnsaved } from './api.js';
import { ClaimPanel } from './claim-panel.js';
import { DiffPanel } from './diff-panel.js';
import { $, clear, h } from './dom.js';
import { newState, type EditorHooks, type LspDiagnostic } from './editor.js';
import { lang, setLang, t, type Lang } from './i18n.js';
import type { Meta } from './meta.js';
import { ParamsPanel } from './params-panel.js';
import { TestsPanel } from './tests-panel.js';

interface Doc {
  state: EditorState;
  hash: string;
  savedText: string;
}
interface TreeEntry {
  path: string;
  kind: string;
  module?: string;
  readOnly?: boolean;
}

const docs = new Map<string, Doc>();
let meta: Meta;
let policy = '';
let current = '';
let view: EditorView | undefined;
let tab: 'claim' | 'tests' | 'diff' | 'params' = 'claim';
let tree: TreeEntry[] = [];
let corpus: string | null = null;
let claimsFiles: readonly string[] = [];
let panels: { claim: ClaimPanel; tests: TestsPanel; diff: DiffPanel; params: ParamsPanel } | undefined;
const diagnosticsEl = h('div', { testid: 'diagnostics', class: 'diagnostics' });
const statusEl = h('span', { class: 'save-status', testid: 'save-status' });

const hooks: EditorHooks = {
  path: () => current,
  onDiagnostics: (d) => renderDiagnostics(d),
  onChange: () => markDirty(),
  save: () => void save(),
};

function renderDiagnostics(list: readonly LspDiagnostic[]): void {
  if (list.length === 0) {
    clear(diagnosticsEl, h('div', { class: 'ok' }, t('noDiagnostics')));
    return;
  }
  clear(
    diagnosticsEl,
    ...list.map((d) => {
      const row = h(
        'div',
        { class: d.severity === 1 ? 'diag error' : 'diag warning', 'data-code': String(d.code ?? '') },
        `${d.code ?? ''} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`,
        d.data?.suggestion ? h('span', { class: 'suggestion' }, ` — ${t('suggestion')} ${d.data.suggestion}`) : null,
      );
      row.addEventListener('click', () => gotoLine(d.range.start.line + 1));
      return row;
    }),
  );
}

function markDirty(): void {
  const d = docs.get(current);
  if (!d || !view) return;
  d.state = view.state;
  const dirty = view.state.doc.toString() !== d.savedText;
  statusEl.textContent = dirty ? `● ${t('unsaved')}` : '';
  statusEl.setAttribute('data-dirty', String(dirty));
}

function gotoLine(line: number): void {
  if (!view) return;
  const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
  view.dispatch({ selection: { anchor: l.from }, effects: EditorView.scrollIntoView(l.from, { y: 'center' }) });
  view.focus();
}

async function openFile(path: string, line?: number): Promise<void> {
  if (view && docs.has(current)) (docs.get(current) as Doc).state = view.state;
  let d = docs.get(path);
  if (!d) {
    const f = await post<{ path: string; text: string; hash: string }>('file', { path });
    d = { state: newState(f.text, hooks), hash: f.hash, savedText: f.text };
    docs.set(path, d);
  }
  current = path;
  view?.setState(d.state);
  statusEl.textContent = '';
  document.querySelectorAll('.tree li').forEach((li) => li.classList.toggle('current', li.getAttribute('data-path') === path));
  $('#file-name').textContent = path;
  if (!path.endsWith('.policy')) renderDiagnostics([]);
  if (line !== undefined) gotoLine(line);
  markDirty();
}

/** Format (policy fmt's layout), then save atomically; refused when the file changed on disk. */
async function save(): Promise<void> {
  const d = docs.get(current);
  if (!d || !view) return;
  let text = view.state.doc.toString();
  if (current.endsWith('.policy')) {
    const f = await post<{ text: string | null }>('format', { path: current, text });
    if (f.text !== null && f.text !== text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: f.text } });
      text = f.text;
    }
  }
  try {
    const r = await post<{ hash: string }>('save', { path: current, text, hash: d.hash });
    d.hash = r.hash;
    d.savedText = text;
    d.state = view.state;
    markDirty();
    statusEl.textContent = `✓ ${t('saved')}`;
  } catch (e) {
    statusEl.textContent = e instanceof ApiError && e.status === 409 ? `✗ ${t('changedOnDisk')}: ${e.message}` : `✗ ${(e as Error).message}`;
  }
}

async function choosePolicy(p: string): Promise<void> {
  policy = p;
  const r = await post<{ files: TreeEntry[]; corpus: string | null; claims?: string[] }>('tree', { policy: p });
  tree = r.files;
  corpus = r.corpus;
  claimsFiles = r.claims ?? [];
  render();
  const first = tree.find((f) => f.kind === 'policy' && !f.module && /settlement|rules/.test(f.path)) ?? tree.find((f) => f.kind === 'policy' && !f.module);
  if (first) await openFile(first.path);
}

function treeView(): HTMLElement {
  const item = (f: TreeEntry): HTMLElement => {
    const li = h('li', { 'data-path': f.path, class: f.path === current ? 'current' : '' }, f.path.split('/').slice(-2).join('/'));
    if (f.readOnly) li.classList.add('readonly');
    else li.addEventListener('click', () => void openFile(f.path));
    return li;
  };
  const own = tree.filter((f) => f.kind === 'policy' && !f.module);
  const mods = tree.filter((f) => f.module);
  const tests = tree.filter((f) => f.kind === 'test');
  return h(
    'nav',
    { class: 'tree', testid: 'tree' },
    h('h4', {}, t('files')),
    h('ul', {}, ...own.map(item)),
    mods.length > 0 ? h('h4', {}, t('modules')) : null,
    mods.length > 0 ? h('ul', {}, ...mods.map(item)) : null,
    h('h4', {}, t('tests')),
    h('ul', {}, ...tests.map(item)),
  );
}

function render(): void {
  const select = h('select', { testid: 'policy-select' }, ...meta.policies.map((p) => h('option', { value: p, selected: p === policy }, p)));
  select.addEventListener('change', () => void choosePolicy(select.value));
  const switcher = h('button', { testid: 'lang' }, t('langSwitch'));
  switcher.addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    localStorage.setItem('policy-studio-lang', lang());
    render();
  });
  const saveBtn = h('button', { testid: 'save', class: 'primary' }, t('save'));
  saveBtn.addEventListener('click', () => void save());
  const claimJson = panels?.claim ? (document.querySelector('[data-testid=claim-json]') as HTMLTextAreaElement | null)?.value : undefined;
  panels = {
    claim: new ClaimPanel(meta, () => policy),
    tests: new TestsPanel(() => policy, (f, l) => void openFile(f, l)),
    diff: new DiffPanel(meta, () => policy),
    params: new ParamsPanel(() => policy, (f, l) => void openFile(f, l)),
  };
  if (claimJson !== undefined) panels.claim.setClaim(claimJson);
  panels.diff.setCorpus(corpus, claimsFiles);
  const tabs = (['claim', 'tests', 'diff', 'params'] as const).map((k) => {
    const b = h('button', { testid: `tab-${k}`, class: k === tab ? 'tab active' : 'tab' }, t(k === 'claim' ? 'claim' : k === 'tests' ? 'tests' : k === 'diff' ? 'change' : 'parameters'));
    b.addEventListener('click', () => {
      tab = k;
      for (const [name, p] of Object.entries(panels ?? {})) p.el.hidden = name !== k;
      document.querySelectorAll('.tab').forEach((x) => x.classList.toggle('active', x.getAttribute('data-testid') === `tab-${k}`));
      if (k === 'params') void panels?.params.load();
    });
    return b;
  });
  for (const [name, p] of Object.entries(panels)) p.el.hidden = name !== tab;
  const editorHost = h('div', { testid: 'editor', class: 'editor' });
  document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  clear(
    document.body,
    h('header', {}, h('strong', {}, t('title')), h('label', {}, `${t('policy')} `, select), saveBtn, statusEl, h('span', { class: 'spacer' }), switcher),
    h(
      'main',
      {},
      treeView(),
      h('div', { class: 'center' }, h('div', { id: 'file-name', class: 'file-name' }, current), editorHost, h('h4', {}, t('diagnostics')), diagnosticsEl),
      h('aside', {}, h('div', { class: 'tabs' }, ...tabs), panels.claim.el, panels.tests.el, panels.diff.el, panels.params.el),
    ),
  );
  const state = docs.get(current)?.state;
  view?.destroy();
  view = new EditorView({ parent: editorHost, ...(state ? { state } : {}) });
}

setUnsaved(() => {
  if (view && docs.has(current)) (docs.get(current) as Doc).state = view.state;
  const out: { path: string; text: string }[] = [];
  for (const [path, d] of docs) {
    const text = d.state.doc.toString();
    if (text !== d.savedText) out.push({ path, text });
  }
  return out;
});

async function boot(): Promise<void> {
  const saved = localStorage.getItem('policy-studio-lang');
  setLang((saved === 'en' ? 'en' : 'zh') as Lang);
  const r = await get<{ policies: string[]; layers: { name: string; zh: string }[]; enums: Meta['enums'] }>('policies');
  meta = { policies: r.policies, layerZh: Object.fromEntries(r.layers.map((l) => [l.name, l.zh])), enums: r.enums };
  const wanted = new URLSearchParams(location.search).get('policy');
  const first = (wanted && r.policies.includes(wanted) ? wanted : undefined) ?? r.policies.find((p) => !p.includes('modules')) ?? r.policies[0];
  if (first) await choosePolicy(first);
  else render();
  document.body.setAttribute('data-ready', 'true');
}

void boot().catch((e: unknown) => {
  document.body.textContent = `policy studio: ${(e as Error).message}`;
});
