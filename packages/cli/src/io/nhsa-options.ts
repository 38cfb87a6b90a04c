import { type CompiledPolicy } from '@policy/engine';
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

export const FORMAT_HELP = `
National platform records (--in-format, --out-format): input in the platform's settlement shape
(setl_id, psn_no, setl_time, med_type, medfee_sumamt, inscp_scp_amt, pay_loc, hosp_lv, …) is
mapped to claims through the policy's nhsa-mapping.json (or --mapping FILE; else the default
mapping); auto tells the shape from the CSV header or the first record's keys (setl_id or
medfee_sumamt without id and total: nhsa). A code with no mapping rejects its record, naming the
field and the code. --out-format nhsa writes setlinfo records (hifp_pay, hifmi_pay, maf_pay,
oth_pay, fund_pay_sumamt, hosp_part_amt, psn_part_amt, act_pay_dedc, pool_prop_selfpay) with
their setldetail (a list in JSON; code:amount joined with | in CSV).`;
