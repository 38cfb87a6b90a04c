import { Decimal, ZERO, formatMoney, type LayerName } from '@policy/dsl';
import { UnknownLetError, reason, type CompiledPolicy, type LetProbe, type SettledClaim } from '@policy/engine';
import { FUND_LAYERS, MappingError, mappingName, OUTPUT_VALUES, type NhsaMapping, type OutputLet, type OutputValue } from '../nhsa/mapping.js';

/**
 * A settlement in the platform's shape: one `setlinfo` record with its `setldetail` list.
 *
 *   hifp_pay = basic, hifmi_pay = critical_illness, maf_pay = medical_assistance,
 *   oth_pay = supplementary + fallback + finance, hosp_part_amt = hospital, psn_part_amt = patient,
 *   fund_pay_sumamt = hifp_pay + hifmi_pay + maf_pay + oth_pay (the hospital is not a fund),
 *   so medfee_sumamt = fund_pay_sumamt + hosp_part_amt + psn_part_amt, exactly (checked here on
 *   every record, as the contract's invariant is checked on every settlement).
 *
 * setldetail: one {fund_pay_type, fund_pay_type_name, fund_payamt} per fund code with a non-zero
 * amount, in the layers' order; layers the mapping gives one code share its entry; a paying
 * layer with no code in the mapping goes to 999997 其他基金. Its amounts add up to fund_pay_sumamt.
 *
 * act_pay_dedc and pool_prop_selfpay come from the lets the mapping's `outputs` name (empty when
 * it names none, or the claim's visit is not among the entry's `visits`): act_pay_dedc =
 * min(let, inCatalog) — the deductible actually taken cannot exceed what it is taken from — with
 * 2 decimals; pool_prop_selfpay = the ratio as a fraction with 4 decimals (half-up), as the
 * platform's (5,4) field: 85% → "0.8500".
 */

export const NHSA_COLUMNS: readonly string[] = [
  'setl_id',
  'psn_no',
  'policy',
  'version',
  'medfee_sumamt',
  'hifp_pay',
  'hifmi_pay',
  'maf_pay',
  'oth_pay',
  'fund_pay_sumamt',
  'hosp_part_amt',
  'psn_part_amt',
  'act_pay_dedc',
  'pool_prop_selfpay',
  'setldetail',
  'flags',
];

const OTHER_FUND = { code: '999997', name: '其他基金' };

export interface SetlDetail {
  readonly fund_pay_type: string;
  readonly fund_pay_type_name: string;
  readonly fund_payamt: string;
}

/** What the nhsa output needs besides the settlement: the mapping and its probed lets. */
export interface NhsaOutputPlan {
  readonly mapping: NhsaMapping;
  /** The lets of `mapping.outputs`, in `OUTPUT_VALUES` order of those present; pass to SettleOptions.probe. */
  readonly probe: LetProbe | undefined;
  readonly outputs: readonly { readonly value: OutputValue; readonly entry: OutputLet; readonly slot: number }[];
}

/** A mapping's output lets checked against the policy (they must be top-level lets of the right type). */
export function nhsaOutputPlan(policy: CompiledPolicy, mapping: NhsaMapping): NhsaOutputPlan {
  const outputs: { value: OutputValue; entry: OutputLet; slot: number }[] = [];
  for (const value of OUTPUT_VALUES) {
    const entry = mapping.outputs[value];
    if (entry) outputs.push({ value, entry, slot: outputs.length });
  }
  if (outputs.length === 0) return { mapping, probe: undefined, outputs };
  let probe: LetProbe;
  try {
    probe = policy.probe(outputs.map((o) => o.entry.let));
  } catch (e) {
    if (!(e instanceof UnknownLetError)) throw e;
    const o = outputs.find((x) => x.entry.let === e.letName);
    throw new MappingError(reason('nhsa.mapping.output-let', { file: mappingName(mapping.source), value: o?.value ?? '', problem: e.message.replace('this policy', `policy ${policy.name}`) }));
  }
  outputs.forEach((o, i) => {
    const want = o.value === 'act_pay_dedc' ? 'money' : 'ratio';
    if (probe.types[i] !== want) {
      throw new MappingError(reason('nhsa.mapping.output-let-type', { file: mappingName(mapping.source), value: o.value, let: o.entry.let, type: probe.types[i] ?? '', policy: policy.name, want }));
    }
  });
  return { mapping, probe, outputs };
}

function layer(s: SettledClaim, l: LayerName): Decimal {
  return s.layers[l];
}

export interface SetlInfo {
  readonly setl_id: string;
  readonly psn_no: string;
  readonly policy: string;
  readonly version: string;
  readonly medfee_sumamt: string;
  readonly hifp_pay: string;
  readonly hifmi_pay: string;
  readonly maf_pay: string;
  readonly oth_pay: string;
  readonly fund_pay_sumamt: string;
  readonly hosp_part_amt: string;
  readonly psn_part_amt: string;
  readonly act_pay_dedc: string | null;
  readonly pool_prop_selfpay: string | null;
  readonly setldetail: readonly SetlDetail[];
  readonly flags: readonly { readonly rule: string; readonly message: string }[];
}

/** The setlinfo record of a settlement (without its pass-through fields). */
export function setlInfo(s: SettledClaim, plan: NhsaOutputPlan): SetlInfo {
  const total = s.claim.total;
  const hifp = layer(s, 'basic');
  const hifmi = layer(s, 'critical_illness');
  const maf = layer(s, 'medical_assistance');
  const oth = layer(s, 'supplementary').plus(layer(s, 'fallback')).plus(layer(s, 'finance'));
  const fund = hifp.plus(hifmi).plus(maf).plus(oth);
  const hosp = layer(s, 'hospital');
  const psn = layer(s, 'patient');
  if (!fund.plus(hosp).plus(psn).equals(total)) {
    throw new Error(
      `setlinfo of ${s.claim.id}: fund_pay_sumamt ${formatMoney(fund)} + hosp_part_amt ${formatMoney(hosp)} + psn_part_amt ${formatMoney(psn)} ≠ medfee_sumamt ${formatMoney(total)}`,
    );
  }
  const detail = new Map<string, { name: string; amount: Decimal }>();
  for (const l of FUND_LAYERS) {
    const amount = layer(s, l);
    if (amount.isZero()) continue;
    const fund = plan.mapping.fundPayType[l] ?? OTHER_FUND;
    const entry = detail.get(fund.code);
    if (entry) entry.amount = entry.amount.plus(amount);
    else detail.set(fund.code, { name: fund.name, amount });
  }
  const detailSum = [...detail.values()].reduce((sum, d) => sum.plus(d.amount), ZERO);
  if (!detailSum.equals(fund)) throw new Error(`setldetail of ${s.claim.id} adds up to ${formatMoney(detailSum)}, not fund_pay_sumamt ${formatMoney(fund)}`);
  return {
    setl_id: s.claim.id,
    psn_no: s.claim.personId,
    policy: s.policy,
    version: s.version,
    medfee_sumamt: formatMoney(total),
    hifp_pay: formatMoney(hifp),
    hifmi_pay: formatMoney(hifmi),
    maf_pay: formatMoney(maf),
    oth_pay: formatMoney(oth),
    fund_pay_sumamt: formatMoney(fund),
    hosp_part_amt: formatMoney(hosp),
    psn_part_amt: formatMoney(psn),
    act_pay_dedc: outputValue(s, plan, 'act_pay_dedc'),
    pool_prop_selfpay: outputValue(s, plan, 'pool_prop_selfpay'),
    setldetail: [...detail.entries()].map(([code, d]) => ({ fund_pay_type: code, fund_pay_type_name: d.name, fund_payamt: formatMoney(d.amount) })),
    flags: s.flags.map((f) => ({ rule: f.rule, message: f.message })),
  };
}

function outputValue(s: SettledClaim, plan: NhsaOutputPlan, value: OutputValue): string | null {
  const o = plan.outputs.find((x) => x.value === value);
  if (!o || (o.entry.visits && !o.entry.visits.includes(s.claim.visit))) return null;
  const v = s.values?.[o.slot];
  if (!(v instanceof Decimal)) return null;
  if (value === 'act_pay_dedc') return formatMoney(Decimal.min(v, s.claim.inCatalog));
  return v.toFixed(4, Decimal.ROUND_HALF_UP);
}

/** The setlinfo record as one JSON object: setldetail as an array, then the claim's pass-through fields. */
export function settlementToNhsaJson(s: SettledClaim, plan: NhsaOutputPlan): Record<string, unknown> {
  return { ...setlInfo(s, plan), ...(s.trace ? { trace: s.trace } : {}), ...s.claim.extra };
}

/** setldetail in one CSV cell: `390100:1234.56|610100:20.00` (code:amount, joined with |; names are in the mapping). */
export function setlDetailCell(detail: readonly SetlDetail[]): string {
  return detail.map((d) => `${d.fund_pay_type}:${d.fund_payamt}`).join('|');
}

/** One CSV row of NHSA_COLUMNS, then the extra columns. */
export function settlementToNhsaCsvCells(s: SettledClaim, plan: NhsaOutputPlan, extraColumns: readonly string[] = []): string[] {
  const i = setlInfo(s, plan);
  const cells = [
    i.setl_id,
    i.psn_no,
    i.policy,
    i.version,
    i.medfee_sumamt,
    i.hifp_pay,
    i.hifmi_pay,
    i.maf_pay,
    i.oth_pay,
    i.fund_pay_sumamt,
    i.hosp_part_amt,
    i.psn_part_amt,
    i.act_pay_dedc ?? '',
    i.pool_prop_selfpay ?? '',
    setlDetailCell(i.setldetail),
    s.flags.map((f) => `${f.rule}: ${f.message}`).join('|'),
  ];
  for (const col of extraColumns) {
    const v = s.claim.extra[col];
    cells.push(v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  }
  return cells;
}
