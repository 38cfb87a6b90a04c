import { LAYERS, type Decimal, type LayerName } from '@policy/dsl';
import type { Claim } from '../claim.js';
import type { SettledClaim } from '../compile/settled-claim.js';
import type { Flag } from '../runtime/context.js';
import { fromScaled } from '../runtime/scaled.js';

/** A settlement by the fixed-point evaluator: layers in whole fen, as Decimals only when asked for. */
export class FixedSettlement implements SettledClaim {
  private decimals: Record<LayerName, Decimal> | undefined;
  /** Set by settleClaim when lets were probed (every instance has the slot: one shape). */
  values: readonly unknown[] | undefined = undefined;

  constructor(
    readonly claim: Claim,
    readonly policy: string,
    readonly version: string,
    readonly declaredLayers: readonly LayerName[],
    readonly flags: readonly Flag[],
    readonly fen: readonly number[],
  ) {}

  get layers(): Readonly<Record<LayerName, Decimal>> {
    if (!this.decimals) {
      const layers = {} as Record<LayerName, Decimal>;
      LAYERS.forEach((l, i) => (layers[l] = fromScaled(this.fen[i] as number, 2)));
      this.decimals = layers;
    }
    return this.decimals;
  }
}
