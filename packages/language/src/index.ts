/** @policy/language — the .policy language service, for the LSP server and the browser studio. */
export { PolicyLanguageService, type ServiceOptions } from './service.js';
export { Workspace, type Analysis } from './workspace.js';
export { memoryHost, type FileHost } from './host.js';
export { LineIndex } from './line-index.js';
export { RenameRefused } from './navigate.js';
export { SEMANTIC_LEGEND } from './semantic-tokens.js';
export { buildIndex, type NameIndex, type Def, type Occurrence, type NameKind } from './name-index.js';
export { EXPLAIN_COMMAND, TRIAL_COMMAND, TrialError, isTestFile, type LensArgs, type TrialAnswer } from './lenses.js';
export { layersLine, type TrialCase, type TrialClaim } from './trial.js';
export { readTestCases, type TestCase } from './test-cases.js';
