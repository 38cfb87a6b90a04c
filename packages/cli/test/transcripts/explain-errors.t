# A claim explained that is rejected goes to stderr with its reason, and explain exits 1.
$ write $TMP/bad.jsonl
< {"id":"B1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"100.005","inCatalog":"80.00"}
< {"id":"B2","personId":"P2","date":"2017-12-05","visit":"outpatient","level":1,"region":"county","total":"100.00","inCatalog":"80.00"}
? 0

$ policy explain --policy policies/anyi $TMP/bad.jsonl --id B1
! policy explain: rejected line 1 id B1: total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "100.005")
? 1

$ policy explain --policy policies/anyi $TMP/bad.jsonl
! policy explain: rejected line 1 id B1: total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "100.005")
! policy explain: rejected line 2 id B2: date: date 2017-12-05 is before policy anyi's first version, in force from 2018-01-01
? 1

# An --id not in the file, an unknown language or format: usage errors (2).
$ policy explain --policy policies/anyi examples/one-claim.json --id Q999
! policy: examples/one-claim.json has no claim with id "Q999"
? 2

$ policy explain --policy policies/anyi examples/one-claim.json --lang fr
! policy: --lang is en or zh, not "fr"
? 2

$ policy explain --policy policies/anyi examples/one-claim.json --format yaml
! policy: --format is text or json, not "yaml"
? 2
