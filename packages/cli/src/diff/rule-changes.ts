import type { RuleTrace, SettlementTrace, TraceLocation } from '@policy/engine';

/** A rule as it ran on one side of a diff. */
export interface RuleSide {
  readonly applied: boolean;
  readonly at: TraceLocation;
  /** The layers the rule assigned, with their amounts ("6000.00"). */
  readonly layers: Readonly<Record<string, string>>;
  /** Not applied: the first part of its condition that was false. */
  readonly failed?: string;
}

/**
 * A rule that fired differently for one claim: applied on one side only, or applied on both
 * with different layer amounts. A side is absent when the rule is not in force there (removed,
 * added, renamed, or outside the version).
 */
export interface RuleChange {
  readonly rule: string;
  readonly base?: RuleSide;
  readonly head?: RuleSide;
}

function sideOf(r: RuleTrace): RuleSide {
  const layers: Record<string, string> = {};
  for (const s of r.steps) if (s.kind === 'layer') layers[s.layer] = s.amount;
  return { applied: r.applied, at: r.at, layers, ...(r.failed !== undefined ? { failed: r.failed } : {}) };
}

/** A rule's key in a trace: its name, and which time it ran when a name runs twice. */
function keyed(rules: readonly RuleTrace[]): Map<string, RuleSide> {
  const out = new Map<string, RuleSide>();
  const seen = new Map<string, number>();
  for (const r of rules) {
    const n = seen.get(r.rule) ?? 0;
    seen.set(r.rule, n + 1);
    out.set(n === 0 ? r.rule : `${r.rule}#${n + 1}`, sideOf(r));
  }
  return out;
}

function sameLayers(a: RuleSide, b: RuleSide): boolean {
  const ka = Object.keys(a.layers);
  if (ka.length !== Object.keys(b.layers).length) return false;
  return ka.every((l) => a.layers[l] === b.layers[l]);
}

/** The rules that fired differently in two traces of one claim: the head's order, then the base's own. */
export function ruleChanges(base: SettlementTrace, head: SettlementTrace): RuleChange[] {
  const b = keyed(base.rules);
  const h = keyed(head.rules);
  const out: RuleChange[] = [];
  const names = [...h.keys(), ...[...b.keys()].filter((k) => !h.has(k))];
  for (const name of names) {
    const before = b.get(name);
    const after = h.get(name);
    const applied = (s: RuleSide | undefined) => s?.applied === true;
    if (!applied(before) && !applied(after)) continue;
    if (before && after && before.applied && after.applied && sameLayers(before, after)) continue;
    out.push({ rule: name, ...(before ? { base: before } : {}), ...(after ? { head: after } : {}) });
  }
  return out;
}
