import { ClaimFileError, MappingError, OutputFileError, RosterFileError } from '@policy/claims';
import { PolicyPathError, renderMessage, type Lang, type MessageRef } from '@policy/dsl';

/**
 * A problem with how the command was called or what it was given to read: exit status 2. Given
 * a message of the table (`ref('cmd.usage.…', …)`), its `message` is the English and
 * `messageIn(lang)` the chosen language (runCli prints it); a plain string is the same in both.
 */
export class UsageError extends Error {
  readonly ref: MessageRef | undefined;
  constructor(message: string | MessageRef) {
    super(typeof message === 'string' ? message : renderMessage(message, 'en'));
    this.name = 'UsageError';
    this.ref = typeof message === 'string' ? undefined : message;
  }

  messageIn(lang: Lang): string {
    return this.ref ? renderMessage(this.ref, lang) : this.message;
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/**
 * The errors that mean "exit 2 with this message": a bad invocation, or a file that cannot be
 * read, parsed or written as asked (claims, rosters, mappings, policy paths, outputs). Mapped to
 * the exit status once, in main.ts; commands let them through.
 */
const USAGE_ERRORS = [UsageError, ClaimFileError, OutputFileError, MappingError, RosterFileError, PolicyPathError] as const;

export function isUsageProblem(e: unknown): e is Error {
  return USAGE_ERRORS.some((c) => e instanceof c);
}
