import type { ResolvedPolicy } from '@policy/dsl';
import { MAX_SCALE } from '../runtime/scaled.js';
import { emitVersion, type EmittedVersion, type VersionSource } from './emit-version.js';
import { FixedVersion } from './fixed-version.js';
import { Unsupported } from './unsupported.js';

/** Which evaluator settles a version's claims, and why not the fixed-point one. */
export type VersionEngine =
  | { readonly date: string; readonly engine: 'fixed-point' }
  | { readonly date: string; readonly engine: 'decimal'; readonly reason: string };

export interface FixedPlan {
  /** By version date, the fixed-point code of the versions it can settle. */
  readonly versions: ReadonlyMap<string, FixedVersion>;
  readonly engines: readonly VersionEngine[];
  /** Per accumulator, the scale its values are kept at (shared by every version: one store serves them all). */
  readonly scales: readonly number[];
}

/**
 * Compiles every version it can to fixed-point code. An accumulator's scale must hold what every
 * version adds to it, and what a version adds may depend on the scales (`x += x × 90%`): the
 * scales start at 0 and rise until every version's additions fit.
 */
export function planFixed(policy: ResolvedPolicy, sources: readonly VersionSource[]): FixedPlan {
  const reasons = new Map<string, string>();
  const scales = policy.accumulators.map(() => 0);
  let emitted = new Map<VersionSource, EmittedVersion>();
  for (let round = 0; ; round++) {
    emitted = new Map();
    for (const src of sources) {
      if (reasons.has(src.date)) continue;
      try {
        emitted.set(src, emitVersion(policy, src, scales));
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        reasons.set(src.date, e.message);
      }
    }
    let raised = false;
    for (const e of emitted.values()) {
      e.addScales.forEach((s, i) => {
        if (s > (scales[i] as number)) {
          scales[i] = s;
          raised = true;
        }
      });
    }
    if (!raised) break;
    if (round > 8 || scales.some((s) => s > MAX_SCALE)) {
      for (const src of emitted.keys()) reasons.set(src.date, 'accumulator scales keep growing');
      emitted = new Map();
      break;
    }
  }
  const versions = new Map([...emitted].map(([src, e]) => [src.date, new FixedVersion(policy, src.date, e, scales)]));
  const engines = sources.map((s): VersionEngine => {
    const reason = reasons.get(s.date);
    return reason === undefined ? { date: s.date, engine: 'fixed-point' } : { date: s.date, engine: 'decimal', reason };
  });
  return { versions, engines, scales };
}
