# `policy batch` with the two example rosters (poverty office and civil affairs, read as one
# list) over a few claims of examples/claims.csv: P000004 entered registered_poor on 2018-07-01
# (C0000043 in January stays ordinary, C0000067 on the day of entry is poor), P000003 left it on
# 2018-07-16 (C0000075 that day keeps it, C0000055 two days later loses it under replace).
$ write $TMP/claims.csv
< id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster
< C0000043,P000004,2018-01-22,,inpatient,2,county,referred,false,肾移植抗排斥治疗,,2018-01-06,2018-01-22,18768.84,18663.73,,H360123201,
< C0000067,P000004,2018-07-01,,inpatient,1,county,referred,true,脑梗死,,2018-06-25,2018-07-01,3742.24,3595.54,,H360123101,
< C0000075,P000003,2018-07-16,registered_poor,inpatient,1,county,unreferred,true,慢性阻塞性肺疾病急性加重,J44.1|I25.1,2018-07-12,2018-07-16,638.30,611.55,,H360123112,
< C0000055,P000003,2018-07-18,registered_poor,inpatient,1,county,emergency,true,胆囊结石伴胆囊炎,K80.1,2018-07-13,2018-07-18,630.02,606.14,,H360123112,
? 0

$ policy batch --workers 2 --policy policies/anyi --in $TMP/claims.csv --out $TMP/out.csv --roster examples/rosters/poverty-office.csv --roster examples/rosters/civil-affairs.jsonl --roster-mode replace
! policy batch: anyi (versions 2018-01-01) over claims.csv → $TMP/out.csv
!   rosters poverty-office.csv, civil-affairs.jsonl: 42 rows, 31 persons, mode replace
!   records read           4
!   settled                4
!   rejected               0
!   records read = settled + rejected: 4 = 4 + 0
!   layer                             amount   share
!   basic                           3,791.92    15.95%
!   critical_illness                    0.00     0.00%
!   medical_assistance                  0.00     0.00%
!   supplementary                     832.72     3.50%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                        19,154.76    80.55%
!   total                          23,779.40
!   effective ratio (paying layers / total): 19.45%
!   engine fixed-point, 2 workers
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 0

$ cat $TMP/out.csv
> id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags
> C0000043,anyi,2018-01-01,18768.84,0.00,0.00,0.00,0.00,0.00,0.00,0.00,18768.84,非定点医疗机构: 非定点医疗机构: 基本医保、大病保险、医疗救助不予支付
> C0000067,anyi,2018-01-01,3742.24,3055.99,0.00,0.00,595.62,0.00,0.00,0.00,90.63,
> C0000075,anyi,2018-01-01,638.30,370.40,0.00,0.00,237.10,0.00,0.00,0.00,30.80,
> C0000055,anyi,2018-01-01,630.02,365.53,0.00,0.00,0.00,0.00,0.00,0.00,264.49,
? 0

# --retroactive (LIUAN-4): the claims of the year dated before the entry are settled again with
# the category; the new settlements go to --out, the differences to stderr.
$ policy batch --policy policies/anyi --in $TMP/claims.csv --out $TMP/retro.csv --roster examples/rosters/poverty-office.csv --roster examples/rosters/civil-affairs.jsonl --retroactive
! policy batch --retroactive: anyi over claims.csv → $TMP/retro.csv
!   rosters poverty-office.csv, civil-affairs.jsonl: 42 rows, 31 persons, mode merge, retroactive
!   records read                                               4
!   records of persons entering a category after Jan 1         2
!   rejected                                                   0
!   persons with claims re-settled                             1
!   claims re-settled                                          1
!   claims whose settlement changed                            1
!   claim     person   date        gains                            retroactive − original
!   C0000043  P000004  2018-01-22  registered_poor from 2018-07-01  supplementary +16876.19, fallback +15.77, patient -16891.96
!   layer                       original     retroactive      difference
!   basic                           0.00            0.00            0.00
!   critical_illness                0.00            0.00            0.00
!   medical_assistance              0.00            0.00            0.00
!   supplementary                   0.00        16876.19       +16876.19
!   fallback                        0.00           15.77          +15.77
!   finance                         0.00            0.00            0.00
!   hospital                        0.00            0.00            0.00
!   patient                     18768.84         1876.88       -16891.96
? 0

$ cat $TMP/retro.csv
> id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags
> C0000043,anyi,2018-01-01,18768.84,0.00,0.00,0.00,16876.19,15.77,0.00,0.00,1876.88,非定点医疗机构: 非定点医疗机构: 基本医保、大病保险、医疗救助不予支付
? 0

$ policy batch --policy policies/anyi --in $TMP/claims.csv --out $TMP/retro.csv --retroactive
! policy: --retroactive needs --roster FILE: it re-settles the claims of the persons who entered a category
? 2

# A bad roster stops the batch before it starts (exit 2), and nothing is written.
$ write $TMP/bad.jsonl
< {"person":"P000004","category":"registered_poor","from":"2018-07-01","to":"2018-06-30"}
? 0

$ policy batch --workers 2 --policy policies/anyi --in $TMP/claims.csv --out $TMP/bad-out.csv --roster $TMP/bad.jsonl
! policy: the rosters have 1 problem; nothing was settled:
!   $TMP/bad.jsonl:1: to: the period ends before it starts (from "2018-07-01", to "2018-06-30")
? 2

$ cat $TMP/bad-out.csv
! cat: $TMP/bad-out.csv: ENOENT
? 1

# --retroactive over the platform's records: read through the policy's mapping, the same
# claims re-settled as from the contract's file (C0000043, C0000050 change).
$ policy batch --policy policies/anyi --in examples/nhsa/claims.csv --roster examples/rosters/poverty-office.csv --roster examples/rosters/civil-affairs.jsonl --roster-mode replace --retroactive --out $TMP/retro.csv
! policy batch --retroactive: anyi over claims.csv → $TMP/retro.csv
!   rosters poverty-office.csv, civil-affairs.jsonl: 42 rows, 31 persons, mode replace, retroactive
!   records read                                             227
!   records of persons entering a category after Jan 1        72
!   rejected                                                   0
!   persons with claims re-settled                             2
!   claims re-settled                                          3
!   claims whose settlement changed                            2
!   claim     person   date        gains                            retroactive − original
!   C0000043  P000004  2018-01-22  registered_poor from 2018-07-01  supplementary +16876.19, fallback +15.77, patient -16891.96
!   C0000159  P000004  2018-02-02  registered_poor from 2018-07-01  no change
!   C0000050  P000017  2018-03-10  dibao from 2018-06-14            medical_assistance +73.31, patient -73.31
!   layer                       original     retroactive      difference
!   basic                           0.00            0.00            0.00
!   critical_illness                0.00            0.00            0.00
!   medical_assistance              0.00           73.31          +73.31
!   supplementary                   0.00        16876.19       +16876.19
!   fallback                        0.00           15.77          +15.77
!   finance                         0.00            0.00            0.00
!   hospital                        0.00            0.00            0.00
!   patient                     19129.40         2164.13       -16965.27
? 0
