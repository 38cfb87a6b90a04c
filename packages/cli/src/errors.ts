/** A problem with how the command was called or what it was given to read: exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
