import { type CompiledPolicy } from '@policy/engine';
import { t, type Lang } from '@policy/dsl';
import { loadNhsaMapping, nhsaOutputPlan, type NhsaMapping, type NhsaOutputPlan } from '@policy/claims';

/** `--in-format` and `--out-format` of eval and batch, and the mapping file they need. */

/** The mapping of a policy (`--mapping FILE`, else its nhsa-mapping.json, else the default); a bad file is a usage error. */
export function mappingFor(policyPath: string, explicit: string | undefined): NhsaMapping {
  return loadNhsaMapping(policyPath, explicit);
}

/** The nhsa output's plan: the mapping's output lets must be lets of the policy, of the right type. */
export function outputPlanFor(policy: CompiledPolicy, mapping: NhsaMapping): NhsaOutputPlan {
  return nhsaOutputPlan(policy, mapping);
}

/** The block on the national platform's records after the options of a command's --help (it starts with a blank line). */
export const formatHelp = (lang: Lang): string => t(lang, 'help.nhsa.after');

