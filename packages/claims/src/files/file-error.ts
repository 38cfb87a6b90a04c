import { renderReason, withText, type ReasonRef } from '@policy/engine';

/**
 * An output file that cannot be made, written or renamed, or two options naming one file: the
 * command stops before (or instead of) writing under the final name. The CLI reports it as a
 * usage or I/O error (exit 2), naming the file.
 */
export class OutputFileError extends Error {
  /** The message as a table entry (its English is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;
  constructor(
    readonly file: string,
    message: string | ReasonRef,
  ) {
    super(typeof message === 'string' ? message : renderReason(message, 'en'));
    this.name = 'OutputFileError';
    withText(this, message);
  }
}
