import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from '@policy/dsl';

/**
 * LSP positions (0-based line, UTF-16 character) ↔ the dsl's UTF-16 offsets. The dsl counts
 * code points for people; the protocol counts UTF-16 units, which are the offsets' own unit.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offset(p: Position): number {
    if (p.line < 0) return 0;
    const start = this.starts[p.line];
    if (start === undefined) return this.text.length;
    const next = this.starts[p.line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return Math.min(start + Math.max(0, p.character), end);
  }

  range(span: Pick<Span, 'start' | 'end'>): Range {
    return { start: this.position(span.start), end: this.position(Math.max(span.start, span.end)) };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
