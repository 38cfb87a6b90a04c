# `policy eval` reads platform records too (JSON object, array or JSON Lines), detected from the
# first record's keys, and writes setlinfo records with --out-format nhsa. E1 is eval-claims.t's
# A1 in platform fields: basic 9476.54 (hifp_pay), supplementary 4572.96 (oth_pay), patient 950.50;
# at level 2 (hosp_lv 05) the deductible 500.00 (act_pay_dedc) and ratio 80% (pool_prop_selfpay
# 0.8000) that basic applied: (12345.67 − 500) × 80% = 9476.54.
$ write $TMP/one.json
< {"setl_id":"E1","psn_no":"P1","med_type":"21","setl_time":"2018-03-05 14:20:00","begndate":"2018-03-01 09:00:00","enddate":"2018-03-05 10:00:00","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"15000.00","inscp_scp_amt":"12345.67","categories":["registered_poor"]}
? 0

$ policy eval --policy policies/anyi $TMP/one.json
> {"id":"E1","policy":"anyi","version":"2018-01-01","total":"15000.00","layers":{"basic":"9476.54","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"4572.96","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"950.50"},"flags":[]}
? 0

$ policy eval --policy policies/anyi --out-format nhsa $TMP/one.json
> {"setl_id":"E1","psn_no":"P1","policy":"anyi","version":"2018-01-01","medfee_sumamt":"15000.00","hifp_pay":"9476.54","hifmi_pay":"0.00","maf_pay":"0.00","oth_pay":"4572.96","fund_pay_sumamt":"14049.50","hosp_part_amt":"0.00","psn_part_amt":"950.50","act_pay_dedc":"500.00","pool_prop_selfpay":"0.8000","setldetail":[{"fund_pay_type":"390100","fund_pay_type_name":"城乡居民基本医疗保险基金","fund_payamt":"9476.54"},{"fund_pay_type":"999109","fund_pay_type_name":"农村低收入人口医疗补充保险","fund_payamt":"4572.96"}],"flags":[]}
? 0

# Rejections name the platform field; with --json they go to stdout with the record's line.
# E3: med_type 24 is an emergency admission, which a referral column cannot contradict.
$ write $TMP/bad.jsonl
< {"setl_id":"E2","psn_no":"P1","med_type":"41","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.00","inscp_scp_amt":"10.00"}
< {"setl_id":"E3","psn_no":"P1","med_type":"24","setl_time":"2018-03-05","begndate":"2018-03-01","enddate":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.00","inscp_scp_amt":"10.00","referral":"unreferred"}
< {"setl_id":"E4","psn_no":"P1","med_type":"11","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"7","medfee_sumamt":"10.00","inscp_scp_amt":"10.00"}
< {"setl_id":"E5","med_type":"11","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.001","inscp_scp_amt":"10.00"}
? 0

$ policy eval --policy policies/anyi $TMP/bad.jsonl
! policy eval: rejected line 1 id E2: med_type: "41" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)
! policy eval: rejected line 2 id E3: referral: "unreferred" contradicts med_type "24", which is "emergency" in policies/anyi/nhsa-mapping.json
! policy eval: rejected line 3 id E4: pay_loc: "7" has no mapping in policies/anyi/nhsa-mapping.json (known: 1, 2, 3, 4)
! policy eval: rejected line 4 id E5: psn_no: is required; also wrong: medfee_sumamt
? 1

$ policy eval --policy policies/anyi --json --in-format nhsa $TMP/bad.jsonl
> {"line":1,"id":"E2","field":"med_type","error":"\"41\" has no mapping in policies/anyi/nhsa-mapping.json (known: 11, 14, 21, 23, 24, 9901)","record":{"setl_id":"E2","psn_no":"P1","med_type":"41","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.00","inscp_scp_amt":"10.00"}}
> {"line":2,"id":"E3","field":"referral","error":"\"unreferred\" contradicts med_type \"24\", which is \"emergency\" in policies/anyi/nhsa-mapping.json","record":{"setl_id":"E3","psn_no":"P1","med_type":"24","setl_time":"2018-03-05","begndate":"2018-03-01","enddate":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.00","inscp_scp_amt":"10.00","referral":"unreferred"}}
> {"line":3,"id":"E4","field":"pay_loc","error":"\"7\" has no mapping in policies/anyi/nhsa-mapping.json (known: 1, 2, 3, 4)","record":{"setl_id":"E4","psn_no":"P1","med_type":"11","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"7","medfee_sumamt":"10.00","inscp_scp_amt":"10.00"}}
> {"line":4,"id":"E5","field":"psn_no","error":"is required; also wrong: medfee_sumamt","record":{"setl_id":"E5","med_type":"11","setl_time":"2018-03-05","hosp_lv":"05","pay_loc":"2","medfee_sumamt":"10.001","inscp_scp_amt":"10.00"}}
? 1

$ policy eval --policy policies/anyi --in-format platform $TMP/one.json
! policy: --in-format must be auto, contract or nhsa (got platform)
? 2
