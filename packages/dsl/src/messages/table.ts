import { READ_MESSAGES } from './table/read.js';
import { SYNTAX_MESSAGES } from './table/syntax.js';
import { DECLARE_MESSAGES } from './table/declare.js';
import { RULES_MESSAGES } from './table/rules.js';
import { CLAIMS_MESSAGES } from './table/claims.js';
import { COMMAND_MESSAGES } from './table/commands.js';
import { HELP_MESSAGES } from './table/help.js';

/**
 * The one message table: every message id with its English and Chinese template. `{name}`
 * is a parameter; both templates of a message take the same ones (messages.test.ts checks).
 * The English text is what the tools printed before the table existed, byte for byte: goldens,
 * transcripts and docs quote it. One file per area under table/ (ids are prefixed by area;
 * messages.test.ts checks that no id is in two areas).
 */
export const AREAS = {
  read: READ_MESSAGES,
  syntax: SYNTAX_MESSAGES,
  declare: DECLARE_MESSAGES,
  rules: RULES_MESSAGES,
  claims: CLAIMS_MESSAGES,
  commands: COMMAND_MESSAGES,
  help: HELP_MESSAGES,
} as const;

export const MESSAGES = {
  ...READ_MESSAGES,
  ...SYNTAX_MESSAGES,
  ...DECLARE_MESSAGES,
  ...RULES_MESSAGES,
  ...CLAIMS_MESSAGES,
  ...COMMAND_MESSAGES,
  ...HELP_MESSAGES,
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;
