import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { VOCABULARY, formatMoney, type LayerName } from '@policy/dsl';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { reason, renderReason, type CompiledPolicy, type ReasonRef, type SettledClaim } from '@policy/engine';
import { validateRecord } from '../input/validate.js';
import { settleBatch, type ClaimItem } from '@policy/engine';
import { caseFindings, compareFindings } from './example-findings.js';

/**
 * A policy's example claims: `tests/*.yaml` beside the policy. Each case settles its claims
 * as one batch (fresh accumulators) and compares every layer exactly — no margins.
 *
 *   cases:
 *     - name: 二级医院住院, 普通居民
 *       claims: [ { id: T01, personId: P01, … } ]
 *       expect: [ { basic: "6000.00", patient: "4000.00", flags: [rule] } ]  # unlisted layers are 0.00
 *       expect: [ { findings: [audit, { audit: NAME, related: [ID] }] } ]    # an audit case: findings only
 *     - name: …
 *       expect: [ { rejected: "before policy" } ]                           # the claim must be rejected
 */

export interface ExampleCaseResult {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly clauses: readonly string[];
  readonly claims: number;
  /** In English. */
  readonly failures: readonly string[];
  /** The same, as table messages (`cmd.test.*`), for the other language: one per failure. */
  readonly failureTexts: readonly ReasonRef[];
}

/** A case's failures in English and as table messages, side by side. */
export class Failures {
  readonly english: string[] = [];
  readonly texts: ReasonRef[] = [];
  push(r: ReasonRef): void {
    this.english.push(renderReason(r, 'en'));
    this.texts.push(r);
  }
}

export interface ExamplesResult {
  readonly cases: readonly ExampleCaseResult[];
  /** Problems with the test files themselves (YAML errors, bad expectations). */
  readonly problems: readonly string[];
}

const AMOUNT = /^(0|[1-9][0-9]*)\.[0-9]{2}$/;

function lineOf(counter: LineCounter, node: YamlNode | null | undefined): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 0 : counter.linePos(offset).line;
}

export function exampleFiles(policyDir: string): string[] {
  const dir = join(policyDir, 'tests');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/** An expected audit finding: the audit's name and, when given, the related claims exactly. */
interface ExpectedFinding {
  readonly audit: string;
  readonly related?: readonly string[];
}

type Expectation =
  | { kind: 'layers'; layers: Partial<Record<LayerName, string>>; flags?: string[]; findings?: ExpectedFinding[] }
  | { kind: 'rejected'; text: string };

function readFindings(v: unknown): ExpectedFinding[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: ExpectedFinding[] = [];
  for (const x of v) {
    if (typeof x === 'string') out.push({ audit: x });
    else if (typeof x === 'object' && x !== null && typeof (x as { audit?: unknown }).audit === 'string') {
      const r = (x as { related?: unknown }).related;
      if (r !== undefined && !(Array.isArray(r) && r.every((y) => typeof y === 'string'))) return undefined;
      out.push({ audit: (x as { audit: string }).audit, ...(r !== undefined ? { related: r as string[] } : {}) });
    } else return undefined;
  }
  return out;
}

function readExpectation(raw: unknown, where: string, problems: string[]): Expectation | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`${where}: an expectation is a map of layer → amount`);
    return undefined;
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  const rejected = (raw as Record<string, unknown>)['rejected'];
  if (rejected !== undefined) {
    if (typeof rejected !== 'string' || entries.length !== 1) {
      problems.push(`${where}: write rejected: "part of the reason" alone`);
      return undefined;
    }
    return { kind: 'rejected', text: rejected };
  }
  const layers: Partial<Record<LayerName, string>> = {};
  let flags: string[] | undefined;
  let findings: ExpectedFinding[] | undefined;
  for (const [k, v] of entries) {
    if (k === 'findings') {
      findings = readFindings(v);
      if (!findings) {
        problems.push(`${where}: findings is a list of audit names, or of { audit: NAME, related: [ID, …] }`);
        return undefined;
      }
    } else if (k === 'flags') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
        problems.push(`${where}: flags is a list of rule names`);
        return undefined;
      }
      flags = v as string[];
    } else {
      // A layer by its code or its Chinese name (基本医保 …): the vocabulary's table.
      const found = VOCABULARY.layer.lookup(k);
      if (found === undefined || 'ambiguous' in found) {
        const why = found === undefined ? 'is not a layer' : `is the Chinese name of more than one layer (${found.ambiguous.join(', ')}); write the code`;
        problems.push(`${where}: ${k} ${why} (${VOCABULARY.layer.describe()})`);
        return undefined;
      }
      const layer = found.code as LayerName;
      if (typeof v !== 'string' || !AMOUNT.test(v)) {
        problems.push(`${where}: ${k} must be an amount written as a string with 2 decimals, e.g. "6080.00" (got ${JSON.stringify(v)})`);
        return undefined;
      }
      if (layers[layer] !== undefined) {
        problems.push(`${where}: ${k} is the layer ${layer}, given twice`);
        return undefined;
      }
      layers[layer] = v;
    }
  }
  return { kind: 'layers', layers, ...(flags ? { flags } : {}), ...(findings ? { findings } : {}) };
}

export interface RunExamplesOptions {
  /** Settle with the trace built (for coverage). */
  readonly trace?: boolean;
  /** Told every settlement, whatever its case's outcome. */
  readonly onSettled?: (s: SettledClaim) => void;
}

/** Runs every example file of a policy folder. */
export function runExamples(policy: CompiledPolicy, policyDir: string, options: RunExamplesOptions = {}): ExamplesResult {
  const cases: ExampleCaseResult[] = [];
  const problems: string[] = [];
  for (const file of exampleFiles(policyDir)) {
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter, prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0]?.line ?? 0}: ${e.message.split('\n')[0]}`);
      continue;
    }
    const root = doc.contents;
    const list = isMap(root) ? root.get('cases', true) : undefined;
    if (!isSeq(list)) {
      problems.push(`${file}:1: a test file holds a list under cases:`);
      continue;
    }
    for (const item of list.items) {
      const line = lineOf(counter, item as YamlNode);
      const where = `${file}:${line}`;
      const c = (item as { toJSON(): unknown }).toJSON() as Record<string, unknown>;
      const name = typeof c['name'] === 'string' ? c['name'] : `case at line ${line}`;
      const claims = c['claims'];
      const expect = c['expect'];
      if (!Array.isArray(claims) || !Array.isArray(expect) || claims.length !== expect.length || claims.length === 0) {
        problems.push(`${where}: a case has claims: and expect: lists of the same, non-zero length`);
        continue;
      }
      const expectations = expect.map((e, i) => readExpectation(e, `${where} (${name}, expectation ${i + 1})`, problems));
      if (expectations.some((e) => e === undefined)) continue;
      cases.push(runCase(policy, { file, line, name, claims, expectations: expectations as Expectation[], clauses: c['clauses'] }, options));
    }
  }
  return { cases, problems };
}

/** `field: reason`, as the English `field: message` reads. */
function fieldReason(field: string | undefined, r: ReasonRef): ReasonRef {
  return field ? reason('cmd.test.field-reason', { field, reason: r }) : r;
}

function runCase(
  policy: CompiledPolicy,
  t: { file: string; line: number; name: string; claims: unknown[]; expectations: Expectation[]; clauses: unknown },
  options: RunExamplesOptions,
): ExampleCaseResult {
  const failures = new Failures();
  const items: ClaimItem[] = [];
  const invalid = new Map<number, { english: string; text: ReasonRef }>();
  t.claims.forEach((raw, index) => {
    const v = validateRecord(raw, { line: t.line, row: index + 1 });
    if (v.ok) items.push({ index, location: { line: t.line, row: index + 1 }, claim: v.claim });
    else invalid.set(index, { english: `${v.rejection.field ? `${v.rejection.field}: ` : ''}${v.rejection.message}`, text: fieldReason(v.rejection.field, v.rejection.text ?? reason('cmd.test.as-is', { text: v.rejection.message })) });
  });
  const outcomes = new Map(settleBatch(policy, items, { trace: options.trace === true }).map((o) => [o.index, o]));
  const findings = caseFindings(policy, items);
  if (options.onSettled) for (const o of outcomes.values()) if (o.kind === 'settled') options.onSettled(o.settlement);
  t.expectations.forEach((exp, index) => {
    const raw = t.claims[index] as { id?: unknown };
    const label = reason('cmd.test.claim-label', { id: typeof raw?.id === 'string' ? raw.id : index + 1 });
    const outcome = outcomes.get(index);
    // The expected text is matched against the English reason (tests/*.yaml quote it); shown in either.
    const rejected = invalid.get(index) ?? (outcome?.kind === 'rejected' ? { english: outcome.rejection.message, text: outcome.rejection.text ?? reason('cmd.test.as-is', { text: outcome.rejection.message }) } : undefined);
    if (exp.kind === 'rejected') {
      if (rejected === undefined) failures.push(reason('cmd.test.expected-rejection', { label, text: exp.text }));
      else if (!rejected.english.includes(exp.text)) failures.push(reason('cmd.test.wrong-rejection', { label, reason: rejected.text, text: exp.text }));
      return;
    }
    if (rejected !== undefined || outcome?.kind !== 'settled') {
      failures.push(reason('cmd.test.rejected', { label, reason: rejected?.text ?? reason('cmd.test.no-outcome') }));
      return;
    }
    const s = outcome.settlement;
    if (exp.findings) compareFindings(label, exp.findings, findings.get(s.claim.id) ?? [], failures);
    // An audit case (findings only): the settlement is another case's business.
    if (exp.findings && !exp.flags && Object.keys(exp.layers).length === 0) return;
    for (const layer of Object.keys(exp.layers)) {
      if (!s.declaredLayers.includes(layer as LayerName)) failures.push(reason('cmd.test.no-layer', { label, layer }));
    }
    for (const layer of s.declaredLayers) {
      const want = exp.layers[layer] ?? '0.00';
      const got = formatMoney(s.layers[layer]);
      if (want !== got) failures.push(reason('cmd.test.layer-mismatch', { label, layer, want, got }));
    }
    if (exp.flags) {
      const got = s.flags.map((f) => f.rule);
      if (JSON.stringify([...got].sort()) !== JSON.stringify([...exp.flags].sort())) {
        failures.push(reason('cmd.test.flags-mismatch', { label, want: exp.flags.join(', '), got: got.join(', ') }));
      }
    }
  });
  const clauses = Array.isArray(t.clauses) ? t.clauses.filter((x): x is string => typeof x === 'string') : [];
  return { file: t.file, line: t.line, name: t.name, clauses, claims: t.claims.length, failures: failures.english, failureTexts: failures.texts };
}
