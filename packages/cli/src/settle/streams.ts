/**
 * Where a command's library function writes: its results (stdout) and its messages (stderr).
 * The command files pass the process's streams; a program embedding the CLI's functions may
 * collect the texts instead.
 */
export interface Streams {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** The process's own standard output and standard error. */
export const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
