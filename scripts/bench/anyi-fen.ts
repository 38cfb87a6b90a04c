import type { Claim } from '@policy/engine';
import { CHRONIC_I, CHRONIC_II, DEDUCTIBLE_YUAN, FIFTH_LINE, QUOTA_YUAN, RATIO_PCT } from './anyi-sets.js';

/**
 * 安义 (policies/anyi/settlement.policy) written by hand over integer fen: the physical limit
 * the engine is measured against. Ratios are whole percents, so a product of fen and a ratio is
 * in hundredths of a fen; `fen()` rounds it half-up (D4). Claims come in (person, year, date, id)
 * order; accumulators are reset when the person-year changes. Returns the 8 layers in fen, or
 * undefined for a claim the engine would reject.
 */
const fen = (x: number): number => Math.floor((x + 50) / 100); // x ≥ 0 here, in hundredths of a fen

/** 基本医保住院应付, in hundredths of a fen. */
function dueBasic(inCat: number, level: number, paid: number): number {
  return Math.min(Math.max(0, inCat - DEDUCTIBLE_YUAN[level]! * 100) * RATIO_PCT[level]!, Math.max(0, 15_000_000 - paid) * 100);
}

export class AnyiFen {
  private person = '';
  private year = 0;
  private readonly acc = new Float64Array(7);

  settle(c: Claim): number[] | undefined {
    if (c.personId !== this.person || c.year !== this.year) {
      this.person = c.personId;
      this.year = c.year;
      this.acc.fill(0);
    }
    const a = this.acc;
    const T = c.totalFen;
    const inCat = c.inCatalogFen;
    const poor = (c.categoryBits & 1) !== 0; // registered_poor (CATEGORY_BITS)
    const inpatientLike = c.visit === 'inpatient' || c.visit === 'outpatient_observation';
    const special = poor && c.visit === 'inpatient' && c.designated && QUOTA_YUAN.has(c.disease) && c.level >= 2;
    const schisto = poor && c.designated && c.disease === '晚期血吸虫病';
    const chronic = c.visit === 'outpatient_chronic' && (CHRONIC_I.has(c.disease) || CHRONIC_II.has(c.disease));
    let basic = 0, ci = 0, ma = 0, sup = 0, fb = 0, fin = 0, hosp = 0;
    if (special) {
      const base = Math.min(T, c.quotaFen ?? QUOTA_YUAN.get(c.disease)! * 100);
      const both = fen(base * (c.level === 2 ? 80 : 70));
      hosp = T - base;
      basic = fen(Math.min(dueBasic(inCat, c.level, a[0]!), both * 100));
      ci = both - basic;
      sup = fen(base * (c.level === 2 ? 18 : 27));
      a[0] = a[0]! + basic;
      a[4] = a[4]! + ci;
    }
    if (inpatientLike && c.designated && !special) {
      basic = fen(dueBasic(inCat, c.level, a[0]!));
      a[0] = a[0]! + basic;
    }
    if (c.visit === 'outpatient_chronic' && c.designated) {
      if (CHRONIC_I.has(c.disease)) {
        basic = fen(Math.min(inCat * RATIO_PCT[c.level]!, Math.max(0, 10_000_000 - a[1]!) * 100));
        a[1] = a[1]! + basic;
      } else if (CHRONIC_II.has(c.disease)) {
        basic = fen(Math.min(inCat * RATIO_PCT[c.level]!, Math.max(0, 500_000 - a[2]!) * 100));
        a[2] = a[2]! + basic;
      }
    }
    if ((inpatientLike || chronic) && c.designated && !special) {
      const own = inCat - basic;
      const favoured = poor && c.level >= 1 && (c.region === 'county' || c.referral !== 'unreferred');
      const ded = favoured ? 375_000 : 750_000;
      const after = a[3]! + own;
      const due = (Math.max(0, after - ded) - Math.max(0, a[3]! - ded)) * (favoured ? 90 : 50);
      ci = fen(Math.min(due, Math.max(0, 30_000_000 - a[4]!) * 100));
      a[3] = after;
      a[4] = a[4]! + ci;
    }
    if (c.designated && !special) {
      if (poor && (c.categoryBits & 2) !== 0) ma = inCat - basic - ci; // extreme_poor
      else if ((c.categoryBits & 4) !== 0) ma = fen((inCat - basic - ci) * 75); // dibao
    }
    if (poor && inpatientLike && !special) sup = fen((inCat - basic - ci - ma) * 90 + (T - inCat) * 75);
    let assigned = basic + ci + ma + sup + hosp;
    if (poor && inpatientLike && !schisto) fb = fen(Math.max(0, (T - hosp) * 90 - (basic + ci + ma + sup) * 100));
    if (schisto) fb = T - assigned;
    assigned += fb;
    if (poor && (c.disease.endsWith('癌') || c.disease.endsWith('白血病') || FIFTH_LINE.has(c.disease))) {
      const own = T - assigned;
      fin = a[5]! + own > 1_000_000 ? Math.min(own, 1_000_000 - a[6]!) : 0;
      a[5] = a[5]! + own;
      a[6] = a[6]! + fin;
      assigned += fin;
    }
    if (assigned > T || ma < 0 || fin < 0) return undefined;
    return [basic, ci, ma, sup, fb, fin, hosp, T - assigned];
  }
}
