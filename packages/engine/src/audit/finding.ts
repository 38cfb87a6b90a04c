import type { AuditResult, AuditStage } from '@policy/dsl';

/**
 * One finding of an audit on one claim, in the shape of the national platform's rule base
 * (两库): the rule, its clauses, its result type, stage and time window, the parameters it
 * compared against (with their values in the claim's version) and the claims involved.
 */
export interface Finding {
  readonly claimId: string;
  readonly personId: string;
  readonly date: string;
  /** The audit's name. */
  readonly audit: string;
  readonly cites: readonly string[];
  readonly result: AuditResult;
  readonly stage: AuditStage;
  /** In Chinese, as the policy writes it. */
  readonly message: string;
  /** The earlier claims its history reads matched (e.g. the previous stay), in date order. */
  readonly related: readonly string[];
  /** The time windows it read, as written (`分解住院间隔天数`, `住院期间`). */
  readonly windows: readonly string[];
  /** Its thresholds: each parameter it read with the value in force, and why, when assumed. */
  readonly parameters: readonly FindingParameter[];
  /** The version of the policy in force on the claim's date. */
  readonly version: string;
}

export interface FindingParameter {
  readonly name: string;
  readonly value: string;
  readonly cites: readonly string[];
  readonly assumed?: string;
}
