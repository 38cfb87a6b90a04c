import { ClaimFileError, MappingError, OutputFileError, RosterFileError } from '@policy/claims';
import { PolicyPathError } from '@policy/dsl';

/** A problem with how the command was called or what it was given to read: exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
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
