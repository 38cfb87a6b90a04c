import { LAYERS } from '@policy/dsl';
import { CATEGORY_BITS, type Claim, type ClaimItem, type Flag, type Outcome, type SettledClaim } from '@policy/engine';
import { FenSums } from '../batch/fen-sums.js';
import { abs, layersFen, sameLayers } from './fen.js';
import type { Dimension, FlagChange, GroupRow, LayerChange, StatusChange } from './report.js';

const ZEROS: readonly bigint[] = LAYERS.map(() => 0n);
const PATIENT = LAYERS.indexOf('patient');

/** The groups of each breakdown, in the order they are shown. */
export const GROUPS: Readonly<Record<Dimension, readonly string[]>> = {
  category: ['none', ...Object.keys(CATEGORY_BITS)],
  visit: ['inpatient', 'outpatient_chronic', 'outpatient_observation', 'outpatient'],
  level: ['0', '1', '2', '3'],
  region: ['county', 'city', 'province', 'out_of_province'],
};

/** What one side did with the claims, as it goes. */
export class SideTally {
  readonly sums = new FenSums();
  readonly versions = new Map<string, number>();
  rejected = 0;

  settled(s: SettledClaim): void {
    this.sums.add(s);
    this.versions.set(s.version, (this.versions.get(s.version) ?? 0) + 1);
  }
}

/**
 * Compares the two outcomes of every claim as they come, keeping only what the report needs:
 * counts and fen sums for every claim, details for the claims that changed. Linear in the
 * claims; an unchanged claim costs a comparison of its layers and flags.
 */
export class DiffTally {
  readonly base = new SideTally();
  readonly head = new SideTally();
  records = 0;
  invalid = 0;
  settledBoth = 0;
  rejectedBoth = 0;
  changedClaims = 0;
  flagsChanged = 0;
  readonly layerChanges: LayerChange[] = [];
  readonly statusChanges: StatusChange[] = [];
  private readonly flagChanges = new Map<string, FlagChange>();
  readonly groups: GroupRow[] = [];
  private readonly groupOf = new Map<string, GroupRow>();

  constructor() {
    for (const [dimension, groups] of Object.entries(GROUPS) as [Dimension, readonly string[]][]) {
      for (const group of groups) {
        const row: GroupRow = { dimension, group, claims: 0, changed: 0, delta: LAYERS.map(() => 0n) };
        this.groups.push(row);
        this.groupOf.set(`${dimension}\0${group}`, row);
      }
    }
  }

  get flags(): FlagChange[] {
    return [...this.flagChanges.values()];
  }

  /** A record that is not a valid claim: rejected on both sides alike. */
  invalidRecord(): void {
    this.records++;
    this.invalid++;
    this.base.rejected++;
    this.head.rejected++;
  }

  claim(item: ClaimItem, base: Outcome, head: Outcome): void {
    this.records++;
    const rows = this.rowsOf(item.claim);
    for (const r of rows) r.claims++;
    if (base.kind === 'settled') this.base.settled(base.settlement);
    else this.base.rejected++;
    if (head.kind === 'settled') this.head.settled(head.settlement);
    else this.head.rejected++;

    if (base.kind === 'rejected' && head.kind === 'rejected') {
      this.rejectedBoth++;
      return;
    }
    if (base.kind === 'settled' && head.kind === 'settled') {
      this.settledBoth++;
      const layers = !sameLayers(base.settlement, head.settlement);
      const flags = this.compareFlags(base.settlement.flags, head.settlement.flags);
      if (!layers && !flags) return;
      this.changedClaims++;
      for (const r of rows) r.changed++;
      if (!layers) return;
      const before = layersFen(base.settlement);
      const after = layersFen(head.settlement);
      const delta = after.map((a, i) => a - (before[i] as bigint));
      addTo(rows, delta);
      const { claim, location, index } = item;
      this.layerChanges.push({ index, id: claim.id, personId: claim.personId, date: claim.date, location, before, after, delta });
      return;
    }
    // Settled on one side only: a change in itself; the rejected side counts 0 in the sums.
    this.changedClaims++;
    for (const r of rows) r.changed++;
    const side = (o: Outcome): StatusChange['base'] => (o.kind === 'settled' ? { layers: layersFen(o.settlement) } : { rejected: o.rejection.message });
    const b = side(base);
    const h = side(head);
    const before = 'layers' in b ? b.layers : ZEROS;
    const after = 'layers' in h ? h.layers : ZEROS;
    addTo(rows, after.map((a, i) => a - (before[i] as bigint)));
    this.statusChanges.push({ index: item.index, id: item.claim.id, location: item.location, base: b, head: h });
  }

  /** Counts the flags raised after and not before (and the reverse); true when they differ. */
  private compareFlags(before: readonly Flag[], after: readonly Flag[]): boolean {
    if (before.length === after.length && before.every((f, i) => f.rule === after[i]?.rule && f.message === after[i]?.message)) return false;
    const count = (flags: readonly Flag[]) => {
      const m = new Map<string, number>();
      for (const f of flags) m.set(`${f.rule}\0${f.message}`, (m.get(`${f.rule}\0${f.message}`) ?? 0) + 1);
      return m;
    };
    const b = count(before);
    const a = count(after);
    let differ = false;
    for (const key of new Set([...b.keys(), ...a.keys()])) {
      const d = (a.get(key) ?? 0) - (b.get(key) ?? 0);
      if (d === 0) continue;
      differ = true;
      let change = this.flagChanges.get(key);
      if (!change) {
        const [rule, message] = key.split('\0') as [string, string];
        change = { rule, message, appeared: 0, disappeared: 0 };
        this.flagChanges.set(key, change);
      }
      if (d > 0) change.appeared++;
      else change.disappeared++;
    }
    // Flags that only come in another order are no change.
    if (differ) this.flagsChanged++;
    return differ;
  }

  private rowsOf(c: Claim): GroupRow[] {
    const rows: GroupRow[] = [];
    const row = (d: Dimension, g: string) => this.groupOf.get(`${d}\0${g}`) as GroupRow;
    if (c.categories.size === 0) rows.push(row('category', 'none'));
    else for (const cat of GROUPS.category) if (c.categories.has(cat as never)) rows.push(row('category', cat));
    rows.push(row('visit', c.visit), row('level', String(c.level)), row('region', c.region));
    return rows;
  }
}

function addTo(rows: readonly GroupRow[], delta: readonly bigint[]): void {
  for (const r of rows) for (let i = 0; i < delta.length; i++) r.delta[i] = (r.delta[i] as bigint) + (delta[i] as bigint);
}

/**
 * The claims that changed most: by the absolute change of the patient layer, then by the
 * largest absolute change of any layer, then by id — a stable order whatever the input order.
 */
export function topChanges(changes: readonly LayerChange[], n: number): LayerChange[] {
  const key = (c: LayerChange) => ({ patient: abs(c.delta[PATIENT] as bigint), any: c.delta.reduce((m, d) => (abs(d) > m ? abs(d) : m), 0n) });
  const keyed = changes.map((c) => ({ c, k: key(c) }));
  keyed.sort((x, y) => {
    if (x.k.patient !== y.k.patient) return x.k.patient > y.k.patient ? -1 : 1;
    if (x.k.any !== y.k.any) return x.k.any > y.k.any ? -1 : 1;
    return x.c.id < y.c.id ? -1 : x.c.id > y.c.id ? 1 : 0;
  });
  return keyed.slice(0, n).map((x) => x.c);
}
