import { LAYERS, type Decimal, type LayerName } from '@policy/dsl';
import { fromScaled, type SettledClaim } from '@policy/engine';

/**
 * A settlement as the platform's setlinfo records (and a kpi reading layers, KpiTally.add) read it: its
 * layers as Decimals.
 * A fixed-point settlement holds its layers in whole fen and makes eight Decimals by division
 * when asked for them; most of them are 0.00 and the rest recur, so here each amount's Decimal
 * is made once and shared (a Decimal never changes: the sums are the same). The settlement
 * itself is left as it is; the view copies its other fields.
 */
export class KpiView {
  private readonly byFen = new Map<number, Decimal>();

  of(s: SettledClaim): SettledClaim {
    const fen = s.fen;
    if (fen === undefined || fen.length !== LAYERS.length) return s;
    const layers = {} as Record<LayerName, Decimal>;
    for (let i = 0; i < LAYERS.length; i++) layers[LAYERS[i] as LayerName] = this.decimal(fen[i] as number);
    // Every field of the settlement, its layers from the shared Decimals (one shape for every view).
    return { claim: s.claim, policy: s.policy, version: s.version, layers, declaredLayers: s.declaredLayers, flags: s.flags, trace: s.trace, fen, values: s.values };
  }

  private decimal(fen: number): Decimal {
    let d = this.byFen.get(fen);
    if (d === undefined) {
      d = fromScaled(fen, 2);
      if (this.byFen.size >= 50_000) this.byFen.clear();
      this.byFen.set(fen, d);
    }
    return d;
  }
}
