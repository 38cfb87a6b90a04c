# policy fmt rewrites files in the canonical layout, in place, and names on stderr each file it
# changed. Comments stay where they were; a file already formatted is not touched.
$ write $TMP/p/a.policy
<   # 起付线 and the ratio
< param 起付线=500元   cites "X-1"   # the document's number
< param 比例 = 80%  cites "X-1"  # and its ratio
< table 上限 by level { 0: 0元, 1: 1万元, 2: 2万元, 3: 3万元 } assumed "why"
< set 病种 = { "食道癌", "胃癌",
<     "肺癌" } cites "X-1"
<
<
< rule 住院 cites "X-1"
<     when visit==inpatient and level>=1 {
<   basic = min((inCatalog above 起付线)*比例,
<   上限[level])
< }
? 0

$ write $TMP/p/b.policy
< clause "X-1" "第一条"
? 0

$ policy fmt $TMP/p
! formatted $TMP/p/a.policy
? 0

$ cat $TMP/p/a.policy
> # 起付线 and the ratio
> param 起付线 = 500元 cites "X-1"  # the document's number
> param 比例 = 80% cites "X-1"      # and its ratio
> table 上限 by level {
>   0: 0元
>   1: 1万元
>   2: 2万元
>   3: 3万元
> } assumed "why"
> set 病种 = {
>   "食道癌", "胃癌",
>   "肺癌",
> } cites "X-1"
>
> rule 住院 cites "X-1"
>   when visit == inpatient and level >= 1 {
>   basic = min((inCatalog above 起付线) × 比例,
>     上限[level])
> }
? 0

# A second run changes nothing.
$ policy fmt $TMP/p
? 0

# - reads standard input and writes the formatted file on standard output.
$ write $TMP/in.policy
< adjust 比例+5pp cites "X-1" when  level==1
? 0

$ policy fmt - < $TMP/in.policy
> adjust 比例 + 5pp cites "X-1" when level == 1
? 0
