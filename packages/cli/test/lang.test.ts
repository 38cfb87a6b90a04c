import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { program } from '../src/program.js';
import { policy, tempDir } from './run-cli.js';
import { policyInProcess } from './in-process.js';

// A policy typed with a Chinese input method: a thousands separator, a full-width ； and （）.
const SOURCE = [
  'policy t { title "t" version 2018-01-01 layers basic, patient }',
  'clause "T-1" "第一条：起付线（元）"',
  'param a = 5,000元 cites "T-1"；',
  'rule r cites "T-1" { basic = min（total, a） }',
  '',
].join('\n');

function policyFile(): string {
  const path = join(tempDir(), 'p.policy');
  writeFileSync(path, SOURCE);
  return path;
}

describe('--lang and POLICY_LANG', () => {
  it('puts --lang on every command', () => {
    const missing: string[] = [];
    const walk = (c: ReturnType<typeof program>, name: string): void => {
      if (!c.options.some((o) => o.long === '--lang')) missing.push(name);
      for (const sub of c.commands) walk(sub as ReturnType<typeof program>, `${name} ${sub.name()}`);
    };
    walk(program(), 'policy');
    expect(missing).toEqual([]);
  });

  it('prints the diagnostics in Chinese with --lang zh, English by default in tests', async () => {
    const path = policyFile();
    const zh = await policy(['check', path, '--lang', 'zh']);
    const en = await policy(['check', path]);
    expect(zh.status).toBe(1);
    expect(en.status).toBe(1);
    expect(zh.stderr).toContain(`${path}:3:11: 错误 E005: 5,000元：金额中有千位分隔符，请写 5000元（数字中不用逗号）`);
    expect(zh.stderr).toContain('= 提示：是否应为 `5000元`？');
    expect(en.stderr).toContain(`${path}:3:11: error E005: 5,000元: a thousands separator in an amount; write 5000元 (no commas in numbers)`);
    expect(en.stderr).toContain('= help: did you mean `5000元`?');
  });

  it('takes POLICY_LANG, then the locale, and --lang over both', async () => {
    const path = policyFile();
    const byEnv = await policyInProcess(['check', path], { env: { POLICY_LANG: 'zh' } });
    expect(byEnv.stderr).toContain('错误 E005');
    const byLocale = await policyInProcess(['check', path], { env: { POLICY_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stderr).toContain('错误 E005');
    const flagWins = await policyInProcess(['--lang', 'en', 'check', path], { env: { POLICY_LANG: 'zh' } });
    expect(flagWins.stderr).toContain('error E005');
    expect(flagWins.stderr).not.toContain('错误');
  });

  it('gives the same codes, positions and suggestions in both languages (check --format json)', async () => {
    const path = policyFile();
    const read = async (lang: string) => {
      const r = await policy(['check', path, '--format', 'json', '--lang', lang]);
      const out = JSON.parse(r.stdout) as { policies: { diagnostics: { message: string }[] }[] };
      return out.policies[0]?.diagnostics ?? [];
    };
    const en = await read('en');
    const zh = await read('zh');
    expect(en.map((d) => (d as { code?: string }).code)).toEqual(['E005', 'E004', 'E004', 'E004']);
    expect(zh.map(({ message: _m, ...rest }) => rest)).toEqual(en.map(({ message: _m, ...rest }) => rest));
    expect(zh.map((d) => d.message)).not.toEqual(en.map((d) => d.message));
  });

  it('summarises check and test in the language chosen, the English unchanged', async () => {
    const path = policyFile();
    expect((await policy(['check', path, '--lang', 'zh'])).stderr).toContain(`未通过 ${path}：4 个错误\n`);
    expect((await policy(['check', path])).stderr).toContain(`FAILED ${path}: 4 errors\n`);
    // anyi's examples: 63 cases in 7 files, 83 claims (as its README counts them).
    const zh = await policy(['test', 'policies/anyi', '--lang', 'zh']);
    const en = await policy(['test', 'policies/anyi']);
    expect(zh.status).toBe(0);
    expect(zh.stderr).toContain('通过 policies/anyi：63/63 个用例通过（7 个文件，83 条就诊记录）\n');
    expect(en.stderr).toContain('ok policies/anyi: 63/63 cases pass (83 claims in 7 files)\n');
  });

  it('speaks explain in Chinese from POLICY_LANG as from --lang zh', async () => {
    const claims = join(tempDir(), 'c.json');
    writeFileSync(claims, JSON.stringify({ id: 'X1', personId: 'P1', visit: 'inpatient', level: 2, region: 'county', date: '2018-03-05', admitted: '2018-03-01', discharged: '2018-03-05', total: '10000.00', inCatalog: '8000.00' }));
    const flag = await policy(['explain', '--policy', 'policies/anyi', claims, '--lang', 'zh']);
    const env = await policyInProcess(['explain', '--policy', 'policies/anyi', claims], { env: { POLICY_LANG: 'zh' } });
    expect(flag.status).toBe(0);
    expect(env.stdout).toBe(flag.stdout);
    expect(flag.stdout).toContain('基本医保');
  });
});
