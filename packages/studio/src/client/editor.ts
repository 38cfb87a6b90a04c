/// <reference lib="dom" />
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, RangeSetBuilder, StateEffect, StateField, type Extension, type Text } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, hoverTooltip, keymap, lineNumbers, highlightActiveLine, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { post } from './api.js';
import { lang } from './i18n.js';

/**
 * `.policy` highlighting from the language service's semantic tokens (the same as `policy lsp`
 * gives an editor: keywords, comments, strings, numbers with their units, operators, and each
 * name by what it resolves to — parameter, table, let, claim field, enum value, layer …), asked
 * for after each change; until the answer, the last colours move with the text.
 */
const setTokens = StateEffect.define<DecorationSet>();
const tokensField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setTokens)) next = e.value;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

interface Tokens {
  readonly types: readonly string[];
  readonly modifiers: readonly string[];
  /** LSP's encoding: per token, line delta, start (delta on the same line), length, type, modifier bits. */
  readonly data: readonly number[];
}

const marks = new Map<string, Decoration>();
function markOf(cls: string): Decoration {
  let m = marks.get(cls);
  if (!m) marks.set(cls, (m = Decoration.mark({ class: cls })));
  return m;
}

/** The tokens as CodeMirror marks (`tok-parameter tok-m-declaration` …); tokens past the text are dropped. */
export function decodeTokens(doc: Text, t: Tokens): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < t.data.length; i += 5) {
    const dl = t.data[i] as number;
    line += dl;
    char = dl === 0 ? char + (t.data[i + 1] as number) : (t.data[i + 1] as number);
    if (line + 1 > doc.lines) break;
    const l = doc.line(line + 1);
    const from = l.from + char;
    const to = Math.min(l.to, from + (t.data[i + 2] as number));
    if (from >= to) continue;
    const bits = t.data[i + 4] as number;
    const cls = [`tok-${t.types[t.data[i + 3] as number] ?? 'unknown'}`, ...t.modifiers.filter((_, k) => (bits & (1 << k)) !== 0).map((m) => `tok-m-${m}`)].join(' ');
    builder.add(from, to, markOf(cls));
  }
  return builder.finish();
}

function semanticHighlight(hooks: EditorHooks): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      private timer: ReturnType<typeof setTimeout> | undefined;
      private seq = 0;
      constructor(private readonly view: EditorView) {
        this.schedule(0);
      }
      update(u: ViewUpdate): void {
        if (u.docChanged) this.schedule(150);
      }
      private schedule(ms: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.fetch(), ms);
      }
      private async fetch(): Promise<void> {
        const path = hooks.path();
        if (!path.endsWith('.policy')) return;
        const doc = this.view.state.doc;
        const seq = ++this.seq;
        try {
          const t = await post<Tokens>('tokens', { path, text: doc.toString() });
          // A newer text (or a closed view) asks again: this answer is for a text gone.
          if (seq !== this.seq || this.view.state.doc !== doc) return;
          this.view.dispatch({ effects: setTokens.of(decodeTokens(doc, t)) });
        } catch {
          // the colours stay as they were; the diagnostics say what is wrong
        }
      }
      destroy(): void {
        clearTimeout(this.timer);
        this.seq++;
      }
    },
  );
  return [tokensField, plugin];
}

export interface EditorHooks {
  /** The path of the document shown (the server checks it). */
  path(): string;
  onDiagnostics(d: readonly LspDiagnostic[]): void;
  onChange(): void;
  save(): void;
}

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  severity?: number;
  code?: string | number;
  message: string;
  data?: { suggestion?: string };
}

export function offsetOf(doc: Text, p: LspPosition): number {
  const line = doc.line(Math.min(Math.max(p.line + 1, 1), doc.lines));
  return Math.min(line.from + p.character, line.to);
}

export function positionOf(doc: Text, offset: number): LspPosition {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
}

/** Live diagnostics: the language service checks the unsaved text as `policy check` would. */
function policyLinter(hooks: EditorHooks): Extension {
  return linter(
    async (view) => {
      const path = hooks.path();
      if (!path.endsWith('.policy')) {
        hooks.onDiagnostics([]);
        return [];
      }
      const { diagnostics } = await post<{ diagnostics: LspDiagnostic[] }>('lint', { path, text: view.state.doc.toString(), lang: lang() });
      hooks.onDiagnostics(diagnostics);
      const doc = view.state.doc;
      return diagnostics.map((d): Diagnostic => {
        const from = offsetOf(doc, d.range.start);
        const to = Math.max(from, offsetOf(doc, d.range.end));
        const suggestion = d.data?.suggestion;
        return {
          from,
          to,
          severity: d.severity === 1 ? 'error' : 'warning',
          source: String(d.code ?? ''),
          message: d.message,
          ...(suggestion
            ? { actions: [{ name: suggestion, apply: (v: EditorView, f: number, t: number) => v.dispatch({ changes: { from: f, to: t, insert: suggestion } }) }] }
            : {}),
        };
      });
    },
    { delay: 250 },
  );
}

function policyHover(hooks: EditorHooks): Extension {
  return hoverTooltip(async (view, pos) => {
    const path = hooks.path();
    if (!path.endsWith('.policy')) return null;
    const { hover } = await post<{ hover: { contents: { value: string } } | null }>('hover', { path, text: view.state.doc.toString(), ...positionOf(view.state.doc, pos) });
    if (!hover) return null;
    return {
      pos,
      create() {
        const dom = document.createElement('div');
        dom.className = 'hover';
        dom.textContent = hover.contents.value.replace(/```\w*\n?/g, '');
        return { dom };
      },
    };
  });
}

function policyCompletion(hooks: EditorHooks): Extension {
  return autocompletion({
    override: [
      async (ctx: CompletionContext): Promise<CompletionResult | null> => {
        const path = hooks.path();
        if (!path.endsWith('.policy')) return null;
        const word = ctx.matchBefore(/[\w\u4e00-\u9fff]+/);
        if (!word && !ctx.explicit) return null;
        const { items } = await post<{ items: { label: string; detail?: string; kind?: number; insertText?: string }[] }>('complete', { path, text: ctx.state.doc.toString(), ...positionOf(ctx.state.doc, ctx.pos) });
        return { from: word ? word.from : ctx.pos, options: items.map((i) => ({ label: i.label, ...(i.detail ? { detail: i.detail } : {}), apply: i.insertText ?? i.label })) };
      },
    ],
  });
}

export function editorExtensions(hooks: EditorHooks): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLine(),
    history(),
    bracketMatching(),
    EditorState.languageData.of(() => [{ commentTokens: { line: '#' } }]),
    semanticHighlight(hooks),
    lintGutter(),
    policyLinter(hooks),
    policyHover(hooks),
    policyCompletion(hooks),
    keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (hooks.save(), true) }, ...defaultKeymap, ...historyKeymap]),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.onChange();
    }),
    EditorView.lineWrapping,
  ];
}

export function newState(text: string, hooks: EditorHooks): EditorState {
  return EditorState.create({ doc: text, extensions: editorExtensions(hooks) });
}
