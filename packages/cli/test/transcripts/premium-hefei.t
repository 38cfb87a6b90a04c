# `policy premium` (docs/premiums.md): 合肥's HEFEI-2 over a roster. H1 特困人员 (in full: 280.00),
# H2 registered poor until 2020-06-30 (2020 only: 90% × 280 = 252.00, pays 28.00), H3 边缘 (no
# class: pays 280.00).
$ write $TMP/roster.csv
< person,category,from,to
< H1,特困人员,2020-01-01,
< H2,registered_poor,2020-01-01,2020-06-30
< H3,dibao_edge,2020-01-01,
? 0

$ policy premium --policy policies/hefei --roster $TMP/roster.csv --out - --format csv
> person,year,premium,categories,version,standard,subsidy,source,subsidyAmount,pays,cites,parameters
> H1,2020,城乡居民基本医疗保险,extreme_poor,2020-11-16,280.00,特困人员全额资助,医疗救助基金,280.00,0.00,HEFEI-2,居民医保个人缴费标准=280.00; 其他贫困人口定额补助比例=90%
> H2,2020,城乡居民基本医疗保险,registered_poor,2020-11-16,280.00,其他贫困人口定额补助,医疗救助基金,252.00,28.00,HEFEI-2,居民医保个人缴费标准=280.00; 其他贫困人口定额补助比例=90%
> H3,2020,城乡居民基本医疗保险,dibao_edge,2020-11-16,280.00,,,0.00,280.00,HEFEI-2,居民医保个人缴费标准=280.00; 其他贫困人口定额补助比例=90%
! policy premium: hefei over roster.csv → -
!   rosters: 3 rows, 3 persons; years 2020
!   person-years with a category         3
!   rows written                         3
!   premium 城乡居民基本医疗保险 2020
!                                          persons        standard         subsidy            pays
!     all                                        3          840.00          532.00          308.00
!     by category
!       dibao_edge                               1          280.00            0.00          280.00
!       extreme_poor                             1          280.00          280.00            0.00
!       registered_poor                          1          280.00          252.00           28.00
!     by fund
!       (none)                                   1          280.00            0.00          280.00
!       医疗救助基金                             2          560.00          532.00           28.00
? 0
