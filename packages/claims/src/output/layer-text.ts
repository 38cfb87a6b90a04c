import { LAYER_INDEX } from '@policy/engine';
import { formatMoney, type LayerName } from '@policy/dsl';
import type { SettledClaim } from '@policy/engine';
import { fenText } from '@policy/engine';

/** A layer's amount as the contract writes it ("12.30"), from whole fen when the settlement has them. */
export function layerText(s: SettledClaim, layer: LayerName): string {
  return s.fen ? fenText(s.fen[LAYER_INDEX[layer]] as number) : formatMoney(s.layers[layer]);
}

/** The claim's invoice amount as the contract writes it. */
export function totalText(s: SettledClaim): string {
  return Number.isNaN(s.claim.totalFen) ? formatMoney(s.claim.total) : fenText(s.claim.totalFen);
}
