import type { PropertySample } from '@policy/engine';
import { t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';

/** `policy test`'s lines about the sampled properties: one summary, and each failure with its claim. */
export function propertyLines(path: string, samples: readonly PropertySample[], lang: Lang = currentLang()): string[] {
  if (samples.length === 0) return [];
  const out: string[] = [];
  for (const s of samples) {
    if (!s.failure) continue;
    out.push(`  ${t(lang, 'cmd.test.property-fail', { name: s.name, cites: s.cites.join(', '), reason: s.failure.reason })}`);
    for (const h of s.failure.history) out.push(`       ${t(lang, 'cmd.test.property-after', { json: JSON.stringify(h) })}`);
    out.push(`       ${t(lang, 'cmd.test.property-claim', { json: JSON.stringify(s.failure.claim) })}`);
  }
  const bad = samples.filter((s) => s.failure).length;
  const checked = samples.reduce((n, s) => n + s.checked, 0);
  out.push(t(lang, bad === 0 ? 'cmd.test.properties-ok' : 'cmd.test.properties-failed', { path, holding: samples.length - bad, total: samples.length, checked }));
  return out;
}
