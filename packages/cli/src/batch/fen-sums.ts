import { LAYERS } from '@policy/dsl';
import { FenSum, type KpiPart, type SettledClaim } from '@policy/engine';

/**
 * Sums of settled amounts in whole fen, for the summary (FenSum: exact integers). A worker sums
 * its claims; the main thread adds up what the workers send (as decimal strings: BigInt does not
 * cross postMessage as such).
 */
export interface SumsMessage {
  readonly settled: number;
  /** Claims the fixed-point evaluator settled. */
  readonly fixed: number;
  readonly total: string;
  /** Per layer, in the contract's order. */
  readonly layers: readonly string[];
  /** The policy's kpis: numerator and denominator sums per kpi (KpiTally.take), when it declares any. */
  readonly kpis?: readonly KpiPart[];
}

function fenOf(amount: { times(n: number): { toFixed(d: number): string } }): bigint {
  return BigInt(amount.times(100).toFixed(0));
}

export class FenSums {
  settled = 0;
  fixed = 0;
  private readonly total = new FenSum();
  private readonly layers = LAYERS.map(() => new FenSum());

  add(s: SettledClaim): void {
    this.settled++;
    const fen = s.fen;
    if (fen) {
      this.fixed++;
      this.total.add(s.claim.totalFen);
      for (let i = 0; i < fen.length; i++) (this.layers[i] as FenSum).add(fen[i] as number);
      return;
    }
    this.total.addBig(fenOf(s.claim.total));
    LAYERS.forEach((l, i) => (this.layers[i] as FenSum).addBig(fenOf(s.layers[l])));
  }

  merge(m: SumsMessage): void {
    this.settled += m.settled;
    this.fixed += m.fixed;
    this.total.addBig(BigInt(m.total));
    m.layers.forEach((v, i) => (this.layers[i] as FenSum).addBig(BigInt(v)));
  }

  get totalFen(): bigint {
    return this.total.value;
  }

  layerFen(i: number): bigint {
    return (this.layers[i] as FenSum).value;
  }

  toMessage(): SumsMessage {
    return { settled: this.settled, fixed: this.fixed, total: String(this.total.value), layers: this.layers.map((l) => String(l.value)) };
  }
}
