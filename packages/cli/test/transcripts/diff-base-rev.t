# --base-rev REV: the old policy is the --head path as it stands at a git revision.
$ cd $TMP
? 0

$ git init -q repo
? 0

$ cd repo
? 0

$ write policies/示例/policy.policy
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

$ write claims.jsonl
< {"id":"A1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"10000.00","inCatalog":"8000.00"}
< {"id":"A2","personId":"P2","date":"2018-05-20","categories":["dibao"],"visit":"inpatient","level":2,"region":"city","admitted":"2018-05-12","discharged":"2018-05-20","total":"5000.00","inCatalog":"4500.00"}
< {"id":"A3","personId":"P3","date":"2018-06-11","visit":"outpatient","level":1,"region":"county","total":"200.00","inCatalog":"150.00"}
< {"id":"A4","personId":"P4","date":"2018-07-02","visit":"inpatient","level":3,"region":"province","admitted":"2018-06-25","discharged":"2018-07-02","total":"3000.00","inCatalog":"3000.00"}
? 0

$ git add -A
? 0

$ git commit -q -m base
? 0

# The working tree raises the level-2 ratio to 85%.
$ write policies/示例/policy.policy
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
< table 住院比例 by level { 0: 0%, 1: 90%, 2: 85%, 3: 60% } cites "T-1"
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

$ policy diff --base-rev HEAD --head policies/示例 --in claims.jsonl --top 1
> policy diff: 示例 → 示例 over claims.jsonl
>   base  policies/示例 at HEAD (示例, version 2018-01-01)
>   head  policies/示例 (示例, version 2018-01-01)
>
>                  base   head
>   records read      4      4
>   settled           4      4
>   rejected          0      0
>   settled on both sides 4, rejected on both 0 (0 invalid records)
>   2 claims changed: layers 2, settled ↔ rejected 0, flags 0
>
>   layer                   before       after     delta   delta %
>   basic                10,700.00   11,275.00   +575.00    +5.37%
>   medical_assistance      650.00      550.00   -100.00   -15.38%
>   patient               6,850.00    6,375.00   -475.00    -6.93%
>   paying layers        11,350.00   11,825.00   +475.00    +4.19%
>   total (invoice)      18,200.00   18,200.00      0.00     0.00%
>
>   by category   claims   changed   Δ paying   Δ basic   Δ medical_assistance   Δ patient
>   none               3         1    +375.00   +375.00                   0.00     -375.00
>   dibao              1         1    +100.00   +200.00                -100.00     -100.00
>
>   by visit     claims   changed   Δ paying   Δ basic   Δ medical_assistance   Δ patient
>   inpatient         3         2    +475.00   +575.00                -100.00     -475.00
>   outpatient        1         0       0.00      0.00                   0.00        0.00
>
>   by level   claims   changed   Δ paying   Δ basic   Δ medical_assistance   Δ patient
>   1               1         0       0.00      0.00                   0.00        0.00
>   2               2         2    +475.00   +575.00                -100.00     -475.00
>   3               1         0       0.00      0.00                   0.00        0.00
>
>   by region   claims   changed   Δ paying   Δ basic   Δ medical_assistance   Δ patient
>   county           2         1    +375.00   +375.00                   0.00     -375.00
>   city             1         1    +100.00   +200.00                -100.00     -100.00
>   province         1         0       0.00      0.00                   0.00        0.00
>
>   claims that changed most (1 of 2; by patient, then any layer)
>   A1  person P1  2018-03-05  line 1
>       basic 6000.00 → 6375.00 (+375.00)
>       patient 4000.00 → 3625.00 (-375.00)
>       rules that fired differently:
>         住院: basic 6000.00 → 6375.00 (policies/示例/policy.policy:15)
>
>   versions in force: base 2018-01-01 (4 claims); head 2018-01-01 (4 claims)
? 0

# Committed: HEAD~1 is the old policy, HEAD the new; JSON names the revision.
$ git commit -q -a -m "ratio 85%"
? 0

$ policy diff --base-rev HEAD --head policies/示例 --in claims.jsonl --fail-on-change
> policy diff: 示例 → 示例 over claims.jsonl
>   base  policies/示例 at HEAD (示例, version 2018-01-01)
>   head  policies/示例 (示例, version 2018-01-01)
>
>                  base   head
>   records read      4      4
>   settled           4      4
>   rejected          0      0
>   settled on both sides 4, rejected on both 0 (0 invalid records)
>   no claim changed (both sides are built from the same source files)
>
>   layer                   before       after   delta   delta %
>   basic                11,275.00   11,275.00    0.00     0.00%
>   medical_assistance      550.00      550.00    0.00     0.00%
>   patient               6,375.00    6,375.00    0.00     0.00%
>   paying layers        11,825.00   11,825.00    0.00     0.00%
>   total (invoice)      18,200.00   18,200.00    0.00     0.00%
>
>   versions in force: base 2018-01-01 (4 claims); head 2018-01-01 (4 claims)
? 0

$ policy diff --base-rev HEAD~1 --head policies/示例 --in claims.jsonl --format json --top 0 --fail-on-change
> {
>   "input": "claims.jsonl",
>   "base": {
>     "path": "policies/示例",
>     "rev": "HEAD~1",
>     "policy": "示例",
>     "title": "示例县住院报销",
>     "versions": [
>       "2018-01-01"
>     ],
>     "versionsUsed": {
>       "2018-01-01": 4
>     },
>     "settled": 4,
>     "rejected": 0,
>     "total": "18200.00",
>     "layers": {
>       "basic": "10700.00",
>       "medical_assistance": "650.00",
>       "patient": "6850.00"
>     }
>   },
>   "head": {
>     "path": "policies/示例",
>     "rev": null,
>     "policy": "示例",
>     "title": "示例县住院报销",
>     "versions": [
>       "2018-01-01"
>     ],
>     "versionsUsed": {
>       "2018-01-01": 4
>     },
>     "settled": 4,
>     "rejected": 0,
>     "total": "18200.00",
>     "layers": {
>       "basic": "11275.00",
>       "medical_assistance": "550.00",
>       "patient": "6375.00"
>     }
>   },
>   "sameSource": false,
>   "records": 4,
>   "invalid": 0,
>   "settled": 4,
>   "rejectedBoth": 0,
>   "changedClaims": 2,
>   "layersChanged": 2,
>   "statusChanged": 0,
>   "flagsChanged": 0,
>   "layers": {
>     "basic": {
>       "before": "10700.00",
>       "after": "11275.00",
>       "delta": "575.00",
>       "deltaPercent": "5.37"
>     },
>     "medical_assistance": {
>       "before": "650.00",
>       "after": "550.00",
>       "delta": "-100.00",
>       "deltaPercent": "-15.38"
>     },
>     "patient": {
>       "before": "6850.00",
>       "after": "6375.00",
>       "delta": "-475.00",
>       "deltaPercent": "-6.93"
>     }
>   },
>   "paying": {
>     "before": "11350.00",
>     "after": "11825.00",
>     "delta": "475.00",
>     "deltaPercent": "4.19"
>   },
>   "total": {
>     "before": "18200.00",
>     "after": "18200.00",
>     "delta": "0.00"
>   },
>   "breakdown": {
>     "category": [
>       {
>         "group": "none",
>         "claims": 3,
>         "changed": 1,
>         "paying": "375.00",
>         "delta": {
>           "basic": "375.00",
>           "medical_assistance": "0.00",
>           "patient": "-375.00"
>         }
>       },
>       {
>         "group": "dibao",
>         "claims": 1,
>         "changed": 1,
>         "paying": "100.00",
>         "delta": {
>           "basic": "200.00",
>           "medical_assistance": "-100.00",
>           "patient": "-100.00"
>         }
>       }
>     ],
>     "visit": [
>       {
>         "group": "inpatient",
>         "claims": 3,
>         "changed": 2,
>         "paying": "475.00",
>         "delta": {
>           "basic": "575.00",
>           "medical_assistance": "-100.00",
>           "patient": "-475.00"
>         }
>       },
>       {
>         "group": "outpatient",
>         "claims": 1,
>         "changed": 0,
>         "paying": "0.00",
>         "delta": {
>           "basic": "0.00",
>           "medical_assistance": "0.00",
>           "patient": "0.00"
>         }
>       }
>     ],
>     "level": [
>       {
>         "group": "1",
>         "claims": 1,
>         "changed": 0,
>         "paying": "0.00",
>         "delta": {
>           "basic": "0.00",
>           "medical_assistance": "0.00",
>           "patient": "0.00"
>         }
>       },
>       {
>         "group": "2",
>         "claims": 2,
>         "changed": 2,
>         "paying": "475.00",
>         "delta": {
>           "basic": "575.00",
>           "medical_assistance": "-100.00",
>           "patient": "-475.00"
>         }
>       },
>       {
>         "group": "3",
>         "claims": 1,
>         "changed": 0,
>         "paying": "0.00",
>         "delta": {
>           "basic": "0.00",
>           "medical_assistance": "0.00",
>           "patient": "0.00"
>         }
>       }
>     ],
>     "region": [
>       {
>         "group": "county",
>         "claims": 2,
>         "changed": 1,
>         "paying": "375.00",
>         "delta": {
>           "basic": "375.00",
>           "medical_assistance": "0.00",
>           "patient": "-375.00"
>         }
>       },
>       {
>         "group": "city",
>         "claims": 1,
>         "changed": 1,
>         "paying": "100.00",
>         "delta": {
>           "basic": "200.00",
>           "medical_assistance": "-100.00",
>           "patient": "-100.00"
>         }
>       },
>       {
>         "group": "province",
>         "claims": 1,
>         "changed": 0,
>         "paying": "0.00",
>         "delta": {
>           "basic": "0.00",
>           "medical_assistance": "0.00",
>           "patient": "0.00"
>         }
>       }
>     ]
>   },
>   "top": [],
>   "statusChanges": [],
>   "flags": [],
>   "kpis": []
> }
? 1

# Errors: an unknown revision; a path the revision does not have; a folder outside any repository.
$ policy diff --base-rev v9 --head policies/示例 --in claims.jsonl
! policy: --base-rev v9: unknown revision in the git repository $TMP/repo
? 2

$ write policies/新/policy.policy
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
< table 住院比例 by level { 0: 0%, 1: 90%, 2: 85%, 3: 60% } cites "T-1"
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

$ policy diff --base-rev HEAD --head policies/新 --in claims.jsonl
! policy: --base-rev HEAD: policies/新 does not exist at HEAD (no .policy files there)
? 2

$ cd $TMP
? 0

$ write alone/policy.policy
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

$ policy diff --base-rev HEAD --head alone --in repo/claims.jsonl
! policy: --base-rev HEAD: alone is not in a git repository (not a git repository (or any of the parent directories): .git)
? 2
