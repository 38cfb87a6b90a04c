import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, STACK, policy, policySync, tempDir } from './run-cli.js';

/**
 * Nothing lost, corrupted or leaked (issue 11): outputs never replace inputs or each other,
 * CSV written for people is safe in a spreadsheet, unreadable input stops the run instead of
 * losing rows, a full disk is an error naming the file, and a policy folder cannot be used to
 * read files outside it.
 */

const CLAIMS = 'examples/claims.csv';
const HEADER = readFileSync(CLAIMS, 'utf8').split('\n')[0] as string;

/** What a folder holds (names), to see that nothing, temporary files included, was left. */
const names = (dir: string): string[] => readdirSync(dir).sort();

describe('no output replaces an input or another output', () => {
  const dir = tempDir();
  const input = join(dir, 'in.csv');
  copyFileSync(CLAIMS, input);
  symlinkSync('in.csv', join(dir, 'link.csv'));
  linkSync(input, join(dir, 'hard.csv'));
  const before = readFileSync(input);
  const mtime = statSync(input).mtimeMs;
  const batch = (...args: string[]) => (policySync(['batch', '--policy', 'policies/anyi', '--in', input, ...args]));

  const cases: [string, string[], RegExp][] = [
    ['the same path', ['--out', input], /--out would overwrite an input, --in \(both .*in\.csv\)/],
    ['the same file spelt another way', ['--out', `${dir}/nowhere/../in.csv`], /--out would overwrite an input, --in \(.*nowhere\/\.\.\/in\.csv and .*in\.csv are the same file\)/],
    ['a symbolic link to it', ['--out', join(dir, 'link.csv')], /--out would overwrite an input, --in \(.*link\.csv and .*in\.csv are the same file\)/],
    ['a hard link to it', ['--out', join(dir, 'hard.csv')], /--out would overwrite an input, --in \(.*hard\.csv and .*in\.csv are the same file\)/],
    ['--rejects as --out', ['--out', join(dir, 'o.csv'), '--rejects', join(dir, 'o.csv')], /--rejects would overwrite another output, --out \(both .*o\.csv\)/],
    ['--summary-json as a hard link to the input', ['--out', join(dir, 'o.csv'), '--summary-json', join(dir, 'hard.csv')], /--summary-json would overwrite an input, --in/],
    ['--summary-json as --rejects', ['--out', join(dir, 'o.csv'), '--rejects', join(dir, 'r.csv'), '--summary-json', join(dir, 'r.csv')], /--summary-json would overwrite another output, --rejects/],
    ['a policy source', ['--out', 'policies/anyi/settlement.policy'], /--out would overwrite an input, --policy \(both policies\/anyi\/settlement\.policy\)/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} (exit 2), naming both options, and changes no file`, async () => {
      const r = batch(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('nothing was written');
      expect(readFileSync(input).equals(before)).toBe(true);
      expect(statSync(input).mtimeMs).toBe(mtime);
      expect(names(dir)).toEqual(['hard.csv', 'in.csv', 'link.csv']);
    });
  }

  it('refuses a roster or a mapping as an output, and diff --out as its claims', async () => {
    const roster = join(dir, 'roster.csv');
    copyFileSync('examples/rosters/poverty-office.csv', roster);
    const r1 = batch('--roster', roster, '--out', join(dir, 'o.csv'), '--rejects', roster);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/--rejects would overwrite an input, --roster/);
    const r2 = await policy(['diff', '--base', 'policies/anyi', '--head', 'policies/anyi', '--in', input, '--out', join(dir, 'link.csv')]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/--out would overwrite an input, --in/);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readFileSync(roster, 'utf8')).toBe(readFileSync('examples/rosters/poverty-office.csv', 'utf8'));
  });
});

describe('CSV written for people is safe to open in a spreadsheet', () => {
  it('puts an apostrophe before a cell that would be a formula, in settlements, rejects and platform records; numbers stay numbers', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.csv');
    const rows = [
      // a pass-through column (note) and ids a spreadsheet would evaluate
      `${HEADER},note`,
      'F1,P1,2018-03-05,,outpatient,1,county,referred,true,,,,,100.00,80.00,,H1,,"=HYPERLINK(""http://x"",""y"")"',
      '@F2,P2,2018-03-05,,outpatient,1,county,referred,true,,,,,100.00,80.00,,H1,,+SUM(A1)',
      '-F3,P3,2018-03-05,,outpatient,1,county,referred,true,,,,,-5.00,80.00,,H1,,-20.00',
    ];
    writeFileSync(input, `${rows.join('\n')}\n`);
    const out = join(dir, 'out.csv');
    const rejects = join(dir, 'rejects.csv');
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', input, '--out', out, '--rejects', rejects]);
    expect(r.status).toBe(1); // F3: total -5.00 is rejected
    const settled = readFileSync(out, 'utf8').split('\n');
    expect(settled[1]).toMatch(/^F1,anyi,/);
    expect(settled[1]).toMatch(/,"'=HYPERLINK\(""http:\/\/x"",""y""\)"$/);
    expect(settled[2]).toMatch(/^'@F2,anyi,.*,'\+SUM\(A1\)$/);
    // amounts are numbers: 100.00 written as it is
    expect(settled[1]).toContain(',100.00,');
    const rejected = readFileSync(rejects, 'utf8').split('\n');
    // line,row,id,field,error,record: the id cell is escaped, the line number is not
    expect(rejected[1]).toMatch(/^4,3,'-F3,total,/);
    const nhsa = join(dir, 'setlinfo.csv');
    const n = await policy(['batch', '--policy', 'policies/anyi', '--in', input, '--out', nhsa, '--out-format', 'nhsa', '--rejects', join(dir, 'r2.jsonl')]);
    expect(n.status).toBe(1);
    expect(readFileSync(nhsa, 'utf8').split('\n')[2]).toMatch(/^'@F2,P2,/);
  });
});

describe('input that cannot be read in full stops the run', () => {
  const run = (name: string, content: string | Buffer) => {
    const dir = tempDir();
    const input = join(dir, name);
    writeFileSync(input, content);
    const r = (policySync(['batch', '--policy', 'policies/anyi', '--in', input, '--out', join(dir, 'out.csv'), '--rejects', join(dir, 'rejects.jsonl')]));
    return { ...r, left: names(dir).filter((f) => f !== name) };
  };
  const lines = readFileSync(CLAIMS, 'utf8').split('\n');

  it('a quote that never closes: exit 2 naming the line of its row, nothing under the final names', async () => {
    const broken = [...lines];
    broken[5] = (broken[5] as string).replace(',inpatient,', ',"inpatient,');
    const r = run('open-quote.csv', broken.join('\n'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('open-quote.csv: line 6: a quoted field in the row starting here is never closed');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.left).toEqual([]);
  });

  it('JSON Lines named .csv, CSV named .jsonl, a header without a required column: exit 2 naming the cause once', async () => {
    const jsonl = run('claims.csv', readFileSync('examples/claims.jsonl'));
    expect(jsonl.status).toBe(2);
    expect(jsonl.stderr.trim()).toMatch(/^policy: .*claims\.csv: holds JSON Lines, not CSV as its name says \(line 1 starts with "\{"\); name it \.jsonl/);
    expect(jsonl.stderr.trim().split('\n')).toHaveLength(1);
    const csv = run('claims.jsonl', readFileSync(CLAIMS));
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/claims\.jsonl: holds CSV, not JSON Lines as its name says/);
    const missing = run('no-total.csv', [HEADER.replace(',total,', ',totl,'), ...lines.slice(1)].join('\n'));
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toMatch(/no-total\.csv: the CSV header has no "total" column, which claims need; nothing was settled$/);
    for (const r of [jsonl, csv, missing]) expect(r.left).toEqual([]);
  });

  it('invalid UTF-8 rejects the record naming the field, every row accounted for; UTF-16 is refused', async () => {
    const text = readFileSync(CLAIMS, 'utf8');
    const row4 = text.split('\n')[3] as string; // S003, 恶性肿瘤门诊放化疗
    const gbk = Buffer.concat([Buffer.from(text.slice(0, text.indexOf(row4)), 'utf8'), Buffer.from(row4.split('恶性肿瘤')[0] as string, 'utf8'), Buffer.from([0xb6, 0xf1, 0xd0, 0xd4]), Buffer.from(`${row4.split('恶性')[1]}${text.slice(text.indexOf(row4) + row4.length)}`, 'utf8')]);
    const r = run('gbk.csv', gbk);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 4 (row 3) id S003: disease: is not valid UTF-8 (line 4, byte 83); the file may be in GBK or GB18030');
    const rows = text.split('\n').filter((l) => l.trim() !== '').length - 1;
    expect(r.stderr).toContain(`records read = settled + rejected: ${rows} = ${rows - 1} + 1`);
    const utf16 = run('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(utf16.status).toBe(2);
    expect(utf16.stderr).toContain('utf16.csv: is encoded as UTF-16 (byte order mark FF FE, UTF-16 little-endian)');
    expect(utf16.left).toEqual([]);
  });
});

/** Runs the CLI in a mount namespace of its own where `full` is a 64 KiB file system (unshare + tmpfs): a real ENOSPC. */
function onSmallDisk(args: (full: string) => string[], filled: boolean): { status: number | null; stderr: string; left: string[] } | undefined {
  const probe = spawnSync('unshare', ['-rm', 'true']);
  if (probe.status !== 0) return undefined;
  const full = join(tempDir(), 'full');
  mkdirSync(full);
  const cli = resolve(CLI);
  // filled: the disk is full before the command starts (cat stops at ENOSPC), so even a small output fails
  const fill = filled ? `cat /dev/zero > "$1/filler" 2>/dev/null;` : '';
  const script = `mount -t tmpfs -o size=64k tmpfs "$1" && ${fill} shift && "$@"; s=$?; ls -A "${full}" | grep -v '^filler$' > "${full}.left"; exit $s`;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', full, process.execPath, cli, ...args(full)], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, left: readFileSync(`${full}.left`, 'utf8').split('\n').filter(Boolean) };
}

describe('a full disk', () => {
  const big = join(tempDir(), 'big.csv');
  // 2 000 claims: their settlements are far more than 64 KiB
  expect((policySync(['generate', '--policy', 'policies/anyi', '--count', '2000', '--out', big])).status).toBe(0);

  const cases: [string, (full: string) => string[], RegExp, boolean][] = [
    ['--out', (full) => ['batch', '--policy', 'policies/anyi', '--in', big, '--out', join(full, 'out.csv')], /full\/out\.csv: cannot write \(ENOSPC\)/, false],
    ['--rejects', (full) => ['batch', '--policy', 'policies/anyi', '--in', 'examples/bad-claims.jsonl', '--out', join(tempDir(), 'o.jsonl'), '--rejects', join(full, 'r.jsonl')], /full\/r\.jsonl: cannot write \(ENOSPC\)/, true],
    ['--summary-json', (full) => ['batch', '--policy', 'policies/anyi', '--in', big, '--out', join(tempDir(), 'o.csv'), '--summary-json', join(full, 'summary.json')], /full\/summary\.json: cannot write \(ENOSPC\)/, true],
    ['diff --out', (full) => ['diff', '--base', 'policies/anyi', '--head', 'policies/anyi', '--in', big, '--out', join(full, 'report.txt')], /full\/report\.txt: cannot write \(ENOSPC\)/, true],
  ];
  for (const [what, args, message, filled] of cases) {
    it(`${what} on a full disk: exit 2 naming the file, no temporary file left`, async () => {
      const r = onSmallDisk(args, filled);
      if (!r) {
        console.warn('data-safety: unshare -rm is not allowed here: the full-disk cases were not run');
        return;
      }
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/cannot write \(ENOSPC\)/);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
});

describe('a policy folder never leaks a file outside it', () => {
  it('refuses a .policy link out of the folder, and the environment never reaches a message', async () => {
    const dir = tempDir();
    const folder = join(dir, 'anyi');
    cpSync('policies/anyi', folder, { recursive: true });
    symlinkSync('/proc/self/environ', join(folder, 'zz-leak.policy'));
    const env = { ...process.env, POLICY_SECRET_PROBE: 'hunter2-secret' };
    for (const args of [['check', folder], ['test', folder], ['fmt', '--check', folder], ['batch', '--policy', folder, '--in', CLAIMS, '--out', join(dir, 'o.csv')]]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/zz-leak\.policy: a symbolic link out of/);
      expect(`${r.stdout}${r.stderr}`).not.toContain('hunter2-secret');
      expect(existsSync(join(dir, 'o.csv'))).toBe(false);
    }
  });

  it('follows a link to a file inside the folder, refuses a FIFO without waiting on it', async () => {
    const dir = tempDir();
    const folder = join(dir, 'anyi');
    cpSync('policies/anyi', folder, { recursive: true });
    mkdirSync(join(folder, 'shared'));
    const [first] = readdirSync(folder).filter((f) => f.endsWith('.policy'));
    const moved = join(folder, 'shared', first as string);
    writeFileSync(moved, readFileSync(join(folder, first as string)));
    spawnSync('rm', [join(folder, first as string)]);
    symlinkSync(join('shared', first as string), join(folder, first as string));
    expect((await policy(['check', folder])).status).toBe(0);
    spawnSync('mkfifo', [join(folder, 'zz.policy')]);
    const r = await policy(['check', folder]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('zz.policy: not a regular file; not read');
  });
});
