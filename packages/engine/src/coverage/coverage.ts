import { childExprs, type ResolvedPolicy, type Span, type TExpr } from '@policy/dsl';
import type { SettlementTrace } from '../trace.js';

/**
 * What a policy's example claims exercised (`policy test --coverage`), read from their traces:
 *
 * - rule coverage: a rule is covered when it applied (its `when` held, or it has none) to at
 *   least one claim;
 * - condition coverage: a condition is covered when it was seen both true and false. The
 *   conditions are each rule's `when` (as a whole) and the condition of every
 *   `if … then … else` in a rule (its `when`, statements and local lets) or in a top-level
 *   let, modifier amounts they read included;
 * - table-row coverage: a row (table and key; `otherwise` counts as a row) is covered when a
 *   lookup read it.
 *
 * Rules, lets and tables a policy takes from its base count for the policy, at their place in
 * the module. Collecting costs nothing in settlement: it reads the trace, which the example
 * runner builds only when coverage is asked for.
 */

export interface CoverageLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RuleCoverage extends CoverageLocation {
  readonly rule: string;
}

export interface ConditionCoverage extends CoverageLocation {
  /** `when` of a rule, or an `if` … */
  readonly kind: 'when' | 'if';
  /** … in this rule or let. */
  readonly in: string;
  readonly text: string;
  /** What was seen: a covered condition was both. */
  readonly seen: 'never' | 'true' | 'false' | 'both';
}

export interface RowCoverage extends CoverageLocation {
  readonly table: string;
  readonly key: string;
}

export interface CoverageKind<T> {
  readonly covered: number;
  readonly total: number;
  readonly uncovered: readonly T[];
}

export interface CoverageReport {
  readonly rules: CoverageKind<RuleCoverage>;
  readonly conditions: CoverageKind<ConditionCoverage>;
  readonly rows: CoverageKind<RowCoverage>;
}

export type CoverageKindName = keyof CoverageReport;
export const COVERAGE_KINDS: readonly CoverageKindName[] = ['rules', 'conditions', 'rows'];

interface Condition {
  readonly item: Omit<ConditionCoverage, 'seen'>;
  seenTrue: boolean;
  seenFalse: boolean;
}

const positionKey = (l: CoverageLocation): string => `${l.file}:${l.line}:${l.column}`;

export class CoverageCollector {
  private readonly rules = new Map<string, { item: RuleCoverage; applied: boolean }>();
  private readonly whens = new Map<string, Condition>();
  private readonly ifs = new Map<string, Condition>();
  private readonly rows = new Map<string, { item: RowCoverage; read: boolean }>();

  constructor(private readonly policy: ResolvedPolicy) {
    for (const r of policy.rules) {
      this.rules.set(r.name, { item: { rule: r.name, ...this.at(r.nameSpan) }, applied: false });
      if (r.when) this.whens.set(r.name, { item: { kind: 'when', in: r.name, text: this.text(r.when.span), ...this.at(r.when.span) }, seenTrue: false, seenFalse: false });
      const exprs: TExpr[] = r.when ? [r.when] : [];
      for (const s of r.body) {
        if (s.k === 'flag') {
          if (s.when) exprs.push(s.when);
        } else exprs.push(s.expr);
      }
      for (const e of exprs) this.addIfs(e, r.name);
    }
    for (const l of policy.lets) this.addIfs(l.expr, l.name);
    for (const t of policy.tables) {
      for (const row of t.rows) this.addRow(t.name, String(row.key), row.span);
      if (t.otherwise) this.addRow(t.name, 'otherwise', t.otherwise.span);
    }
  }

  private at(span: Span): CoverageLocation {
    const file = this.policy.files.get(span.file);
    const p = file ? file.position(span.start) : { line: 0, column: 0 };
    return { file: span.file, line: p.line, column: p.column };
  }

  private text(span: Span): string {
    return this.policy.files.get(span.file)?.slice(span).replace(/\s+/g, ' ').trim() ?? '';
  }

  private addIfs(e: TExpr, owner: string): void {
    if (e.k === 'if') {
      const at = this.at(e.span);
      const key = positionKey(at);
      if (!this.ifs.has(key)) this.ifs.set(key, { item: { kind: 'if', in: owner, text: `if ${this.text(e.cond.span)}`, ...at }, seenTrue: false, seenFalse: false });
    }
    for (const c of childExprs(e)) this.addIfs(c, owner);
  }

  private addRow(table: string, key: string, span: Span): void {
    this.rows.set(`${table}\u0000${key}`, { item: { table, key, ...this.at(span) }, read: false });
  }

  /** Counts what one settled claim exercised. */
  add(trace: SettlementTrace): void {
    for (const r of trace.rules) {
      const rule = this.rules.get(r.rule);
      if (rule && r.applied) rule.applied = true;
      const when = this.whens.get(r.rule);
      if (when) {
        if (r.applied) when.seenTrue = true;
        else when.seenFalse = true;
      }
    }
    for (const b of trace.branches ?? []) {
      const c = this.ifs.get(positionKey(b.at));
      if (!c) continue;
      if (b.value) c.seenTrue = true;
      else c.seenFalse = true;
    }
    for (const row of trace.tableRows ?? []) {
      const r = this.rows.get(`${row.table}\u0000${row.key}`);
      if (r) r.read = true;
    }
  }

  report(): CoverageReport {
    const rules = [...this.rules.values()];
    const conditions = [...this.whens.values(), ...this.ifs.values()].sort((a, b) => compareAt(a.item, b.item));
    const seen = (c: Condition): ConditionCoverage['seen'] => (c.seenTrue ? (c.seenFalse ? 'both' : 'true') : c.seenFalse ? 'false' : 'never');
    const rows = [...this.rows.values()];
    return {
      rules: { covered: rules.filter((r) => r.applied).length, total: rules.length, uncovered: rules.filter((r) => !r.applied).map((r) => r.item) },
      conditions: {
        covered: conditions.filter((c) => c.seenTrue && c.seenFalse).length,
        total: conditions.length,
        uncovered: conditions.filter((c) => !(c.seenTrue && c.seenFalse)).map((c) => ({ ...c.item, seen: seen(c) })),
      },
      rows: { covered: rows.filter((r) => r.read).length, total: rows.length, uncovered: rows.filter((r) => !r.read).map((r) => r.item) },
    };
  }
}

function compareAt(a: CoverageLocation, b: CoverageLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Covered share in tenths of a percent, rounded down (99.96% is 99.9%, never 100%); 1000 when there is nothing to cover. */
export function coveragePermille(k: CoverageKind<unknown>): number {
  return k.total === 0 ? 1000 : Math.floor((k.covered * 1000) / k.total);
}

/** Whether a kind reaches a minimum percentage, compared exactly (covered / total ≥ min / 100). */
export function meetsMinimum(k: CoverageKind<unknown>, minPercent: number): boolean {
  return k.total === 0 || k.covered * 100 >= minPercent * k.total;
}
