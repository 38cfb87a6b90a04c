# `policy prove` decides each declared property for every claim of every version (z3). A floor
# stated on the unrounded amount is refuted by a claim (the engine settled it again); stated on
# the amount rounded half-up to the fen, as the layer is, it is proved.
$ write $TMP/floor/floor.policy
< policy floor { title "t" version 2018-01-01 layers basic, fallback, patient }
< clause "T-1" "兜底到90%"
< rule 基本医保 cites "T-1" when visit == inpatient and designated { basic = 70% of inCatalog }
< rule 兜底 cites "T-1" when registered_poor in categories and visit == inpatient { fallback tops up to 90% of total }
< property 九成 cites "T-1" when registered_poor in categories and visit == inpatient { basic + fallback >= 90% of total }
< property 九成到分 cites "T-1" when registered_poor in categories and visit == inpatient { basic + fallback >= round_fen(90% of total) }
? 0

$ policy prove $TMP/floor
! COUNTEREXAMPLE 九成 (version 2018-01-01): the body is false: basic 0.00, fallback 0.08, patient 0.01
!   claim {"id":"C1","personId":"P1","date":"2018-01-01","categories":["registered_poor"],"visit":"inpatient","level":0,"region":"county","referral":"referred","designated":false,"disaster":false,"disease":"","admitted":"2018-01-01","discharged":"2018-01-01","total":"0.09","inCatalog":"0.01"}
! proved 九成到分
! FAILED $TMP/floor: 1/2 properties proved, 1 refuted
? 1

$ policy prove --property 没有 $TMP/floor
! policy: no policy here declares property 没有
? 2
