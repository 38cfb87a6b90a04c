# Usage errors of `policy batch` exit 2, name the problem and write nothing.
$ policy batch --workers 0 --policy policies/anyi --in examples/claims.csv --out $TMP/out.csv
! policy: --workers must be a whole number from 1 to 256 (got 0)
? 2

$ policy batch --workers 2 --engine fast --policy policies/anyi --in examples/claims.csv --out $TMP/out.csv
! policy: --engine must be auto or decimal (got fast)
? 2

$ policy batch --workers 2 --policy policies/anyi --in examples/claims.txt --out $TMP/out.csv
! policy: examples/claims.txt: cannot tell the format of this claim file from its name; use one of .csv, .jsonl, .ndjson, .json
? 2

$ policy batch --workers 2 --policy policies/anyi --in examples/claims.csv --out $TMP/out.xlsx
! policy: $TMP/out.xlsx: cannot tell the output format from its name; use .csv or .jsonl
? 2

# --presorted input whose persons are out of order stops the run (exit 2), nothing is written.
$ write $TMP/unsorted.jsonl
< {"id":"U1","personId":"P2","date":"2018-03-05","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00"}
< {"id":"U2","personId":"P1","date":"2018-03-05","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00"}
? 0

$ policy batch --workers 1 --presorted --policy policies/anyi --in $TMP/unsorted.jsonl --out $TMP/out.jsonl
! policy: $TMP/unsorted.jsonl line 2: personId "P1" comes after "P2": with --presorted the records of each person must come together, persons in ascending order (sort by personId, then date; LC_ALL=C sort order)
? 2

$ cat $TMP/out.jsonl
! cat: $TMP/out.jsonl: ENOENT
? 1
