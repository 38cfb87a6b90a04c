import type { Decimal } from '@policy/dsl';
import type { Claim } from '@policy/engine';
import { fromScaled } from '@policy/engine';
import { readMoney } from './money-input.js';

type Money = 'total' | 'inCatalog' | 'outOfCatalog' | 'quota';
export type ClaimFields = Omit<Claim, Money>;

interface Exact {
  readonly total: Decimal;
  readonly inCatalog: Decimal;
  readonly outOfCatalog: Decimal;
  readonly quota: Decimal | undefined;
}

/**
 * A validated claim. Its amounts are kept in whole fen, the fixed-point evaluator's input; their
 * Decimals are made when first asked for (decimal.js, outputs of amounts past the safe range),
 * from the fen or, past the safe range, from the money as the record gave it. Batches keep
 * every claim until their input ends: this halves what one costs.
 */
export class ValidClaim implements Claim {
  readonly id: string;
  readonly personId: string;
  readonly date: string;
  readonly day: number;
  readonly year: number;
  readonly categories: Claim['categories'];
  readonly categoryBits: number;
  readonly visit: Claim['visit'];
  readonly level: Claim['level'];
  readonly region: Claim['region'];
  readonly referral: Claim['referral'];
  readonly designated: boolean;
  readonly disaster: boolean;
  readonly disease: string;
  readonly diagnoses: ReadonlySet<string>;
  readonly admitted: number | undefined;
  readonly discharged: number | undefined;
  readonly stay: number;
  readonly totalFen: number;
  readonly inCatalogFen: number;
  readonly quotaFen: number | undefined;
  readonly hospitalId: string;
  readonly extra: Readonly<Record<string, unknown>>;
  private exact: Exact | undefined;

  /** `given`: total, inCatalog and quota as the record wrote them, needed only past the safe range. */
  constructor(
    fields: ClaimFields,
    private readonly given: readonly [unknown, unknown, unknown] | undefined,
  ) {
    // Property by property, in one order: every claim has one shape, its fields inside the object.
    this.id = fields.id;
    this.personId = fields.personId;
    this.date = fields.date;
    this.day = fields.day;
    this.year = fields.year;
    this.categories = fields.categories;
    this.categoryBits = fields.categoryBits;
    this.visit = fields.visit;
    this.level = fields.level;
    this.region = fields.region;
    this.referral = fields.referral;
    this.designated = fields.designated;
    this.disaster = fields.disaster;
    this.disease = fields.disease;
    this.diagnoses = fields.diagnoses;
    this.admitted = fields.admitted;
    this.discharged = fields.discharged;
    this.stay = fields.stay;
    this.totalFen = fields.totalFen;
    this.inCatalogFen = fields.inCatalogFen;
    this.quotaFen = fields.quotaFen;
    this.hospitalId = fields.hospitalId;
    this.extra = fields.extra;
  }

  /** The same claim with other categories: a roster's, in force on its date (roster/apply-roster.ts). */
  withCategories(categories: Claim['categories'], categoryBits: number): ValidClaim {
    const copy = new ValidClaim({ ...this, categories, categoryBits }, this.given);
    copy.exact = this.exact;
    return copy;
  }

  private decimals(): Exact {
    if (this.exact) return this.exact;
    const [t, i, q] = this.given ?? [];
    const total = this.given ? (readMoney(t) as Decimal) : fromScaled(this.totalFen, 2);
    const inCatalog = this.given ? (readMoney(i) as Decimal) : fromScaled(this.inCatalogFen, 2);
    const quota = this.quotaFen === undefined ? undefined : this.given ? (readMoney(q) as Decimal) : fromScaled(this.quotaFen, 2);
    this.exact = { total, inCatalog, outOfCatalog: total.minus(inCatalog), quota };
    return this.exact;
  }

  get total(): Decimal {
    return this.decimals().total;
  }

  get inCatalog(): Decimal {
    return this.decimals().inCatalog;
  }

  get outOfCatalog(): Decimal {
    return this.decimals().outOfCatalog;
  }

  get quota(): Decimal | undefined {
    return this.decimals().quota;
  }
}
