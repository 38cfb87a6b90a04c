import { compilePolicy, type CompiledPolicy, type LetProbe } from '../src/compile/compile-policy.js';
import { checkSources, renderDiagnostic } from '@policy/dsl';
import { validateRecord } from '@policy/claims';
import { settleBatch, type ClaimItem, type Outcome } from '../src/settle.js';
import { settlementToJson } from '@policy/claims';

/** Shared by the engine's settlement tests: compile sources, settle raw claims, read the layers. */

/** Checks and compiles in-memory sources (`folder`: the policy's folder when it has a base). */
export function compileSources(sources: Readonly<Record<string, string>>, folder?: string): CompiledPolicy {
  const r = checkSources(sources, folder);
  if (!r.policy) throw new Error(r.diagnostics.map((d) => renderDiagnostic(d, r.files)).join('\n'));
  return compilePolicy(r.policy);
}

/** Settles raw claims (which must be valid) as one batch; `probe`: lets to read as well. */
export function settle(policy: CompiledPolicy, raws: Record<string, unknown>[], trace = false, probe?: LetProbe): Outcome[] {
  return settleBatch(policy, claimItems(raws), { trace, ...(probe ? { probe } : {}) });
}

/** Raw claims (generated or written in a test, which must be valid) as the items of one batch, line = position + 1. */
export function claimItems(raws: readonly Record<string, unknown>[]): ClaimItem[] {
  return raws.map((raw, index) => {
    const v = validateRecord(raw, { line: index + 1 });
    if (!v.ok) throw new Error(`invalid claim on line ${index + 1}: ${v.rejection.field}: ${v.rejection.message}`);
    return { index, location: { line: index + 1 }, claim: v.claim };
  });
}

/** The layers of a settled outcome, as the contract writes them. */
export function layers(o: Outcome | undefined): Record<string, string> {
  if (o?.kind !== 'settled') throw new Error(`not settled: ${o?.kind === 'rejected' ? o.rejection.message : 'nothing'}`);
  return (settlementToJson(o.settlement) as { layers: Record<string, string> }).layers;
}

export function rejection(o: Outcome | undefined): string {
  if (o?.kind !== 'rejected') throw new Error('settled, but a rejection was expected');
  return o.rejection.message;
}
