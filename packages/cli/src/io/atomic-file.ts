import { createWriteStream, existsSync, mkdirSync, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

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
function makeFolders(dir: string): void {
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
    this.temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      makeFolders(dirname(path));
    } catch (e) {
      throw new UsageError(`${path}: cannot create its folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
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

  private writeError(e: Error): UsageError {
    return new UsageError(`${this.path}: cannot write (${(e as NodeJS.ErrnoException).code ?? e.message})`);
  }

  private throwIfFailed(): void {
    if (this.failed) throw this.writeError(this.failed);
  }

  async commit(): Promise<void> {
    if (this.path === '-' || this.done) return;
    this.done = true;
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
    open.delete(this);
    try {
      this.throwIfFailed();
      renameSync(this.temp, this.path);
    } catch (e) {
      this.removeTemp();
      throw e instanceof UsageError ? e : this.writeError(e as Error);
    }
  }

  /** The temporary name, for a file written only to be read back (never committed). */
  get tempPath(): string {
    return this.temp;
  }

  /** Ends the stream without renaming (a temporary file to read back). */
  async close(): Promise<void> {
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
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
