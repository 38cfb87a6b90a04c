"""Settle a claims file on Apache Spark: Spark distributes and sorts, `policy batch` settles.

    spark-submit examples/spark/settle.py --policy policies/anyi --in claims.jsonl --out DIR \\
        [--partitions N] [--in-format contract|nhsa|auto] [--roster FILE ...]

Reads CSV, JSON Lines or Parquet; repartitions by person (every record of a person in one
partition) and sorts each partition by person, then by the record's text (ascending, by UTF-8
bytes: the code-point order `--presorted` checks; the text makes a retried task's input, and so
its output, the same line for line); pipes each partition through one
`policy batch --presorted --in - --out - --rejects - --exit-zero` process; writes

    DIR/settlements/part-*   settlement lines (JSON Lines), as batch writes them
    DIR/rejects/part-*       rejection lines (JSON Lines; `line` counts within the partition,
                             `record` holds the record as read)
    DIR/summary.json         the partitions' summaries added up (records = settled + rejected)

See docs/spark.md.
"""

import argparse
import json
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from claims_input import InputError, file_type, ids_of_several_persons, read_claims  # noqa: E402
from policy_task import batch_command, settle_partition  # noqa: E402
from summary import merge  # noqa: E402

DEFAULT_CLI = os.path.join(HERE, '..', '..', 'packages', 'cli', 'dist', 'policy.cjs')


def parse_args(argv):
    p = argparse.ArgumentParser(prog='settle.py', description='settle claims on Spark through policy batch')
    p.add_argument('--policy', required=True, help='policy folder or .policy file (a path every executor can read)')
    p.add_argument('--in', dest='claims', required=True, help='claims: a .csv, .jsonl or .parquet file or folder')
    p.add_argument('--out', required=True, help='output folder (must not exist)')
    p.add_argument('--partitions', type=int, default=None, help='partitions (default: the default parallelism)')
    p.add_argument('--in-format', default='auto', choices=['auto', 'contract', 'nhsa'], help="the claims' shape")
    p.add_argument('--in-type', default=None, choices=['csv', 'jsonl', 'parquet'], help='the file type (default: by extension)')
    p.add_argument('--roster', action='append', default=[], help='a roster file, as for policy batch (repeatable)')
    p.add_argument('--engine', default='auto', choices=['auto', 'decimal'], help='as for policy batch')
    p.add_argument('--workers', type=int, default=1, help='worker threads of each batch process (default 1: a task is one core)')
    p.add_argument('--skip-id-check', action='store_true',
                   help='do not look for ids used by more than one person (ids are then checked within each person only)')
    p.add_argument('--node', default='node', help='the node executable on the executors')
    p.add_argument('--cli', default=DEFAULT_CLI, help='the bundled policy CLI (packages/cli/dist/policy.cjs)')
    args = p.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        p.error('--partitions must be at least 1')
    return args


def settle(spark, args):
    """Runs the job; returns the summary (also written to DIR/summary.json)."""
    started = time.time()
    out = args.out
    if os.path.exists(out):
        raise InputError(f'{out}: already exists; give a new folder (nothing is overwritten)')
    kind = file_type(args.claims, args.in_type)
    claims, shape, header = read_claims(spark, args.claims, kind, args.in_format)
    if not args.skip_id_check:
        shared = ids_of_several_persons(claims)
        if shared:
            said = '; '.join(f'{i!r} by {", ".join(map(repr, ps))}' for i, ps in shared)
            raise InputError(f'{args.claims}: ids used by records of more than one person ({said}): a whole-file '
                             'policy batch would reject the later record, a partition cannot tell which is later; '
                             'fix the ids, or say --skip-id-check to check ids within each person only')
    sc = spark.sparkContext
    n = args.partitions or sc.defaultParallelism
    command = batch_command(args.node, os.path.abspath(args.cli), os.path.abspath(args.policy), shape,
                            args.workers, [os.path.abspath(r) for r in args.roster], args.engine)
    sc.addPyFile(os.path.join(HERE, 'policy_task.py'))

    # Every record of a person in one partition, persons ascending; the line breaks ties.
    ordered = claims.select('person', 'line').repartition(n, 'person').sortWithinPartitions('person', 'line')

    def task(index, rows):
        from policy_task import settle_partition as run
        return run(index, (r.line for r in rows), command, header)

    from pyspark import StorageLevel
    tagged = ordered.rdd.mapPartitionsWithIndex(task).persist(StorageLevel.DISK_ONLY)
    try:
        parts = [json.loads(text) for kind_, text in tagged.filter(lambda t: t[0] == 'm').collect()]
        tagged.filter(lambda t: t[0] == 's').map(lambda t: t[1]).saveAsTextFile(os.path.join(out, 'settlements'))
        tagged.filter(lambda t: t[0] == 'r').map(lambda t: t[1]).saveAsTextFile(os.path.join(out, 'rejects'))
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        tagged.unpersist()
    result = merge(parts, n, {
        'input': args.claims, 'inType': kind, 'inFormat': shape, 'master': sc.master,
        'seconds': round(time.time() - started, 3),
    })
    result['claimsPerSecond'] = round(result['records'] / max(result['seconds'], 1e-6))
    if not result['balanced']:
        raise RuntimeError(f'records {result["records"]} ≠ settled {result["settled"]} + rejected {result["rejected"]}')
    with open(os.path.join(out, 'summary.json'), 'w', encoding='utf-8') as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
        f.write('\n')
    return result


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName(f'policy settle {os.path.basename(args.policy.rstrip("/"))}').getOrCreate()
    spark.sparkContext.setLogLevel('WARN')
    try:
        s = settle(spark, args)
    except InputError as e:
        print(f'settle.py: {e}', file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(f'settle.py: {s["policy"]}: records {s["records"]} = settled {s["settled"]} + rejected {s["rejected"]}; '
          f'total {s["total"]}; {s["partitions"]} partitions; {s["seconds"]} s ({s["claimsPerSecond"]} claims/s) → {args.out}',
          file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
