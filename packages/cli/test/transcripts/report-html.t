# `policy report` (docs/reports.md): one offline HTML page about a batch of claims, or its numbers
# as JSON. An unknown grouping is a usage error.
$ policy report --policy policies/anyi --in examples/claims.csv --out $TMP/report.html --by category,region
! policy report: anyi over examples/claims.csv → $TMP/report.html (226 settled, 0 rejected)
? 0

$ policy report --policy policies/anyi --in examples/claims.csv --out $TMP/report.html --by colour
! policy: --by takes category, level, region, month, not "colour"
? 2
