/**
 * Transcript files (`packages/cli/test/transcripts/*.t`): commands with their expected stdout
 * (`> `), stderr (`! `) and exit status (`? N`), kept as files so every command's output is
 * reviewed like code. This module parses and renders them; transcripts.test.ts runs them.
 *
 *     # what this shows
 *     $ policy check policies/anyi
 *     ! ok policies/anyi: 13 rules, 22 parameters, 4 tables
 *     ? 0
 *
 * `< ` lines after a `write FILE` command are the file's content.
 */

export interface Block {
  /** 1-based line of the `$ ` line. */
  readonly line: number;
  readonly command: string;
  /** The `< ` lines, for `write`. */
  readonly input: readonly string[];
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly status: number;
}

/** A transcript: comments and blank lines kept verbatim, in order with the blocks. */
export type Part = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'block'; readonly block: Block };

export class TranscriptSyntaxError extends Error {}

function payload(line: string, mark: string): string {
  return line === mark ? '' : line.slice(mark.length + 1);
}

export function parseTranscript(text: string, file: string): Part[] {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const parts: Part[] = [];
  let open: { line: number; command: string; input: string[]; stdout: string[]; stderr: string[] } | undefined;
  const fail = (n: number, message: string): never => {
    throw new TranscriptSyntaxError(`${file}:${n}: ${message}`);
  };
  lines.forEach((line, i) => {
    const n = i + 1;
    if (open === undefined) {
      if (line.startsWith('$ ')) open = { line: n, command: line.slice(2).trim(), input: [], stdout: [], stderr: [] };
      else if (line === '' || line.startsWith('#')) parts.push({ kind: 'text', text: line });
      else fail(n, `expected a comment (#), a blank line or a command ($ …), got ${JSON.stringify(line)}`);
      return;
    }
    if (line === '<' || line.startsWith('< ')) {
      if (open.stdout.length > 0 || open.stderr.length > 0) fail(n, 'input lines (<) come before the output lines');
      open.input.push(payload(line, '<'));
    } else if (line === '>' || line.startsWith('> ')) open.stdout.push(payload(line, '>'));
    else if (line === '!' || line.startsWith('! ')) open.stderr.push(payload(line, '!'));
    else if (/^\? -?\d+$/.test(line)) {
      parts.push({ kind: 'block', block: { ...open, status: Number(line.slice(2)) } });
      open = undefined;
    } else fail(n, `inside the command of line ${open.line}: expected <, >, ! or "? STATUS", got ${JSON.stringify(line)}`);
  });
  if (open !== undefined) fail(open.line, 'the command has no exit status line (? N)');
  if (!parts.some((p) => p.kind === 'block')) fail(1, 'no command ($ …) in the file');
  return parts;
}

function marked(mark: string, lines: readonly string[]): string[] {
  return lines.map((l) => (l === '' ? mark : `${mark} ${l}`));
}

export function renderTranscript(parts: readonly Part[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p.kind === 'text') {
      out.push(p.text);
      continue;
    }
    const b = p.block;
    out.push(`$ ${b.command}`, ...marked('<', b.input), ...marked('>', b.stdout), ...marked('!', b.stderr), `? ${b.status}`);
  }
  return `${out.join('\n')}\n`;
}

/** Output text as transcript lines: a final newline ends the last line, it adds none. */
export function outputLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

/**
 * Splits a command line the way a shell would for the cases transcripts need: blanks separate
 * words, '…' is literal, "…" allows \" and \\, and $TMP is expanded outside single quotes. A
 * final unquoted `< FILE` names standard input. No globbing, no other expansion.
 */
export function splitCommand(command: string, tmp: string): { words: string[]; stdin?: string } {
  const words: string[] = [];
  const quoted: boolean[] = [];
  let word = '';
  let inWord = false;
  let wasQuoted = false;
  let i = 0;
  const push = () => {
    if (inWord) {
      words.push(word);
      quoted.push(wasQuoted);
    }
    word = '';
    inWord = false;
    wasQuoted = false;
  };
  while (i < command.length) {
    const c = command[i] as string;
    if (c === ' ' || c === '\t') {
      push();
      i++;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new TranscriptSyntaxError(`unclosed ' in: ${command}`);
      word += command.slice(i + 1, end);
      inWord = wasQuoted = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = wasQuoted = true;
      while (i < command.length && command[i] !== '"') {
        if (command[i] === '\\' && (command[i + 1] === '"' || command[i + 1] === '\\')) i++;
        if (command.startsWith('$TMP', i)) {
          word += tmp;
          i += 4;
          continue;
        }
        word += command[i];
        i++;
      }
      if (i >= command.length) throw new TranscriptSyntaxError(`unclosed " in: ${command}`);
      i++;
    } else if (command.startsWith('$TMP', i)) {
      word += tmp;
      inWord = true;
      i += 4;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  push();
  const at = words.length - 2;
  if (at >= 0 && words[at] === '<' && !quoted[at]) return { words: words.slice(0, at), stdin: words[at + 1] as string };
  return { words };
}
