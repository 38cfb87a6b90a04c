import { formatDate, type Lang } from '@policy/dsl';
import { reason, renderReason, type Category, type ReasonRef } from '@policy/engine';
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

/** `2024-01-01 – 2024-06-30`, `2024-01-01 – (still in)`, in one language. */
export function periodText(row: { readonly from: number; readonly to: number }, lang: Lang | number = 'en'): string {
  const p = period(row);
  return typeof p === 'string' ? p : renderReason(p, typeof lang === 'string' ? lang : 'en');
}

function period(row: { readonly from: number; readonly to: number }): string | ReasonRef {
  return row.to === OPEN_END ? reason('roster.period.open', { from: formatDate(row.from) }) : `${formatDate(row.from)} – ${formatDate(row.to)}`;
}

/** The conflict as a table entry. */
export function conflictText(c: RosterConflict): ReasonRef {
  const { first: a, second: b } = c;
  return reason('roster.conflict', {
    first: rowPlace(a),
    second: rowPlace(b),
    person: c.person,
    firstCategory: a.category,
    firstPeriod: period(a),
    secondCategory: b.category,
    secondPeriod: period(b),
  });
}

/** The conflict in one language (the second argument lets it be a map callback). */
export function describeConflict(c: RosterConflict, lang: Lang | number = 'en'): string {
  return renderReason(conflictText(c), typeof lang === 'string' ? lang : 'en');
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
