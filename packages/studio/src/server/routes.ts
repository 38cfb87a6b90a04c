import type { IncomingMessage } from 'node:http';
import { ENUMS, LAYERS, LAYER_ZH } from '@policy/dsl';
import { SEMANTIC_LEGEND } from '@policy/language';
import { addTestCase } from './add-test.js';
import { changeReport, ciCorpus } from './diff.js';
import { kindOf } from './files.js';
import { HttpError, readJson, str } from './http-util.js';
import { Workbench, norm } from './workbench.js';

type Body = Record<string, unknown>;

function position(body: Body): { line: number; character: number } {
  const line = body['line'];
  const character = body['character'];
  if (!Number.isInteger(line) || !Number.isInteger(character) || (line as number) < 0 || (character as number) < 0) throw new HttpError(400, 'line and character: whole numbers ≥ 0');
  return { line: line as number, character: character as number };
}

function lang(body: Body): 'zh' | 'en' {
  return body['lang'] === 'en' ? 'en' : 'zh';
}

/** The page's unsaved text of a document, if it sent one: checked from now on. */
function withText(bench: Workbench, body: Body): string {
  const path = bench.file(body['path']);
  const text = body['text'];
  if (text !== undefined) {
    if (typeof text !== 'string') throw new HttpError(400, 'text: a string');
    bench.edit(path, text);
  }
  return path;
}

/** The page's unsaved documents: what it settles, tests and compares is the edited text. */
function applyEdits(bench: Workbench, edits: unknown): void {
  if (edits === undefined) return;
  if (!Array.isArray(edits) || edits.length > 200) throw new HttpError(400, 'edits: a list of { path, text }');
  const docs = new Map<string, string>();
  for (const e of edits as unknown[]) {
    const { path, text } = (e ?? {}) as { path?: unknown; text?: unknown };
    if (typeof text !== 'string') throw new HttpError(400, 'edits: a list of { path, text }');
    docs.set(bench.file(path), text);
  }
  bench.syncEdits(docs);
}

/**
 * The JSON API. GET for what only reads the disk's state; POST (JSON bodies) for everything
 * that sends text. Every path goes through the FileStore (Workbench.file / policy).
 */
export async function route(bench: Workbench, req: IncomingMessage, url: URL): Promise<unknown> {
  const name = url.pathname.slice('/api/'.length);
  if (req.method === 'GET') {
    switch (name) {
      case 'policies':
        return { policies: bench.policies(), layers: LAYERS.map((l) => ({ name: l, zh: LAYER_ZH[l] })), enums: ENUMS };
      default:
        throw new HttpError(404, `no GET /api/${name}`);
    }
  }
  const body = await readJson(req);
  applyEdits(bench, body['edits']);
  switch (name) {
    case 'tree': {
      const folder = bench.policy(body['policy']);
      const corpus = ciCorpus(folder);
      const own = corpus ? norm(corpus) : null;
      return { policy: folder, files: bench.tree(folder), corpus: own, claims: [...(own ? [own] : []), ...bench.claimsFiles().filter((f) => f !== own)] };
    }
    case 'file': {
      const path = bench.file(body['path']);
      const st = bench.store.read(path);
      bench.saved(path);
      return { path, kind: st.kind, text: st.text, mtimeMs: st.mtimeMs, hash: st.hash };
    }
    case 'save': {
      const path = bench.file(body['path'], true);
      const text = str(body, 'text');
      const hash = body['hash'] === null ? null : str(body, 'hash');
      const st = bench.store.save(path, text, hash);
      bench.saved(path);
      return { path, mtimeMs: st.mtimeMs, hash: st.hash };
    }
    case 'lint': {
      const path = withText(bench, body);
      if (kindOf(path) !== 'policy') return { diagnostics: [] };
      // In the page's language (the messages only: codes and ranges are the same in both).
      return { diagnostics: bench.service.diagnostics(path, body['lang'] === 'en' ? 'en' : 'zh') };
    }
    case 'tokens': {
      // The language service's semantic tokens (what `policy lsp` gives an editor), for highlighting.
      const path = withText(bench, body);
      return { types: SEMANTIC_LEGEND.tokenTypes, modifiers: SEMANTIC_LEGEND.tokenModifiers, data: kindOf(path) === 'policy' ? bench.service.semanticTokens(path) : [] };
    }
    case 'hover': {
      const path = withText(bench, body);
      return { hover: kindOf(path) === 'policy' ? bench.service.hover(path, position(body)) : null };
    }
    case 'complete': {
      const path = withText(bench, body);
      return { items: kindOf(path) === 'policy' ? bench.service.completion(path, position(body)).slice(0, 300) : [] };
    }
    case 'format': {
      const path = withText(bench, body);
      const edits = kindOf(path) === 'policy' ? bench.service.format(path) : [];
      return { text: edits[0]?.newText ?? null };
    }
    case 'settle': {
      const folder = bench.policy(body['policy']);
      return bench.settle(folder, body['claim'], lang(body));
    }
    case 'tests': {
      const folder = bench.policy(body['policy']);
      return { cases: bench.runTests(folder) };
    }
    case 'add-test': {
      const folder = bench.policy(body['policy']);
      const claim = body['claim'];
      if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw new HttpError(400, 'claim: one claim object');
      const settled = bench.settle(folder, claim, 'en');
      const s = settled['settlement'] as { layers: Record<string, string>; flags: { rule: string }[] } | undefined;
      if (!s) throw new HttpError(422, `the claim does not settle: ${String(settled['rejected'])}`);
      const caseName = typeof body['name'] === 'string' && body['name'].trim() !== '' ? body['name'].trim().slice(0, 200) : `studio: ${String((claim as Body)['id'] ?? 'claim')}`;
      return addTestCase(bench.store, folder, caseName, claim as Body, s.layers, [...new Set(s.flags.map((f) => f.rule))]);
    }
    case 'diff': {
      const folder = bench.policy(body['policy']);
      const corpus = body['corpus'] === undefined || body['corpus'] === null || body['corpus'] === '' ? ciCorpus(folder) : bench.file(body['corpus']);
      if (!corpus) throw new HttpError(404, `no CI corpus for ${folder} (examples/ci/corpus/<name>.csv): choose a claims file`);
      if (kindOf(corpus) !== 'claims') throw new HttpError(403, `${corpus}: not a claims file`);
      const rev = typeof body['rev'] === 'string' && body['rev'] !== '' ? body['rev'] : undefined;
      if (rev !== undefined && !/^[\w./~^@{}][\w./~^@{}-]{0,99}$/.test(rev)) throw new HttpError(400, `rev: not a git revision: ${rev}`);
      const started = performance.now();
      const report = await changeReport({ folder, edited: bench.analysis(folder).result, ...(rev ? { rev } : {}), corpus, top: 10 });
      return { report, corpus: norm(corpus), ms: Math.round(performance.now() - started) };
    }
    case 'parameters': {
      const folder = bench.policy(body['policy']);
      return { parameters: bench.parameters(folder) };
    }
    default:
      throw new HttpError(404, `no POST /api/${name}`);
  }
}
