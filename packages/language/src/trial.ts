import { LAYERS, LAYER_ZH, VOCABULARY, formatMoney, isLayer, type LayerName } from '@policy/dsl';
import { compilePolicy, settleBatch, type ClaimItem, type CompiledPolicy, type SettledClaim } from '@policy/engine';
import { validateRecord } from '@policy/claims';
import type { TestCase } from './test-cases.js';

/**
 * 试算: settle a test case's claims as one batch (fresh accumulators, as `policy test` does)
 * with the trace built, and compare each claim's layers with the case's expectation (a layer
 * it does not list is 0.00). The result carries the settlements, for `explain`.
 */
export interface TrialClaim {
  readonly id: string;
  readonly settled?: SettledClaim;
  readonly rejected?: string;
  /** Differences from the expectation; empty when the claim came out as expected. */
  readonly failures: readonly string[];
}

export interface TrialCase {
  readonly case: TestCase;
  readonly claims: readonly TrialClaim[];
}

const compiled = new WeakMap<object, CompiledPolicy>();

export function compiledFor(policy: Parameters<typeof compilePolicy>[0]): CompiledPolicy {
  let c = compiled.get(policy);
  if (!c) {
    c = compilePolicy(policy);
    compiled.set(policy, c);
  }
  return c;
}

export function runTrial(policy: CompiledPolicy, t: TestCase): TrialCase {
  const items: ClaimItem[] = [];
  const invalid = new Map<number, string>();
  t.claims.forEach((raw, index) => {
    const v = validateRecord(raw, { line: t.line + 1, row: index + 1 });
    if (v.ok) items.push({ index, location: { line: t.line + 1, row: index + 1 }, claim: v.claim });
    else invalid.set(index, `${v.rejection.field ? `${v.rejection.field}: ` : ''}${v.rejection.message}`);
  });
  const outcomes = new Map(settleBatch(policy, items, { trace: true }).map((o) => [o.index, o]));
  const claims = t.claims.map((raw, index): TrialClaim => {
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? String((raw as { id: string }).id) : `#${index + 1}`;
    const o = outcomes.get(index);
    const expected = t.expect[index];
    const rejected = invalid.get(index) ?? (o?.kind === 'rejected' ? o.rejection.message : undefined);
    const want = typeof expected === 'object' && expected !== null ? (expected as Record<string, unknown>) : undefined;
    if (rejected !== undefined || o?.kind !== 'settled') {
      const ok = typeof want?.['rejected'] === 'string' && (rejected ?? '').includes(want['rejected']);
      return { id, rejected: rejected ?? 'no outcome', failures: ok ? [] : [`rejected: ${rejected ?? 'no outcome'}`] };
    }
    const s = o.settlement;
    const failures: string[] = [];
    if (want === undefined) failures.push('no expectation for this claim');
    else if (typeof want['rejected'] === 'string') failures.push(`expected a rejection containing "${want['rejected']}", but it settled`);
    else {
      // Layers by code or by Chinese name (基本医保), as `policy test` reads them.
      const byCode: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(want)) {
        const found = VOCABULARY.layer.lookup(k);
        byCode[found !== undefined && 'code' in found ? found.code : k] = v;
      }
      for (const layer of s.declaredLayers) {
        const w = typeof byCode[layer] === 'string' ? (byCode[layer] as string) : '0.00';
        const got = formatMoney(s.layers[layer]);
        if (w !== got) failures.push(`${layer} expected ${w}, got ${got}`);
      }
      for (const k of Object.keys(byCode)) if (k !== 'flags' && (!isLayer(k) || !s.declaredLayers.includes(k))) failures.push(`the policy has no layer ${k}`);
    }
    return { id, settled: s, failures };
  });
  return { case: t, claims };
}

/** `basic 9476.54 · patient 5523.46`: the layers that are not zero. */
export function layersLine(s: SettledClaim, zh = false): string {
  const parts = LAYERS.filter((l: LayerName) => s.declaredLayers.includes(l) && !s.layers[l].isZero()).map((l) => `${zh ? LAYER_ZH[l] : l} ${formatMoney(s.layers[l])}`);
  return parts.length > 0 ? parts.join(' · ') : 'every layer 0.00';
}

/** The text of a trial for people: one line per claim, then what differs from the expectation. */
export function trialText(results: readonly TrialCase[]): string {
  const out: string[] = [];
  for (const r of results) {
    const pass = r.claims.every((c) => c.failures.length === 0);
    out.push(`${pass ? '✓' : '✗'} ${r.case.name} (${r.case.file}:${r.case.line + 1})`);
    for (const c of r.claims) {
      out.push(`  ${c.id}: ${c.settled ? layersLine(c.settled) : `rejected: ${c.rejected ?? ''}`}`);
      for (const f of c.failures) out.push(`    ✗ ${f}`);
    }
  }
  return out.join('\n');
}
