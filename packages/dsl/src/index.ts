/** @policy/dsl — the .policy language: source → AST → resolved policy, with diagnostics. */
export * from './source.js';
export * from './money.js';
export * from './dates.js';
export * from './vocabulary.js';
export { BUILTINS, builtinNamed, type Builtin, type BuiltinName, type BuiltinValue, type FixedForm, type Signature } from './builtins.js';
export type * as Ast from './syntax/ast.js';
export { parsePolicyFile, type ParsedFile } from './syntax/parse.js';
export { policyParser, PolicyParser } from './syntax/parser.js';
export { allTokens, policyLexer } from './syntax/tokens.js';
export { checkPolicy, checkUnit, type CheckResult } from './check/check-policy.js';
export { dumpIR } from './check/dump-ir.js';
export type { PassMetric } from './check/check-policy.js';
export { loadUnit, diskReader, memoryReader, readSource, MAX_SOURCE_BYTES, type PolicyUnit, type SourceReader } from './units.js';
export type * from './check/ir.js';
export { describeType, type Type, type Scalar } from './check/types.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { hasErrors, sortDiagnostics, messageIn, relatedMessageIn, related, type Diagnostic, type RelatedSpan, type Severity } from './diagnostics/diagnostic.js';
export { MESSAGES, LANGS, isLang, langFromEnv, t, ref, count, renderMessage, placeholdersOf, type Lang, type MessageId, type MessageParams, type MessageRef, type Counted } from './messages/index.js';
export { renderDiagnostic, diagnosticToJson, displayWidth, textWidth, type DiagnosticJson } from './diagnostics/render.js';
export { loadPolicy, checkSources, policyFiles, policyFolders, hasPolicyFiles, parsePolicyFiles, PolicyPathError } from './load.js';
export { childExprs } from './check/ir-walk.js';
export { formatPolicySource, FormatterError, type FormatResult } from './format/format.js';
export { astShape, sameShape } from './format/ast-shape.js';
export { conditionShapes } from './check/analysis/query.js';
export { analyzeRules, type AnalysisInput, type CoversIR } from './check/analysis/analyze.js';

export { RESULT_ZH, STAGE_ZH, RESULT_WORDS, STAGE_WORDS } from './check/audit/audit-ir.js';

