import type { Decimal } from '@policy/dsl';
import type { Claim } from '../claim.js';
import { fromScaled } from '../runtime/scaled.js';
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
  declare readonly id: string;
  declare readonly personId: string;
  declare readonly date: string;
  declare readonly day: number;
  declare readonly year: number;
  declare readonly categories: Claim['categories'];
  declare readonly categoryBits: number;
  declare readonly visit: Claim['visit'];
  declare readonly level: Claim['level'];
  declare readonly region: Claim['region'];
  declare readonly referral: Claim['referral'];
  declare readonly designated: boolean;
  declare readonly disaster: boolean;
  declare readonly disease: string;
  declare readonly diagnoses: ReadonlySet<string>;
  declare readonly admitted: number | undefined;
  declare readonly discharged: number | undefined;
  declare readonly stay: number;
  declare readonly totalFen: number;
  declare readonly inCatalogFen: number;
  declare readonly quotaFen: number | undefined;
  declare readonly hospitalId: string;
  declare readonly extra: Readonly<Record<string, unknown>>;
  private exact: Exact | undefined;

  /** `given`: total, inCatalog and quota as the record wrote them, needed only past the safe range. */
  constructor(
    fields: ClaimFields,
    private readonly given: readonly [unknown, unknown, unknown] | undefined,
  ) {
    Object.assign(this, fields);
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
