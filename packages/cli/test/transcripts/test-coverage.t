# `policy test --coverage`: after the example claims, the rules no example applied, the
# conditions not seen both true and false, and the table rows never read, with file:line (赤峰: two
# rows of its base module and its own `otherwise` row, which no claim can reach).
$ policy test --coverage policies/chifeng
! ok policies/chifeng: 37/37 cases pass (60 claims in 5 files)
! ok policies/chifeng: 5/5 properties hold on sampled claims (913 checked)
! coverage policies/chifeng: rules 13/13 100%, conditions 15/15 100%, table rows 8/11 72.7%
!   table row never read    policies/modules/chifeng-resident/parameters.policy:9  住院起付线[0]
!   table row never read    policies/modules/chifeng-resident/parameters.policy:16  住院报销比例[0]
!   table row never read    policies/chifeng/parameters.policy:37  目录外费用比例上限[otherwise]
? 0

# A small policy whose one example leaves most of it unexercised:
#   T1: ordinary inpatient at level 2: basic = 1000 × 80% = 800.00, patient 200.00.
#   rules: 基本医保 applied, 兜底 did not: 1/2 = 50%; conditions: 基本医保's when only true,
#   the if only false, 兜底's when only false: 0/3; rows: 比例[2] read, 比例[1] and otherwise not: 1/3.
$ write $TMP/p/p.policy
< policy p {
<   title "示例"
<   version 2020-01-01 cites "P-1"
<   layers basic, fallback, patient
< }
< clause "P-1" "(一)基本医保" "住院费用按比例报销, 贫困人口提高5个百分点"
< clause "P-2" "(二)兜底" "贫困人口三级医院住院费用兜底"
< table 比例 by level { 1: 90%  2: 80%  otherwise: 60% } cites "P-1"
< let 贫困 = registered_poor in categories cites "P-1"
< rule 基本医保 cites "P-1" when visit == inpatient {
<   basic = inCatalog × (if 贫困 then 比例[level] + 5个百分点 else 比例[level])
< }
< rule 兜底 cites "P-2" when 贫困 and level == 3 {
<   fallback = remaining
< }
? 0

$ write $TMP/p/tests/cases.yaml
< cases:
<   - name: 普通居民二级医院住院
<     # basic: 1000 × 80% = 800.00; patient = 1000 − 800 = 200.00
<     claims:
<       - { id: T1, personId: P1, date: 2020-03-01, visit: inpatient, level: 2, region: county, admitted: 2020-02-25, discharged: 2020-03-01, total: "1000.00", inCatalog: "1000.00" }
<     expect:
<       - { basic: "800.00", patient: "200.00" }
? 0

$ policy test --coverage $TMP/p
! ok $TMP/p: 1/1 cases pass (1 claim in 1 file)
! coverage $TMP/p: rules 1/2 50.0%, conditions 0/3 0.0%, table rows 1/3 33.3%
!   rule never applied      $TMP/p/p.policy:13  兜底
!   condition never false   $TMP/p/p.policy:10:28  when visit == inpatient (rule 基本医保)
!   condition never true    $TMP/p/p.policy:11:23  if 贫困 (in 基本医保)
!   condition never true    $TMP/p/p.policy:13:26  when 贫困 and level == 3 (rule 兜底)
!   table row never read    $TMP/p/p.policy:8  比例[1]
!   table row never read    $TMP/p/p.policy:8  比例[otherwise]
? 0

$ policy test --coverage --format json $TMP/p
> {
>   "policies": [
>     {
>       "path": "$TMP/p",
>       "policy": "p",
>       "cases": [
>         {
>           "file": "$TMP/p/tests/cases.yaml",
>           "line": 2,
>           "name": "普通居民二级医院住院",
>           "clauses": [],
>           "claims": 1,
>           "failures": []
>         }
>       ],
>       "problems": [],
>       "properties": [],
>       "coverage": {
>         "rules": {
>           "covered": 1,
>           "total": 2,
>           "percent": 50,
>           "uncovered": [
>             {
>               "rule": "兜底",
>               "file": "$TMP/p/p.policy",
>               "line": 13,
>               "column": 6
>             }
>           ]
>         },
>         "conditions": {
>           "covered": 0,
>           "total": 3,
>           "percent": 0,
>           "uncovered": [
>             {
>               "kind": "when",
>               "in": "基本医保",
>               "text": "visit == inpatient",
>               "file": "$TMP/p/p.policy",
>               "line": 10,
>               "column": 28,
>               "seen": "true"
>             },
>             {
>               "kind": "if",
>               "in": "基本医保",
>               "text": "if 贫困",
>               "file": "$TMP/p/p.policy",
>               "line": 11,
>               "column": 23,
>               "seen": "false"
>             },
>             {
>               "kind": "when",
>               "in": "兜底",
>               "text": "贫困 and level == 3",
>               "file": "$TMP/p/p.policy",
>               "line": 13,
>               "column": 26,
>               "seen": "false"
>             }
>           ]
>         },
>         "rows": {
>           "covered": 1,
>           "total": 3,
>           "percent": 33.3,
>           "uncovered": [
>             {
>               "table": "比例",
>               "key": "1",
>               "file": "$TMP/p/p.policy",
>               "line": 8,
>               "column": 21
>             },
>             {
>               "table": "比例",
>               "key": "otherwise",
>               "file": "$TMP/p/p.policy",
>               "line": 8,
>               "column": 48
>             }
>           ]
>         }
>       },
>       "belowMinimum": []
>     }
>   ]
> }
? 0

# --min-coverage N fails (1) when a policy's RULE coverage is below N%; per kind with rules=N,conditions=N,rows=N.
$ policy test --min-coverage 50 $TMP/p
! ok $TMP/p: 1/1 cases pass (1 claim in 1 file)
! coverage $TMP/p: rules 1/2 50.0%, conditions 0/3 0.0%, table rows 1/3 33.3%
!   rule never applied      $TMP/p/p.policy:13  兜底
!   condition never false   $TMP/p/p.policy:10:28  when visit == inpatient (rule 基本医保)
!   condition never true    $TMP/p/p.policy:11:23  if 贫困 (in 基本医保)
!   condition never true    $TMP/p/p.policy:13:26  when 贫困 and level == 3 (rule 兜底)
!   table row never read    $TMP/p/p.policy:8  比例[1]
!   table row never read    $TMP/p/p.policy:8  比例[otherwise]
? 0

$ policy test --min-coverage 100 $TMP/p
! ok $TMP/p: 1/1 cases pass (1 claim in 1 file)
! coverage $TMP/p: rules 1/2 50.0%, conditions 0/3 0.0%, table rows 1/3 33.3%
!   rule never applied      $TMP/p/p.policy:13  兜底
!   condition never false   $TMP/p/p.policy:10:28  when visit == inpatient (rule 基本医保)
!   condition never true    $TMP/p/p.policy:11:23  if 贫困 (in 基本医保)
!   condition never true    $TMP/p/p.policy:13:26  when 贫困 and level == 3 (rule 兜底)
!   table row never read    $TMP/p/p.policy:8  比例[1]
!   table row never read    $TMP/p/p.policy:8  比例[otherwise]
! FAILED coverage $TMP/p: rule coverage 50.0% is below the minimum 100%
? 1

$ policy test --min-coverage rules=50,conditions=10,rows=30 $TMP/p
! ok $TMP/p: 1/1 cases pass (1 claim in 1 file)
! coverage $TMP/p: rules 1/2 50.0%, conditions 0/3 0.0%, table rows 1/3 33.3%
!   rule never applied      $TMP/p/p.policy:13  兜底
!   condition never false   $TMP/p/p.policy:10:28  when visit == inpatient (rule 基本医保)
!   condition never true    $TMP/p/p.policy:11:23  if 贫困 (in 基本医保)
!   condition never true    $TMP/p/p.policy:13:26  when 贫困 and level == 3 (rule 兜底)
!   table row never read    $TMP/p/p.policy:8  比例[1]
!   table row never read    $TMP/p/p.policy:8  比例[otherwise]
! FAILED coverage $TMP/p: condition coverage 0.0% is below the minimum 10%
? 1

$ policy test --min-coverage 120 $TMP/p
! policy: --min-coverage takes a percentage from 0 to 100 (N, or rules=N,conditions=N,rows=N), not "120"
? 2
