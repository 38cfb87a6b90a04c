# Diagnostics are printed like a compiler's: file:line:col, the source line and a caret.
# Several errors in one file are all reported (error recovery), then exit 1.
$ write $TMP/bad/bad.policy
< policy bad {
<   title "坏政策"
<   version 2020-01-01 cites "X-1"
<   layers basic, patient
< }
< clause "X-1" "第一条"
< param 比例 = 80% cites "X-1"
< let 金额 = inCatalg × 比例
< rule 基本 when visit == inpatiant {
<   basic = 金额
< }
? 0

$ policy check $TMP/bad
! $TMP/bad/bad.policy:8:10: error E101: unknown name inCatalg; did you mean inCatalog?
!   |
! 8 | let 金额 = inCatalg × 比例
!   |            ^~~~~~~~
!   = help: did you mean `inCatalog`?
!
! $TMP/bad/bad.policy:9:6: error E301: rule 基本 cites no clause; add cites "ID" after its name
!   |
! 9 | rule 基本 when visit == inpatiant {
!   |      ^~~~
!
! $TMP/bad/bad.policy:9:23: error E101: unknown name inpatiant; did you mean inpatient?
!   |
! 9 | rule 基本 when visit == inpatiant {
!   |                         ^~~~~~~~~
!   = help: did you mean `inpatient`?
!
! FAILED $TMP/bad: 3 errors
? 1

$ policy check --format json $TMP/bad/bad.policy
> {
>   "policies": [
>     {
>       "path": "$TMP/bad/bad.policy",
>       "policy": null,
>       "ok": false,
>       "diagnostics": [
>         {
>           "code": "E101",
>           "severity": "error",
>           "message": "unknown name inCatalg; did you mean inCatalog?",
>           "location": {
>             "file": "$TMP/bad/bad.policy",
>             "line": 8,
>             "column": 10,
>             "endLine": 8,
>             "endColumn": 18
>           },
>           "suggestion": "inCatalog"
>         },
>         {
>           "code": "E301",
>           "severity": "error",
>           "message": "rule 基本 cites no clause; add cites \"ID\" after its name",
>           "location": {
>             "file": "$TMP/bad/bad.policy",
>             "line": 9,
>             "column": 6,
>             "endLine": 9,
>             "endColumn": 8
>           }
>         },
>         {
>           "code": "E101",
>           "severity": "error",
>           "message": "unknown name inpatiant; did you mean inpatient?",
>           "location": {
>             "file": "$TMP/bad/bad.policy",
>             "line": 9,
>             "column": 23,
>             "endLine": 9,
>             "endColumn": 32
>           },
>           "suggestion": "inpatient"
>         }
>       ]
>     }
>   ]
> }
? 1

# A syntax error: the parser says what it expected.
$ policy check packages/dsl/testdata/bad/E002-syntax.policy
! packages/dsl/testdata/bad/E002-syntax.policy:3:11: error E002: expected one of 'if', 'not', '-', an amount of money, a percentage, percentage points, a number of days, a number, …, found 'cites'
!   |
! 3 | param a = cites "T-1"
!   |           ^~~~~
!
! packages/dsl/testdata/bad/E002-syntax.policy:4:33: error E002: expected '}', found '='
!   |
! 4 | rule r cites "T-1" when { basic = 1元 }
!   |                                 ^
!
! packages/dsl/testdata/bad/E002-syntax.policy:5:1: error E002: expected '{', found 'rule'
!   |
! 5 | rule s cites "T-1" { basic = (total }
!   | ^~~~
!
! packages/dsl/testdata/bad/E002-syntax.policy:5:37: error E002: expected ')', found '}'
!   |
! 5 | rule s cites "T-1" { basic = (total }
!   |                                     ^
!
! FAILED packages/dsl/testdata/bad/E002-syntax.policy: 4 errors
? 1

# Usage errors exit 2 and name the problem.
$ policy check $TMP/nowhere
! policy: $TMP/nowhere: no such file or folder
? 2

$ policy check --format xml policies/anyi
! policy: --format is text or json, not "xml"
? 2
