import { CATEGORY_BITS, type Category, type Claim } from '@policy/engine';
import { ValidClaim } from '../input/valid-claim.js';
import { EXCLUSIVE } from './roster-conflicts.js';
import type { RosterIndex } from './roster-index.js';
import { categoriesOfBits } from './roster-row.js';

/**
 * The seam between rosters and settlement: a validated claim gets the categories in force on
 * its date, before it is settled, whatever format it was read from.
 *   merge   (default) the claim's own categories ∪ the roster's on its date;
 *   replace the roster's on its date only: a person on no roster is an ordinary resident.
 * `retroactive` (LIUAN-4) adds the categories the person enters later in the claim's year.
 */
export type RosterMode = 'merge' | 'replace';

export interface RosterView {
  readonly index: RosterIndex;
  readonly mode: RosterMode;
  readonly retroactive?: boolean;
}

const SETS: ReadonlySet<Category>[] = Array.from({ length: 64 }, (_, bits) => new Set(categoriesOfBits(bits)));

/** The claim with `bits` as its categories (the same claim when they are already). */
export function withCategoryBits(claim: Claim, bits: number): Claim {
  if (bits === claim.categoryBits) return claim;
  const categories = SETS[bits] as ReadonlySet<Category>;
  if (claim instanceof ValidClaim) return claim.withCategories(categories, bits);
  return { ...claim, categories, categoryBits: bits };
}

const LADDER = EXCLUSIVE.reduce((bits, c) => bits | CATEGORY_BITS[c], 0);

/**
 * The categories a claim is settled with under the roster (bits). Retroactively, a rung of the
 * assistance ladder is not added to a claim that already has another rung: moving from one rung
 * to another (dibao → hardship) is not being newly recognised.
 */
export function rosterBits(claim: Claim, view: RosterView): number {
  const own = view.mode === 'merge' ? claim.categoryBits : 0;
  const bits = own | view.index.categoriesOn(claim.personId, claim.day);
  if (!view.retroactive) return bits;
  const entered = view.index.enteredLaterInYear(claim.personId, claim.day);
  return bits | ((bits & LADDER) !== 0 ? entered & ~LADDER : entered);
}

export function applyRoster(claim: Claim, view: RosterView): Claim {
  return withCategoryBits(claim, rosterBits(claim, view));
}
