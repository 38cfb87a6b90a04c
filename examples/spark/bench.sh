#!/usr/bin/env bash
# claims/s of the Spark job (examples/spark/settle.py) against one `policy batch` process, on the
# same generated claims, on this machine (docs/spark.md, "Measured"). Run it once: it is long.
#
#   bash examples/spark/bench.sh [COUNT]     (default 1000000; POLICY=anyi PARTITIONS=8 MASTER=local[2])
set -euo pipefail
cd "$(dirname "$0")/../.."

COUNT=${1:-1000000}
POLICY=${POLICY:-anyi}
PARTITIONS=${PARTITIONS:-8}
MASTER=${MASTER:-local[2]}
PYTHON=${PYSPARK_PYTHON:-$PWD/.ci/venv/bin/python}
CLI=packages/cli/dist/policy.cjs
SUBMIT=$("$PYTHON" -c 'import os, pyspark; print(os.path.join(os.path.dirname(pyspark.__file__), "bin", "spark-submit"))')
work=$(mktemp -d -t policy-spark-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export PYSPARK_PYTHON=$PYTHON SPARK_LOCAL_IP=127.0.0.1

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f s, %d claims/s", b - a, n / (b - a) }'; }

node "$CLI" generate --policy "policies/$POLICY" --count "$COUNT" --seed 20181001 --format jsonl --out "$work/claims.jsonl"

t0=$(now)
node "$CLI" batch --policy "policies/$POLICY" --in "$work/claims.jsonl" --out "$work/batch.jsonl" --summary-json "$work/batch.json" 2>/dev/null
t1=$(now)
"$SUBMIT" --master "$MASTER" --driver-memory 2g examples/spark/settle.py --policy "policies/$POLICY" \
  --in "$work/claims.jsonl" --out "$work/spark" --partitions "$PARTITIONS" >"$work/spark.log" 2>&1 || { tail -40 "$work/spark.log"; exit 1; }
t2=$(now)

same=no
if cmp -s <(LC_ALL=C sort "$work/batch.jsonl") <(cat "$work"/spark/settlements/part-* | LC_ALL=C sort); then same=yes; fi
echo "policy $(node "$CLI" --version 2>/dev/null || echo '?'), node $(node --version), PySpark $("$PYTHON" -c 'import pyspark; print(pyspark.__version__)'), $(nproc) cores, $(date -u +%F)"
echo "$COUNT claims of policies/$POLICY (seed 20181001), JSON Lines"
echo "  policy batch, one process ($(node -e 'console.log(require("os").availableParallelism())') workers):  $(rate "$COUNT" "$t0" "$t1")"
echo "  Spark job, $MASTER, $PARTITIONS partitions (spark-submit, JVM start included):  $(rate "$COUNT" "$t1" "$t2")"
echo "  ratio (Spark time / batch time): $(awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "%.2f", (c - b) / (b - a) }')"
echo "  settlements identical as sorted lines: $same"
"$PYTHON" - "$work/spark/summary.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
per = s['perPartition']
print(f"  job summary: records {s['records']} = settled {s['settled']} + rejected {s['rejected']}; job {s['seconds']} s in the driver;"
      f" partition processes {min(p['seconds'] for p in per):.1f}–{max(p['seconds'] for p in per):.1f} s"
      f" ({min(p['records'] for p in per)}–{max(p['records'] for p in per)} records each)")
EOF
