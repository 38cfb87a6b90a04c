/// <reference lib="dom" />
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { HighlightStyle, StreamLanguage, bracketMatching, syntaxHighlighting, type StringStream } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { post } from './api.js';
import { lang } from './i18n.js';

/** The language's keywords (packages/dsl/src/syntax/tokens.ts). */
const KEYWORDS = new Set('policy title document version layers clause param table by set let accumulator per person year rule cites assumed reading note when from until flag if then else and or not in of otherwise claim true module extends import override modifier adjust unadjusted base bands to cap on above capped at tops up false property covers'.split(' '));
const LAYERS = new Set(['basic', 'critical_illness', 'medical_assistance', 'supplementary', 'fallback', 'finance', 'hospital', 'patient']);

/** `.policy` highlighting: comments, strings, numbers with their units, keywords, layers, names. */
const policyLanguage = StreamLanguage.define<null>({
  name: 'policy',
  token(stream: StringStream): string | null {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return 'comment';
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^\d{4}-\d{2}-\d{2}/)) return 'number';
    if (stream.match(/^\d[\d,_]*(?:\.\d+)?\s*(?:万元|元|%|个百分点|天|日)?/)) return 'number';
    const word = stream.match(/^[A-Za-z_][\w]*/) as RegExpMatchArray | null;
    if (word) {
      if (KEYWORDS.has(word[0])) return 'keyword';
      if (LAYERS.has(word[0])) return 'typeName';
      return 'variableName';
    }
    if (stream.match(/^[\u4e00-\u9fff\u3400-\u4dbf·ⅠⅡⅢ\w]+/)) return 'variableName';
    if (stream.match(/^(?:×|÷|[-+*/<>=!]=?|≤|≥|≠|\?\?)/)) return 'operator';
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
});

const highlight = HighlightStyle.define([
  { tag: tags.comment, color: '#6a737d', fontStyle: 'italic' },
  { tag: tags.string, color: '#032f62' },
  { tag: tags.number, color: '#005cc5' },
  { tag: tags.keyword, color: '#d73a49', fontWeight: 'bold' },
  { tag: tags.typeName, color: '#6f42c1' },
  { tag: tags.operator, color: '#e36209' },
]);

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
    policyLanguage,
    syntaxHighlighting(highlight),
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
