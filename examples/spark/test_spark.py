"""The Spark job against `policy batch`: the same settlements, as lines, for every shipped policy.

    .ci/venv/bin/python examples/spark/test_spark.py [--count 100000] [--modes local,standalone]
        [--policies anyi,…] [--sql] [--cli-run]

For each policy: claims from `policy generate --count N --seed S --format jsonl`; one
`policy batch` run over the whole file (not presorted: the reference); then the Spark job with 8
partitions in local mode (local[2]) and on a standalone cluster this script starts on 127.0.0.1
(a master and two workers of one core each, stopped at the end whatever happens). Checked: the
job's settlement lines, sorted, equal batch's, sorted; its summary's counts and per-layer totals
equal batch's --summary-json, exactly. --sql also runs examples/spark/settle.sql (TRANSFORM …
USING) over the first policy; --cli-run runs the job on Parquet and CSV input, on ids shared by
two persons (refused), and through spark-submit on JSON Lines with bad records. Ends with the line `N passed, N failed`.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
CLI = os.path.join(ROOT, 'packages', 'cli', 'dist', 'policy.cjs')
POLICIES = ['anyi', 'chifeng', 'hefei', 'jinzhai', 'liuan']
sys.path.insert(0, HERE)

import settle as job  # noqa: E402

results = {'passed': 0, 'failed': 0}


def check(name, ok, detail=''):
    """One check; `detail` (text, or a function giving it) says what differed."""
    results['passed' if ok else 'failed'] += 1
    if not ok and callable(detail):
        detail = detail()
    print(f'{"ok  " if ok else "FAIL"} {name}{"" if ok else ": " + detail}', flush=True)


def node(*args, **kw):
    return subprocess.run(['node', CLI, *args], check=False, capture_output=True, text=True, **kw)


def generate(policy, count, seed, path):
    r = node('generate', '--policy', os.path.join(ROOT, 'policies', policy), '--count', str(count),
             '--seed', str(seed), '--format', path.rsplit('.', 1)[1], '--out', path)
    if r.returncode != 0:
        raise RuntimeError(f'generate {policy}: {r.stderr}')


def reference(policy, claims, tmp):
    """One policy batch run over the whole file: its settlement lines (sorted) and summary."""
    out, summary = os.path.join(tmp, f'{policy}-ref.jsonl'), os.path.join(tmp, f'{policy}-ref.json')
    rejects = os.path.join(tmp, f'{policy}-ref-rejects.jsonl')
    r = node('batch', '--policy', os.path.join(ROOT, 'policies', policy), '--in', claims, '--out', out,
             '--rejects', rejects, '--summary-json', summary)
    if r.returncode not in (0, 1):
        raise RuntimeError(f'batch {policy}: {r.stderr[-2000:]}')
    with open(out, encoding='utf-8') as f, open(summary, encoding='utf-8') as s, open(rejects, encoding='utf-8') as rj:
        return sorted(f.read().splitlines()), json.load(s), [json.loads(x) for x in rj.read().splitlines()]


def read_parts(folder):
    lines = []
    for name in sorted(os.listdir(folder)):
        if name.startswith('part-'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                lines += f.read().splitlines()
    return lines


def compare(label, out, ref_lines, ref_summary, ref_rejects=()):
    got = sorted(read_parts(os.path.join(out, 'settlements')))
    rejects = [json.loads(x) for x in read_parts(os.path.join(out, 'rejects'))]
    with open(os.path.join(out, 'summary.json'), encoding='utf-8') as f:
        s = json.load(f)
    check(f'{label}: {len(got)} settlement lines, identical to one policy batch run', got == ref_lines,
          lambda: f'{len(got)} lines against {len(ref_lines)}; first difference: '
          f'{next((a, b) for a, b in zip(got + [None], ref_lines + [None]) if a != b)}')
    same = {k: (s[k], ref_summary[k]) for k in ('records', 'settled', 'rejected', 'total', 'layers') if s[k] != ref_summary[k]}
    check(f'{label}: summary (records {s["records"]} = settled {s["settled"]} + rejected {s["rejected"]}, total {s["total"]}, '
          'per-layer totals) equal to batch\'s', not same and s['balanced'] is True, json.dumps(same, ensure_ascii=False))
    ids = sorted(r['id'] or r['record'] for r in rejects)
    want = sorted(r['id'] or r['record'] for r in ref_rejects)
    check(f'{label}: {len(ids)} rejection lines, the same records as batch rejects', ids == want, f'{ids} against {want}')


def settle(spark, policy, claims, out, partitions=8, **extra):
    argv = ['--policy', os.path.join(ROOT, 'policies', policy), '--in', claims, '--out', out, '--partitions', str(partitions)]
    for k, v in extra.items():
        argv += [f'--{k.replace("_", "-")}', v]
    return job.settle(spark, job.parse_args(argv))


def attempt(name, f):
    """Runs f; an exception is a failed check (its last lines shown), not the end of the run."""
    try:
        f()
        return True
    except Exception as e:  # noqa: BLE001
        check(name, False, str(e)[-3000:])
        return False


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Standalone:
    """A master and two one-core workers on 127.0.0.1, started here and always stopped here."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.procs = []
        self.port, self.ui = free_port(), free_port()
        self.url = f'spark://127.0.0.1:{self.port}'

    def _start(self, name, *args):
        log = open(os.path.join(self.tmp, f'{name}.log'), 'wb')
        env = {**os.environ, 'SPARK_LOCAL_IP': '127.0.0.1', 'SPARK_WORKER_DIR': os.path.join(self.tmp, f'{name}-work')}
        p = subprocess.Popen([os.path.join(spark_home(), 'bin', 'spark-class'), *args], stdout=log, stderr=subprocess.STDOUT,
                             env=env, start_new_session=True)
        self.procs.append((p, log))

    def __enter__(self):
        try:
            self._start('master', 'org.apache.spark.deploy.master.Master', '--host', '127.0.0.1', '--port', str(self.port),
                        '--webui-port', str(self.ui))
            for i in (1, 2):
                self._start(f'worker{i}', 'org.apache.spark.deploy.worker.Worker', '--host', '127.0.0.1', '--cores', '1',
                            '--memory', '1g', '--webui-port', str(free_port()), self.url)
            self._wait_for_workers(2)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_for_workers(self, n):
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f'http://127.0.0.1:{self.ui}/json/', timeout=5) as r:
                    alive = [w for w in json.load(r).get('workers', []) if w.get('state') == 'ALIVE']
                if len(alive) >= n:
                    return
            except OSError:
                pass
            time.sleep(1)
        raise RuntimeError(f'the standalone cluster did not come up with {n} workers (logs in {self.tmp})')

    def __exit__(self, *exc):
        for p, log in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            log.close()
        self.procs = []


def spark_home():
    import pyspark
    return os.path.dirname(pyspark.__file__)


def session(master, name, **conf):
    from pyspark.sql import SparkSession
    b = SparkSession.builder.master(master).appName(name).config('spark.ui.enabled', 'false') \
        .config('spark.ui.showConsoleProgress', 'false')
    for k, v in conf.items():
        b = b.config(k, v)
    s = b.getOrCreate()
    s.sparkContext.setLogLevel('WARN')
    return s


def run_mode(mode, spark, data, tmp):
    for policy, (claims, ref_lines, ref_summary, ref_rejects) in data.items():
        out = os.path.join(tmp, f'{mode}-{policy}')
        started = time.time()
        if not attempt(f'{mode} {policy}: the job runs', lambda: settle(spark, policy, claims, out)):
            continue
        compare(f'{mode} {policy} ({time.time() - started:.1f} s)', out, ref_lines, ref_summary, ref_rejects)


def run_sql(spark, policy, claims, ref_lines):
    with open(os.path.join(HERE, 'settle.sql'), encoding='utf-8') as f:
        text = f.read()
    subs = {'claims': claims, 'node': 'node', 'cli': CLI, 'policy': os.path.join(ROOT, 'policies', policy)}
    for k, v in subs.items():
        text = text.replace('${' + k + '}', v)
    spark.conf.set('spark.sql.shuffle.partitions', '8')
    for statement in [s for s in _statements(text)]:
        spark.sql(statement)
    got = sorted(r['line'] for r in spark.sql('SELECT line FROM settlements').collect())
    rejected = spark.sql('SELECT count(*) AS n FROM rejects').first()['n']
    check(f'Spark SQL TRANSFORM … USING (settle.sql) {policy}: {len(got)} settlement lines identical to policy batch',
          got == ref_lines and rejected == 0, f'{len(got)} lines against {len(ref_lines)}, {rejected} rejected')


def _statements(text):
    body = '\n'.join(l for l in text.splitlines() if not l.lstrip().startswith('--'))
    return [s.strip() for s in body.split(';') if s.strip()]


def run_cli(tmp, python):
    """settle.py through spark-submit, on JSON Lines with bad records."""
    env = {**os.environ, 'PYSPARK_PYTHON': python, 'SPARK_LOCAL_IP': '127.0.0.1'}
    submit = os.path.join(spark_home(), 'bin', 'spark-submit')
    bad = os.path.join(tmp, 'cli-bad.jsonl')
    generate('anyi', 3000, 12, bad)
    lines = bad_claims()
    with open(bad, 'a', encoding='utf-8') as f:
        f.write('\n'.join(lines[:12] + lines[13:]) + '\n')
    ref_lines, ref_summary, ref_rejects = reference('anyi', bad, tmp)
    out = os.path.join(tmp, 'cli-out')
    r = subprocess.run([submit, '--master', 'local[2]', os.path.join(HERE, 'settle.py'), '--policy',
                        os.path.join(ROOT, 'policies', 'anyi'), '--in', bad, '--out', out, '--partitions', '3'],
                       env=env, capture_output=True, text=True)
    # spark-submit's PythonRunner passes the driver's stderr on through its own stdout.
    check('spark-submit settle.py, JSON Lines with bad records: exit 0, says records = settled + rejected',
          r.returncode == 0 and 'records 3016 = settled 3003 + rejected 13' in r.stdout + r.stderr,
          lambda: f'exit {r.returncode}: {r.stdout[-1500:]} {r.stderr[-3000:]}')
    if r.returncode == 0:
        compare('spark-submit settle.py, JSON Lines with bad records', out, ref_lines, ref_summary, ref_rejects)


def bad_claims():
    """examples/bad-claims.jsonl; its line 13 reuses B01's id under another person (P800005, not P800001)."""
    with open(os.path.join(ROOT, 'examples', 'bad-claims.jsonl'), encoding='utf-8') as b:
        lines = b.read().splitlines()
    assert '"id":"B01"' in lines[12] and '"personId":"P800005"' in lines[12] and '"personId":"P800001"' in lines[0]
    return lines


def run_csv_and_shared_ids(spark, tmp):
    csv = os.path.join(tmp, 'csv-anyi.csv')
    generate('anyi', 3000, 11, csv)
    ref_lines, ref_summary, ref_rejects = reference('anyi', csv, tmp)
    out = os.path.join(tmp, 'csv-out')
    if attempt('CSV in: the job runs', lambda: settle(spark, 'anyi', csv, out, partitions=3)):
        compare('CSV in (rows piped with their header, read by batch)', out, ref_lines, ref_summary, ref_rejects)
    dup = os.path.join(tmp, 'dup.jsonl')
    generate('anyi', 500, 12, dup)
    with open(dup, 'a', encoding='utf-8') as f:
        f.write('\n'.join(bad_claims()) + '\n')
    out = os.path.join(tmp, 'dup-out')
    try:
        settle(spark, 'anyi', dup, out, partitions=3)
        said = 'no error'
    except job.InputError as e:
        said = str(e)
    check("an id of two persons: refused naming the id and both persons, nothing written",
          "ids used by records of more than one person ('B01' by 'P800001', 'P800005')" in said and not os.path.exists(out), said)


def run_parquet(spark, tmp):
    claims = os.path.join(tmp, 'pq-anyi.jsonl')
    generate('anyi', 3000, 13, claims)
    ref_lines, ref_summary, ref_rejects = reference('anyi', claims, tmp)
    pq = os.path.join(tmp, 'pq-anyi.parquet')
    spark.read.json(claims).write.parquet(pq)
    out = os.path.join(tmp, 'pq-out')
    settle(spark, 'anyi', pq, out, partitions=3)
    compare('Parquet in (spark.read.json → parquet)', out, ref_lines, ref_summary, ref_rejects)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--count', type=int, default=100_000)
    p.add_argument('--seed', type=int, default=20181001)
    p.add_argument('--modes', default='local,standalone')
    p.add_argument('--policies', default=','.join(POLICIES))
    p.add_argument('--sql', action='store_true')
    p.add_argument('--cli-run', action='store_true')
    p.add_argument('--keep', action='store_true', help='keep the temporary folder')
    a = p.parse_args()
    os.environ.setdefault('PYSPARK_PYTHON', sys.executable)
    os.environ.setdefault('SPARK_LOCAL_IP', '127.0.0.1')
    tmp = tempfile.mkdtemp(prefix='policy-spark-test-')
    started = time.time()
    try:
        data = {}
        for policy in a.policies.split(','):
            claims = os.path.join(tmp, f'{policy}.jsonl')
            generate(policy, a.count, a.seed, claims)
            data[policy] = (claims, *reference(policy, claims, tmp))
        print(f'generated and settled by policy batch: {a.count} claims × {len(data)} policies ({time.time() - started:.1f} s)', flush=True)
        modes = a.modes.split(',') if a.modes else []
        if 'local' in modes or a.sql or a.cli_run:
            spark = session('local[2]', 'policy spark test (local)')
            try:
                if 'local' in modes:
                    run_mode('local[2], 8 partitions', spark, data, tmp)
                if a.sql:
                    first = next(iter(data))
                    run_sql(spark, first, data[first][0], data[first][1])
                if a.cli_run:
                    run_parquet(spark, tmp)
                    run_csv_and_shared_ids(spark, tmp)
            finally:
                spark.stop()
        if a.cli_run:
            run_cli(tmp, os.environ['PYSPARK_PYTHON'])
        if 'standalone' in modes:
            with Standalone(tmp) as cluster:
                spark = session(cluster.url, 'policy spark test (standalone)', **{
                    'spark.cores.max': '2', 'spark.executor.cores': '1', 'spark.executor.memory': '1g',
                    'spark.driver.host': '127.0.0.1', 'spark.driver.bindAddress': '127.0.0.1'})
                try:
                    run_mode(f'standalone {cluster.url}, 2 workers, 8 partitions', spark, data, tmp)
                finally:
                    spark.stop()
    finally:
        if a.keep:
            print(f'kept {tmp}')
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f'Spark tests: {time.time() - started:.1f} s')
    print(f'{results["passed"]} passed, {results["failed"]} failed')
    return 1 if results['failed'] or not results['passed'] else 0


if __name__ == '__main__':
    sys.exit(main())
