import { LAYERS, type ResolvedPolicy, type Span, type TableSym } from '@policy/dsl';
import { SettlementError, reason } from '../runtime/errors.js';
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
    return new SettlementError(reason('engine.layer.negative-by-rule', { rule: r, layer: LAYERS[layer] as string, amount: fenText(fen) }), r);
  }

  twice(layer: number, previous: number, rule: number): SettlementError {
    const r = this.ruleName(rule);
    return new SettlementError(
      reason('engine.layer.assigned-twice', { layer: LAYERS[layer] as string, previous: this.ruleName(previous), rule: r }),
      r,
    );
  }

  over(rule: number, total: number, assigned: number): SettlementError {
    const r = this.ruleName(rule);
    return new SettlementError(reason('engine.layers.over-after-rule', { rule: r, total: fenText(total), over: fenText(assigned - total) }), r);
  }

  exceed(patient: number): SettlementError {
    return new SettlementError(reason('engine.layers.over', { over: fenText(-patient) }));
  }

  undeclared(layer: number, fen: number): SettlementError {
    return new SettlementError(reason('engine.layer.undeclared', { layer: LAYERS[layer] as string, amount: fenText(fen) }));
  }

  noRow(table: number, key: unknown, rule: number): never {
    const t = this.tables[table] as TableSym;
    const shown = t.keyType === 'level' ? String(key) : JSON.stringify(key);
    throw new SettlementError(reason('engine.table.no-row', { table: t.name, by: t.by, key: shown }), this.ruleName(rule));
  }

  divisionByZero(rule: number, span: number): never {
    const r = this.ruleName(rule);
    throw new SettlementError(reason('engine.division-by-zero', { rule: r }), r, this.spans[span]);
  }
}
