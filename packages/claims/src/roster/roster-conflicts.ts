import { formatDate } from '@policy/dsl';
import type { Category } from '@policy/engine';
import { OPEN_END, rowPlace, type RosterRow } from './roster-row.js';

/**
 * Contradicting rows: for one person, two rows whose periods overlap (share at least one day)
 * with categories that exclude each other.
 *
 * Not every pair of different categories contradicts: a claim may carry several (the contract
 * allows registered_poor with dibao, and the poverty office's list and civil affairs' list name
 * the same person under their own categories). What cannot hold at once are the rungs of civil
 * affairs' assistance ladder, each defined as "not the rungs above it": 特困人员 extreme_poor,
 * 低保对象 dibao, 低保边缘家庭成员 dibao_edge, 刚性支出困难家庭 hardship (a household is classed
 * into one of them at a time). registered_poor 建档立卡 and monitored 防止返贫监测 are the poverty
 * office's identities and combine with any rung. (Reading R2, assumed: the documents do not
 * define it; docs/rosters.md.) Two rows of one person and one category that overlap agree:
 * their periods are merged.
 */
export const EXCLUSIVE: readonly Category[] = ['extreme_poor', 'dibao', 'dibao_edge', 'hardship'];

export interface RosterConflict {
  readonly person: string;
  /** The earlier row (by from) and the row that overlaps it. */
  readonly first: RosterRow;
  readonly second: RosterRow;
}

export function periodText(row: { readonly from: number; readonly to: number }): string {
  return `${formatDate(row.from)} – ${row.to === OPEN_END ? '(still in)' : formatDate(row.to)}`;
}

export function describeConflict(c: RosterConflict): string {
  const { first: a, second: b } = c;
  return `${rowPlace(a)} and ${rowPlace(b)}: person ${c.person} is ${a.category} ${periodText(a)} and ${b.category} ${periodText(b)}: these categories exclude each other`;
}

/**
 * The contradictions among `rows` (any order, several files together). Each row is paired with
 * the row of another exclusive category that reaches furthest among those starting before it:
 * O(n log n) whatever the input, and every contradicting row is named at least once.
 */
export function findConflicts(rows: readonly RosterRow[]): RosterConflict[] {
  const exclusive = rows.filter((r) => EXCLUSIVE.includes(r.category));
  exclusive.sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : a.from - b.from || a.to - b.to));
  const out: RosterConflict[] = [];
  let reach = new Map<Category, RosterRow>();
  let person: string | undefined;
  for (const row of exclusive) {
    if (row.person !== person) {
      person = row.person;
      reach = new Map();
    }
    for (const [category, other] of reach) {
      if (category !== row.category && other.to >= row.from) out.push({ person: row.person, first: other, second: row });
    }
    const best = reach.get(row.category);
    if (!best || row.to > best.to) reach.set(row.category, row);
  }
  return out;
}
