/**
 * An exact sum of whole numbers (fen, days, counts): kept in a JS number while it is exact and
 * moved into a BigInt before it could stop being so. The batch summary and the kpi tally add
 * up settled amounts with it, one integer addition per amount instead of a decimal.js one.
 */
const LIMIT = 2 ** 52;

export class FenSum {
  private small = 0;
  private big = 0n;

  /** `n` must be a safe integer. */
  add(n: number): void {
    if (Math.abs(this.small) >= LIMIT || Math.abs(n) >= LIMIT) {
      this.big += BigInt(this.small) + BigInt(n);
      this.small = 0;
      return;
    }
    this.small += n;
  }

  addBig(n: bigint): void {
    this.big += n;
  }

  get value(): bigint {
    return this.big + BigInt(this.small);
  }

  get isZero(): boolean {
    return this.small === 0 && this.big === 0n;
  }

  clear(): void {
    this.small = 0;
    this.big = 0n;
  }
}
