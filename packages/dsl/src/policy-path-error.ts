/** A policy path that cannot be read: the CLI reports it as a usage or I/O error (exit 2). */
export class PolicyPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyPathError';
  }
}
