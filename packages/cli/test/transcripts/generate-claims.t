# `policy generate` writes seeded synthetic claims: the same seed gives the same claims.
$ policy generate --policy policies/anyi --count 3 --seed 7
> id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster
> C0000001,P000001,2018-04-06,,inpatient,1,county,referred,true,地中海贫血,,2018-03-30,2018-04-06,4583.02,3242.02,,H360123105,
> C0000002,P000001,2018-04-23,,inpatient,3,county,referred,true,强直性脊柱炎,M45|E11.9,2018-04-17,2018-04-23,12252.11,9864.17,,H360123305,
> C0000003,P000001,2018-05-22,,inpatient,3,city,emergency,true,血吸虫病,B65.2,2018-04-22,2018-05-22,102843.47,94225.18,,H360100310,
? 0

$ policy generate --policy policies/chifeng --count 2 --seed 7 --format jsonl
> {"id":"C0000001","personId":"P000001","date":"2019-04-06","categories":[],"visit":"inpatient","level":1,"region":"county","referral":"referred","designated":true,"disease":"器官移植抗排斥治疗","admitted":"2019-03-30","discharged":"2019-04-06","total":"7332.84","inCatalog":"5187.25","hospitalId":"H360123105"}
> {"id":"C0000002","personId":"P000001","date":"2019-04-23","categories":[],"visit":"inpatient","level":3,"region":"county","referral":"referred","designated":true,"disease":"恶性肿瘤门诊放化疗","diagnoses":["Z51.1","E11.9"],"admitted":"2019-04-17","discharged":"2019-04-23","total":"49008.42","inCatalog":"39456.67","hospitalId":"H360123305"}
? 0

$ policy generate --policy policies/anyi --count -1
! policy: count must be a whole number ≥ 0, got -1
? 2

$ policy generate --policy policies/modules/anhui-base --count 2
! policy: policies/modules/anhui-base is a module: generate claims for a policy that extends it
? 2
