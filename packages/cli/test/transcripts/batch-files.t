# `policy batch` over a small CSV: settlements to a file, rejects to another, summary on stderr.
$ write $TMP/claims.csv
< id,personId,date,categories,visit,level,region,referral,designated,disease,diagnoses,admitted,discharged,total,inCatalog,quota,hospitalId,disaster
< B1,P1,2018-03-05,registered_poor,inpatient,2,county,referred,true,肺炎,J18.9,2018-03-01,2018-03-05,15000.00,12345.67,,,
< B2,P2,2018-03-05,,outpatient,1,county,,,,,,,120.00,100.00,,,
< B3,P2,2018-13-05,,outpatient,1,county,,,,,,,120.00,100.00,,,
? 0

$ policy batch --workers 2 --policy policies/anyi --in $TMP/claims.csv --out $TMP/out.csv --rejects $TMP/rejects.csv
! policy batch: anyi (versions 2018-01-01) over claims.csv → $TMP/out.csv
!   records read           3
!   settled                2
!   rejected               1
!     line 4 (row 3) id B3: date: must be an existing date YYYY-MM-DD (got "2018-13-05")
!   records read = settled + rejected: 3 = 2 + 1
!   layer                             amount   share
!   basic                           9,476.54    62.68%
!   critical_illness                    0.00     0.00%
!   medical_assistance                  0.00     0.00%
!   supplementary                   4,572.96    30.24%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         1,070.50     7.08%
!   total                          15,120.00
!   effective ratio (paying layers / total): 92.92%
!   engine fixed-point, 2 workers
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1

$ cat $TMP/out.csv
> id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags
> B1,anyi,2018-01-01,15000.00,9476.54,0.00,0.00,4572.96,0.00,0.00,0.00,950.50,
> B2,anyi,2018-01-01,120.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,120.00,
? 0

$ cat $TMP/rejects.csv
> line,row,id,field,error,record
> 4,3,B3,date,"must be an existing date YYYY-MM-DD (got ""2018-13-05"")","{""id"":""B3"",""personId"":""P2"",""date"":""2018-13-05"",""categories"":"""",""visit"":""outpatient"",""level"":""1"",""region"":""county"",""referral"":"""",""designated"":"""",""disease"":"""",""diagnoses"":"""",""admitted"":"""",""discharged"":"""",""total"":""120.00"",""inCatalog"":""100.00"",""quota"":"""",""hospitalId"":"""",""disaster"":""""}"
? 0

# JSON Lines to standard output; without --rejects the rejects are listed on stderr.
$ policy batch --workers 1 --policy policies/anyi --in $TMP/claims.csv --out -
> {"id":"B1","policy":"anyi","version":"2018-01-01","total":"15000.00","layers":{"basic":"9476.54","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"4572.96","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"950.50"},"flags":[]}
> {"id":"B2","policy":"anyi","version":"2018-01-01","total":"120.00","layers":{"basic":"0.00","critical_illness":"0.00","medical_assistance":"0.00","supplementary":"0.00","fallback":"0.00","finance":"0.00","hospital":"0.00","patient":"120.00"},"flags":[]}
! rejected line 4 (row 3) id B3: date: must be an existing date YYYY-MM-DD (got "2018-13-05")
! policy batch: anyi (versions 2018-01-01) over claims.csv → -
!   records read           3
!   settled                2
!   rejected               1
!     line 4 (row 3) id B3: date: must be an existing date YYYY-MM-DD (got "2018-13-05")
!   records read = settled + rejected: 3 = 2 + 1
!   layer                             amount   share
!   basic                           9,476.54    62.68%
!   critical_illness                    0.00     0.00%
!   medical_assistance                  0.00     0.00%
!   supplementary                   4,572.96    30.24%
!   fallback                            0.00     0.00%
!   finance                             0.00     0.00%
!   hospital                            0.00     0.00%
!   patient                         1,070.50     7.08%
!   total                          15,120.00
!   effective ratio (paying layers / total): 92.92%
!   engine fixed-point, 1 worker
!   wall time <t> s, <n> records/s, peak memory <m> MiB
? 1
