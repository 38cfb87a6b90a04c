import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

/**
 * The VS Code extension's TextMate grammar (editors/vscode/syntaxes/policy.tmLanguage.json),
 * run by VS Code's own engine (vscode-textmate + vscode-oniguruma) over every shipped policy
 * file, against golden token files in editors/vscode/test/golden. A missing or different
 * golden fails; `UPDATE_GOLDEN=1` writes them (review the diff before committing).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const extension = join(root, 'editors', 'vscode');
const goldenDir = join(extension, 'test', 'golden');
const update = process.env['UPDATE_GOLDEN'] === '1';

let grammar: vsctm.IGrammar;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope: string) =>
      scope === 'source.policy' ? vsctm.parseRawGrammar(readFileSync(join(extension, 'syntaxes', 'policy.tmLanguage.json'), 'utf8'), 'policy.tmLanguage.json') : null,
  });
  const g = await registry.loadGrammar('source.policy');
  if (!g) throw new Error('the grammar did not load');
  grammar = g;
});

/** Each line's tokens as `text⟨innermost scope⟩`, whitespace left out. */
function tokenize(text: string): string[] {
  let state = vsctm.INITIAL;
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const tokens = r.tokens
      .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1] ?? '' }))
      .filter((t) => t.text.trim() !== '')
      .map((t) => `${t.text.trim()}⟨${t.scope.replace(/\.policy$/, '')}⟩`);
    if (tokens.length > 0) out.push(`${i + 1}: ${tokens.join(' ')}`);
  });
  return out;
}

function policyFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? policyFiles(p) : f.endsWith('.policy') ? [p] : [];
    });
}

const files = policyFiles(join(root, 'policies'));

describe('the TextMate grammar', () => {
  it('reads the language\'s pieces as what they are', () => {
    const line = (s: string): string => tokenize(s)[0] ?? '';
    expect(line('param 大病保险起付线 = 7500元 cites "ANYI-4b", "ANYI-4c"  # 起付线')).toBe(
      '1: param⟨storage.type.declaration⟩ 大病保险起付线⟨entity.name.declaration⟩ =⟨keyword.operator⟩ 7500⟨constant.numeric.money⟩ 元⟨keyword.other.unit.money⟩ cites⟨keyword.other.citation⟩ "ANYI-4b"⟨string.quoted.double.citation⟩ ,⟨punctuation.separator.comma⟩ "ANYI-4c"⟨string.quoted.double.citation⟩ # 起付线⟨comment.line.number-sign⟩',
    );
    expect(line('param 低保救助提高 = 5个百分点 assumed "why"')).toBe(
      '1: param⟨storage.type.declaration⟩ 低保救助提高⟨entity.name.declaration⟩ =⟨keyword.operator⟩ 5⟨constant.numeric.points⟩ 个百分点⟨keyword.other.unit.points⟩ assumed⟨keyword.other.assumed⟩ "why"⟨string.quoted.double⟩',
    );
    expect(line('  2020-01-01: 1.5万元 × 90% when visit == 住院 and 住院类')).toBe(
      '1: 2020-01-01⟨constant.numeric.date⟩ :⟨punctuation.separator⟩ 1.5⟨constant.numeric.money⟩ 万元⟨keyword.other.unit.money⟩ ×⟨keyword.operator⟩ 90⟨constant.numeric.percent⟩ %⟨keyword.other.unit.percent⟩ when⟨keyword.control⟩ visit⟨support.variable.claim⟩ ==⟨keyword.operator⟩ 住院⟨support.constant.enum⟩ and⟨keyword.operator.word⟩ 住院类⟨variable.other⟩',
    );
    expect(line('clause "ANYI-8" "(八)第五道保障线" "…\\"引\\"…"')).toContain('"ANYI-8"⟨string.quoted.double.citation⟩');
    expect(line('  basic = min(total, 3日) rule规则')).toBe(
      '1: basic⟨support.constant.layer⟩ =⟨keyword.operator⟩ min⟨support.function⟩ (⟨punctuation.section.parens⟩ total⟨support.variable.claim⟩ ,⟨punctuation.separator⟩ 3⟨constant.numeric.days⟩ 日⟨keyword.other.unit.days⟩ )⟨punctuation.section.parens⟩ rule规则⟨variable.other⟩',
    );
  });

  it('finds the shipped policy files', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    const name = relative(join(root, 'policies'), file);
    it(`tokenizes ${name} as its golden file says`, () => {
      const got = `${tokenize(readFileSync(file, 'utf8')).join('\n')}\n`;
      const golden = join(goldenDir, `${name}.tokens`);
      if (update) {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, got);
        return;
      }
      if (!existsSync(golden)) throw new Error(`no golden token file ${relative(root, golden)}: run with UPDATE_GOLDEN=1 to write it, then review it`);
      expect(got).toBe(readFileSync(golden, 'utf8'));
    });
  }
});

describe('the extension manifest', () => {
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')) as {
    main: string;
    contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[] };
  };
  it('points at the grammar and the language configuration it ships', () => {
    const [language] = manifest.contributes.languages;
    const [grammarEntry] = manifest.contributes.grammars;
    expect(language?.extensions).toEqual(['.policy']);
    expect(grammarEntry?.language).toBe(language?.id);
    const raw = JSON.parse(readFileSync(join(extension, grammarEntry!.path), 'utf8')) as { scopeName: string };
    expect(raw.scopeName).toBe(grammarEntry?.scopeName);
    const config = JSON.parse(readFileSync(join(extension, language!.configuration), 'utf8')) as {
      comments: { lineComment: string };
      autoClosingPairs: { open: string; close: string }[];
    };
    expect(config.comments.lineComment).toBe('#');
    expect(config.autoClosingPairs.map((p) => p.open + p.close)).toEqual(expect.arrayContaining(['""', '「」', '{}', '()', '[]']));
    expect(manifest.main).toBe('./dist/extension.js');
  });
});
