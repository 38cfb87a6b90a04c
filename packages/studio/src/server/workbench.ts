import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { hasPolicyFiles, type PolicyUnit } from '@policy/dsl';
import { compilePolicy, policyParameters, settleBatch, type ClaimItem, type CompiledPolicy } from '@policy/engine';
import { rejectionMessage, settlementToJson, validateRecord } from '@policy/claims';
import { PolicyLanguageService, TrialError, isTestFile, readTestCases, type Analysis } from '@policy/language';
import { nodeHost } from '@policy/language/node';
import { explainSettlement } from '../../../cli/src/render/explain.js';
import { FileRefused, FileStore, kindOf } from './files.js';
import { HttpError } from './http-util.js';

export interface TreeEntry {
  readonly path: string;
  readonly kind: 'policy' | 'test' | 'claims';
  /** A file of a base the policy extends or imports (`modules/…`). */
  readonly module?: string;
  /** Outside the studio's folders: shown, not opened. */
  readonly readOnly?: boolean;
}

/** JSON files that are not claims: a platform mapping, a package's or a compiler's settings. */
const NOT_CLAIMS = /(^|-)mapping\.json$|^(package|package-lock|tsconfig|pnpm-lock)\.json$/;

/** A path as the page and the language service name it: relative to the working folder, `/`-separated. */
export function norm(path: string): string {
  const r = relative(process.cwd(), resolve(path));
  return r.startsWith('..') || r === '' ? resolve(path) : r.split('\\').join('/');
}

/**
 * What the page works on: the policies under the studio's folders, the documents it has open
 * (its unsaved text, checked by the language service as `policy check` checks it), and the
 * engine over them. Every path from the page goes through the FileStore first.
 */
export class Workbench {
  readonly service = new PolicyLanguageService(nodeHost);
  private readonly compiled = new WeakMap<object, CompiledPolicy>();

  constructor(readonly store: FileStore) {}

  /** The policy folders under the folders given (a folder that holds .policy files is one). */
  policies(): string[] {
    const out = new Set<string>();
    const walk = (dir: string, depth: number): void => {
      if (hasPolicyFiles(dir)) out.add(norm(dir));
      if (depth === 0) return;
      let names: string[] = [];
      try {
        names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules' && d.name !== 'tests').map((d) => d.name);
      } catch {
        return;
      }
      for (const n of names.sort()) walk(join(dir, n), depth - 1);
    };
    for (const r of this.store.roots) walk(r, 2);
    return [...out].sort();
  }

  /**
   * The claims files under the studio's folders, for the change panel's chooser: CSV, JSON Lines
   * and JSON files (not a policy's platform mapping, nor a package's manifest), four folders
   * deep at most, the first `limit` by path. Only what the FileStore would open is listed.
   */
  claimsFiles(limit = 200): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number): void => {
      let entries: Dirent[] = [];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        if (out.length >= limit || e.name.startsWith('.') || e.name === 'node_modules') continue;
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (depth > 0) walk(path, depth - 1);
        } else if (e.isFile() && kindOf(path) === 'claims' && !NOT_CLAIMS.test(e.name) && this.store.contains(path)) out.push(norm(path));
      }
    };
    for (const r of this.store.roots) walk(r, 4);
    return out;
  }

  /** Checks that a folder is one of the policies listed (nothing else is analysed for the page). */
  policy(folder: unknown): string {
    if (typeof folder !== 'string') throw new HttpError(400, 'policy: a policy folder is needed');
    const f = norm(folder);
    if (!this.policies().includes(f)) throw new HttpError(403, `${folder}: not a policy under the studio's folders`);
    return f;
  }

  /** A file path from the page, checked, in the language service's spelling. */
  file(path: unknown, mayBeNew = false): string {
    this.store.resolve(path, mayBeNew);
    return norm(path as string);
  }

  analysis(folder: string): Analysis {
    const files = this.service.workspace.policyFilesIn(folder);
    if (files.length === 0) throw new HttpError(404, `${folder}: no .policy files`);
    return this.service.analyze(files[0] as string);
  }

  tree(folder: string): TreeEntry[] {
    const a = this.analysis(folder);
    const out: TreeEntry[] = a.ownFiles.map((p) => ({ path: p, kind: 'policy' as const }));
    const seen = new Set<string>([a.unit.id]);
    const bases = (u: PolicyUnit): void => {
      for (const b of [...(u.base ? [u.base] : []), ...u.imports]) {
        if (seen.has(b.id)) continue;
        seen.add(b.id);
        for (const f of b.files.map((x) => x.source)) out.push({ path: f.path, kind: 'policy', module: b.header?.name.name ?? b.path, ...(this.store.contains(f.path) ? {} : { readOnly: true }) });
        bases(b);
      }
    };
    bases(a.unit);
    let tests: string[] = [];
    try {
      tests = readdirSync(join(folder, 'tests')).filter((n) => /\.ya?ml$/.test(n)).sort();
    } catch {
      tests = [];
    }
    for (const n of tests) out.push({ path: `${folder}/tests/${n}`, kind: 'test' });
    return out;
  }

  /** The unsaved text of a document: checked from now on instead of the file on disk. */
  edit(path: string, text: string): void {
    if (kindOf(path) === 'claims') return;
    this.service.open(path, text);
  }

  /**
   * The page's unsaved documents are exactly these: any other document kept open (a page
   * reloaded without saving) is the disk's again.
   */
  syncEdits(docs: ReadonlyMap<string, string>): void {
    for (const p of this.service.workspace.openPaths()) if (!docs.has(p)) this.service.close(p);
    for (const [p, text] of docs) if (this.service.workspace.text(p) !== text || !this.service.workspace.isOpen(p)) this.edit(p, text);
  }

  /** The file on disk is what the page has (after a save or a reload). */
  saved(path: string): void {
    this.service.close(path);
    this.service.workspace.invalidate();
  }

  compiledOf(folder: string): CompiledPolicy {
    const checked = this.analysis(folder).result;
    if (!checked.policy) {
      const first = checked.diagnostics.find((d) => d.severity === 'error');
      throw new HttpError(422, `${folder} has errors${first ? ` (${first.code} ${first.message}, ${first.span.file})` : ''}: fix them to settle`);
    }
    if (checked.policy.module) throw new HttpError(422, `${folder} is a module: it settles no claims; open a policy that extends it`);
    let c = this.compiled.get(checked.policy);
    if (!c) {
      c = compilePolicy(checked.policy);
      this.compiled.set(checked.policy, c);
    }
    return c;
  }

  /**
   * Settles a claim (or a person's claims, an array, as one batch as `policy eval` does) under the
   * edited policy with the trace; the last claim is the one explained.
   */
  settle(folder: string, claim: unknown, lang: 'zh' | 'en'): Record<string, unknown> {
    const policy = this.compiledOf(folder);
    const raws = Array.isArray(claim) ? claim : [claim];
    if (raws.length === 0 || raws.length > 1000) throw new HttpError(400, 'claim: one claim object, or an array of 1 to 1000');
    const items: ClaimItem[] = [];
    for (const [index, raw] of raws.entries()) {
      const v = validateRecord(raw, { line: index + 1 });
      // In the page's language (the reasons come from the message table, as `policy eval --lang` shows them).
      if (!v.ok) return { rejected: `${raws.length > 1 ? (lang === 'zh' ? `第 ${index + 1} 条：` : `claim ${index + 1}: `) : ''}${v.rejection.field ? `${v.rejection.field}: ` : ''}${rejectionMessage(v.rejection, lang)}` };
      items.push({ index, location: { line: index + 1 }, claim: v.claim });
    }
    const outcomes = settleBatch(policy, items, { trace: true });
    const last = outcomes.find((o) => o.index === items.length - 1);
    if (!last) return { rejected: 'no outcome' };
    if (last.kind === 'rejected') return { rejected: rejectionMessage(last.rejection, lang) };
    return { settlement: settlementToJson(last.settlement), explain: explainSettlement(last.settlement, { lang }) };
  }

  /** Every test case of the policy, run under the edited policy (the language service's 试算). */
  runTests(folder: string): unknown[] {
    const out: unknown[] = [];
    for (const entry of this.tree(folder).filter((e) => e.kind === 'test')) {
      const cases = readCases(this.service, entry.path);
      for (const index of cases) {
        try {
          const answer = this.service.trial({ policy: folder, file: entry.path, case: index });
          for (const r of answer.results) {
            out.push({
              file: entry.path,
              line: r.case.line + 1,
              name: r.case.name,
              pass: r.claims.every((c) => c.failures.length === 0),
              claims: r.claims.map((c) => ({ id: c.id, failures: c.failures, ...(c.settled ? { layers: settlementToJson(c.settled)['layers'] } : { rejected: c.rejected }) })),
            });
          }
        } catch (e) {
          if (e instanceof TrialError) throw new HttpError(422, e.message);
          throw e;
        }
      }
    }
    return out;
  }

  /** The parameters, tables and bands of the policy and its bases, each with its hover (values by date, citation, assumed reason). */
  /**
   * Every parameter, table, band and set of the policy and its bases. When the edited policy
   * checks, the values by date, unit, clauses with their titles and `assumed` reason as
   * `policy params` gives them (policyParameters); while it has errors, each one's hover.
   */
  parameters(folder: string): unknown[] {
    const a = this.analysis(folder);
    const own = new Set(a.ownFiles.map((f) => resolve(f)));
    const checked = a.result.policy;
    if (checked) {
      return policyParameters(checked)
        .map((p) => ({ ...p, own: own.has(resolve(p.file)) }))
        .sort((x, y) => Number(y.own) - Number(x.own) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
    }
    const out: { name: string; kind: string; file: string; line: number; own: boolean; text: string }[] = [];
    for (const defs of a.index.defs.values()) {
      for (const d of defs) {
        if (d.kind !== 'param' && d.kind !== 'table' && d.kind !== 'bands') continue;
        const lines = this.service.lines(d.nameSpan.file);
        const pos = lines.position(d.nameSpan.start);
        const hover = this.service.hover(d.nameSpan.file, pos);
        const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        out.push({ name: d.name, kind: d.kind, file: d.nameSpan.file, line: pos.line + 1, own: d.own, text });
      }
    }
    return out.sort((x, y) => Number(y.own) - Number(x.own) || (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line));
  }
}

function readCases(service: PolicyLanguageService, file: string): number[] {
  return isTestFile(file) ? readTestCases(file, service.workspace.text(file) ?? '').map((c) => c.index) : [];
}

export { FileRefused };
