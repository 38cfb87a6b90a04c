import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { displayWidth, t } from '@policy/dsl';
import { program } from '../src/program.js';
import { DEFAULT_WORKERS } from '../src/options.js';
import { policyInProcess } from './in-process.js';

/**
 * `policy --help` and `policy <command> --help` in Chinese (--lang zh, POLICY_LANG=zh): the same
 * options, arguments and commands as the English help, in the same order, and no English
 * sentence left. The English help itself is quoted by the transcripts and options.test.ts.
 */

/** Every command line that has a help of its own: [] (the program), ['batch'], ['roster', 'check'] … */
function commandPaths(): string[][] {
  const out: string[][] = [[]];
  const walk = (c: Command, path: string[]): void => {
    for (const sub of c.commands) {
      out.push([...path, sub.name()]);
      walk(sub, [...path, sub.name()]);
    }
  };
  walk(program('en'), []);
  return out;
}

async function help(path: readonly string[], lang: 'en' | 'zh'): Promise<string> {
  const r = await policyInProcess([...path, '--help', '--lang', lang]);
  expect(r.status, `${path.join(' ')} --help --lang ${lang}`).toBe(0);
  return r.stdout;
}

/**
 * The terms of the items of a help: the option flags (`--workers <n>`, `-h, --help`), the
 * arguments and the commands, as they stand at the start of each item line (two spaces in).
 */
function terms(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => /^ {2}\S/.test(l))
    .map((l) => (l.slice(2).split(/ {2,}/)[0] as string).trim());
}

/** Runs of four or more ASCII words, outside `<…>`, `[…]`, backticks, quotes, 「…」 and flags. */
function englishRuns(text: string): string[] {
  const stripped = text
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\[[^\]\n]*\]/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/"[^"\n]*"/g, ' ')
    .replace(/「[^」\n]*」/g, ' ')
    .replace(/(^|\s)--?[A-Za-z][\w-]*/g, '$1 ');
  return [...stripped.matchAll(/[A-Za-z][\w.'/*~-]*(?: +[A-Za-z][\w.'/*~-]*){3,}/g)].map((m) => m[0]);
}

/** An item's text with its wrapped lines joined, and the spaces beside Chinese characters dropped (where commander may break). */
function flat(text: string): string {
  return text.replace(/\n +/g, ' ').replace(/ (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) /g, '');
}

function width(line: string): number {
  let w = 0;
  for (const ch of line) w += displayWidth(ch);
  return w;
}

describe('policy --help --lang zh', () => {
  const paths = commandPaths();

  it('finds every command (the program, 16 commands, roster check)', () => {
    expect(paths.length).toBe(18);
    expect(paths).toContainEqual(['roster', 'check']);
  });

  it('has the same options, arguments and commands as the English help, in the same order', async () => {
    for (const path of paths) {
      const en = terms(await help(path, 'en'));
      const zh = terms(await help(path, 'zh'));
      expect(en.length, path.join(' ')).toBeGreaterThan(1);
      expect(zh, path.join(' ')).toEqual(en);
      expect(en.filter((x) => x.startsWith('-')).length, path.join(' ')).toBeGreaterThan(0);
    }
  });

  it('leaves no English sentence in the Chinese help, and finds them in the English', async () => {
    for (const path of paths) {
      expect(englishRuns(await help(path, 'zh')), path.join(' ')).toEqual([]);
      expect(englishRuns(await help(path, 'en')).length, path.join(' ')).toBeGreaterThan(0);
    }
  });

  it('keeps the Chinese help within 80 columns, a Chinese character two', async () => {
    for (const path of paths) {
      const long = (await help(path, 'zh')).split('\n').filter((l) => width(l) > 80);
      expect(long, path.join(' ')).toEqual([]);
    }
  });

  it("gives the program's description, commander's words and the version option in Chinese", async () => {
    const zh = await help([], 'zh');
    expect(zh.split('\n')).toContain('以代码表达的医保报销政策：检查政策、结算就诊记录、运行用例。');
    expect(zh.startsWith('用法：policy [options] [command]\n')).toBe(true);
    expect(zh).toContain('\n选项：\n');
    expect(zh).toContain('\n命令：\n');
    expect(zh).toMatch(/\n {2}-V, --version +显示版本号\n/);
    expect(zh).toMatch(/\n {2}-h, --help +显示命令的帮助\n/);
    expect(zh).toMatch(/\n {2}help \[command\] +显示命令的帮助\n/);
    expect(zh).not.toContain('Usage:');
    expect(zh).not.toContain('display help for command');
  });

  it("gives batch's description and --workers in Chinese", async () => {
    expect(t('zh', 'help.batch.description')).toBe('在工作线程上结算一个就诊记录文件（按扩展名为 CSV 或 JSON Lines），写出结算结果和被拒收的记录');
    expect(t('zh', 'help.batch.workers')).toBe('结算参保人的工作线程数（默认：核数减一，留给读写的线程；至少 1）');
    const zh = await help(['batch'], 'zh');
    expect(zh.split('\n').slice(0, 5)).toEqual([
      '用法：policy batch [options]',
      '',
      '在工作线程上结算一个就诊记录文件（按扩展名为 CSV 或 JSON Lines），写出结算结果和',
      '被拒收的记录',
      '',
    ]);
    expect(flat(zh)).toContain(flat(`--workers <n>              结算参保人的工作线程数（默认：核数减一，留给读写的线程；至少 1）（默认值："${DEFAULT_WORKERS}"）`));
    expect(flat(zh)).toContain(flat('--engine <name>            auto（在证明精确之处用定点数'));
    expect(flat(zh)).toContain('（可选值："auto", "decimal"；默认值："auto"）');
    // the blocks after the options: national platform records, rosters, --retroactive
    expect(zh).toContain('\n国家平台记录（--in-format、--out-format）：');
    expect(zh).toContain('\n名单：--roster FILE 为每条就诊记录给出就诊日期当日有效的类别');
    expect(zh).toContain('\n--retroactive（LIUAN-4 追溯救助）：');
  });

  it('takes the language of the help from POLICY_LANG, and --lang over it', async () => {
    const byEnv = await policyInProcess(['check', '--help'], { env: { POLICY_LANG: 'zh' } });
    expect(byEnv.stdout).toContain('解析并静态检查政策文件');
    expect(byEnv.stdout.startsWith('用法：policy check [options] <path...>\n')).toBe(true);
    const flagWins = await policyInProcess(['check', '--help', '--lang', 'en'], { env: { POLICY_LANG: 'zh' } });
    expect(flagWins.stdout.startsWith('Usage: policy check [options] <path...>\n')).toBe(true);
    expect(flagWins.stdout).toContain('\nExit status: 0 clean (warnings allowed), 1 diagnostics with errors, 2 usage or I/O error.\n');
    const helpCommand = await policyInProcess(['help', 'roster', '--lang', 'zh']);
    expect(helpCommand.stdout).toContain('困难人员名单：检查两份名单是否一致（HEFEI-3）');
  });

  it('says where to look after a usage error in the language of the line', async () => {
    const zh = await policyInProcess(['batch', '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('（运行 `policy --help` 查看用法）');
    const en = await policyInProcess(['batch']);
    expect(en.stderr).toContain('(run `policy --help` for usage)');
  });
});
