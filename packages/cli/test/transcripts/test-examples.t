# `policy test` runs the example claims next to each policy; modules are skipped.
$ policy test policies/anyi policies/modules/anhui-base
! ok policies/anyi: 63/63 cases pass (83 claims in 7 files)
! ok policies/anyi: 6/6 properties hold on sampled claims (1237 checked)
! skip policies/modules/anhui-base: module anhui_base, tested through the policies that build on it
? 0

# A failing case names its file and line and each layer that differs.
$ write $TMP/p/p.policy
< policy p {
<   title "示例"
<   version 2020-01-01 cites "P-1"
<   layers basic, patient
< }
< clause "P-1" "(一)基本医保" "住院费用按80%报销"
< param 比例 = 80% cites "P-1"
< rule 基本医保 cites "P-1" when visit == inpatient {
<   basic = inCatalog × 比例
< }
? 0

$ write $TMP/p/tests/cases.yaml
< cases:
<   - name: 住院
<     # basic: 1000 × 80% = 800.00; patient = 1000 − 800 = 200.00
<     claims:
<       - { id: T1, personId: P1, date: 2020-03-01, visit: inpatient, level: 2, region: county, admitted: 2020-02-25, discharged: 2020-03-01, total: "1000.00", inCatalog: "1000.00" }
<     expect:
<       - { basic: "800.00", patient: "200.00" }
<   - name: 住院 (wrong expectation on purpose)
<     claims:
<       - { id: T2, personId: P2, date: 2020-03-01, visit: inpatient, level: 2, region: county, admitted: 2020-02-25, discharged: 2020-03-01, total: "1000.00", inCatalog: "1000.00" }
<     expect:
<       - { basic: "900.00", patient: "100.00" }
? 0

$ policy test $TMP/p
!   FAIL 住院 (wrong expectation on purpose) ($TMP/p/tests/cases.yaml:8)
!        claim T2: basic expected 900.00, got 800.00
!        claim T2: patient expected 100.00, got 200.00
! FAILED $TMP/p: 1/2 cases pass (2 claims in 1 file)
? 1

$ policy test --format json $TMP/p
> {
>   "policies": [
>     {
>       "path": "$TMP/p",
>       "policy": "p",
>       "cases": [
>         {
>           "file": "$TMP/p/tests/cases.yaml",
>           "line": 2,
>           "name": "住院",
>           "clauses": [],
>           "claims": 1,
>           "failures": []
>         },
>         {
>           "file": "$TMP/p/tests/cases.yaml",
>           "line": 8,
>           "name": "住院 (wrong expectation on purpose)",
>           "clauses": [],
>           "claims": 1,
>           "failures": [
>             "claim T2: basic expected 900.00, got 800.00",
>             "claim T2: patient expected 100.00, got 200.00"
>           ]
>         }
>       ],
>       "problems": [],
>       "properties": []
>     }
>   ]
> }
? 1

$ policy test $TMP/nowhere
! policy: $TMP/nowhere: no such file or folder
? 2
