import type { Category } from '@policy/engine';
import type { RosterFile } from './read-roster.js';
import type { RosterRow } from './roster-row.js';

/**
 * HEFEI-3 reconciliation: two lists of the same people (the insurance office's and the poverty
 * office's) must agree. They agree on a person when, category by category, the days in force
 * are the same: rows may be split differently (2018-01-01 – 2018-06-30 and 2018-07-01 – in one
 * list, 2018-01-01 – in the other agree). Differences, each with the rows behind it:
 *   only in A / only in B  the person is on one list only;
 *   category               the person has a category on one list only;
 *   period                 both lists have the category, over different days.
 */

export interface PersonOnlyIn {
  readonly person: string;
  readonly rows: readonly RosterRow[];
}

export interface CategoryDifference {
  readonly person: string;
  readonly category: Category;
  readonly kind: 'category' | 'period';
  readonly a: readonly RosterRow[];
  readonly b: readonly RosterRow[];
}

export interface RosterComparison {
  readonly onlyInA: readonly PersonOnlyIn[];
  readonly onlyInB: readonly PersonOnlyIn[];
  readonly differ: readonly CategoryDifference[];
  /** Persons on both lists whose every category agrees. */
  readonly agreeing: number;
}

function byPerson(rows: readonly RosterRow[]): Map<string, RosterRow[]> {
  const m = new Map<string, RosterRow[]>();
  for (const r of rows) {
    const list = m.get(r.person);
    if (list) list.push(r);
    else m.set(r.person, [r]);
  }
  return m;
}

/** The days a category's rows cover, as disjoint periods (touching ones joined), as text for comparing. */
function coverage(rows: readonly RosterRow[]): string {
  const sorted = rows.slice().sort((x, y) => x.from - y.from);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last[1] + 1) last[1] = Math.max(last[1], r.to);
    else out.push([r.from, r.to]);
  }
  return out.map(([f, t]) => `${f}-${t}`).join(',');
}

function compareCmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareRosters(a: RosterFile, b: RosterFile): RosterComparison {
  const pa = byPerson(a.rows);
  const pb = byPerson(b.rows);
  const onlyInA: PersonOnlyIn[] = [];
  const onlyInB: PersonOnlyIn[] = [];
  const differ: CategoryDifference[] = [];
  let agreeing = 0;
  for (const person of [...pa.keys()].sort(compareCmp)) {
    const ra = pa.get(person) as RosterRow[];
    const rb = pb.get(person);
    if (!rb) {
      onlyInA.push({ person, rows: ra });
      continue;
    }
    const categories = [...new Set([...ra, ...rb].map((r) => r.category))].sort(compareCmp);
    let same = true;
    for (const category of categories) {
      const ca = ra.filter((r) => r.category === category);
      const cb = rb.filter((r) => r.category === category);
      if (ca.length === 0 || cb.length === 0) {
        differ.push({ person, category, kind: 'category', a: ca, b: cb });
        same = false;
      } else if (coverage(ca) !== coverage(cb)) {
        differ.push({ person, category, kind: 'period', a: ca, b: cb });
        same = false;
      }
    }
    if (same) agreeing++;
  }
  for (const person of [...pb.keys()].sort(compareCmp)) if (!pa.has(person)) onlyInB.push({ person, rows: pb.get(person) as RosterRow[] });
  return { onlyInA, onlyInB, differ, agreeing };
}
