# `policy explain --format json`: the trace tree the text is built from, one settlement per
# line; without --id every claim of the file is explained, in file order.
$ write $TMP/p/p.policy
< policy p {
<   title "示例"
<   version 2020-01-01 cites "P-1"
<   layers basic, patient
< }
< clause "P-1" "(一)基本医保" "住院费用按80%报销"
< table 比例 by level { 1: 90%  2: 80%  otherwise: 60% } cites "P-1"
< rule 基本医保 cites "P-1" when visit == inpatient {
<   basic = inCatalog × 比例[level]
< }
? 0

# T1: basic = 1000 × 80% = 800.00, patient 200.00. T2 is an outpatient: no rule applies, patient 500.00.
$ write $TMP/claims.jsonl
< {"id":"T1","personId":"P1","date":"2020-03-01","visit":"inpatient","level":2,"region":"county","admitted":"2020-02-25","discharged":"2020-03-01","total":"1000.00","inCatalog":"1000.00"}
< {"id":"T2","personId":"P2","date":"2020-03-02","visit":"outpatient","level":1,"region":"county","total":"500.00","inCatalog":"500.00"}
? 0

$ policy explain --policy $TMP/p --format json $TMP/claims.jsonl
> {"id":"T1","policy":"p","version":"2020-01-01","total":"1000.00","layers":{"basic":"800.00","patient":"200.00"},"flags":[],"trace":{"version":"2020-01-01","rules":[{"rule":"基本医保","cites":[{"id":"P-1","title":"(一)基本医保","text":"住院费用按80%报销"}],"readings":[],"at":{"file":"$TMP/p/p.policy","line":8},"condition":"visit == inpatient","applied":true,"steps":[{"kind":"layer","layer":"basic","amount":"800.00","formula":"inCatalog × 比例[level]","inputs":{"inCatalog":"1000.00","比例[level]":"80%","level":"2"},"at":{"file":"$TMP/p/p.policy","line":9},"filled":"1000.00 × 80%","value":"800.00","rows":[{"table":"比例","key":"2","value":"80%"}]}]}],"patient":{"amount":"200.00","formula":"total − the other layers"},"branches":[],"tableRows":[{"table":"比例","key":"2"}]}}
> {"id":"T2","policy":"p","version":"2020-01-01","total":"500.00","layers":{"basic":"0.00","patient":"500.00"},"flags":[],"trace":{"version":"2020-01-01","rules":[{"rule":"基本医保","cites":[{"id":"P-1","title":"(一)基本医保","text":"住院费用按80%报销"}],"readings":[],"at":{"file":"$TMP/p/p.policy","line":8},"condition":"visit == inpatient","applied":false,"failed":"visit == inpatient","failedFilled":"outpatient == inpatient","failedInputs":{"visit":"outpatient"},"steps":[]}],"patient":{"amount":"500.00","formula":"total − the other layers"},"branches":[],"tableRows":[]}}
? 0

$ policy explain --policy $TMP/p $TMP/claims.jsonl --lang zh
> 理赔 T1 · 政策 p 版本 2020-01-01 · 参保人 P1 · 结算日期 2020-03-01 · 医疗总费用 1000.00
> 各项金额
>   基本医保  800.00  规则 基本医保
>   个人自付  200.00  医疗总费用 − 其他各项
>
> 规则 基本医保 · $TMP/p/p.policy:8
>   依据          P-1 (一)基本医保
>   基本医保      800.00 · $TMP/p/p.policy:9
>   公式          basic = inCatalog × 比例[level]
>                       = 1000.00 × 80% = 800.00
>   查表          比例[2] = 80%
>
> 理赔 T2 · 政策 p 版本 2020-01-01 · 参保人 P2 · 结算日期 2020-03-02 · 医疗总费用 500.00
> 各项金额
>   基本医保    0.00
>   个人自付  500.00  医疗总费用 − 其他各项
>
> 未适用的规则
>   基本医保 · $TMP/p/p.policy:8
>     条件不成立: visit == inpatient   (outpatient == inpatient)
? 0
