import { formatDate, yearOfDay } from '@policy/dsl';
import type { Category } from '@policy/engine';
import type { CompiledPolicy } from '@policy/engine';
import { AccumulatorStore } from '@policy/engine';
import { compareClaims, settleItem, type ClaimItem, type Outcome } from '@policy/engine';
import { rosterBits, withCategoryBits, type RosterView } from './apply-roster.js';
import { categoriesOfBits } from './roster-row.js';

/**
 * LIUAN-4 retroactive assistance 追溯救助: 「身份认定前当年发生的个人自付的合规医疗费用可依申请追溯救助」.
 * A person who enters a category during a calendar year has the claims of that year dated
 * before the entry settled again as if the category had applied: from January 1 of the year
 * ("当年", the calendar year, as the clause catalogue reads it), so every earlier claim of that
 * year gets it (reading R4, docs/rosters.md).
 *
 * Per person-year: the claims in settlement order (date, id) up to the last one that gains a
 * category are settled twice from fresh accumulators, with the categories they had (the roster
 * as of their date) and with the categories entered later that year added. Claims after that
 * are not reopened: they were settled with the category already. A re-settled claim that gains
 * nothing is still settled again (its accumulators may have moved) and listed.
 */

export interface RetroEntry {
  readonly category: Category;
  /** The day the person entered the category (YYYY-MM-DD). */
  readonly from: string;
}

export interface RetroClaim {
  readonly item: ClaimItem;
  /** The claim as the batch settles it (roster as of its date) and settled again. */
  readonly original: Outcome;
  readonly retroactive: Outcome;
  /** The categories the claim gains, with the day each was entered; empty when it gains none. */
  readonly entered: readonly RetroEntry[];
}

/** Re-settles what LIUAN-4 concerns among `items` (validated claims, their own categories); results in input order. */
export function settleRetroactive(policy: CompiledPolicy, items: readonly ClaimItem[], view: RosterView): RetroClaim[] {
  const asOfDate: RosterView = { index: view.index, mode: view.mode };
  const retro: RosterView = { ...asOfDate, retroactive: true };
  const order = items.map((_, i) => i).sort((a, b) => compareClaims((items[a] as ClaimItem).claim, (items[b] as ClaimItem).claim));
  const out: RetroClaim[] = [];
  for (let start = 0; start < order.length; ) {
    const first = (items[order[start] as number] as ClaimItem).claim;
    let end = start;
    while (end < order.length) {
      const c = (items[order[end] as number] as ClaimItem).claim;
      if (c.personId !== first.personId || c.year !== first.year) break;
      end++;
    }
    const year = order.slice(start, end).map((i) => items[i] as ClaimItem);
    start = end;
    const bits = year.map((it) => [rosterBits(it.claim, asOfDate), rosterBits(it.claim, retro)] as const);
    let last = -1;
    bits.forEach(([before, after], k) => {
      if (before !== after) last = k;
    });
    if (last < 0) continue;
    const originalStore = new AccumulatorStore(policy.accumulatorScales);
    const retroStore = new AccumulatorStore(policy.accumulatorScales);
    for (let k = 0; k <= last; k++) {
      const it = year[k] as ClaimItem;
      const [before, after] = bits[k] as readonly [number, number];
      out.push({
        item: it,
        original: settleItem(policy, { ...it, claim: withCategoryBits(it.claim, before) }, originalStore),
        retroactive: settleItem(policy, { ...it, claim: withCategoryBits(it.claim, after) }, retroStore),
        entered: entries(view, it.claim.personId, it.claim.day, after & ~before),
      });
    }
  }
  return out.sort((a, b) => a.item.index - b.item.index);
}

/** For each gained category, the first day after `day`, in its year, the person entered it. */
function entries(view: RosterView, person: string, day: number, gained: number): RetroEntry[] {
  const year = yearOfDay(day);
  const periods = view.index.periodsOf(person).filter((p) => p.from > day && yearOfDay(p.from) === year);
  return categoriesOfBits(gained).map((category) => {
    const from = Math.min(...periods.filter((p) => categoriesOfBits(p.bit)[0] === category).map((p) => p.from));
    return { category, from: formatDate(from) };
  });
}
