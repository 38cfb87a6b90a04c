/** @policy/claims — records outside the settlement: claim files in (CSV, JSON Lines), validation, national platform records, rosters, synthetic claims, settlement output, example tests. */
export { settlementToJson } from './output/settlement-json.js';
export { labelledSettlement, outputName, settlementColumns, settlementToLabelledJson, type Labels } from './output/settlement-labels.js';
export { SETTLEMENT_COLUMNS, settlementToCsvCells } from './output/settlement-csv.js';
export { runExamples, exampleFiles, type ExampleCaseResult, type ExamplesResult, type RunExamplesOptions } from './examples/run-examples.js';
export { validateRecord, type Validated } from './input/validate.js';
export { csvRowToRaw } from './input/csv-row.js';
export { fieldCode, fieldValue, recordInCodes } from './input/chinese-names.js';
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
  rejectedLine,
  rejectionMessage,
  type RecordFormat,
  type RecordItem,
  type RecordRead,
  type RecordUnreadable,
} from './input/record-item.js';
export { claimSchema } from './input/schema.js';
export { CONTRACT_FIELDS, RESERVED_FIELDS, type ContractField } from './input/fields.js';
export { generateClaims, claimStream, type GenerateOptions } from './generate/synthetic-claims.js';
export { DEFAULT_MIX, MixError, mixKeys, parseMix, type GenerateMix } from './generate/mix.js';
export { CATEGORIES, REFERRALS, REGIONS, VISITS, formatFen, type RawClaim } from './generate/raw-claim.js';
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
export { AtomicFile } from './files/atomic-file.js';
export { csvCellText, csvLine, spreadsheetSafe } from './files/csv-line.js';
export { OutputFileError } from './files/file-error.js';
export { refuseClashes, policyInputs, type NamedPath } from './files/output-clash.js';
export { RejectionWriter, SettlementWriter, outputFormatOf, rejectionToJson, type OutputFormat } from './files/record-writers.js';
