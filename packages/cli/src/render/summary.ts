import { LAYERS, formatMoney, PAYING_LAYERS, ZERO, type Decimal, type LayerName } from '@policy/dsl';
import { describeRejection, type Rejection, type SettledClaim } from '@policy/engine';

/** What a batch did, for the summary on stderr. */
export class BatchSummary {
  read = 0;
  settled = 0;
  rejected = 0;
  readonly firstRejections: Rejection[] = [];
  readonly layerTotals = new Map<LayerName, Decimal>(LAYERS.map((l) => [l, ZERO]));
  total: Decimal = ZERO;
  private readonly started = performance.now();

  addSettled(s: SettledClaim): void {
    this.settled++;
    this.total = this.total.plus(s.claim.total);
    for (const l of LAYERS) this.layerTotals.set(l, (this.layerTotals.get(l) as Decimal).plus(s.layers[l]));
  }

  addRejected(r: Rejection): void {
    this.rejected++;
    if (this.firstRejections.length < 5) this.firstRejections.push(r);
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  get paying(): Decimal {
    return PAYING_LAYERS.reduce((sum, l) => sum.plus(this.layerTotals.get(l) as Decimal), ZERO);
  }

  toJson(): Record<string, unknown> {
    return {
      records: this.read,
      settled: this.settled,
      rejected: this.rejected,
      total: formatMoney(this.total),
      layers: Object.fromEntries(LAYERS.map((l) => [l, formatMoney(this.layerTotals.get(l) as Decimal)])),
      effectiveRatio: this.total.isZero() ? null : this.paying.dividedBy(this.total).toDecimalPlaces(6).toString(),
      seconds: Number(this.seconds.toFixed(3)),
      peakRssMiB: peakRssMiB(),
    };
  }
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function percent(part: Decimal, whole: Decimal): string {
  return whole.isZero() ? '' : `${part.dividedBy(whole).times(100).toFixed(2)}%`;
}

function grouped(amount: string): string {
  const [int, frac] = amount.split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac ?? '00'}`;
}

export function renderSummary(s: BatchSummary, title: string): string {
  const lines = [title];
  lines.push(`  records read  ${String(s.read).padStart(10)}`);
  lines.push(`  settled       ${String(s.settled).padStart(10)}`);
  lines.push(`  rejected      ${String(s.rejected).padStart(10)}`);
  for (const r of s.firstRejections) lines.push(`    ${describeRejection(r)}`);
  if (s.rejected > s.firstRejections.length) lines.push(`    … and ${s.rejected - s.firstRejections.length} more (see the rejects output)`);
  if (s.settled > 0) {
    lines.push(`  ${'layer'.padEnd(20)}${'amount'.padStart(20)}   share`);
    for (const l of LAYERS) {
      const v = s.layerTotals.get(l) as Decimal;
      lines.push(`  ${l.padEnd(20)}${grouped(formatMoney(v)).padStart(20)}   ${percent(v, s.total).padStart(7)}`);
    }
    lines.push(`  ${'total'.padEnd(20)}${grouped(formatMoney(s.total)).padStart(20)}`);
    if (!s.total.isZero()) lines.push(`  effective ratio (paying layers / total): ${percent(s.paying, s.total)}`);
  }
  const secs = s.seconds;
  lines.push(`  wall time ${secs.toFixed(2)} s, ${Math.round(s.read / Math.max(secs, 1e-6))} records/s, peak memory ${peakRssMiB()} MiB`);
  return lines.join('\n');
}
