import type { PropertySample } from '@policy/engine';

/** `policy test`'s lines about the sampled properties: one summary, and each failure with its claim. */
export function propertyLines(path: string, samples: readonly PropertySample[]): string[] {
  if (samples.length === 0) return [];
  const out: string[] = [];
  for (const s of samples) {
    if (!s.failure) continue;
    out.push(`  FAIL property ${s.name} (cites ${s.cites.join(', ')}): ${s.failure.reason}`);
    for (const h of s.failure.history) out.push(`       after ${JSON.stringify(h)}`);
    out.push(`       claim ${JSON.stringify(s.failure.claim)}`);
  }
  const bad = samples.filter((s) => s.failure).length;
  const checked = samples.reduce((n, s) => n + s.checked, 0);
  out.push(`${bad === 0 ? 'ok' : 'FAILED'} ${path}: ${samples.length - bad}/${samples.length} properties hold on sampled claims (${checked} checked)`);
  return out;
}
