/** @policy/dsl — the .policy language: source → AST → resolved policy, with diagnostics. */
export * from './source.js';
export * from './money.js';
export * from './dates.js';
export * from './vocabulary.js';
export type * as Ast from './syntax/ast.js';
export { parsePolicyFile, type ParsedFile } from './syntax/parse.js';
export { policyParser, PolicyParser } from './syntax/parser.js';
export { allTokens } from './syntax/tokens.js';
export { checkPolicy, checkUnit, type CheckResult } from './check/check-policy.js';
export { loadUnit, diskReader, memoryReader, type PolicyUnit, type SourceReader } from './units.js';
export type * from './check/ir.js';
export { describeType, type Type, type Scalar } from './check/types.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export { hasErrors, sortDiagnostics, type Diagnostic, type Severity } from './diagnostics/diagnostic.js';
export { renderDiagnostic, diagnosticToJson, displayWidth, type DiagnosticJson } from './diagnostics/render.js';
export { loadPolicy, checkSources, policyFiles, policyFolders, hasPolicyFiles, parsePolicyFiles, PolicyPathError } from './load.js';
export { childExprs } from './check/ir-walk.js';
