import { describe, expect, it } from 'vitest';
import type { RuleTrace, SettlementTrace } from '@policy/engine';
import { ruleChanges } from './rule-changes.js';

function rule(name: string, line: number, applied: boolean, layers: Record<string, string> = {}, failed?: string): RuleTrace {
  return {
    rule: name,
    cites: [],
    readings: [],
    at: { file: 'p.policy', line },
    applied,
    ...(failed ? { failed } : {}),
    steps: Object.entries(layers).map(([layer, amount]) => ({ kind: 'layer', layer, amount, formula: '', inputs: {}, at: { file: 'p.policy', line } })),
  };
}

const trace = (...rules: RuleTrace[]): SettlementTrace => ({ version: '2018-01-01', rules, patient: { amount: '0.00', formula: '' } });

describe('ruleChanges', () => {
  it('keeps rules applied on one side only, and applied on both with other amounts; drops the rest', () => {
    const base = trace(
      rule('same', 1, true, { basic: '10.00' }),
      rule('amount', 2, true, { basic: '10.00', supplementary: '1.00' }),
      rule('stopped', 3, true, { fallback: '5.00' }),
      rule('idle', 4, false, {}, 'x'),
      rule('removed', 5, true, { finance: '2.00' }),
      rule('removedIdle', 6, false),
    );
    const head = trace(
      rule('added', 1, true, { hospital: '3.00' }),
      rule('same', 2, true, { basic: '10.00' }),
      rule('amount', 3, true, { basic: '12.00', supplementary: '1.00' }),
      rule('stopped', 4, false, {}, 'level in {2, 3}'),
      rule('idle', 5, false, {}, 'x'),
      rule('addedIdle', 6, false),
    );
    const changes = ruleChanges(base, head);
    expect(changes.map((c) => c.rule)).toEqual(['added', 'amount', 'stopped', 'removed']);
    expect(changes[0]).toEqual({ rule: 'added', head: { applied: true, at: { file: 'p.policy', line: 1 }, layers: { hospital: '3.00' } } });
    expect(changes[1]?.base?.layers).toEqual({ basic: '10.00', supplementary: '1.00' });
    expect(changes[1]?.head?.layers).toEqual({ basic: '12.00', supplementary: '1.00' });
    expect(changes[2]?.head).toEqual({ applied: false, at: { file: 'p.policy', line: 4 }, layers: {}, failed: 'level in {2, 3}' });
    expect(changes[3]?.head).toBeUndefined();
  });

  it('pairs a rule that runs twice by its order', () => {
    const base = trace(rule('r', 1, true, { basic: '1.00' }), rule('r', 9, true, { supplementary: '1.00' }));
    const head = trace(rule('r', 1, true, { basic: '1.00' }), rule('r', 9, true, { supplementary: '2.00' }));
    expect(ruleChanges(base, head).map((c) => c.rule)).toEqual(['r#2']);
  });
});
