# `policy eval --roster`: each claim gets the categories in force on its date. Registered poor
# from 2018-03-10 (entry) to 2018-06-20 (exit), both days included. Under 安义, the same stay
# (level 2, county, 10000.00 of which 8000.00 in the catalogue) costs an ordinary resident
# 4000.00 and a registered poor person 700.00 (supplementary insurance pays 3300.00).
$ write $TMP/poor.csv
< person,category,from,to
< P1,registered_poor,2018-03-10,2018-06-20
< P2,registered_poor,2018-03-10,2018-06-20
< P3,registered_poor,2018-03-10,2018-06-20
< P4,registered_poor,2018-03-10,2018-06-20
? 0

$ write $TMP/claims.jsonl
< {"id":"D1","personId":"P1","date":"2018-03-09","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-09","discharged":"2018-03-09","total":"10000.00","inCatalog":"8000.00"}
< {"id":"D2","personId":"P2","date":"2018-03-10","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-10","discharged":"2018-03-10","total":"10000.00","inCatalog":"8000.00"}
< {"id":"D3","personId":"P3","date":"2018-06-20","visit":"inpatient","level":2,"region":"county","admitted":"2018-06-20","discharged":"2018-06-20","total":"10000.00","inCatalog":"8000.00"}
< {"id":"D4","personId":"P4","date":"2018-06-21","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","admitted":"2018-06-21","discharged":"2018-06-21","total":"10000.00","inCatalog":"8000.00"}
? 0

# merge (the default): D1 the day before entry is ordinary, D2 and D3 are poor, D4 after the exit
# keeps the registered_poor its own record carries.
$ policy eval --policy policies/anyi --roster $TMP/poor.csv $TMP/claims.jsonl
> {"id":"D1","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
> {"id":"D2","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"3300.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"700.00"},"flags":[]}
> {"id":"D3","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"3300.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"700.00"},"flags":[]}
> {"id":"D4","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"3300.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"700.00"},"flags":[]}
? 0

# replace: the roster's categories only, so D4 after the exit is ordinary.
$ policy eval --policy policies/anyi --roster $TMP/poor.csv --roster-mode replace $TMP/claims.jsonl
> {"id":"D1","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
> {"id":"D2","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"3300.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"700.00"},"flags":[]}
> {"id":"D3","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"3300.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"700.00"},"flags":[]}
> {"id":"D4","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
? 0

# A roster with rows that contradict each other stops eval (exit 2) before anything is settled…
$ write $TMP/civil.jsonl
< {"person":"P1","category":"dibao","from":"2018-01-01","to":"2018-06-30"}
< {"person":"P1","category":"特困人员","from":"2018-06-01"}
? 0

$ policy eval --policy policies/anyi --roster $TMP/civil.jsonl $TMP/claims.jsonl
! policy: the rosters have 1 problem; nothing was settled:
!   $TMP/civil.jsonl:1 and $TMP/civil.jsonl:2: person P1 is dibao 2018-01-01 – 2018-06-30 and extreme_poor 2018-06-01 – (still in): these categories exclude each other (--roster-conflicts warn settles with both)
? 2

# …unless --roster-conflicts warn: then both categories apply, with a warning.
$ policy eval --policy policies/anyi --roster $TMP/civil.jsonl --roster-conflicts warn --roster-mode replace $TMP/claims.jsonl
> {"id":"D1","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"1500.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"2500.00"},"flags":[]}
> {"id":"D2","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
> {"id":"D3","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
> {"id":"D4","policy":"anyi","version":"2018-01-01","total":"10000.00","layers":{"basic":"6000.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"4000.00"},"flags":[]}
! policy eval: warning: roster $TMP/civil.jsonl:1 and $TMP/civil.jsonl:2: person P1 is dibao 2018-01-01 – 2018-06-30 and extreme_poor 2018-06-01 – (still in): these categories exclude each other; settled with both
? 0

# Bad rows stop it too, each named by file, line and field.
$ write $TMP/bad.csv
< person,category,from,to
< P1,registered_poor,2018-02-30,
< ,dibao,2018-01-01,
< P3,dibao,2018-05-01,2018-04-30
? 0

$ policy eval --policy policies/anyi --roster $TMP/bad.csv $TMP/claims.jsonl
! policy: the rosters have 3 problems; nothing was settled:
!   $TMP/bad.csv:2: from: must be an existing date YYYY-MM-DD (got "2018-02-30")
!   $TMP/bad.csv:3: person: is required
!   $TMP/bad.csv:4: to: the period ends before it starts (from "2018-05-01", to "2018-04-30")
? 2

$ policy eval --policy policies/anyi --roster-mode both --roster $TMP/poor.csv $TMP/claims.jsonl
! policy: --roster-mode must be merge or replace (got both)
? 2
