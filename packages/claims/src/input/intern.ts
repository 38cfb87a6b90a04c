/**
 * One shared value for equal small values that recur in every claim (category sets, diagnosis
 * sets, dates, disease names, persons): a batch keeps its claims in memory until the input ends,
 * and most of a claim is such values. Bounded, so that a run over a presorted file of any size
 * stays flat: at `limit` distinct values it forgets them all and starts again (values that
 * recur are soon shared again).
 */
export class Interner<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly limit = 100_000) {}

  get(key: string, make: () => T): T {
    const known = this.values.get(key);
    if (known !== undefined) return known;
    const v = make();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, v);
    return v;
  }
}
