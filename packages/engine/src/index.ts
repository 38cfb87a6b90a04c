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
export { fenText } from './runtime/scaled.js';
export { AccumulatorStore } from './runtime/accumulators.js';
export { SettlementError } from './runtime/errors.js';
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
export { settlementToJson } from './output/settlement-json.js';
export { SETTLEMENT_COLUMNS, settlementToCsvCells } from './output/settlement-csv.js';
export { runExamples, exampleFiles, type ExampleCaseResult, type ExamplesResult, type RunExamplesOptions } from './examples/run-examples.js';
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
export { validateRecord, type Validated } from './input/validate.js';
export { csvRowToRaw } from './input/csv-row.js';
export {
  readRecords,
  readRecordsFromText,
  recordFormatOf,
  SUPPORTED_EXTENSIONS,
  type ReadRecordsOptions,
} from './input/read-records.js';
export { readClaims, claimResult, recordId, IdRegistry, type ClaimResult, type DuplicateId } from './input/claim-reader.js';
export { CsvRecord } from './input/csv-records.js';
export {
  ClaimFileError,
  describeRejection,
  type RecordFormat,
  type RecordItem,
  type RecordRead,
  type RecordUnreadable,
} from './input/record-item.js';
export { claimSchema } from './input/schema.js';
export { CONTRACT_FIELDS, RESERVED_FIELDS, type ContractField } from './input/fields.js';
export { policyTextConstants } from './introspect.js';
export { generateClaims, claimStream, type GenerateOptions } from './generate/synthetic-claims.js';
export { type RawClaim } from './generate/raw-claim.js';
export { CSV_HEADER, toCsvRow, toJsonLine } from './generate/claim-files.js';
export * from './roster/index.js';
export {
  DEFAULT_MAPPING_SOURCE,
  FUND_LAYERS,
  MAPPING_FILE_NAME,
  MappingError,
  OUTPUT_VALUES,
  defaultNhsaMapping,
  loadNhsaMapping,
  mappingFileFor,
  mappingOf,
  parseMappingFile,
  type MappingFile,
  type NhsaMapping,
} from './nhsa/mapping.js';
export { CONTRACT_EXTRAS, PLATFORM_TO_CONTRACT, platformField, platformToRaw } from './nhsa/platform-record.js';
export { platformClaimResult, platformItem, readPlatformClaims } from './nhsa/platform-items.js';
export { detectFormat, detectRecords, recordKeys, type Detected, type InFormat } from './nhsa/detect.js';
export { contractToPlatform } from './nhsa/to-platform.js';
export {
  NHSA_COLUMNS,
  nhsaOutputPlan,
  setlDetailCell,
  setlInfo,
  settlementToNhsaCsvCells,
  settlementToNhsaJson,
  type NhsaOutputPlan,
  type SetlDetail,
  type SetlInfo,
} from './output/settlement-nhsa.js';
export { sampleProperties, type PropertySample, type SampleOptions } from './properties/sample-properties.js';
export { plainClaim, toClaim, diseaseCandidates, type PlainClaim, type ClaimShape } from './properties/sample-claim.js';
