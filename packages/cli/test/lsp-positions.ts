import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol/node';

/** The LSP position (0-based line, UTF-16 character) of the nth occurrence of a needle, plus delta. */
export function posOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} occurs fewer than ${nth + 1} times`);
  }
  return positionAt(text, at + delta);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = posOf(text, needle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

function offsetAt(text: string, p: Position): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < p.line; i++) o += (lines[i] ?? '').length + 1;
  return o + p.character;
}

/** Applies text edits (non-overlapping) to a text, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}
