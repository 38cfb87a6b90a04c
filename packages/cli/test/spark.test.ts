import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * examples/spark/test_spark.py, when PySpark and Java are here: the Spark job's settlements
 * against one `policy batch` run, for every shipped policy, in local mode (8 partitions) and on a
 * standalone cluster on 127.0.0.1, plus the TRANSFORM … USING recipe and spark-submit over CSV,
 * Parquet and bad records. `.ci/run` installs PySpark into .ci/venv; elsewhere this test is
 * skipped and says so. SPARK_TEST_COUNT sets the claims per policy (CI: 20 000; the issue's
 * 100 000: `.ci/venv/bin/python examples/spark/test_spark.py`).
 */

const ROOT = process.cwd();
const PYTHON = process.env['PYSPARK_PYTHON'] ?? resolve(ROOT, '.ci/venv/bin/python');
const COUNT = process.env['SPARK_TEST_COUNT'] ?? '20000';
const HOW = 'to run them: bash .ci/run (installs a pinned PySpark into .ci/venv), or python3 -m venv .ci/venv && .ci/venv/bin/pip install pyspark==3.5.5, then pnpm test';

function missing(): string | undefined {
  if (process.env['SPARK_TESTS'] === '0') return 'SPARK_TESTS=0';
  if (!existsSync(PYTHON)) return `no Python with PySpark at ${PYTHON}`;
  if (spawnSync(PYTHON, ['-c', 'import pyspark'], { encoding: 'utf8' }).status !== 0) return `${PYTHON} has no pyspark`;
  if (spawnSync('java', ['-version'], { encoding: 'utf8' }).status !== 0) return 'no java on PATH';
  return undefined;
}

const why = missing();
if (why) process.stderr.write(`\nSpark tests NOT RUN (${why}); ${HOW}\n\n`);

describe('Spark: examples/spark/settle.py against policy batch', () => {
  if (why !== undefined) {
    it.skip(`Spark tests NOT RUN: ${why}; ${HOW}`, () => {});
    return;
  }
  it(`settlements identical for every shipped policy, ${COUNT} claims each, local[2] and standalone (8 partitions), TRANSFORM recipe, CSV/Parquet/bad records`, () => {
    const r = spawnSync(PYTHON, ['examples/spark/test_spark.py', '--count', COUNT, '--sql', '--cli-run'], {
      encoding: 'utf8',
      env: { ...process.env, PYSPARK_PYTHON: PYTHON, SPARK_LOCAL_IP: '127.0.0.1' },
      timeout: 1_500_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = r.stdout.split('\n').filter((l) => /^(ok|FAIL) |passed|Spark tests:|generated/.test(l));
    process.stdout.write(`${report.join('\n')}\n`);
    expect(r.status, `${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`).toBe(0);
    expect(report.at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/);
    expect(report.filter((l) => l.startsWith('FAIL'))).toEqual([]);
  }, 1_600_000);
});
