# `policy eval` settles the claims of a file as one batch; one JSON settlement per line.
$ policy eval --policy policies/anyi examples/one-claim.json
> {"id":"Q001","policy":"anyi","version":"2018-01-01","total":"12000.00","layers":{"basic":"6800.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"4230.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"970.00"},"flags":[]}
? 0

# From standard input (-), JSON Lines, several claims of one person: accumulators carry.
$ write $TMP/two.jsonl
< {"id":"A1","personId":"P1","date":"2018-03-05","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"15000.00","inCatalog":"12345.67"}
< {"id":"A2","personId":"P1","date":"2018-06-05","categories":["registered_poor"],"visit":"inpatient","level":3,"region":"city","admitted":"2018-06-01","discharged":"2018-06-05","total":"40000.00","inCatalog":"36000.00"}
? 0

$ policy eval --policy policies/anyi - < $TMP/two.jsonl
> {"id":"A1","policy":"anyi","version":"2018-01-01","total":"15000.00","layers":{"basic":"9476.54","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"4572.96","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"950.50"},"flags":[]}
> {"id":"A2","policy":"anyi","version":"2018-01-01","total":"40000.00","layers":{"basic":"21000.00","critical_illness":"12707.22","medical_assistance":"0.00","supplementary":"5063.50","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"1229.28"},"flags":[]}
? 0
