import { LAYERS, type ResolvedPolicy, type Span, type TableSym } from '@policy/dsl';
import { SettlementError } from '../runtime/errors.js';
import { fenText } from '../runtime/scaled.js';

/**
 * The settlement errors of the fixed-point code, word for word those of the decimal.js
 * evaluator (runtime/context.ts, compile-expr.ts, settle.ts): a claim is rejected with the same
 * reason whichever evaluator settled it. `rule` is the index of the rule running (−1: none).
 */
export class FixedErrors {
  constructor(
    private readonly policy: ResolvedPolicy,
    private readonly tables: readonly TableSym[],
    private readonly spans: readonly Span[],
  ) {}

  private ruleName(rule: number): string {
    return rule < 0 ? '' : (this.policy.rules[rule]?.name ?? '');
  }

  negative(rule: number, layer: number, fen: number): SettlementError {
    const r = this.ruleName(rule);
    return new SettlementError(`rule ${r} would give layer ${LAYERS[layer]} a negative amount (${fenText(fen)})`, r);
  }

  twice(layer: number, previous: number, rule: number): SettlementError {
    const r = this.ruleName(rule);
    return new SettlementError(
      `layer ${LAYERS[layer]} is assigned by rule ${this.ruleName(previous)} and again by rule ${r}; make their conditions exclusive`,
      r,
    );
  }

  over(rule: number, total: number, assigned: number): SettlementError {
    const r = this.ruleName(rule);
    return new SettlementError(`after rule ${r} the layers exceed the invoice (${fenText(total)}) by ${fenText(assigned - total)}`, r);
  }

  exceed(patient: number): SettlementError {
    return new SettlementError(`the layers exceed the invoice by ${fenText(-patient)}`);
  }

  undeclared(layer: number, fen: number): SettlementError {
    return new SettlementError(`layer ${LAYERS[layer]} is not declared by the policy but holds ${fenText(fen)}`);
  }

  noRow(table: number, key: unknown, rule: number): never {
    const t = this.tables[table] as TableSym;
    const shown = t.keyType === 'level' ? String(key) : JSON.stringify(key);
    throw new SettlementError(`table ${t.name} has no row for ${t.by} ${shown}`, this.ruleName(rule));
  }

  divisionByZero(rule: number, span: number): never {
    const r = this.ruleName(rule);
    throw new SettlementError(`division by zero in rule ${r}`, r, this.spans[span]);
  }
}
