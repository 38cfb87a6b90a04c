import { formatMoney } from '@policy/dsl';
import type { SettledClaim } from '../compile/compile-policy.js';

/** A settlement in the contract's JSON shape; fields outside the contract pass through after it. */
export function settlementToJson(s: SettledClaim): Record<string, unknown> {
  const layers: Record<string, string> = {};
  for (const l of s.declaredLayers) layers[l] = formatMoney(s.layers[l]);
  return {
    id: s.claim.id,
    policy: s.policy,
    version: s.version,
    total: formatMoney(s.claim.total),
    layers,
    flags: s.flags.map((f) => ({ rule: f.rule, message: f.message })),
    ...(s.trace ? { trace: s.trace } : {}),
    ...s.claim.extra,
  };
}
