/**
 * Source files and positions. Offsets are UTF-16 indexes into the text (what the lexer
 * reports); lines and columns shown to people are 1-based, columns counted in code points
 * so that a Chinese character (or an astral one) is one column.
 */

export interface Span {
  readonly file: string;
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset just past the last character. */
  readonly end: number;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The 1-based line and column (in code points) of a UTF-16 offset. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = this.lineStarts[lo] ?? 0;
    const column = [...this.text.slice(lineStart, clamped)].length + 1;
    return { line: lo + 1, column };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** A span covering the whole file's end, for errors at end of input. */
  endSpan(): Span {
    const end = this.text.replace(/\s+$/, '').length;
    return { file: this.path, start: Math.max(0, end - 1), end: Math.max(0, end) };
  }
}

export function spanCover(a: Span, b: Span): Span {
  return { file: a.file, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
