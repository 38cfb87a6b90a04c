import { describe, expect, it } from 'vitest';
import { outputLines, parseTranscript, renderTranscript, splitCommand, TranscriptSyntaxError } from './transcript-file.js';

describe('transcript files', () => {
  const text = ['# a comment', '$ write $TMP/x', '< one', '<', '? 0', '', '$ policy eval x', '> {"a":1}', '>', '! warn', '? 1', ''].join('\n');

  it('parse and render round-trip, blank output lines included', () => {
    const parts = parseTranscript(text, 't.t');
    expect(renderTranscript(parts)).toBe(text);
    const blocks = parts.flatMap((p) => (p.kind === 'block' ? [p.block] : []));
    expect(blocks.map((b) => [b.line, b.command, b.status])).toEqual([
      [2, 'write $TMP/x', 0],
      [7, 'policy eval x', 1],
    ]);
    expect(blocks[0]?.input).toEqual(['one', '']);
    expect(blocks[1]?.stdout).toEqual(['{"a":1}', '']);
    expect(blocks[1]?.stderr).toEqual(['warn']);
  });

  it('names the line of a malformed transcript', () => {
    expect(() => parseTranscript('$ policy x\n> a\n', 'f.t')).toThrow(/f\.t:1: the command has no exit status/);
    expect(() => parseTranscript('hello\n', 'f.t')).toThrow(TranscriptSyntaxError);
    expect(() => parseTranscript('$ policy x\n> a\n< b\n? 0\n', 'f.t')).toThrow(/f\.t:3: input lines/);
    expect(() => parseTranscript('# only words\n', 'f.t')).toThrow(/no command/);
  });

  it('splits commands like a shell, with $TMP and a final < FILE', () => {
    expect(splitCommand(`policy eval --policy 'a b' "c \\"d\\" $TMP/e" $TMP/f < $TMP/in.json`, '/t')).toEqual({
      words: ['policy', 'eval', '--policy', 'a b', 'c "d" /t/e', '/t/f'],
      stdin: '/t/in.json',
    });
    expect(splitCommand(`cat '$TMP' '<' x`, '/t')).toEqual({ words: ['cat', '$TMP', '<', 'x'] });
    expect(() => splitCommand(`cat 'x`, '/t')).toThrow(/unclosed/);
  });

  it('output lines: a final newline ends the last line', () => {
    expect(outputLines('')).toEqual([]);
    expect(outputLines('\n')).toEqual(['']);
    expect(outputLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(outputLines('a')).toEqual(['a']);
  });
});
