import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeLensRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRequest,
  type DocumentSymbol,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { startClient, type LspClient } from './lsp-client.js';
import { posOf } from './lsp-positions.js';
import { tempDir } from './run-cli.js';
import { HOSTILE_HEADER as header, seeded } from '../../dsl/test/hostile-corpus.js';

/**
 * Hostile documents in the editor (the corpus of packages/dsl/src/hostile.test.ts): the server
 * answers every request on them — diagnostics, hover, completion, symbols, folding, tokens,
 * formatting, lenses — and is still serving afterwards; nothing in them is executed.
 */

const rnd = seeded(7);
const words = ['rule', 'param', '{', '}', '(', ')', 'when', 'and', 'if', 'then', '=', '+=', '90%', '1万元', '"s"', 'x', 'basic', 'let', ',', 'table', 'by', ':'];
const corpus: [string, string][] = [
  ['random bytes', Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(rnd() * 256))).toString('utf8')],
  ['random tokens', header + Array.from({ length: 3000 }, () => words[Math.floor(rnd() * words.length)]).join(' ')],
  ['deep brackets', `${header}rule r cites "X" { basic = ${'('.repeat(100_000)}1元${')'.repeat(100_000)} }`],
  ['deep set braces', `${header}let s = ${'{'.repeat(50_000)}`],
  ['deep unary minus', `${header}rule r cites "X" { basic = ${'- '.repeat(100_000)}1元 }`],
  ['deep if', `${header}let b = ${'if true then '.repeat(30_000)}1元${' else 1元'.repeat(30_000)}`],
  ['long sum', `${header}rule r cites "X" { basic = ${Array.from({ length: 100_000 }, () => '1元').join(' + ')} }`],
  ['huge number', `${header}param p = ${'9'.repeat(1_000_000)}元 cites "X"\nrule r cites "X" { basic = min(total, p) }`],
  ['over the size limit', header + '#'.repeat(5 * 1024 * 1024)],
  ['code in strings', `${header}clause "\${globalThis.__pwned = true}" "\\"); require(\\"child_process\\").execSync(\\"touch /tmp/pwned\\"); //"\nrule r cites "X" when disease == "\`; globalThis.__pwned = true; \`" { basic = 10% of total }`],
  ['NUL, BOM, replacement characters', '\uFEFF' + header + 'let a = 1元\u0000\u0000\nlet b = \uFFFD\uFFFD\n'],
  ['empty', ''],
];

let c: LspClient;
let dir: string;
beforeAll(async () => {
  c = await startClient();
  dir = tempDir();
});
afterAll(async () => {
  await c.close();
});

describe('policy lsp on hostile documents', () => {
  corpus.forEach(([name, text], i) => {
    it(`${name}: every request answers and the server keeps serving`, async () => {
      const folder = join(dir, `h${i}`);
      mkdirSync(folder);
      const { uri } = c.open(join(folder, 'h.policy'), text);
      const diags = await c.diagnostics(uri, 1);
      // as `policy check` answers: the payloads are valid strings, everything else is reported
      if (name === 'code in strings' || name === 'empty') expect(diags.filter((d) => d.severity === 1)).toEqual(name === 'empty' ? [expect.objectContaining({ code: 'E401' })] : []);
      else expect(diags.length).toBeGreaterThan(0);
      if (name === 'random bytes') expect(diags.length).toBeLessThanOrEqual(60);
      const doc = { textDocument: { uri } };
      const position = { line: 2, character: 3 };
      await c.conn.sendRequest(HoverRequest.type, { ...doc, position });
      expect(Array.isArray(await c.conn.sendRequest(CompletionRequest.type, { ...doc, position }))).toBe(true);
      expect(Array.isArray(await c.conn.sendRequest(DocumentSymbolRequest.type, doc))).toBe(true);
      expect(Array.isArray(await c.conn.sendRequest(FoldingRangeRequest.type, doc))).toBe(true);
      expect((await c.conn.sendRequest(SemanticTokensRequest.type, doc))?.data.length ?? -1).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(await c.conn.sendRequest(DocumentFormattingRequest.type, { ...doc, options: { tabSize: 2, insertSpaces: true } }))).toBe(true);
      expect(Array.isArray(await c.conn.sendRequest(CodeLensRequest.type, doc))).toBe(true);
      expect(c.child.exitCode).toBeNull();
    });
  });

  it('nothing in them ran', () => {
    expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(c.stderr()).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
  });

  it('a malformed message does not stop the server', async () => {
    c.child.stdin.write('Content-Length: 5\r\n\r\n{bad}');
    const notAMessage = '{"jsonrpc":"2.0","id":"x","me":[1]}';
    c.child.stdin.write(`Content-Length: ${Buffer.byteLength(notAMessage)}\r\n\r\n${notAMessage}`);
    const { uri } = c.open(join(dir, 'after', 'a.policy'), `${header}param p = 1元 cites "X"\n`);
    expect((await c.diagnostics(uri, 1)).map((d) => d.code)).toEqual(['W202']);
    expect(c.child.exitCode).toBeNull();
  });

  it('a document that does not parse still answers with what it can', async () => {
    const folder = join(dir, 'broken');
    mkdirSync(folder);
    const text = `${header}param 起付线 = 500元 cites "X"\nrule r cites "X" { basic = 起付线 }\nrule broken cites "X" { basic = = }\n`;
    const { uri } = c.open(join(folder, 'b.policy'), text);
    expect((await c.diagnostics(uri, 1)).map((d) => d.code)).toContain('E002');
    const symbols = (await c.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(expect.arrayContaining(['t', '起付线', 'r']));
    const hover = (await c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: posOf(text, '起付线 }') })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('500元');
  });
});
