# A rejected claim is explained on stderr with its line and field, and eval exits 1; the
# others still settle. With --json the rejection goes to stdout as an object instead.
$ write $TMP/mixed.jsonl
< {"id":"R1","personId":"P1","date":"2018-03-05","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00"}
< {"id":"R2","personId":"P1","date":"2018-02-30","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00"}
< {"id":"R3","personId":"P1","date":"2018-04-02","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"130.00"}
? 0

$ policy eval --policy policies/anyi $TMP/mixed.jsonl
> {"id":"R1","policy":"anyi","version":"2018-01-01","total":"120.00","layers":{"basic":"0.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"120.00"},"flags":[]}
! policy eval: rejected line 2 id R2: date: must be an existing date YYYY-MM-DD (got "2018-02-30")
! policy eval: rejected line 3 id R3: inCatalog: the in-catalogue part cannot exceed total (got inCatalog "130.00", total "120.00")
? 1

$ policy eval --policy policies/anyi --json $TMP/mixed.jsonl
> {"id":"R1","policy":"anyi","version":"2018-01-01","total":"120.00","layers":{"basic":"0.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"120.00"},"flags":[]}
> {"line":2,"id":"R2","field":"date","error":"must be an existing date YYYY-MM-DD (got \"2018-02-30\")","record":{"id":"R2","personId":"P1","date":"2018-02-30","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00"}}
> {"line":3,"id":"R3","field":"inCatalog","error":"the in-catalogue part cannot exceed total (got inCatalog \"130.00\", total \"120.00\")","record":{"id":"R3","personId":"P1","date":"2018-04-02","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"130.00"}}
? 1

# A file that is not claims at all, and a policy that is a module, are usage errors.
$ write $TMP/garbage.json
< {"id": "X1", 
? 0

$ policy eval --policy policies/anyi $TMP/garbage.json
! policy eval: rejected line 1 id X1: not valid JSON: Expected double-quoted property name at line 2, column 1
? 1

$ policy eval --policy policies/modules/anhui-base examples/one-claim.json
! policy: policies/modules/anhui-base is module anhui_base: a base for policies, with no versions; settle claims with a policy that extends it
? 2

$ policy eval --policy policies/anyi $TMP/missing.json
! policy: cannot read $TMP/missing.json: no such file
? 2
