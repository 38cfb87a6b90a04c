import type { SettledClaim } from '@policy/engine';
import { layerText, totalText } from './layer-text.js';

/** A settlement in the contract's JSON shape; fields outside the contract pass through after it. */
export function settlementToJson(s: SettledClaim): Record<string, unknown> {
  const layers: Record<string, string> = {};
  for (const l of s.declaredLayers) layers[l] = layerText(s, l);
  return {
    id: s.claim.id,
    policy: s.policy,
    version: s.version,
    total: totalText(s),
    layers,
    flags: s.flags.map((f) => ({ rule: f.rule, message: f.message })),
    ...(s.trace ? { trace: s.trace } : {}),
    ...s.claim.extra,
  };
}
