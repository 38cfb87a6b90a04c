# `policy generate` writes seeded synthetic claims: the same seed gives the same claims.
$ policy generate --policy policies/anyi --count 3 --seed 7
> id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster
> C0000001,P000001,2018-06-12,,inpatient,1,county,referred,true,血吸虫病,B65.2|E78.5,2018-06-08,2018-06-12,1594.90,1416.74,,H360123103,
> C0000002,P000001,2018-03-12,,inpatient,1,county,referred,true,慢性病毒性肝炎,B18.1|K76.6,2018-03-08,2018-03-12,1887.82,1377.16,,,
> C0000003,P000001,2018-02-03,,outpatient,2,city,referred,true,急性胃肠炎,,,,425.74,390.06,,H360100210,
? 0

$ policy generate --policy policies/chifeng --count 2 --seed 7 --format jsonl
> {"id":"C0000001","personId":"P000001","date":"2019-04-06","categories":[],"visit":"inpatient","level":1,"region":"county","referral":"referred","designated":true,"disease":"颈椎病","admitted":"2019-03-30","discharged":"2019-04-06","total":"1833.21","inCatalog":"1296.81","hospitalId":"H360123103"}
> {"id":"C0000002","personId":"P000001","date":"2019-03-27","categories":[],"visit":"inpatient","level":3,"region":"county","referral":"referred","designated":true,"disease":"痛风","admitted":"2019-03-17","discharged":"2019-03-27","total":"10981.74","inCatalog":"10538.07","hospitalId":"H360123303"}
? 0

$ policy generate --policy policies/anyi --count -1
! policy: count must be a whole number ≥ 0, got -1
? 2

$ policy generate --policy policies/modules/anhui-base --count 2
! policy: policies/modules/anhui-base is a module: generate claims for a policy that extends it
? 2
