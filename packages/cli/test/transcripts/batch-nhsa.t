# `policy batch` over the national platform's settlement records (nhsa in), detected from the
# CSV header, mapped to claims through policies/anyi/nhsa-mapping.json (over the default mapping).
# N1 is the registered-poor stay A1 of eval-claims.t in platform fields (med_type 21 → inpatient,
# hosp_lv 05 二级甲等 → level 2, pay_loc 2 with both admdvs 360123 → county); N2 is its stay A2
# (hosp_lv 02 → 3, pay_loc 1 with mdtrt_admdvs 360100: same city, other county → city; setl_time
# a date alone); N3 an ordinary outpatient visit (med_type 11, hosp_lv 08 → 1, pay_loc 2 without
# admdvs → local_region county). The settlements are A1's and A2's. N4–N7 are rejected, each
# naming the platform field: an unmapped med_type, an unmapped hosp_lv, a setl_time that is no
# date, inscp_scp_amt over medfee_sumamt (the contract's rule, renamed to the platform field).
$ write $TMP/platform.csv
< setl_id,psn_no,med_type,setl_time,begndate,enddate,hosp_lv,pay_loc,insuplc_admdvs,mdtrt_admdvs,dise_codg,dise_name,medfee_sumamt,inscp_scp_amt,categories,mdtrt_id
< N1,P1,21,2018-03-05 14:20:00,2018-03-01 09:00:00,2018-03-05 10:00:00,05,2,360123,360123,J18.9,肺炎,15000.00,12345.67,registered_poor,M1
< N2,P1,21,2018-06-05,2018-06-01 08:30:00,2018-06-05 09:00:00,02,1,360123,360100,,,40000.00,36000.00,registered_poor,M2
< N3,P2,11,2018-03-05 08:00:00,,,08,2,,,,,120.00,100.00,,M3
< N4,P2,99,2018-03-06 08:00:00,,,08,2,,,,,120.00,100.00,,M4
< N5,P2,11,2018-03-07 08:00:00,,,12,2,,,,,120.00,100.00,,M5
< N6,P2,11,2018/03/08,,,08,2,,,,,120.00,100.00,,M6
< N7,P2,11,2018-03-09 08:00:00,,,08,2,,,,,120.00,130.00,,M7
? 0

$ policy batch --workers 2 --policy policies/anyi --in $TMP/platform.csv --out $TMP/out.csv --rejects $TMP/rejects.jsonl
! policy batch: anyi (versions 2018-01-01) over platform.csv → $TMP/out.csv
!   input  national platform records (detected from the CSV header: setl_id, medfee_sumamt)
!   mapping policies/anyi/nhsa-mapping.json
!   records read           7
!   settled                3
!   rejected               4
!     line 5 (row 4) id N4: med_type: "99" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)
!     line 6 (row 5) id N5: hosp_lv: "12" has no mapping in policies/anyi/nhsa-mapping.json (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11)
!     line 7 (row 6) id N6: setl_time: must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD (got "2018/03/08")
!     line 8 (row 7) id N7: inscp_scp_amt: the in-catalogue part cannot exceed total (got inCatalog "130.00", total "120.00")
!   records read = settled + rejected: 7 = 3 + 4
!   layer                             amount   share
!   basic                          30,476.54    55.29%
!   critical_illness               12,707.22    23.05%
!   medical_assistance                  0.00     0.00%
!   supplementary                   9,636.46    17.48%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         2,299.78     4.17%
!   total                          55,120.00
!   effective ratio (paying layers / total): 95.83%
!   engine fixed-point, 2 workers
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1

$ cat $TMP/out.csv
> id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags,mdtrt_id
> N1,anyi,2018-01-01,15000.00,9476.54,0.00,0.00,4572.96,0.00,0.00,0.00,950.50,,M1
> N2,anyi,2018-01-01,40000.00,21000.00,12707.22,0.00,5063.50,0.00,0.00,0.00,1229.28,,M2
> N3,anyi,2018-01-01,120.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,120.00,,M3
? 0

# The rejects keep each record as the file has it.
$ cat $TMP/rejects.jsonl
> {"line":5,"row":4,"id":"N4","field":"med_type","error":"\"99\" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)","record":{"setl_id":"N4","psn_no":"P2","med_type":"99","setl_time":"2018-03-06 08:00:00","begndate":"","enddate":"","hosp_lv":"08","pay_loc":"2","insuplc_admdvs":"","mdtrt_admdvs":"","dise_codg":"","dise_name":"","medfee_sumamt":"120.00","inscp_scp_amt":"100.00","categories":"","mdtrt_id":"M4"}}
> {"line":6,"row":5,"id":"N5","field":"hosp_lv","error":"\"12\" has no mapping in policies/anyi/nhsa-mapping.json (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11)","record":{"setl_id":"N5","psn_no":"P2","med_type":"11","setl_time":"2018-03-07 08:00:00","begndate":"","enddate":"","hosp_lv":"12","pay_loc":"2","insuplc_admdvs":"","mdtrt_admdvs":"","dise_codg":"","dise_name":"","medfee_sumamt":"120.00","inscp_scp_amt":"100.00","categories":"","mdtrt_id":"M5"}}
> {"line":7,"row":6,"id":"N6","field":"setl_time","error":"must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD (got \"2018/03/08\")","record":{"setl_id":"N6","psn_no":"P2","med_type":"11","setl_time":"2018/03/08","begndate":"","enddate":"","hosp_lv":"08","pay_loc":"2","insuplc_admdvs":"","mdtrt_admdvs":"","dise_codg":"","dise_name":"","medfee_sumamt":"120.00","inscp_scp_amt":"100.00","categories":"","mdtrt_id":"M6"}}
> {"line":8,"row":7,"id":"N7","field":"inscp_scp_amt","error":"the in-catalogue part cannot exceed total (got inCatalog \"130.00\", total \"120.00\")","record":{"setl_id":"N7","psn_no":"P2","med_type":"11","setl_time":"2018-03-09 08:00:00","begndate":"","enddate":"","hosp_lv":"08","pay_loc":"2","insuplc_admdvs":"","mdtrt_admdvs":"","dise_codg":"","dise_name":"","medfee_sumamt":"120.00","inscp_scp_amt":"130.00","categories":"","mdtrt_id":"M7"}}
? 0

# nhsa out: one setlinfo record per settlement. N1: hifp_pay = basic 9476.54, oth_pay =
# supplementary 4572.96, fund_pay_sumamt = 9476.54 + 4572.96 = 14049.50, psn_part_amt 950.50;
# 14049.50 + 0.00 + 950.50 = 15000.00. N2: 21000.00 + 12707.22 + 5063.50 = 38770.72 and
# 38770.72 + 1229.28 = 40000.00. 安义's mapping gives fallback the supplementary insurer's 999109.
# act_pay_dedc = min(let 本次起付线, inCatalog), pool_prop_selfpay = let 本次基本报销比例: N1 at
# level 2, 住院起付线[2] = 500 (< inCatalog 12345.67) → 500.00, 住院报销比例[2] 80% → 0.8000
# ((12345.67 − 500) × 80% = 9476.54, its hifp_pay); N2 at level 3: 1000.00 and 60% → 0.6000.
$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out - --out-format nhsa --rejects $TMP/rejects.csv
> {"setl_id":"N1","psn_no":"P1","policy":"anyi","version":"2018-01-01","medfee_sumamt":"15000.00","hifp_pay":"9476.54","hifmi_pay":"0.00","maf_pay":"0.00","oth_pay":"4572.96","fund_pay_sumamt":"14049.50","hosp_part_amt":"0.00","psn_part_amt":"950.50","act_pay_dedc":"500.00","pool_prop_selfpay":"0.8000","setldetail":[{"fund_pay_type":"390100","fund_pay_type_name":"城乡居民基本医疗保险基金","fund_payamt":"9476.54"},{"fund_pay_type":"999109","fund_pay_type_name":"农村低收入人口医疗补充保险","fund_payamt":"4572.96"}],"flags":[],"mdtrt_id":"M1"}
> {"setl_id":"N2","psn_no":"P1","policy":"anyi","version":"2018-01-01","medfee_sumamt":"40000.00","hifp_pay":"21000.00","hifmi_pay":"12707.22","maf_pay":"0.00","oth_pay":"5063.50","fund_pay_sumamt":"38770.72","hosp_part_amt":"0.00","psn_part_amt":"1229.28","act_pay_dedc":"1000.00","pool_prop_selfpay":"0.6000","setldetail":[{"fund_pay_type":"390100","fund_pay_type_name":"城乡居民基本医疗保险基金","fund_payamt":"21000.00"},{"fund_pay_type":"390200","fund_pay_type_name":"城乡居民大病医疗保险基金","fund_payamt":"12707.22"},{"fund_pay_type":"999109","fund_pay_type_name":"农村低收入人口医疗补充保险","fund_payamt":"5063.50"}],"flags":[],"mdtrt_id":"M2"}
> {"setl_id":"N3","psn_no":"P2","policy":"anyi","version":"2018-01-01","medfee_sumamt":"120.00","hifp_pay":"0.00","hifmi_pay":"0.00","maf_pay":"0.00","oth_pay":"0.00","fund_pay_sumamt":"0.00","hosp_part_amt":"0.00","psn_part_amt":"120.00","act_pay_dedc":null,"pool_prop_selfpay":null,"setldetail":[],"flags":[],"mdtrt_id":"M3"}
! policy batch: anyi (versions 2018-01-01) over platform.csv → -
!   input  national platform records (detected from the CSV header: setl_id, medfee_sumamt)
!   output national platform setlinfo records
!   mapping policies/anyi/nhsa-mapping.json
!   records read           7
!   settled                3
!   rejected               4
!     line 5 (row 4) id N4: med_type: "99" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)
!     line 6 (row 5) id N5: hosp_lv: "12" has no mapping in policies/anyi/nhsa-mapping.json (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11)
!     line 7 (row 6) id N6: setl_time: must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD (got "2018/03/08")
!     line 8 (row 7) id N7: inscp_scp_amt: the in-catalogue part cannot exceed total (got inCatalog "130.00", total "120.00")
!   records read = settled + rejected: 7 = 3 + 4
!   layer                             amount   share
!   basic                          30,476.54    55.29%
!   critical_illness               12,707.22    23.05%
!   medical_assistance                  0.00     0.00%
!   supplementary                   9,636.46    17.48%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         2,299.78     4.17%
!   total                          55,120.00
!   effective ratio (paying layers / total): 95.83%
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1

# CSV: setldetail as code:amount joined with |.
$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/setlinfo.csv --out-format nhsa --rejects $TMP/rejects.csv
! policy batch: anyi (versions 2018-01-01) over platform.csv → $TMP/setlinfo.csv
!   input  national platform records (detected from the CSV header: setl_id, medfee_sumamt)
!   output national platform setlinfo records
!   mapping policies/anyi/nhsa-mapping.json
!   records read           7
!   settled                3
!   rejected               4
!     line 5 (row 4) id N4: med_type: "99" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)
!     line 6 (row 5) id N5: hosp_lv: "12" has no mapping in policies/anyi/nhsa-mapping.json (known: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11)
!     line 7 (row 6) id N6: setl_time: must be a date and time YYYY-MM-DD HH:MM:SS or a date YYYY-MM-DD (got "2018/03/08")
!     line 8 (row 7) id N7: inscp_scp_amt: the in-catalogue part cannot exceed total (got inCatalog "130.00", total "120.00")
!   records read = settled + rejected: 7 = 3 + 4
!   layer                             amount   share
!   basic                          30,476.54    55.29%
!   critical_illness               12,707.22    23.05%
!   medical_assistance                  0.00     0.00%
!   supplementary                   9,636.46    17.48%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         2,299.78     4.17%
!   total                          55,120.00
!   effective ratio (paying layers / total): 95.83%
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1

$ cat $TMP/setlinfo.csv
> setl_id,psn_no,policy,version,medfee_sumamt,hifp_pay,hifmi_pay,maf_pay,oth_pay,fund_pay_sumamt,hosp_part_amt,psn_part_amt,act_pay_dedc,pool_prop_selfpay,setldetail,flags,mdtrt_id
> N1,P1,anyi,2018-01-01,15000.00,9476.54,0.00,0.00,4572.96,14049.50,0.00,950.50,500.00,0.8000,390100:9476.54|999109:4572.96,,M1
> N2,P1,anyi,2018-01-01,40000.00,21000.00,12707.22,0.00,5063.50,38770.72,0.00,1229.28,1000.00,0.6000,390100:21000.00|390200:12707.22|999109:5063.50,,M2
> N3,P2,anyi,2018-01-01,120.00,0.00,0.00,0.00,0.00,0.00,0.00,120.00,,,,,M3
? 0

# 六安's mapping names two lets: act_pay_dedc = min(本次住院起付线, inCatalog), pool_prop_selfpay =
# 本次基本报销比例. L1, ordinary, level 2 (hosp_lv 05), county: basic = (8000 − 500) × 80% = 6000.00,
# critical illness 0 (2000 of own share is under 1.5万), patient 4000.00; act_pay_dedc 500.00,
# pool_prop_selfpay 0.8000. L2, 低保, level 2 (hosp_lv 06), pay_loc 3 → province, med_type 23:
# D23 lowers the ratio 10 points to 70%: basic = 7500 × 70% = 5250.00; assistance 70% × (8000 −
# 5250) = 1925.00 (610100); fund_pay_sumamt 7175.00, patient 10000 − 7175 = 2825.00.
$ write $TMP/liuan.jsonl
< {"setl_id":"L1","psn_no":"P1","med_type":"21","setl_time":"2024-10-10 11:00:00","begndate":"2024-10-01","enddate":"2024-10-10","hosp_lv":"05","pay_loc":"2","medfee_sumamt":10000,"inscp_scp_amt":8000}
< {"setl_id":"L2","psn_no":"P2","med_type":"23","setl_time":"2024-10-12 11:00:00","begndate":"2024-10-02","enddate":"2024-10-12","hosp_lv":"06","pay_loc":"3","medfee_sumamt":"10000.00","inscp_scp_amt":"8000.00","categories":["dibao"]}
? 0

$ policy batch --workers 1 --policy policies/liuan --in $TMP/liuan.jsonl --out - --out-format nhsa
> {"setl_id":"L1","psn_no":"P1","policy":"liuan","version":"2024-09-01","medfee_sumamt":"10000.00","hifp_pay":"6000.00","hifmi_pay":"0.00","maf_pay":"0.00","oth_pay":"0.00","fund_pay_sumamt":"6000.00","hosp_part_amt":"0.00","psn_part_amt":"4000.00","act_pay_dedc":"500.00","pool_prop_selfpay":"0.8000","setldetail":[{"fund_pay_type":"390100","fund_pay_type_name":"城乡居民基本医疗保险基金","fund_payamt":"6000.00"}],"flags":[]}
> {"setl_id":"L2","psn_no":"P2","policy":"liuan","version":"2024-09-01","medfee_sumamt":"10000.00","hifp_pay":"5250.00","hifmi_pay":"0.00","maf_pay":"1925.00","oth_pay":"0.00","fund_pay_sumamt":"7175.00","hosp_part_amt":"0.00","psn_part_amt":"2825.00","act_pay_dedc":"500.00","pool_prop_selfpay":"0.7000","setldetail":[{"fund_pay_type":"390100","fund_pay_type_name":"城乡居民基本医疗保险基金","fund_payamt":"5250.00"},{"fund_pay_type":"610100","fund_pay_type_name":"医疗救助基金","fund_payamt":"1925.00"}],"flags":[]}
! policy batch: liuan (versions 2024-08-14, 2024-09-01) over liuan.jsonl → -
!   input  national platform records (detected from the keys of the record on line 1: setl_id, medfee_sumamt)
!   output national platform setlinfo records
!   mapping policies/liuan/nhsa-mapping.json
!   records read           2
!   settled                2
!   rejected               0
!   records read = settled + rejected: 2 = 2 + 0
!   layer                             amount   share
!   basic                          11,250.00    56.25%
!   critical_illness                    0.00     0.00%
!   medical_assistance              1,925.00     9.63%
!   supplementary                       0.00     0.00%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         6,825.00    34.13%
!   total                          20,000.00
!   effective ratio (paying layers / total): 65.88%
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 0

# A contract file stays a contract file (id and total, even beside a setl_id column kept as an
# extra field): the summary says nothing new, setl_id passes through.
# Forced to nhsa, its records are refused: a platform record gives id through setl_id.
$ write $TMP/contract.jsonl
< {"id":"A1","personId":"P1","date":"2018-03-05","visit":"outpatient","level":1,"region":"county","total":"120.00","inCatalog":"100.00","setl_id":"X1"}
? 0

$ policy batch --workers 1 --policy policies/anyi --in $TMP/contract.jsonl --out -
> {"id":"A1","policy":"anyi","version":"2018-01-01","total":"120.00","layers":{"basic":"0.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"120.00"},"flags":[],"setl_id":"X1"}
! policy batch: anyi (versions 2018-01-01) over contract.jsonl → -
!   records read           1
!   settled                1
!   rejected               0
!   records read = settled + rejected: 1 = 1 + 0
!   layer                             amount   share
!   basic                               0.00     0.00%
!   critical_illness                    0.00     0.00%
!   medical_assistance                  0.00     0.00%
!   supplementary                       0.00     0.00%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                           120.00   100.00%
!   total                             120.00
!   effective ratio (paying layers / total): 0.00%
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 0

$ policy batch --workers 1 --policy policies/anyi --in $TMP/contract.jsonl --out $TMP/c.jsonl --in-format nhsa
! rejected line 1 id X1: id: a platform record cannot also give the contract's id (it comes from setl_id); remove this field
! policy batch: anyi (versions 2018-01-01) over contract.jsonl → $TMP/c.jsonl
!   input  national platform records (as --in-format says)
!   mapping policies/anyi/nhsa-mapping.json
!   records read           1
!   settled                0
!   rejected               1
!     line 1 id X1: id: a platform record cannot also give the contract's id (it comes from setl_id); remove this field
!   records read = settled + rejected: 1 = 0 + 1
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1

# Usage errors exit 2 and write nothing: a bad --in-format / --out-format, a mapping file that
# breaks the schema (named with its JSON path), one that is not JSON (line:column), one that names
# a let the policy does not have.
$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/o.csv --in-format xml
! policy: --in-format must be auto, contract or nhsa (got xml)
? 2

$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/o.csv --out-format setl
! policy: --out-format must be contract or nhsa (got setl)
? 2

$ write $TMP/bad-mapping.json
< {
<   "med_type": { "99": { "visit": "emergency_room" }, "98": { "name": "no visit" } },
<   "hosp_lv": { "12": { "level": 4 } },
<   "fund_pay_type": { "basic": { "code": "3901", "name": "基本" } },
<   "colour": "red"
< }
? 0

$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/o.csv --mapping $TMP/bad-mapping.json
! policy: $TMP/bad-mapping.json: $: unknown key "colour"
! $TMP/bad-mapping.json: $.med_type["98"]: "visit" is required
! $TMP/bad-mapping.json: $.med_type["99"].visit: must be one of "inpatient" 住院, "outpatient_chronic" 门诊慢特病, "outpatient_observation" 门诊观察, "outpatient" 普通门诊 (got "emergency_room")
! $TMP/bad-mapping.json: $.hosp_lv["12"].level: must be one of 0, 1, 2, 3 (got 4)
! $TMP/bad-mapping.json: $.fund_pay_type.basic.code: must match pattern "^[0-9]{6}$" (got "3901")
? 2

$ write $TMP/broken.json
< {
<   "med_type": { "99": { "visit": "inpatient" }, }
< }
? 0

$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/o.csv --mapping $TMP/broken.json
! policy: $TMP/broken.json:2:49: Expected double-quoted property name (not valid JSON)
? 2

$ write $TMP/let-mapping.json
< { "outputs": { "act_pay_dedc": { "let": "起付线" } } }
? 0

$ policy batch --workers 1 --policy policies/anyi --in $TMP/platform.csv --out $TMP/o.csv --out-format nhsa --mapping $TMP/let-mapping.json
! policy: $TMP/let-mapping.json: $.outputs.act_pay_dedc.let: 起付线 is not a top-level let of policy anyi (its lets: 贫困人口, 住院类, 专项救治, 晚期血吸虫病患者, 门诊特殊慢性病, 第五道线病种, 享受贫困大病待遇, 本次起付线, 本次基本报销比例, 基本医保住院应付)
? 2

$ cat $TMP/o.csv
! cat: $TMP/o.csv: ENOENT
? 1
