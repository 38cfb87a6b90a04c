# Usage errors exit 2 with a message, never a stack trace.
$ write $TMP/claims.jsonl
< {"id":"A1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"10000.00","inCatalog":"8000.00"}
? 0

$ policy diff --head policies/anyi --in $TMP/claims.jsonl
! policy: give the old policy with --base PATH or --base-rev REV (one of them)
? 2

$ policy diff --base policies/anyi --base-rev HEAD --head policies/anyi --in $TMP/claims.jsonl
! policy: give the old policy with --base PATH or --base-rev REV (one of them)
? 2

$ policy diff --base policies/anyi --head policies/anyi --in $TMP/claims.jsonl --format xml
! policy: --format is text, json, markdown or html, not "xml"
? 2

$ policy diff --base policies/anyi --head policies/anyi --in $TMP/claims.jsonl --top many
! policy: --top must be a whole number from 0 to 999999 (got many)
? 2

$ policy diff --base policies/anyi --head policies/nowhere --in $TMP/claims.jsonl
! policy: policies/nowhere: no such file or folder
? 2

$ policy diff --base policies/anyi --head policies/anyi --in $TMP/missing.csv
! policy: cannot read $TMP/missing.csv: no such file
? 2

$ policy diff --base policies/anyi --head policies/anyi --in $TMP/claims.txt
! policy: $TMP/claims.txt: cannot tell the format of this claim file from its name; use one of .csv, .jsonl, .ndjson, .json
? 2

$ policy diff --base policies/modules/anhui-base --head policies/anyi --in $TMP/claims.jsonl
! policy: policies/modules/anhui-base is module anhui_base: a base for policies, with no versions; settle claims with a policy that extends it
? 2

# A side with errors: its diagnostics, file:line:col.
$ write $TMP/broken.policy
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
< param 救助比例 = 50%% cites "T-1"
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

$ policy diff --base $TMP/broken.policy --head policies/anyi --in $TMP/claims.jsonl
! policy: policy $TMP/broken.policy has errors; run `policy check $TMP/broken.policy`:
! $TMP/broken.policy:13:17: error E001: unexpected character "%"
!    |
! 13 | param 救助比例 = 50%% cites "T-1"
!    |                     ^
? 2
