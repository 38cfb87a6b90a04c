#!/usr/bin/env bash
# Usage: scripts/compare-outputs.sh REPO OUTDIR — generates seeded corpora (20 000 claims per shipped policy)
# with REPO's built CLI and settles them in every format and mode; run it for two checkouts
# (e.g. a `git worktree` of the old commit) and `cmp` the two OUTDIRs: outputs must be byte-identical.
set -u
repo=$1; out=$2; mkdir -p "$out"
cli="node $repo/packages/cli/dist/policy.cjs"
cd "$repo"
for p in anyi chifeng hefei jinzhai liuan; do
  $cli generate --policy policies/$p --count 20000 --seed 7 --format csv --out "$out/$p.in.csv" 2>/dev/null
  $cli generate --policy policies/$p --count 20000 --seed 7 --format jsonl --out "$out/$p.in.jsonl" 2>/dev/null
  $cli batch --policy policies/$p --in "$out/$p.in.csv" --out "$out/$p.csv.csv" --rejects "$out/$p.csv.rej.csv" --summary-json "$out/$p.csv.sum.json" 2>/dev/null; echo "$p csv $?"
  $cli batch --policy policies/$p --in "$out/$p.in.jsonl" --out "$out/$p.jsonl.jsonl" --rejects "$out/$p.jsonl.rej.jsonl" 2>/dev/null; echo "$p jsonl $?"
  $cli batch --policy policies/$p --in "$out/$p.in.jsonl" --out "$out/$p.jsonl.csv" 2>/dev/null; echo "$p jsonl->csv $?"
  $cli batch --policy policies/$p --in "$out/$p.in.csv" --out "$out/$p.nhsa.csv" --out-format nhsa 2>/dev/null; echo "$p nhsa-out $?"
  (head -1 "$out/$p.in.csv"; tail -n +2 "$out/$p.in.csv" | LC_ALL=C sort -t, -k2,2 -s) > "$out/$p.sorted.csv"
  $cli batch --policy policies/$p --in "$out/$p.sorted.csv" --out "$out/$p.presorted.jsonl" --presorted 2>/dev/null; echo "$p presorted $?"
  $cli batch --policy policies/$p --in "$out/$p.in.csv" --out "$out/$p.decimal.csv" --engine decimal --workers 1 2>/dev/null; echo "$p decimal $?"
done
# platform records in
$cli batch --policy policies/anyi --in examples/nhsa/claims.csv --out "$out/nhsa-in.csv" --out-format nhsa --rejects "$out/nhsa-in.rej.jsonl" 2>/dev/null; echo "nhsa-in $?"
$cli batch --policy policies/anyi --in examples/nhsa/claims.jsonl --out "$out/nhsa-in.jsonl" --out-format nhsa 2>/dev/null; echo "nhsa-in jsonl $?"
$cli batch --policy policies/anyi --in examples/bad-claims.csv --out "$out/bad.csv" --rejects "$out/bad.rej.csv" 2>/dev/null; echo "bad csv $?"
$cli batch --policy policies/anyi --in examples/bad-claims.jsonl --out "$out/bad.jsonl" --rejects "$out/bad.rej.jsonl" 2>/dev/null; echo "bad jsonl $?"
$cli batch --policy policies/anyi --in examples/claims.csv --out "$out/roster.csv" --roster examples/rosters/poverty-office.csv --roster examples/rosters/civil-affairs.jsonl 2>/dev/null; echo "roster $?"
# normalise the summaries (time, memory, paths)
for f in "$out"/*.sum.json; do node -e 'const f=process.argv[1];const j=JSON.parse(require("fs").readFileSync(f,"utf8"));for(const k of ["wallSeconds","recordsPerSecond","peakMemoryMiB","seconds","claimsPerSecond","peakRssMiB","input","output","workers"])delete j[k];require("fs").writeFileSync(f,JSON.stringify(j,null,1))' "$f"; done
