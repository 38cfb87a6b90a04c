import type { Decimal, LayerName } from '@policy/dsl';
import type { Claim } from '../claim.js';
import type { Flag } from '../runtime/context.js';
import type { SettlementTrace } from '../trace.js';

/** The result of settling one claim under a policy. */
export interface SettledClaim {
  readonly claim: Claim;
  readonly policy: string;
  readonly version: string;
  /** Every layer of the contract's vocabulary (zero when the policy does not use it). */
  readonly layers: Readonly<Record<LayerName, Decimal>>;
  /** The layers this policy declares, in the contract's order. */
  readonly declaredLayers: readonly LayerName[];
  readonly flags: readonly Flag[];
  readonly trace?: SettlementTrace;
  /** The layers in whole fen, in the contract's order, when the fixed-point evaluator settled the claim. */
  readonly fen?: readonly number[];
  /** The values of the lets a `LetProbe` asked for (SettleOptions.probe), in its order. */
  readonly values?: readonly unknown[];
}
