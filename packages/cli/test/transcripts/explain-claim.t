# `policy explain` tells how each layer amount of a claim came about. Two inpatient claims of
# one ordinary resident of 安义 at a second-grade county hospital, written out of date order:
# they settle as one batch in (date, id) order, so X1's amounts count in X2's accumulators.
#   X1: basic = (8000 − 500) × 80% = 6000.00; 本次自付 8000 − 6000 = 2000 < 7500: no critical illness
#   X2: basic = min((28000 − 500) × 80%, 150000 − 6000) = 22000.00
#       本次自付 = 28000 − 22000 = 6000; 累计后 = 2000 + 6000 = 8000
#       critical_illness = (max(0, 8000 − 7500) − max(0, 2000 − 7500)) × 50% = 250.00
#       patient = 30000 − 22000 − 250 = 7750.00
$ write $TMP/two.jsonl
< {"id":"X2","personId":"P1","date":"2018-06-01","visit":"inpatient","level":2,"region":"county","admitted":"2018-05-20","discharged":"2018-06-01","total":"30000.00","inCatalog":"28000.00"}
< {"id":"X1","personId":"P1","date":"2018-03-05","visit":"inpatient","level":2,"region":"county","admitted":"2018-03-01","discharged":"2018-03-05","total":"10000.00","inCatalog":"8000.00"}
? 0

$ policy explain --policy policies/anyi $TMP/two.jsonl --id X2
> claim X2 · policy anyi version 2018-01-01 · person P1 · date 2018-06-01 · total 30000.00
> layers
>   basic               22000.00  rule 基本医保住院
>   critical_illness      250.00  rule 大病保险
>   medical_assistance      0.00
>   supplementary           0.00
>   fallback                0.00
>   finance                 0.00
>   hospital                0.00
>   patient              7750.00  total − the other layers
>
> rule 基本医保住院 · policies/anyi/settlement.policy:67
>   cites               ANYI-5.2 (五)二是 门诊特殊慢性病报销比例
>   basic               22000.00 · policies/anyi/settlement.policy:68
>   formula             basic = 基本医保住院应付
>                             = 22000.00
>   let                 基本医保住院应付 = min(max(0元, inCatalog - 本次起付线) × 本次基本报销比例, max(0元, 基本医保年度最高支付限额 - 基本医保住院年度已付))
>                                        = min(max(0元, 28000.00 − 500.00) × 80%, max(0元, 150000.00 − 6000.00)) = 22000.00
>   table               住院起付线[2] = 500.00
>   table               住院报销比例[2] = 80%
>   accumulator         基本医保住院年度已付 6000.00 + 22000.00 → 28000.00
>
> rule 大病保险 · policies/anyi/settlement.policy:90
>   cites               ANYI-4b (四)大病保险倾斜
>   reading             D8
>   let                 本次自付 = inCatalog - basic
>                                = 28000.00 − 22000.00 = 6000.00
>   let                 起付线 = if 享受贫困大病待遇 then 大病保险起付线 × (100% - 贫困人口大病起付线降幅) else 大病保险起付线
>                              = if false then … else 7500.00 = 7500.00
>   let                 比例 = if 享受贫困大病待遇 then 贫困人口大病保险报销比例 else 大病保险报销比例
>                            = if false then … else 50% = 50%
>   let                 累计后 = 大病保险年度累计自付 + 本次自付
>                              = 2000.00 + 6000.00 = 8000.00
>   let                 应付 = (max(0元, 累计后 - 起付线) - max(0元, 大病保险年度累计自付 - 起付线)) × 比例
>                            = (max(0元, 8000.00 − 7500.00) − max(0元, 2000.00 − 7500.00)) × 50% = 250.00
>   critical_illness    250.00 · policies/anyi/settlement.policy:97
>   formula             critical_illness = min(应付, max(0元, 大病保险年度最高支付限额 - 大病保险年度已付))
>                                        = min(250.00, max(0元, 300000.00 − 0.00)) = 250.00
>   accumulator         大病保险年度累计自付 2000.00 + 6000.00 → 8000.00
>   accumulator         大病保险年度已付 0.00 + 250.00 → 250.00
>
> rules not applied
>   专项救治按病种定额 · policies/anyi/settlement.policy:50
>     false: 专项救治
>       in 专项救治, false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   门诊特殊慢性病Ⅰ类 · policies/anyi/settlement.policy:72
>     false: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   门诊特殊慢性病Ⅱ类 · policies/anyi/settlement.policy:80
>     false: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   特困人员全额救助 · policies/anyi/settlement.policy:105
>     false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   低保对象救助 · policies/anyi/settlement.policy:110
>     false: dibao in categories   (dibao in {})
>   重大疾病补充保险 · policies/anyi/settlement.policy:117
>     false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   补充保险兜底 · policies/anyi/settlement.policy:123
>     false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   晚期血吸虫病免费救治 · policies/anyi/settlement.policy:130
>     false: 晚期血吸虫病患者
>       in 晚期血吸虫病患者, false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   第五道保障线 · policies/anyi/settlement.policy:136
>     false: 贫困人口
>       in 贫困人口, false: registered_poor in categories   (registered_poor in {})
>   非门诊特殊慢性病 · policies/anyi/settlement.policy:146
>     false: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   非定点医疗机构 · policies/anyi/settlement.policy:151
>     false: not designated   (not true)
? 0

# The same in Chinese for analysts, the clauses quoted as the document writes them.
$ policy explain --policy policies/anyi $TMP/two.jsonl --id X2 --lang zh --quote
> 理赔 X2 · 政策 anyi 版本 2018-01-01 · 参保人 P1 · 结算日期 2018-06-01 · 医疗总费用 30000.00
> 各项金额
>   基本医保      22000.00  规则 基本医保住院
>   大病保险        250.00  规则 大病保险
>   医疗救助          0.00
>   补充保险          0.00
>   兜底保障          0.00
>   县财政补助        0.00
>   医疗机构承担      0.00
>   个人自付       7750.00  医疗总费用 − 其他各项
>
> 规则 基本医保住院 · policies/anyi/settlement.policy:67
>   依据          ANYI-5.2 (五)二是 门诊特殊慢性病报销比例
>                   「将门诊特殊慢性病报销比例提高到住院水平,即:一级医疗机构报销90%、二级医疗机构报销80%、三级医疗机构报销60%」
>   基本医保      22000.00 · policies/anyi/settlement.policy:68
>   公式          basic = 基本医保住院应付
>                       = 22000.00
>   中间值        基本医保住院应付 = min(max(0元, inCatalog - 本次起付线) × 本次基本报销比例, max(0元, 基本医保年度最高支付限额 - 基本医保住院年度已付))
>                                  = min(max(0元, 28000.00 − 500.00) × 80%, max(0元, 150000.00 − 6000.00)) = 22000.00
>   查表          住院起付线[2] = 500.00
>   查表          住院报销比例[2] = 80%
>   累计值        基本医保住院年度已付 6000.00 + 22000.00 → 28000.00
>
> 规则 大病保险 · policies/anyi/settlement.policy:90
>   依据          ANYI-4b (四)大病保险倾斜
>                   「建档立卡贫困人口城乡居民大病保险起付线下降50%,大病保险一到三级定点医疗机构(含转外就医)补偿比例达到90%。年度累计政策范围内个人负担部分经城乡居民基本医保报销后,个人自付医药费超过7500元起付线以上的部分,按50%的比例由大病保险基金支付」
>   解读          D8
>   中间值        本次自付 = inCatalog - basic
>                          = 28000.00 − 22000.00 = 6000.00
>   中间值        起付线 = if 享受贫困大病待遇 then 大病保险起付线 × (100% - 贫困人口大病起付线降幅) else 大病保险起付线
>                        = if false then … else 7500.00 = 7500.00
>   中间值        比例 = if 享受贫困大病待遇 then 贫困人口大病保险报销比例 else 大病保险报销比例
>                      = if false then … else 50% = 50%
>   中间值        累计后 = 大病保险年度累计自付 + 本次自付
>                        = 2000.00 + 6000.00 = 8000.00
>   中间值        应付 = (max(0元, 累计后 - 起付线) - max(0元, 大病保险年度累计自付 - 起付线)) × 比例
>                      = (max(0元, 8000.00 − 7500.00) − max(0元, 2000.00 − 7500.00)) × 50% = 250.00
>   大病保险      250.00 · policies/anyi/settlement.policy:97
>   公式          critical_illness = min(应付, max(0元, 大病保险年度最高支付限额 - 大病保险年度已付))
>                                  = min(250.00, max(0元, 300000.00 − 0.00)) = 250.00
>   累计值        大病保险年度累计自付 2000.00 + 6000.00 → 8000.00
>   累计值        大病保险年度已付 0.00 + 250.00 → 250.00
>
> 未适用的规则
>   专项救治按病种定额 · policies/anyi/settlement.policy:50
>     条件不成立: 专项救治
>       专项救治 中, 条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   门诊特殊慢性病Ⅰ类 · policies/anyi/settlement.policy:72
>     条件不成立: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   门诊特殊慢性病Ⅱ类 · policies/anyi/settlement.policy:80
>     条件不成立: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   特困人员全额救助 · policies/anyi/settlement.policy:105
>     条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   低保对象救助 · policies/anyi/settlement.policy:110
>     条件不成立: dibao in categories   (dibao in {})
>   重大疾病补充保险 · policies/anyi/settlement.policy:117
>     条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   补充保险兜底 · policies/anyi/settlement.policy:123
>     条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   晚期血吸虫病免费救治 · policies/anyi/settlement.policy:130
>     条件不成立: 晚期血吸虫病患者
>       晚期血吸虫病患者 中, 条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   第五道保障线 · policies/anyi/settlement.policy:136
>     条件不成立: 贫困人口
>       贫困人口 中, 条件不成立: registered_poor in categories   (registered_poor in {})
>   非门诊特殊慢性病 · policies/anyi/settlement.policy:146
>     条件不成立: visit == outpatient_chronic   (inpatient == outpatient_chronic)
>   非定点医疗机构 · policies/anyi/settlement.policy:151
>     条件不成立: not designated   (not true)
? 0
