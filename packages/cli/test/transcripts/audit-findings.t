# `policy audit` (docs/audits.md): 金寨's audits over each person's claims in date order. A02
# starts 10 days after A01 ended, for the same disease: 分解住院 (15日) and 短期再入院 (30日).
$ write $TMP/claims.jsonl
< {"id":"A02","personId":"PA","date":"2019-03-25","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","disease":"肺炎","admitted":"2019-03-20","discharged":"2019-03-25","total":"4000.00","inCatalog":"3800.00"}
< {"id":"A01","personId":"PA","date":"2019-03-10","categories":["registered_poor"],"visit":"inpatient","level":2,"region":"county","disease":"肺炎","admitted":"2019-03-01","discharged":"2019-03-10","total":"6000.00","inCatalog":"5500.00"}
? 0

$ policy audit --policy policies/jinzhai --in $TMP/claims.jsonl --out - --format csv
> claimId,personId,date,audit,result,stage,cites,message,related,windows,parameters,version
> A02,PA,2019-03-25,分解住院,可疑,事后,JINZHAI-1.2 JINZHAI-3.2,"出院后15日内因同一疾病再次住院, 疑似分解住院",A01,分解住院间隔天数,分解住院间隔天数=15日,2019-01-01
> A02,PA,2019-03-25,短期再入院,可疑,事后,JINZHAI-3.2,"出院后30日内再次住院, 核查入院指征(随意放宽入院标准)",A01,再入院间隔天数,再入院间隔天数=30日,2019-01-01
! policy audit: jinzhai over claims.jsonl → -
!   records read           2
!   audited                2
!   rejected               0
!   findings               2
!   audit                       result  findings  cites
!   分解住院                  可疑         1  JINZHAI-1.2, JINZHAI-3.2
!   短期再入院                可疑         1  JINZHAI-3.2
!   挂床住院                  可疑         0  JINZHAI-1.3, JINZHAI-3.2
? 0

# --presorted needs each person's claims together, persons in ascending order.
$ write $TMP/unsorted.jsonl
< {"id":"B1","personId":"PB","date":"2019-03-25","visit":"outpatient","level":1,"region":"county","total":"10.00","inCatalog":"10.00"}
< {"id":"A1","personId":"PA","date":"2019-03-25","visit":"outpatient","level":1,"region":"county","total":"10.00","inCatalog":"10.00"}
? 0

$ policy audit --policy policies/jinzhai --in $TMP/unsorted.jsonl --out $TMP/f.jsonl --presorted
! policy: $TMP/unsorted.jsonl line 2: personId "PA" comes after "PB": with --presorted the records of each person must come together, persons in ascending order (sort by personId, then date; LC_ALL=C sort order)
? 2
