# A claim settled on one side and rejected on the other is a change, listed with its reason.
# The head comes into force on 2018-04-01: A1 (2018-03-05) falls before it.
$ write $TMP/base.policy
< # 示例县: basic insurance by level and assistance for dibao, for the diff transcripts.
< policy 示例 {
<   title "示例县住院报销"
<   document "用于 policy diff 的示例"
<   version 2018-01-01 cites "T-1"
<   layers basic, medical_assistance, patient
< }
<
< clause "T-1" "第一条" "住院报销"
<
< param 起付线 = 500元 cites "T-1"
< table 住院比例 by level { 0: 0%, 1: 90%, 2: 80%, 3: 60% } cites "T-1"
< param 救助比例 = 50% cites "T-1"
<
< rule 住院 cites "T-1" when visit == inpatient {
<   basic = max(0元, inCatalog - 起付线) × 住院比例[level]
< }
<
< rule 低保救助 cites "T-1" when dibao in categories {
<   medical_assistance = 救助比例 × (inCatalog - basic)
< }
<
< rule 非定点 cites "T-1" when not designated {
<   flag "非定点医疗机构"
< }
? 0

$ write $TMP/later.policy
< # 示例县: basic insurance by level and assistance for dibao, for the diff transcripts.
< policy 示例 {
<   title "示例县住院报销"
<   document "用于 policy diff 的示例"
<   version 2018-04-01 cites "T-1"
<   layers basic, medical_assistance, patient
< }
<
< clause "T-1" "第一条" "住院报销"
<
< param 起付线 = 500元 cites "T-1"
< table 住院比例 by level { 0: 0%, 1: 90%, 2: 80%, 3: 60% } cites "T-1"
< param 救助比例 = 50% cites "T-1"
<
< rule 住院 cites "T-1" when visit == inpatient {
<   basic = max(0元, inCatalog - 起付线) × 住院比例[level]
< }
<
< rule 低保救助 cites "T-1" when dibao in categories {
<   medical_assistance = 救助比例 × (inCatalog - basic)
< }
<
< rule 非定点 cites "T-1" when not designated {
<   flag "非定点医疗机构"
< }
? 0

$ write $TMP/claims.jsonl
< {"id":"A1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"10000.00","inCatalog":"8000.00"}
< {"id":"A2","personId":"P2","date":"2018-05-20","categories":["dibao"],"visit":"inpatient","level":2,"region":"city","admitted":"2018-05-12","discharged":"2018-05-20","total":"5000.00","inCatalog":"4500.00"}
< {"id":"A3","personId":"P3","date":"2018-06-11","visit":"outpatient","level":1,"region":"county","total":"200.00","inCatalog":"150.00"}
< {"id":"A4","personId":"P4","date":"2018-07-02","visit":"inpatient","level":3,"region":"province","admitted":"2018-06-25","discharged":"2018-07-02","total":"3000.00","inCatalog":"3000.00"}
< {"id":"A5","personId":"P5","date":"2018-08-01","visit":"outpatient","level":1,"region":"county","total":"-1","inCatalog":"0"}
? 0

# A5 is not a valid claim: rejected on both sides, counted, and named on stderr.
$ policy diff --base $TMP/base.policy --head $TMP/later.policy --in $TMP/claims.jsonl --fail-on-change
> policy diff: 示例 → 示例 over $TMP/claims.jsonl
>   base  $TMP/base.policy (示例, version 2018-01-01)
>   head  $TMP/later.policy (示例, version 2018-04-01)
>
>                  base   head
>   records read      5      5
>   settled           4      3
>   rejected          1      2
>   settled on both sides 3, rejected on both 1 (1 invalid record)
>   1 claim changed: layers 0, settled ↔ rejected 1, flags 0
>
>   layer                   before      after        delta   delta %
>   basic                10,700.00   4,700.00    -6,000.00   -56.07%
>   medical_assistance      650.00     650.00         0.00     0.00%
>   patient               6,850.00   2,850.00    -4,000.00   -58.39%
>   paying layers        11,350.00   5,350.00    -6,000.00   -52.86%
>   total (invoice)      18,200.00   8,200.00   -10,000.00   -54.95%
>
>   by category   claims   changed    Δ paying     Δ basic   Δ patient
>   none               3         1   -6,000.00   -6,000.00   -4,000.00
>   dibao              1         0        0.00        0.00        0.00
>
>   by visit     claims   changed    Δ paying     Δ basic   Δ patient
>   inpatient         3         1   -6,000.00   -6,000.00   -4,000.00
>   outpatient        1         0        0.00        0.00        0.00
>
>   by level   claims   changed    Δ paying     Δ basic   Δ patient
>   1               1         0        0.00        0.00        0.00
>   2               2         1   -6,000.00   -6,000.00   -4,000.00
>   3               1         0        0.00        0.00        0.00
>
>   by region   claims   changed    Δ paying     Δ basic   Δ patient
>   county           2         1   -6,000.00   -6,000.00   -4,000.00
>   city             1         0        0.00        0.00        0.00
>   province         1         0        0.00        0.00        0.00
>
>   settled ↔ rejected (1 of 1)
>   A1 (line 1): base settled (patient 4000.00); head rejected: date 2018-03-05 is before policy 示例's first version, in force from 2018-04-01
>
>   versions in force: base 2018-01-01 (4 claims); head 2018-04-01 (3 claims)
! policy diff: 1 record of $TMP/claims.jsonl is not a valid claim (rejected on both sides), e.g.:
!   line 5 id A5: total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "-1")
? 1

$ policy diff --base $TMP/base.policy --head $TMP/later.policy --in $TMP/claims.jsonl --format markdown
> ### policy diff: 示例 — 1 of 5 claims changed
>
> - **base** `$TMP/base.policy` (示例, version 2018-01-01)
> - **head** `$TMP/later.policy` (示例, version 2018-04-01)
> - **claims** `$TMP/claims.jsonl`: 5 read; settled 4 before, 3 after; rejected 1 before, 2 after (1 invalid)
>
> **1 claim changed: layers 0, settled ↔ rejected 1, flags 0**
>
> | layer | before | after | delta | delta % |
> | --- | ---: | ---: | ---: | ---: |
> | `basic` | 10,700.00 | 4,700.00 | -6,000.00 | -56.07% |
> | `medical_assistance` | 650.00 | 650.00 | 0.00 | 0.00% |
> | `patient` | 6,850.00 | 2,850.00 | -4,000.00 | -58.39% |
> | paying layers | 11,350.00 | 5,350.00 | -6,000.00 | -52.86% |
> | total (invoice) | 18,200.00 | 8,200.00 | -10,000.00 | -54.95% |
>
> #### By category
>
> | category | claims | changed | Δ paying | Δ basic | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `none` | 3 | 1 | -6,000.00 | -6,000.00 | -4,000.00 |
> | `dibao` | 1 | 0 | 0.00 | 0.00 | 0.00 |
>
> #### By visit
>
> | visit | claims | changed | Δ paying | Δ basic | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `inpatient` | 3 | 1 | -6,000.00 | -6,000.00 | -4,000.00 |
> | `outpatient` | 1 | 0 | 0.00 | 0.00 | 0.00 |
>
> #### By level
>
> | level | claims | changed | Δ paying | Δ basic | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `1` | 1 | 0 | 0.00 | 0.00 | 0.00 |
> | `2` | 2 | 1 | -6,000.00 | -6,000.00 | -4,000.00 |
> | `3` | 1 | 0 | 0.00 | 0.00 | 0.00 |
>
> #### By region
>
> | region | claims | changed | Δ paying | Δ basic | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `county` | 2 | 1 | -6,000.00 | -6,000.00 | -4,000.00 |
> | `city` | 1 | 0 | 0.00 | 0.00 | 0.00 |
> | `province` | 1 | 0 | 0.00 | 0.00 | 0.00 |
>
> <details><summary>Settled ↔ rejected: 1 claim</summary>
>
> - A1 (line 1): base settled (patient 4000.00); head rejected: date 2018-03-05 is before policy 示例's first version, in force from 2018-04-01
>
> </details>
>
> Versions in force: base 2018-01-01 (4 claims); head 2018-04-01 (3 claims).
! policy diff: 1 record of $TMP/claims.jsonl is not a valid claim (rejected on both sides), e.g.:
!   line 5 id A5: total: must be money in yuan, ≥ 0, at most 2 decimals, e.g. "1234.50" (got "-1")
? 0
