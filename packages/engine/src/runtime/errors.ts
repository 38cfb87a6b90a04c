import type { Span } from '@policy/dsl';

/**
 * A claim the engine could not settle without breaking the contract's invariant or the
 * policy's own terms (a negative layer, a layer assigned twice, layers over the invoice,
 * a table without a row for the claim). The claim is rejected with this reason; it never
 * gets a silently "fixed" settlement.
 */
export class SettlementError extends Error {
  constructor(
    message: string,
    readonly rule?: string,
    readonly span?: Span,
  ) {
    super(message);
    this.name = 'SettlementError';
  }
}
