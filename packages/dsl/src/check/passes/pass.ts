import type { CheckState } from '../check-state.js';

/**
 * One step of the checker. Passes run in the order of `PASSES` (passes/index.ts) over one shared
 * `CheckState`; each reads what the earlier ones wrote there and reports through it.
 */
export interface CheckPass {
  readonly name: string;
  /**
   * Whether the pass runs when the parser reported an error. Syntax errors leave holes in the
   * tree: name and type checks would only add noise, so most passes do not.
   */
  readonly runsOnBrokenSyntax: boolean;
  run(state: CheckState): void;
}
