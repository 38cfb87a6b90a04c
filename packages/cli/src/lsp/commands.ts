import { EXPLAIN_COMMAND, TRIAL_COMMAND, TrialError, type LensArgs, type PolicyLanguageService } from '@policy/language';
import type { SettledClaim } from '@policy/engine';
import { explainSettlement } from '../render/explain.js';
import type { ExplainLang } from '../render/explain-labels.js';

/** At most this many settlements are explained by one command (a rule may apply to many). */
const MAX_EXPLAINED = 20;

export interface CommandAnswer {
  readonly title: string;
  /** For people: the 试算 layers, or the explain trace (as `policy explain` prints it). */
  readonly text: string;
  readonly ok: boolean;
}

/** `policy.trial` and `policy.explain`, as workspace/executeCommand runs them. */
export function runCommand(service: PolicyLanguageService, command: string, args: unknown, lang: ExplainLang): CommandAnswer {
  if (command !== TRIAL_COMMAND && command !== EXPLAIN_COMMAND) return { title: command, text: `unknown command ${command}`, ok: false };
  let answer;
  try {
    answer = service.trial(args as LensArgs);
  } catch (e) {
    if (e instanceof TrialError) return { title: '试算', text: e.message, ok: false };
    throw e;
  }
  const ok = answer.results.every((r) => r.claims.every((c) => c.failures.length === 0));
  if (command === TRIAL_COMMAND) return { title: `试算 ${answer.title}`, text: answer.text, ok };
  const settled = answer.results.flatMap((r) => r.claims.flatMap((c) => (c.settled ? [c.settled] : []))) as SettledClaim[];
  const shown = settled.slice(0, MAX_EXPLAINED).map((s) => explainSettlement(s, { lang }));
  const more = settled.length > MAX_EXPLAINED ? [`… and ${settled.length - MAX_EXPLAINED} more claims`] : [];
  const rejected = answer.results.flatMap((r) => r.claims.filter((c) => c.rejected !== undefined).map((c) => `claim ${c.id} rejected: ${c.rejected}`));
  return { title: `explain ${answer.title}`, text: [...rejected, ...shown, ...more].join('\n\n') || answer.text, ok };
}
