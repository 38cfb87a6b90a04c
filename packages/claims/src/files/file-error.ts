/**
 * An output file that cannot be made, written or renamed, or two options naming one file: the
 * command stops before (or instead of) writing under the final name. The CLI reports it as a
 * usage or I/O error (exit 2), naming the file.
 */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutputFileError';
  }
}
