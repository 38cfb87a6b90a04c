import { currentLang } from '../lang.js';
import { basename } from 'node:path';
import { formatDate, formatMoney, LAYERS, ZERO, t, type Decimal, type Lang, type LayerName } from '@policy/dsl';
import { padEndWidth, padStartWidth, textWidth } from '../render/pad.js';
import { compareClaims, type ClaimItem, type CompiledPolicy, type Rejection, type SettledClaim } from '@policy/engine';
import { IdRegistry, describeRejection, settleRetroactive, type RecordItem, type RetroClaim, AtomicFile, RejectionWriter, SettlementWriter, outputFormatOf, rejectionToJson } from '@policy/claims';
import { personOf } from '../batch/person-order.js';
import type { RecordToClaim } from '../batch/record-to-claim.js';
import { describeRosters, rostersJson, type Rosters } from './roster-options.js';

/**
 * `policy batch --retroactive` (LIUAN-4): reads the claims file, keeps the records of the
 * persons who entered a category after January 1 of some year, re-settles their earlier claims
 * of that year with the category (engine: settleRetroactive), writes the new settlements and
 * reports the difference per claim and per layer. In-process: it concerns few persons.
 */

interface RetroOptions {
  readonly in: string;
  readonly out: string;
  readonly rejects?: string;
  readonly summaryJson?: string;
  readonly labels?: 'codes' | 'zh';
}

/** The records as `policy batch` read them, and how a record becomes a claim (platform records through the mapping). */
export interface RetroInput {
  readonly records: AsyncIterable<RecordItem>;
  readonly input: 'contract' | 'nhsa';
  readonly toClaim: RecordToClaim;
}

type Layers = Record<LayerName, Decimal>;

function zeroLayers(): Layers {
  return Object.fromEntries(LAYERS.map((l) => [l, ZERO])) as Layers;
}

function signed(d: Decimal): string {
  return d.isZero() ? '0.00' : d.isNegative() ? `-${formatMoney(d.negated())}` : `+${formatMoney(d)}`;
}

/** A person with a period starting after January 1 of its year: the only kind LIUAN-4 can concern. */
function entering(rosters: Rosters, person: string): boolean {
  return rosters.index.periodsOf(person).some((p) => !formatDate(p.from).endsWith('-01-01'));
}

export async function runRetroactive(policy: CompiledPolicy, rosters: Rosters, opts: RetroOptions, source: RetroInput): Promise<{ readonly report: string; readonly rejected: number }> {
  const file = opts.in === '-' ? 'standard input' : opts.in;
  const outFormat = outputFormatOf(opts.out);
  const items: ClaimItem[] = [];
  const rejections: Rejection[] = [];
  const ids = new IdRegistry(source.input === 'nhsa' ? 'setl_id' : 'id');
  let read = 0;
  let kept = 0;
  for await (const item of source.records) {
    const index = read++;
    const person = personOf(item, source.input === 'nhsa' ? 'psn_no' : 'personId');
    if (person === undefined || !entering(rosters, person)) continue;
    kept++;
    const r = source.toClaim(item, index, ids.see(item));
    if (r.kind === 'claim') items.push(r);
    else rejections.push(r.rejection);
  }
  const results = settleRetroactive(policy, items, rosters);
  for (const r of results) {
    for (const o of [r.original, r.retroactive]) if (o.kind === 'rejected' && !rejections.includes(o.rejection)) rejections.push(o.rejection);
  }
  const done = results.filter((r) => r.original.kind === 'settled' && r.retroactive.kind === 'settled');

  const out = new AtomicFile(opts.out);
  const rej = opts.rejects ? new AtomicFile(opts.rejects) : undefined;
  try {
    const extra = [...new Set(done.flatMap((r) => Object.keys(r.item.claim.extra)))];
    const writer = new SettlementWriter(out, outFormat, outFormat === 'csv' ? extra : [], opts.labels ?? 'codes');
    await writer.header();
    for (const r of done) await writer.write((r.retroactive as { settlement: SettledClaim }).settlement);
    if (rej) {
      const w = new RejectionWriter(rej, outputFormatOf(opts.rejects as string), { lang: currentLang() });
      await w.header();
      for (const x of rejections) await w.write(x);
    }
    await out.commit();
    await rej?.commit();
  } catch (e) {
    out.abort();
    rej?.abort();
    throw e;
  }

  const report = reportOf(done);
  const lang = currentLang();
  const title = t(lang, 'cmd.retro.title', { policy: policy.name, input: opts.in === '-' ? t(lang, 'cmd.stdin') : basename(opts.in), out: opts.out });
  const text = renderReport(title, rosters, { read, kept, rejections, withoutRejects: !rej }, done, report);
  if (opts.summaryJson) {
    const f = new AtomicFile(opts.summaryJson);
    const json = {
      policy: policy.name,
      input: file === 'standard input' ? '-' : opts.in,
      output: opts.out,
      rosters: rostersJson(rosters),
      records: read,
      concernedRecords: kept,
      rejected: rejections.length,
      persons: report.persons,
      resettled: done.length,
      changed: report.changed,
      layers: Object.fromEntries(LAYERS.map((l) => [l, { original: formatMoney(report.original[l]), retroactive: formatMoney(report.retroactive[l]), delta: signed(report.retroactive[l].minus(report.original[l])) }])),
      claims: done.map((r) => claimJson(r)),
      rejections: rejections.map(rejectionToJson),
    };
    await f.write(`${JSON.stringify(json, null, 2)}\n`);
    await f.commit();
  }
  return { report: text, rejected: rejections.length };
}

interface Report {
  readonly original: Layers;
  readonly retroactive: Layers;
  readonly persons: number;
  readonly changed: number;
}

function settlementOf(r: RetroClaim, which: 'original' | 'retroactive'): SettledClaim {
  return (r[which] as { settlement: SettledClaim }).settlement;
}

function deltas(r: RetroClaim): [LayerName, Decimal][] {
  const a = settlementOf(r, 'original').layers;
  const b = settlementOf(r, 'retroactive').layers;
  return LAYERS.map((l) => [l, b[l].minus(a[l])] as [LayerName, Decimal]).filter(([, d]) => !d.isZero());
}

function reportOf(done: readonly RetroClaim[]): Report {
  const original = zeroLayers();
  const retroactive = zeroLayers();
  for (const r of done) {
    for (const l of LAYERS) {
      original[l] = original[l].plus(settlementOf(r, 'original').layers[l]);
      retroactive[l] = retroactive[l].plus(settlementOf(r, 'retroactive').layers[l]);
    }
  }
  return { original, retroactive, persons: new Set(done.map((r) => r.item.claim.personId)).size, changed: done.filter((r) => deltas(r).length > 0).length };
}

function claimJson(r: RetroClaim): Record<string, unknown> {
  const layers = (s: SettledClaim): Record<string, string> => Object.fromEntries(LAYERS.map((l) => [l, formatMoney(s.layers[l])]));
  return {
    id: r.item.claim.id,
    personId: r.item.claim.personId,
    date: r.item.claim.date,
    line: r.item.location.line,
    entered: r.entered,
    original: layers(settlementOf(r, 'original')),
    retroactive: layers(settlementOf(r, 'retroactive')),
    delta: Object.fromEntries(deltas(r).map(([l, d]) => [l, signed(d)])),
  };
}

function renderReport(
  title: string,
  rosters: Rosters,
  counts: { read: number; kept: number; rejections: readonly Rejection[]; withoutRejects: boolean },
  done: readonly RetroClaim[],
  report: Report,
  lang: Lang = currentLang(),
): string {
  const lines = [title, `  ${t(lang, 'cmd.rosters', { rosters: describeRosters(rosters) })}`];
  type Label = 'cmd.retro.records-read' | 'cmd.retro.kept' | 'cmd.retro.rejected' | 'cmd.retro.persons' | 'cmd.retro.claims' | 'cmd.retro.changed';
  const n = (label: Label, v: number): void => void lines.push(`  ${padEndWidth(t(lang, label), 52)}${String(v).padStart(8)}`);
  n('cmd.retro.records-read', counts.read);
  n('cmd.retro.kept', counts.kept);
  n('cmd.retro.rejected', counts.rejections.length);
  const shown = counts.withoutRejects ? 20 : 5;
  for (const r of counts.rejections.slice(0, shown)) lines.push(`    ${describeRejection(r, lang)}`);
  if (counts.rejections.length > shown) lines.push(`    ${t(lang, 'cmd.and-more', { n: counts.rejections.length - shown })}`);
  n('cmd.retro.persons', report.persons);
  n('cmd.retro.claims', done.length);
  n('cmd.retro.changed', report.changed);
  if (done.length === 0) return lines.join('\n');
  const rows = done.slice().sort((a, b) => compareClaims(a.item.claim, b.item.claim)).map((r) => [
    r.item.claim.id,
    r.item.claim.personId,
    r.item.claim.date,
    r.entered.length === 0 ? t(lang, 'cmd.retro.none-accumulators') : r.entered.map((e) => t(lang, 'cmd.retro.entered', { category: e.category, from: e.from })).join(', '),
    deltas(r).map(([l, d]) => `${l} ${signed(d)}`).join(', ') || t(lang, 'cmd.retro.no-change'),
  ]);
  const head = [t(lang, 'cmd.retro.head-claim'), t(lang, 'cmd.retro.head-person'), t(lang, 'cmd.retro.head-date'), t(lang, 'cmd.retro.head-gains'), t(lang, 'cmd.retro.head-delta')];
  // English keeps its alignment by code units (as before); Chinese aligns by display width.
  const w = lang === 'en' ? (x: string): number => x.length : textWidth;
  const padTo = (x: string, to: number): string => (lang === 'en' ? x.padEnd(to) : padEndWidth(x, to));
  const widths = head.map((h, c) => Math.max(w(h), ...rows.map((row) => w(row[c] as string))));
  const line = (cells: readonly string[]): string => `  ${cells.map((cell, c) => (c === cells.length - 1 ? cell : padTo(cell, widths[c] as number))).join('  ')}`;
  lines.push(line(head));
  for (const row of rows) lines.push(line(row));
  lines.push(`  ${padEndWidth(t(lang, 'cmd.retro.layer'), 20)}${padStartWidth(t(lang, 'cmd.retro.original'), 16)}${padStartWidth(t(lang, 'cmd.retro.retroactive'), 16)}${padStartWidth(t(lang, 'cmd.retro.difference'), 16)}`);
  for (const l of LAYERS) {
    const a = report.original[l];
    const b = report.retroactive[l];
    lines.push(`  ${l.padEnd(20)}${formatMoney(a).padStart(16)}${formatMoney(b).padStart(16)}${signed(b.minus(a)).padStart(16)}`);
  }
  return lines.join('\n');
}
