import { Decimal, LAYERS, PAYING_LAYERS, t, type Lang } from '@policy/dsl';
import { currentLang } from '../lang.js';
import { padEndWidth, padStartWidth } from './pad.js';
import { type KpiTally, type Rejection, type VersionEngine } from '@policy/engine';
import { describeRejection } from '@policy/claims';
import { FenSums, type SumsMessage } from '../batch/fen-sums.js';

/** What a batch did, for the summary on stderr and `--summary-json`. */
export class BatchSummary {
  read = 0;
  rejected = 0;
  readonly firstRejections: Rejection[] = [];
  readonly sums = new FenSums();
  private readonly started = performance.now();
  /** The shapes of input and output (platform records or the contract's), and how the input's was chosen. */
  formats: { input: 'contract' | 'nhsa'; basis: string; output: 'contract' | 'nhsa'; mapping?: string } | undefined;
  /** The policy's kpis over the settled claims (docs/kpis.md), when it declares any. */
  kpis: KpiTally | undefined;

  constructor(
    readonly engines: readonly VersionEngine[] = [],
    readonly workers = 0,
    readonly presorted = false,
  ) {}

  get settled(): number {
    return this.sums.settled;
  }

  addSums(m: SumsMessage): void {
    this.sums.merge(m);
    if (m.kpis) this.kpis?.merge(m.kpis);
  }

  addRejected(r: Rejection): void {
    this.rejected++;
    if (this.firstRejections.length < 5) this.firstRejections.push(r);
  }

  /** Records in = settled + rejected: the batch lost nothing. */
  get balanced(): boolean {
    return this.read === this.settled + this.rejected;
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** `fixed-point` or `decimal` when every version has one evaluator, else `mixed`. */
  get engine(): string {
    const kinds = new Set(this.engines.map((e) => e.engine));
    return kinds.size === 1 ? [...kinds][0] as string : 'mixed';
  }

  private paying(): bigint {
    return PAYING_LAYERS.reduce((sum, l) => sum + this.sums.layerFen(LAYERS.indexOf(l)), 0n);
  }

  toJson(): Record<string, unknown> {
    const total = this.sums.totalFen;
    return {
      records: this.read,
      settled: this.settled,
      rejected: this.rejected,
      balanced: this.balanced,
      total: fenText(total),
      layers: Object.fromEntries(LAYERS.map((l, i) => [l, fenText(this.sums.layerFen(i))])),
      effectiveRatio: total === 0n ? null : ratio(this.paying(), total).toDecimalPlaces(6).toString(),
      engine: this.engine,
      versions: this.engines,
      fixedPointClaims: this.sums.fixed,
      decimalClaims: this.settled - this.sums.fixed,
      workers: this.workers,
      presorted: this.presorted,
      ...(this.kpis && !this.kpis.empty ? { kpis: this.kpis.values() } : {}),
      ...(this.formats
        ? {
            inFormat: this.formats.input,
            inFormatBasis: this.formats.basis,
            outFormat: this.formats.output,
            ...(this.formats.mapping !== undefined ? { mapping: this.formats.mapping } : {}),
          }
        : {}),
      seconds: Number(this.seconds.toFixed(3)),
      claimsPerSecond: Math.round(this.read / Math.max(this.seconds, 1e-6)),
      peakRssMiB: peakRssMiB(),
    };
  }
}

/** Whole fen (any size) as the contract writes money. */
function fenText(fen: bigint): string {
  const negative = fen < 0n;
  const digits = String(negative ? -fen : fen).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function ratio(part: bigint, whole: bigint): Decimal {
  return new Decimal(String(part)).dividedBy(new Decimal(String(whole)));
}

/** Peak resident memory of this process (its worker threads included) so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function percent(part: bigint, whole: bigint): string {
  return whole === 0n ? '' : `${ratio(part, whole).times(100).toFixed(2)}%`;
}

function grouped(amount: string): string {
  const [int, frac] = amount.split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac ?? '00'}`;
}

export function renderSummary(s: BatchSummary, title: string, lang: Lang = currentLang()): string {
  const lines = [title];
  // Said only when the platform's shape is involved: a contract run's summary stays as it was.
  const f = s.formats;
  if (f && (f.input === 'nhsa' || f.output === 'nhsa')) {
    lines.push(`  ${t(lang, f.input === 'nhsa' ? 'cmd.batch.input-nhsa' : 'cmd.batch.input-contract', { basis: f.basis })}`);
    if (f.output === 'nhsa') lines.push(`  ${t(lang, 'cmd.batch.output-nhsa')}`);
    if (f.mapping !== undefined) lines.push(`  ${t(lang, 'cmd.batch.mapping', { mapping: f.mapping })}`);
  }
  lines.push(`  ${padEndWidth(t(lang, 'cmd.batch.records-read'), 14)}${String(s.read).padStart(10)}`);
  lines.push(`  ${padEndWidth(t(lang, 'cmd.batch.settled'), 14)}${String(s.settled).padStart(10)}`);
  lines.push(`  ${padEndWidth(t(lang, 'cmd.batch.rejected'), 14)}${String(s.rejected).padStart(10)}`);
  for (const r of s.firstRejections) lines.push(`    ${describeRejection(r, lang)}`);
  if (s.rejected > s.firstRejections.length) lines.push(`    ${t(lang, 'cmd.batch.more-rejected', { n: s.rejected - s.firstRejections.length })}`);
  lines.push(`  ${t(lang, 'cmd.batch.balance', { read: s.read, settled: s.settled, rejected: s.rejected })}${s.balanced ? '' : t(lang, 'cmd.batch.lost')}`);
  const total = s.sums.totalFen;
  if (s.settled > 0) {
    lines.push(`  ${padEndWidth(t(lang, 'cmd.batch.layer'), 20)}${padStartWidth(t(lang, 'cmd.batch.amount'), 20)}   ${t(lang, 'cmd.batch.share')}`);
    LAYERS.forEach((l, i) => {
      const v = s.sums.layerFen(i);
      lines.push(`  ${l.padEnd(20)}${grouped(fenText(v)).padStart(20)}   ${percent(v, total).padStart(7)}`);
    });
    lines.push(`  ${padEndWidth(t(lang, 'cmd.batch.total'), 20)}${grouped(fenText(total)).padStart(20)}`);
    if (total !== 0n) lines.push(`  ${t(lang, 'cmd.batch.effective-ratio', { percent: percent(PAYING_LAYERS.reduce((sum, l) => sum + s.sums.layerFen(LAYERS.indexOf(l)), 0n), total) })}`);
  }
  const decimal = s.settled - s.sums.fixed;
  const how =
    s.engines.length === 0
      ? ''
      : `  ${t(lang, 'cmd.batch.engine', {
          engine: s.engine,
          decimal: s.engine !== 'decimal' && decimal > 0 ? t(lang, 'cmd.batch.engine-decimal', { n: decimal }) : '',
          workers: t(lang, s.workers === 1 ? 'cmd.batch.workers.one' : 'cmd.batch.workers.many', { n: s.workers }),
          presorted: s.presorted ? t(lang, 'cmd.batch.presorted') : '',
        })}`;
  if (how) lines.push(how);
  for (const e of s.engines) if (e.engine === 'decimal' && s.engine === 'mixed') lines.push(`    ${t(lang, 'cmd.batch.version-decimal', { date: e.date, reason: e.reason })}`);
  const secs = s.seconds;
  lines.push(`  ${t(lang, 'cmd.batch.wall-time', { seconds: secs.toFixed(2), rate: Math.round(s.read / Math.max(secs, 1e-6)), mib: peakRssMiB() })}`);
  return lines.join('\n');
}
