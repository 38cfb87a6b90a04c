# `policy roster check` (HEFEI-3): two lists of the same people must agree. They agree when,
# category by category, the same days are in force, however the rows are split.
$ write $TMP/a.csv
< person,category,from,to
< P1,dibao,2018-01-01,2018-06-30
< P1,dibao,2018-07-01,
< P2,registered_poor,2016-01-01,
? 0

$ write $TMP/b.jsonl
< {"person":"P1","category":"低保对象","from":"2018-01-01"}
< {"person":"P2","category":"registered_poor","from":"2016-01-01","to":null}
? 0

$ policy roster check --roster $TMP/a.csv --roster $TMP/b.jsonl
> A  $TMP/a.csv: 3 rows, 2 persons
> B  $TMP/b.jsonl: 2 rows, 2 persons
> the rosters agree: 2 persons, the same categories over the same days
? 0

# The example lists of the poverty office and the insurance office differ: one person on each
# list only, and one person entered on different days. Exit 1.
$ policy roster check --roster examples/rosters/poverty-office.csv --roster examples/rosters/insurance-office.csv
> A  examples/rosters/poverty-office.csv: 26 rows, 25 persons
> B  examples/rosters/insurance-office.csv: 25 rows, 25 persons
> difference  person   category         A                                                                B
> only in A   P000002  registered_poor  2016-01-01 – (still in) (examples/rosters/poverty-office.csv:3)  none
> only in B   P000033  registered_poor  none                                                             2018-01-01 – (still in) (examples/rosters/insurance-office.csv:26)
> period      P000004  registered_poor  2018-07-01 – (still in) (examples/rosters/poverty-office.csv:6)  2018-08-01 – (still in) (examples/rosters/insurance-office.csv:3)
> the rosters differ: 23 persons agree, 3 differ (1 only in A, 1 only in B, 1 categories or periods)
? 1

# The same as JSON, on small lists.
$ write $TMP/c.csv
< person,category,from,to
< P1,dibao,2018-01-01,
< P3,monitored,2018-05-01,
? 0

$ policy roster check --roster $TMP/a.csv --roster $TMP/c.csv --format json
> {
>   "agree": false,
>   "rosters": {
>     "A": {
>       "file": "$TMP/a.csv",
>       "rows": 3,
>       "persons": 2,
>       "invalid": 0
>     },
>     "B": {
>       "file": "$TMP/c.csv",
>       "rows": 2,
>       "persons": 2,
>       "invalid": 0
>     }
>   },
>   "problems": [],
>   "conflicts": [],
>   "onlyInA": [
>     {
>       "person": "P2",
>       "rows": [
>         {
>           "file": "$TMP/a.csv",
>           "line": 4,
>           "category": "registered_poor",
>           "from": "2016-01-01",
>           "to": null
>         }
>       ]
>     }
>   ],
>   "onlyInB": [
>     {
>       "person": "P3",
>       "rows": [
>         {
>           "file": "$TMP/c.csv",
>           "line": 3,
>           "category": "monitored",
>           "from": "2018-05-01",
>           "to": null
>         }
>       ]
>     }
>   ],
>   "differ": [],
>   "agreeing": 1
> }
? 1

# Each list is validated too: a bad row and rows that contradict each other (overlapping periods
# of dibao and dibao_edge, rungs that exclude each other) are findings, exit 1.
$ write $TMP/bad.csv
< person,category,from,to
< P1,dibao,2018-01-01,
< P1,dibao_edge,2018-02-01,
< P2,dibao,someday,
< P3,veteran,2018-01-01,
? 0

$ policy roster check --roster $TMP/bad.csv --roster $TMP/a.csv
> A  $TMP/bad.csv: 2 rows, 1 person, 2 bad rows
> B  $TMP/a.csv: 3 rows, 2 persons
> bad row      $TMP/bad.csv:4: from: must be an existing date YYYY-MM-DD (got "someday")
> bad row      $TMP/bad.csv:5: category: must be one of registered_poor, extreme_poor, dibao, dibao_edge, monitored, hardship, or their Chinese names (建档立卡贫困人口, 特困人员, 低保对象, 低保边缘家庭成员, 防止返贫监测对象, 刚性支出困难家庭患病成员) (got "veteran")
> contradicts  $TMP/bad.csv:2 and $TMP/bad.csv:3: person P1 is dibao 2018-01-01 – (still in) and dibao_edge 2018-02-01 – (still in): these categories exclude each other
> difference  person  category         A                                                                  B
> only in B   P2      registered_poor  none                                                               2016-01-01 – (still in) ($TMP/a.csv:4)
> category    P1      dibao_edge       2018-02-01 – (still in) ($TMP/bad.csv:3)  none
> the rosters differ: 0 persons agree, 2 differ (0 only in A, 1 only in B, 1 categories or periods); 2 bad rows; 1 contradiction
? 1

# Usage errors exit 2.
$ policy roster check --roster $TMP/a.csv
! policy: roster check compares two rosters: give --roster A --roster B (got 1)
? 2

$ policy roster check --roster $TMP/a.csv --roster $TMP/b.jsonl --format xml
! policy: --format is text or json, not "xml"
? 2

$ policy roster check --roster $TMP/a.csv --roster $TMP/missing.csv
! policy: cannot read roster $TMP/missing.csv: no such file
? 2

$ write $TMP/nocolumn.csv
< person,category,since
< P1,dibao,2018-01-01
? 0

$ policy roster check --roster $TMP/a.csv --roster $TMP/nocolumn.csv
! policy: $TMP/nocolumn.csv: the header has no column "from" (a roster has the columns person, category, from, to; found "person", "category", "since")
? 2
