import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Analysis, AnalysisInput } from './analysis.js';
import { checkGaps } from './gaps.js';
import { checkNeverApplies } from './never-applies.js';
import { checkOrder } from './order.js';
import { checkAccumulatorOverlap, checkOverlap } from './overlap.js';
import { checkTableRows } from './table-rows.js';
import { versionViews } from './versions.js';

export type { AnalysisInput, CoversIR } from './analysis.js';
export { assignedLayers, assignmentOf } from './analysis.js';
export { tablesReadIn } from './table-rows.js';

/**
 * The rule-interplay passes (docs/analysis.md), over every version of the policy, its bases'
 * rules included: overlap (E601), never applies (W602), order hazard (W603), gaps of a `covers`
 * declaration (E604), two rules adding to one accumulator for one claim (W605). Each says something only when the finite search decides it.
 */
export function analyzeRules(input: AnalysisInput, report: (d: Diagnostic) => void): void {
  const a: Analysis = { ...input, views: versionViews(input.versions), report };
  checkNeverApplies(a);
  if (input.tablesReadElsewhere) checkTableRows(a, input.tablesReadElsewhere);
  checkOverlap(a);
  checkAccumulatorOverlap(a);
  checkOrder(a);
  checkGaps(a);
}
