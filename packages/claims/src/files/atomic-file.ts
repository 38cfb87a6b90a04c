import { reason } from '@policy/engine';
import { createWriteStream, existsSync, mkdirSync, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputFileError } from './file-error.js';

const open = new Set<AtomicFile>();

/** Removes every unfinished output when the process is told to stop, then says so. */
function onSignal(signal: NodeJS.Signals): void {
  const names = [...open].map((f) => f.path);
  for (const f of [...open]) f.abort();
  process.stderr.write(`policy: stopped by ${signal}; no output written${names.length > 0 ? ` (${names.join(', ')} left as they were)` : ''}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
let signalsHooked = false;

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir can spin forever on special file
 * systems (/proc), and an output path must fail with a message, never hang.
 */
function makeFolders(folder: string): void {
  const dir = resolve(folder); // `x/..` is made as the folder it names, x not at all
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) mkdirSync(d);
}

/**
 * An output file written under a temporary name beside its final one and renamed only when
 * complete: a run stopped half-way never leaves a partial file under the final name.
 * `-` writes to standard output instead.
 */
export class AtomicFile {
  readonly path: string;
  private readonly temp: string;
  private readonly stream: WriteStream | NodeJS.WriteStream;
  private failed: Error | undefined;
  private done = false;

  constructor(path: string) {
    this.path = path;
    if (path === '-') {
      this.temp = '-';
      this.stream = process.stdout;
      return;
    }
    if (!signalsHooked) {
      signalsHooked = true;
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    this.temp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
    try {
      makeFolders(dirname(path));
    } catch (e) {
      throw new OutputFileError(path, reason('claims.output.no-folder', { file: path, code: (e as NodeJS.ErrnoException).code ?? 'error' }));
    }
    const s = createWriteStream(this.temp);
    s.on('error', (e) => (this.failed = e));
    this.stream = s;
    open.add(this);
  }

  /** Writes, waiting when the stream is full so memory stays flat. */
  async write(text: string): Promise<void> {
    this.throwIfFailed();
    if (this.stream.write(text)) return;
    // Wait for room, but give up at once if the stream fails meanwhile.
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (e: Error): void => {
        this.stream.off('drain', onDrain);
        reject(this.writeError(e));
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  private writeError(error: Error): OutputFileError {
    // The first fault (ENOSPC), not a later write's ERR_STREAM_DESTROYED: the stream keeps it in `errored`.
    const e = (this.stream as WriteStream).errored ?? this.failed ?? error;
    return new OutputFileError(this.path, reason('claims.output.cannot-write', { file: this.path, reason: (e as NodeJS.ErrnoException).code ?? e.message }));
  }

  private throwIfFailed(): void {
    if (this.failed) throw this.writeError(this.failed);
  }

  async commit(): Promise<void> {
    if (this.path === '-' || this.done) return;
    this.done = true;
    open.delete(this);
    try {
      // The last bytes are written (and can fail: ENOSPC) only when the stream ends.
      await this.end();
      this.throwIfFailed();
      renameSync(this.temp, resolve(this.path));
    } catch (e) {
      this.removeTemp();
      throw e instanceof OutputFileError ? e : this.writeError(e as Error);
    }
  }

  private async end(): Promise<void> {
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  /** The temporary name, for a file written only to be read back (never committed). */
  get tempPath(): string {
    return this.temp;
  }

  /** Ends the stream without renaming (a temporary file to read back). */
  async close(): Promise<void> {
    try {
      await this.end();
    } catch (e) {
      throw this.writeError(e as Error);
    }
    this.throwIfFailed();
  }

  abort(): void {
    if (this.path === '-' || this.done) return;
    this.done = true;
    (this.stream as WriteStream).destroy();
    open.delete(this);
    this.removeTemp();
  }

  private removeTemp(): void {
    try {
      unlinkSync(this.temp);
    } catch {
      // already gone
    }
  }
}
