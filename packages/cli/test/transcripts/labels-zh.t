# Claims in the documents' Chinese names (field names and values) settle as the same claims in
# codes; `--labels zh` writes the settlement with the Chinese names, which read back as input.
$ write $TMP/one.jsonl
< {"理赔编号":"Z1","参保人":"P1","结算日期":"2018-05-20","人群类别":["建档立卡贫困人口"],"就诊类型":"住院","医疗机构级别":2,"就医地":"县域内","入院日期":"2018-05-12","出院日期":"2018-05-20","医疗总费用":"12000.00","政策范围内费用":"9000.00"}
? 0

$ policy eval --policy policies/anyi $TMP/one.jsonl
> {"id":"Z1","policy":"anyi","version":"2018-01-01","total":"12000.00","layers":{"basic":"6800.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"4230.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"970.00"},"flags":[]}
? 0

$ policy eval --policy policies/anyi $TMP/one.jsonl --labels zh
> {"理赔编号":"Z1","政策":"anyi","版本":"2018-01-01","医疗总费用":"12000.00","各项金额":{"基本医保":"6800.00","大病保险":"0.00","医疗救助":"0.00","补充保险":"4230.00","兜底保障":"0.00","县财政补助":"0.00","医疗机构承担":"0.00","个人自付":"970.00"},"标记":[]}
? 0

# A Chinese name given with its code, and a value the vocabulary does not know.
$ write $TMP/bad.jsonl
< {"id":"Z2","理赔编号":"Z2","personId":"P1","date":"2018-05-20","visit":"住院","level":2,"region":"county","admitted":"2018-05-12","discharged":"2018-05-20","total":"1.00","inCatalog":"1.00"}
< {"id":"Z3","personId":"P1","date":"2018-05-20","visit":"挂号","level":2,"region":"county","total":"1.00","inCatalog":"1.00"}
? 0

$ policy eval --policy policies/anyi $TMP/bad.jsonl
! policy eval: rejected line 1 id Z2: id: is given twice, as "id" and "理赔编号"; keep one
! policy eval: rejected line 2 id Z3: visit: must be one of inpatient 住院, outpatient_chronic 门诊慢特病 / 慢性病门诊, outpatient_observation 门诊观察, outpatient 普通门诊 (got "挂号")
? 1
