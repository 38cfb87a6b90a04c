import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from './run-cli.js';

/**
 * examples/ci/policy-ci.sh on a real rule change in a temporary git repository: a copy of
 * policies/ on branch main, then a branch that raises 安义's level-2 inpatient ratio.
 */

const ROOT = process.cwd();
const SCRIPT = resolve(ROOT, 'examples/ci/policy-ci.sh');
const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'CI test',
  GIT_AUTHOR_EMAIL: 'ci@example.invalid',
  GIT_COMMITTER_NAME: 'CI test',
  GIT_COMMITTER_EMAIL: 'ci@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  POLICY_CMD: `${process.execPath} ${resolve(ROOT, CLI)}`,
  POLICY_CI_CORPUS: 'corpus',
};

// Two ordinary residents (no categories), 安义 2018:
// K1 level 2: basic (12345.67 − 500) × 80% = 9476.536 → 9476.54; after the change × 85%:
//    11845.67 × 0.85 = 10068.8195 → 10068.82, so basic +592.28 and patient −592.28
//    (patient 15000 − 9476.54 = 5523.46 → 15000 − 10068.82 = 4931.18). critical_illness stays
//    0: what is left in the catalogue (2869.13, then 2276.85) is under the 7500元 deductible.
// K2 level 3 (60%, unchanged): (40000 − 1000) × 60% = 23400.00 both times.
const CORPUS = [
  'id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster',
  'K1,P1,2018-03-05,,inpatient,2,county,referred,true,,,2018-03-01,2018-03-05,15000.00,12345.67,,,',
  'K2,P2,2018-05-20,,inpatient,3,city,referred,true,,,2018-05-02,2018-05-20,50000.00,40000.00,,,',
].join('\n');

let repo: string;

function sh(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { cwd: repo, env: ENV, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}
function git(...args: string[]) {
  const r = sh('git', args);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out;
}
function review() {
  const r = sh('bash', [SCRIPT, 'main']);
  return { ...r, report: readFileSync(join(repo, 'policy-ci-report.md'), 'utf8') };
}

beforeAll(() => {
  repo = join(tempDir(), 'office');
  mkdirSync(join(repo, 'corpus'), { recursive: true });
  cpSync(join(ROOT, 'policies'), join(repo, 'policies'), { recursive: true });
  writeFileSync(join(repo, 'corpus/anyi.csv'), `${CORPUS}\n`);
  writeFileSync(join(repo, '.gitignore'), 'policy-ci-report.md\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'policies as they are');
});

afterAll(() => rmSync(resolve(repo, '..'), { recursive: true, force: true }));

describe('examples/ci/policy-ci.sh', () => {
  it('with no policy change: every check passes and nothing is compared', () => {
    git('checkout', '-qb', 'nothing');
    const r = review();
    expect(r.status, r.out).toBe(0);
    expect(r.report).toContain('| `policy check policies` | ok |');
    expect(r.report).toContain('| `policy fmt --check policies` | ok |');
    expect(r.report).toContain('| `policy test --coverage --min-coverage 100 policies` | ok |');
    expect(r.report).toContain('No policy changed');
    git('checkout', '-q', 'main');
  });

  it('reports what a real rule change does to the corpus', () => {
    git('checkout', '-qb', 'ratio');
    const file = join(repo, 'policies/anyi/parameters.policy');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(table 住院报销比例 by level \{\n {2}0: 0%\n {2}1: 90%\n {2}2: )80%/, '$185%'));
    expect(readFileSync(file, 'utf8')).toContain('2: 85%');
    git('commit', '-qam', 'level 2 inpatient ratio 85%');
    const r = review();
    // The examples no longer match the new ratio: test fails, so the review fails.
    expect(r.status, r.out).toBe(1);
    expect(r.report).toMatch(/\| `policy test --coverage --min-coverage 100 policies` \| \*\*failed\*\* \(exit 1\) \|/);
    expect(r.report).toContain('### `anyi`');
    expect(r.report).not.toContain('### `chifeng`');
    // The diff of K1 only (hand-derived above): basic +592.28, patient −592.28.
    expect(r.report).toMatch(/592\.28/);
    expect(r.report).toMatch(/K1/);
    expect(r.report).not.toMatch(/\bK2\b.*592/);
    git('checkout', '-q', 'main');
  });

  it('fails when a policy file is not in canonical layout', () => {
    git('checkout', '-qb', 'layout');
    const file = join(repo, 'policies/anyi/parameters.policy');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  1: 90%', '      1:    90%'));
    git('commit', '-qam', 'spaces');
    const r = review();
    expect(r.status, r.out).toBe(1);
    expect(r.report).toMatch(/\| `policy fmt --check policies` \| \*\*failed\*\* \(exit 1\) \|/);
    expect(r.report).toContain('policies/anyi/parameters.policy');
    git('checkout', '-q', 'main');
  });

  it('refuses a base that is not a revision', () => {
    const r = sh('bash', [SCRIPT, 'no-such-branch']);
    expect(r.status).toBe(2);
    expect(r.out).toContain('no-such-branch is not a revision');
  });
});
