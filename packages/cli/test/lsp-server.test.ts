import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DidCloseTextDocumentNotification,
  DocumentFormattingRequest,
  ExecuteCommandRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type Hover,
  type Location,
} from 'vscode-languageserver-protocol/node';
import { startClient, uriOf, type LspClient } from './lsp-client.js';
import { applyEdits, posOf, rangeOf } from './lsp-positions.js';
import { policySync as policy, tempDir } from './run-cli.js';

/**
 * The built `policy lsp --stdio`, driven by a real LSP client (vscode-languageserver-protocol)
 * over its standard input and output, on the shipped policies.
 */
let c: LspClient;
beforeAll(async () => {
  c = await startClient();
});
afterAll(async () => {
  await c.close();
});

const markdown = (h: Hover | null): string => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('policy lsp --stdio', () => {
  it('advertises the capabilities it has', () => {
    const caps = c.capabilities;
    expect(Object.keys(caps).sort()).toEqual([
      'codeActionProvider', 'codeLensProvider', 'completionProvider', 'definitionProvider', 'documentFormattingProvider',
      'documentSymbolProvider', 'executeCommandProvider', 'foldingRangeProvider', 'hoverProvider', 'referencesProvider',
      'renameProvider', 'semanticTokensProvider', 'textDocumentSync',
    ]);
    expect(caps.executeCommandProvider?.commands).toEqual(['policy.trial', 'policy.explain']);
  });

  it('pushes a diagnostic at its range with policy check\'s text, and clears it once fixed', async () => {
    const dir = tempDir();
    cpSync('policies/anyi', join(dir, 'anyi'), { recursive: true });
    const file = join(dir, 'anyi', 'settlement.policy');
    const good = readFileSync(file, 'utf8');
    const bad = good.replace('inCatalog - 本次起付线', 'inCatalog - 本次起付先');
    const { uri } = c.open(file, bad);
    const diags = await c.diagnostics(uri, 1);
    expect(diags.map((d) => d.code)).toEqual(['E101']);
    const d = diags[0]!;
    expect(d.range).toEqual(rangeOf(bad, '本次起付先'));
    expect(d.severity).toBe(1);
    expect(d.source).toBe('policy');
    // the same code, position and message as `policy check` on the same text saved to disk
    writeFileSync(file, bad);
    const json = JSON.parse(policy(['check', '--format', 'json', join(dir, 'anyi')]).stdout) as {
      policies: { diagnostics: { code: string; message: string; location: { line: number; column: number } }[] }[];
    };
    const fromCheck = json.policies[0]!.diagnostics;
    expect(fromCheck).toHaveLength(1);
    expect(d.message).toBe(fromCheck[0]!.message);
    expect([d.range.start.line + 1, d.range.start.character + 1]).toEqual([fromCheck[0]!.location.line, fromCheck[0]!.location.column]);
    // the quick fix is the "did you mean"
    const actions = (await c.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as { title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[];
    expect(actions[0]?.title).toBe('Change to 本次起付线');
    expect(actions[0]?.edit?.changes?.[uri]?.[0]?.newText).toBe('本次起付线');
    c.change(uri, good);
    expect(await c.diagnostics(uri, 2)).toEqual([]);
  });

  it('lists the errors of the policy\'s files not open, and clears them when its last file closes', async () => {
    const dir = tempDir();
    cpSync('policies/anyi', join(dir, 'anyi'), { recursive: true });
    const params = join(dir, 'anyi', 'parameters.policy');
    writeFileSync(params, readFileSync(params, 'utf8').replace('param 大病保险起付线 = 7500元', 'param 大病保险起付线 = 7500.001元'));
    const settlement = c.open(join(dir, 'anyi', 'settlement.policy'));
    expect(await c.diagnostics(settlement.uri, 1)).toEqual([]);
    const closed = await c.diagnostics(uriOf(params), -1);
    expect(closed.map((d) => [d.code, d.range.start.line + 1])).toEqual([['E205', 60]]);
    const cleared = c.waitNext(uriOf(params));
    await c.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: settlement.uri } });
    expect(await cleared).toEqual([]);
  });

  it('reports related locations (a name declared twice)', async () => {
    const dir = tempDir();
    cpSync('policies/anyi', join(dir, 'anyi'), { recursive: true });
    const file = join(dir, 'anyi', 'settlement.policy');
    const text = `${readFileSync(file, 'utf8')}\nparam 大病保险起付线 = 1元 cites "ANYI-4b"\n`;
    const { uri } = c.open(file, text);
    const diags = await c.diagnostics(uri, 1);
    const dup = diags.find((x) => x.code === 'E104');
    expect(dup?.relatedInformation?.[0]?.location.uri).toBe(uriOf(join(dir, 'anyi', 'parameters.policy')));
    expect(dup?.relatedInformation?.[0]?.location.range.start.line).toBe(59); // parameters.policy:60
  });

  it('hovers a table as a table with its assumed reason, and a citation with the clause title', async () => {
    const { uri, text } = c.open('policies/anyi/settlement.policy');
    const table = markdown(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '住院起付线[level]') }));
    expect(table).toContain('| level | value |');
    expect(table).toContain('| 2 | 500元 |');
    expect(table).toContain('**assumed**: the document gives no basic deductible');
    const cite = markdown(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '"ANYI-5.2"', 0, 2) }));
    expect(cite).toContain('**ANYI-5.2** (五)二是 门诊特殊慢性病报销比例');
    const field = markdown(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, 'inCatalog') }));
    expect(field).toContain('政策范围内费用');
    const value = markdown(await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, 'inpatient') }));
    expect(value).toContain('**inpatient** 住院');
  });

  it('goes to a definition in the module a policy extends', async () => {
    const { uri, text } = c.open('policies/hefei/settlement.policy');
    const locs = (await c.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: posOf(text, '三五一适用') })) as Location[];
    const module = uriOf('policies/modules/anhui-comprehensive/settlement.policy');
    expect(locs.map((l) => l.uri)).toEqual([uri, module]);
    expect(locs[1]?.range.start).toEqual({ line: 13, character: 4 }); // settlement.policy:14 `let 三五一适用`
    const refs = (await c.conn.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: posOf(text, '三五一适用'), context: { includeDeclaration: true } })) ?? [];
    expect(refs.some((l) => l.uri === module)).toBe(true);
  });

  it('completes enum values by code and Chinese alias after `visit ==`, clause ids in cites', async () => {
    const file = 'policies/anyi/settlement.policy';
    const text = `${readFileSync(file, 'utf8')}\nlet 新 = visit == `;
    const { uri } = c.open(file, text);
    const items = (await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: posOf(text, 'visit == ', 2, 9) })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    expect(labels).toContain('inpatient');
    expect(labels).toContain('住院');
    expect(labels).not.toContain('county');
    const cites = `${readFileSync(file, 'utf8')}\nlet 新 = 1元 cites "ANYI-5`;
    c.change(uri, cites);
    const ids = ((await c.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: posOf(cites, 'cites "ANYI-5', 0, 13) })) as CompletionItem[]).map((i) => i.label);
    expect(ids).toContain('ANYI-5.2');
  });

  it('renames a parameter in every file of the policy, and refuses a module\'s name', async () => {
    const { uri, text } = c.open('policies/anyi/settlement.policy');
    const prep = await c.conn.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: posOf(text, '大病保险起付线') });
    expect(prep).toEqual({ range: rangeOf(text, '大病保险起付线'), placeholder: '大病保险起付线' });
    const edit = await c.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: posOf(text, '大病保险起付线'), newName: '大病起付线' });
    const changes = edit?.changes ?? {};
    expect(Object.keys(changes).sort()).toEqual([uriOf('policies/anyi/parameters.policy'), uri].sort());
    expect(changes[uri]).toHaveLength(2); // both reads on settlement.policy:93
    expect(changes[uriOf('policies/anyi/parameters.policy')]).toHaveLength(1);
    expect(applyEdits(text, changes[uri] ?? [])).toBe(text.replaceAll('大病保险起付线', '大病起付线'));
    // a rule is renamed where it is declared and in the flags its test cases expect (comments left alone)
    const rule = await c.conn.sendRequest(RenameRequest.type, { textDocument: { uri }, position: posOf(text, 'rule 非门诊特殊慢性病', 0, 5), newName: '非慢特病' });
    const yaml = (f: string): { line: number }[] => (rule?.changes?.[uriOf(`policies/anyi/tests/${f}`)] ?? []).map((e) => e.range.start);
    expect(yaml('04-chronic.yaml').map((p) => p.line + 1)).toEqual([87, 97]);
    expect(yaml('07-edges.yaml').map((p) => p.line + 1)).toEqual([94]);
    expect(rule?.changes?.[uri]).toHaveLength(1);
    const hefei = c.open('policies/hefei/settlement.policy');
    await expect(c.conn.sendRequest(RenameRequest.type, { textDocument: { uri: hefei.uri }, position: posOf(hefei.text, '三五一适用'), newName: 'x' })).rejects.toThrow(/三五一适用 is declared in .*anhui-comprehensive.*rename it there/);
  });

  it('formats exactly as policy fmt', async () => {
    const file = 'policies/anyi/parameters.policy';
    const canonical = readFileSync(file, 'utf8');
    const messy = canonical.replace(/\n  /g, '\n      ').replace(/ = /g, '   =   ');
    expect(messy).not.toBe(canonical);
    const { uri } = c.open(file, messy);
    const edits = await c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(messy, edits ?? [])).toBe(canonical);
    c.change(uri, canonical);
    expect(await c.conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('runs a test case from its code lens: 试算 shows the layers, explain the trace', async () => {
    const { uri, text } = c.open('policies/anyi/tests/01-ordinary.yaml');
    const lenses = (await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const first = lenses.filter((l) => l.range.start.line === posOf(text, '- name: 二级医院住院').line);
    expect(first.map((l) => l.command?.title)).toEqual(['试算', 'explain']);
    const trial = (await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'policy.trial', arguments: first[0]!.command!.arguments })) as { text: string; ok: boolean };
    // the case's own hand derivation: basic (12345.67 − 500) × 80% = 9476.54, patient 15000 − 9476.54 = 5523.46
    expect(trial.text).toContain('O01: basic 9476.54 · patient 5523.46');
    expect(trial.ok).toBe(true);
    const again = (await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    expect(again.find((l) => l.range.start.line === first[0]!.range.start.line)?.command?.title).toBe('试算 ✓ basic 9476.54 · patient 5523.46');
    const explain = (await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'policy.explain', arguments: first[1]!.command!.arguments })) as { text: string };
    expect(explain.text).toContain('claim O01');
    expect(explain.text).toMatch(/rule \S+ ·/);
    const rules = (await c.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: c.open('policies/anyi/settlement.policy').uri } })) ?? [];
    const ruleTrial = (await c.conn.sendRequest(ExecuteCommandRequest.type, { command: 'policy.trial', arguments: rules[0]!.command!.arguments })) as { text: string };
    expect(ruleTrial.text).toMatch(/^rule \S+ applies to \d+ claims? of \d+ cases?:/);
  });
});

describe('policy lsp --stdio in Chinese', () => {
  // A file with a stray '@' (E001): the same code and range in both languages, the message from
  // the one table in the language the client asks for.
  const text = (): { file: string; bad: string } => {
    const dir = tempDir();
    cpSync('policies/anyi', join(dir, 'anyi'), { recursive: true });
    const file = join(dir, 'anyi', 'settlement.policy');
    const bad = `${readFileSync(file, 'utf8')}\n@\n`;
    return { file, bad };
  };
  const run = async (options: Record<string, unknown>, locale?: string, args: string[] = []) => {
    const client = await startClient(options, locale, args);
    try {
      const { file, bad } = text();
      const { uri } = client.open(file, bad);
      return { diags: await client.diagnostics(uri, 1), bad };
    } finally {
      await client.close();
    }
  };

  it('speaks the client\'s display language (zh-cn), an explicit lang option and --lang winning over it', async () => {
    const en = await run({});
    const zh = await run({}, 'zh-cn');
    expect(en.diags.map((d) => d.code)).toEqual(['E001']);
    expect(zh.diags.map((d) => [d.code, d.range])).toEqual(en.diags.map((d) => [d.code, d.range]));
    expect(en.diags[0]?.message).toBe('unexpected character "@"');
    expect(zh.diags[0]?.message).toBe('无法识别的字符 "@"');
    expect((await run({ lang: 'en' }, 'zh-cn')).diags[0]?.message).toBe('unexpected character "@"');
    expect((await run({}, 'en-us', ['--lang', 'zh'])).diags[0]?.message).toBe('无法识别的字符 "@"');
  });
});
