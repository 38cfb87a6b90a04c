# The rules that fired differently: the head gives dibao assistance at third-grade hospitals
# only, and adds an audit flag. A2 (dibao, level 2, inCatalog 4500.00): basic 4000 × 80% =
# 3200.00 on both sides; assistance 50% × (4500 − 3200) = 650.00 before, none after; patient
# 1150.00 → 1800.00; the new flag appears.
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

$ write $TMP/head.policy
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
< rule 低保救助 cites "T-1" when dibao in categories and level >= 3 {
<   medical_assistance = 救助比例 × (inCatalog - basic)
< }
<
< rule 自付提醒 cites "T-1" when inCatalog > 1000元 {
<   flag "目录内费用超过1000元"
< }
<
< rule 非定点 cites "T-1" when not designated {
<   flag "非定点医疗机构"
< }
? 0

$ write $TMP/claims.jsonl
< {"id":"A2","personId":"P2","date":"2018-05-20","categories":["dibao"],"visit":"inpatient","level":2,"region":"city","admitted":"2018-05-12","discharged":"2018-05-20","total":"5000.00","inCatalog":"4500.00"}
? 0

$ policy diff --base $TMP/base.policy --head $TMP/head.policy --in $TMP/claims.jsonl --format markdown
> ### policy diff: 示例 — 1 of 1 claims changed
>
> - **base** `$TMP/base.policy` (示例, version 2018-01-01)
> - **head** `$TMP/head.policy` (示例, version 2018-01-01)
> - **claims** `$TMP/claims.jsonl`: 1 read; settled 1 before, 1 after; rejected 0 before, 0 after (0 invalid)
>
> **1 claim changed: layers 1, settled ↔ rejected 0, flags 1**
>
> | layer | before | after | delta | delta % |
> | --- | ---: | ---: | ---: | ---: |
> | `basic` | 3,200.00 | 3,200.00 | 0.00 | 0.00% |
> | `medical_assistance` | 650.00 | 0.00 | -650.00 | -100.00% |
> | `patient` | 1,150.00 | 1,800.00 | +650.00 | +56.52% |
> | paying layers | 3,850.00 | 3,200.00 | -650.00 | -16.88% |
> | total (invoice) | 5,000.00 | 5,000.00 | 0.00 | 0.00% |
>
> #### By category
>
> | category | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `dibao` | 1 | 1 | -650.00 | -650.00 | +650.00 |
>
> #### By visit
>
> | visit | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `inpatient` | 1 | 1 | -650.00 | -650.00 | +650.00 |
>
> #### By level
>
> | level | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `2` | 1 | 1 | -650.00 | -650.00 | +650.00 |
>
> #### By region
>
> | region | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `city` | 1 | 1 | -650.00 | -650.00 | +650.00 |
>
> <details><summary>The 1 claim that changed most (of 1; by patient, then any layer)</summary>
>
> - `A2` person `P2`, 2018-05-20, line 1: medical_assistance 650.00 → 0.00 (-650.00); patient 1150.00 → 1800.00 (+650.00)
>   - 低保救助: applied in base only ($TMP/base.policy:19: medical_assistance 650.00); head: not applied (level >= 3 is false), $TMP/head.policy:19
>   - 自付提醒: applied in head only ($TMP/head.policy:23); not in force in base
>
> </details>
>
> #### Flags
>
> | flag | appeared | disappeared |
> | --- | ---: | ---: |
> | 自付提醒: 目录内费用超过1000元 | 1 | 0 |
>
> Versions in force: base 2018-01-01 (1 claim); head 2018-01-01 (1 claim).
? 0

$ policy diff --base $TMP/head.policy --head $TMP/base.policy --in $TMP/claims.jsonl --format markdown
> ### policy diff: 示例 — 1 of 1 claims changed
>
> - **base** `$TMP/head.policy` (示例, version 2018-01-01)
> - **head** `$TMP/base.policy` (示例, version 2018-01-01)
> - **claims** `$TMP/claims.jsonl`: 1 read; settled 1 before, 1 after; rejected 0 before, 0 after (0 invalid)
>
> **1 claim changed: layers 1, settled ↔ rejected 0, flags 1**
>
> | layer | before | after | delta | delta % |
> | --- | ---: | ---: | ---: | ---: |
> | `basic` | 3,200.00 | 3,200.00 | 0.00 | 0.00% |
> | `medical_assistance` | 0.00 | 650.00 | +650.00 | new |
> | `patient` | 1,800.00 | 1,150.00 | -650.00 | -36.11% |
> | paying layers | 3,200.00 | 3,850.00 | +650.00 | +20.31% |
> | total (invoice) | 5,000.00 | 5,000.00 | 0.00 | 0.00% |
>
> #### By category
>
> | category | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `dibao` | 1 | 1 | +650.00 | +650.00 | -650.00 |
>
> #### By visit
>
> | visit | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `inpatient` | 1 | 1 | +650.00 | +650.00 | -650.00 |
>
> #### By level
>
> | level | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `2` | 1 | 1 | +650.00 | +650.00 | -650.00 |
>
> #### By region
>
> | region | claims | changed | Δ paying | Δ medical_assistance | Δ patient |
> | --- | ---: | ---: | ---: | ---: | ---: |
> | `city` | 1 | 1 | +650.00 | +650.00 | -650.00 |
>
> <details><summary>The 1 claim that changed most (of 1; by patient, then any layer)</summary>
>
> - `A2` person `P2`, 2018-05-20, line 1: medical_assistance 0.00 → 650.00 (+650.00); patient 1800.00 → 1150.00 (-650.00)
>   - 低保救助: applied in head only ($TMP/base.policy:19: medical_assistance 650.00); base: not applied (level >= 3 is false), $TMP/head.policy:19
>   - 自付提醒: applied in base only ($TMP/head.policy:23); not in force in head
>
> </details>
>
> #### Flags
>
> | flag | appeared | disappeared |
> | --- | ---: | ---: |
> | 自付提醒: 目录内费用超过1000元 | 0 | 1 |
>
> Versions in force: base 2018-01-01 (1 claim); head 2018-01-01 (1 claim).
? 0
