/** @policy/engine — compiles checked policies and settles claims into layers. */
export * from './claim.js';
export {
  compilePolicy,
  CompiledPolicy,
  CompiledVersion,
  UnknownLetError,
  type CompileOptions,
  type LetProbe,
  type SettledClaim,
} from './compile/compile-policy.js';
export type { VersionEngine } from './fixed/plan.js';
export { fenText, fromScaled } from './runtime/scaled.js';
export { FenSum } from './runtime/fen-sum.js';
export { LAYER_INDEX } from './runtime/context.js';
export { AccumulatorStore } from './runtime/accumulators.js';
export { SettlementError, reason, renderReason, textIn, withText, type ReasonRef } from './runtime/errors.js';
export type { Flag } from './runtime/context.js';
export * from './trace.js';
export {
  settleClaim,
  settleBatch,
  settleItem,
  checkInvariant,
  compareClaims,
  settlementRejection,
  type ClaimItem,
  type Outcome,
  type SettleOptions,
} from './settle.js';
export {
  CoverageCollector,
  COVERAGE_KINDS,
  coveragePermille,
  meetsMinimum,
  type ConditionCoverage,
  type CoverageKind,
  type CoverageKindName,
  type CoverageLocation,
  type CoverageReport,
  type RowCoverage,
  type RuleCoverage,
} from './coverage/coverage.js';
export { policyTextConstants } from './introspect.js';
export { sampleProperties, type PropertySample, type SampleOptions } from './properties/sample-properties.js';
export { plainClaim, toClaim, diseaseCandidates, type PlainClaim, type ClaimShape } from './properties/sample-claim.js';
export { CompiledAudits } from './audit/audit-engine.js';
export type { Finding, FindingParameter } from './audit/finding.js';
export { KpiTally, type KpiValue, type KpiGroupValue, type KpiPart } from './kpi/kpi-tally.js';
export { policyParameters, type ParameterCitation, type ParameterKind, type ParameterOptions, type ParameterValue, type PolicyParameter } from './parameters.js';
export { CompiledPremiums, PremiumError, PremiumTally, type PremiumRow, type PremiumParameter, type PremiumTotals, type PremiumGroup } from './premium/premium-engine.js';
