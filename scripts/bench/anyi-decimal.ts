import { Decimal, ZERO, roundFen } from '@policy/dsl';
import type { Claim } from '@policy/engine';
import { CHRONIC_I, CHRONIC_II, DEDUCTIBLE_YUAN, FIFTH_LINE, QUOTA_YUAN, RATIO_PCT } from './anyi-sets.js';

/**
 * 安义 written by hand with decimal.js, the way money code is usually written: the same rules as
 * anyi-fen.ts, every amount a Decimal, each layer rounded half-up to the fen (D4). Returns the 8
 * layers, or undefined for a claim the engine would reject.
 */
const D = (n: number | string): Decimal => new Decimal(n);
const RATIO = RATIO_PCT.map((p) => D(p).dividedBy(100));
const DEDUCTIBLE = DEDUCTIBLE_YUAN.map((y) => D(y));
const QUOTA = new Map([...QUOTA_YUAN].map(([k, v]) => [k, D(v)]));
const [P18, P27, P50, P70, P75, P80, P90] = [18, 27, 50, 70, 75, 80, 90].map((p) => D(p).dividedBy(100)) as [Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal];
const [CAP_BASIC, CAP_I, CAP_II, DED_CI, DED_CI_POOR, CAP_CI, FIFTH] = [150000, 100000, 5000, 7500, 3750, 300000, 10000].map((n) => D(n)) as [Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal];
const max0 = (x: Decimal): Decimal => (x.isNegative() ? ZERO : x);

/** 基本医保住院应付. */
function dueBasic(inCat: Decimal, level: number, paid: Decimal): Decimal {
  return Decimal.min(max0(inCat.minus(DEDUCTIBLE[level] as Decimal)).times(RATIO[level] as Decimal), max0(CAP_BASIC.minus(paid)));
}

export class AnyiDecimal {
  private person = '';
  private year = 0;
  private acc: Decimal[] = [];

  settle(c: Claim): Decimal[] | undefined {
    if (c.personId !== this.person || c.year !== this.year) {
      this.person = c.personId;
      this.year = c.year;
      this.acc = [ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO];
    }
    const a = this.acc;
    const T = c.total;
    const inCat = c.inCatalog;
    const poor = c.categories.has('registered_poor');
    const inpatientLike = c.visit === 'inpatient' || c.visit === 'outpatient_observation';
    const special = poor && c.visit === 'inpatient' && c.designated && QUOTA.has(c.disease) && c.level >= 2;
    const schisto = poor && c.designated && c.disease === '晚期血吸虫病';
    const chronic = c.visit === 'outpatient_chronic' && (CHRONIC_I.has(c.disease) || CHRONIC_II.has(c.disease));
    let basic = ZERO, ci = ZERO, ma = ZERO, sup = ZERO, fb = ZERO, fin = ZERO, hosp = ZERO;
    if (special) {
      const base = Decimal.min(T, c.quota ?? (QUOTA.get(c.disease) as Decimal));
      const both = roundFen((c.level === 2 ? P80 : P70).times(base));
      hosp = T.minus(base);
      basic = roundFen(Decimal.min(dueBasic(inCat, c.level, a[0] as Decimal), both));
      ci = both.minus(basic);
      sup = roundFen((c.level === 2 ? P18 : P27).times(base));
      a[0] = (a[0] as Decimal).plus(basic);
      a[4] = (a[4] as Decimal).plus(ci);
    }
    if (inpatientLike && c.designated && !special) {
      basic = roundFen(dueBasic(inCat, c.level, a[0] as Decimal));
      a[0] = (a[0] as Decimal).plus(basic);
    }
    if (c.visit === 'outpatient_chronic' && c.designated) {
      const i = CHRONIC_I.has(c.disease) ? 1 : CHRONIC_II.has(c.disease) ? 2 : 0;
      if (i > 0) {
        basic = roundFen(Decimal.min(inCat.times(RATIO[c.level] as Decimal), max0((i === 1 ? CAP_I : CAP_II).minus(a[i] as Decimal))));
        a[i] = (a[i] as Decimal).plus(basic);
      }
    }
    if ((inpatientLike || chronic) && c.designated && !special) {
      const own = inCat.minus(basic);
      const favoured = poor && c.level >= 1 && (c.region === 'county' || c.referral !== 'unreferred');
      const ded = favoured ? DED_CI_POOR : DED_CI;
      const after = (a[3] as Decimal).plus(own);
      const due = max0(after.minus(ded)).minus(max0((a[3] as Decimal).minus(ded))).times(favoured ? P90 : P50);
      ci = roundFen(Decimal.min(due, max0(CAP_CI.minus(a[4] as Decimal))));
      a[3] = after;
      a[4] = (a[4] as Decimal).plus(ci);
    }
    if (c.designated && !special) {
      if (poor && c.categories.has('extreme_poor')) ma = inCat.minus(basic).minus(ci);
      else if (c.categories.has('dibao')) ma = roundFen(P75.times(inCat.minus(basic).minus(ci)));
    }
    if (poor && inpatientLike && !special) sup = roundFen(P90.times(inCat.minus(basic).minus(ci).minus(ma)).plus(P75.times(c.outOfCatalog)));
    let assigned = basic.plus(ci).plus(ma).plus(sup).plus(hosp);
    if (poor && inpatientLike && !schisto) fb = roundFen(max0(P90.times(T.minus(hosp)).minus(basic.plus(ci).plus(ma).plus(sup))));
    if (schisto) fb = T.minus(assigned);
    assigned = assigned.plus(fb);
    if (poor && (c.disease.endsWith('癌') || c.disease.endsWith('白血病') || FIFTH_LINE.has(c.disease))) {
      const own = T.minus(assigned);
      fin = (a[5] as Decimal).plus(own).greaterThan(FIFTH) ? Decimal.min(own, FIFTH.minus(a[6] as Decimal)) : ZERO;
      a[5] = (a[5] as Decimal).plus(own);
      a[6] = (a[6] as Decimal).plus(fin);
      assigned = assigned.plus(fin);
    }
    if (assigned.greaterThan(T) || ma.isNegative() || fin.isNegative()) return undefined;
    return [basic, ci, ma, sup, fb, fin, hosp, T.minus(assigned)];
  }
}
