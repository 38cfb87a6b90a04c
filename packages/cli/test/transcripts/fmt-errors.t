# A file that does not parse is not formatted: its syntax errors are printed (file:line:col),
# it is left as it is, the other files are still formatted, and the exit status is 1.
$ write $TMP/p/bad.policy
< param a = 1元 cites "X-1"
< rule r cites "X-1" {
<   basic = (a +
< }
? 0

$ write $TMP/p/good.policy
< param b=2元 cites "X-1"
? 0

$ policy fmt $TMP/p
! $TMP/p/bad.policy:4:1: error E002: expected one of '-', an amount of money, a percentage, percentage points, a number of days, a number, a string, a date, …, found '}'
!   |
! 4 | }
!   | ^
!
! FAILED $TMP/p/bad.policy: does not parse, left as it is
! formatted $TMP/p/good.policy
? 1

$ cat $TMP/p/bad.policy
> param a = 1元 cites "X-1"
> rule r cites "X-1" {
>   basic = (a +
> }
? 0

# From standard input, a file that does not parse prints nothing on stdout.
$ policy fmt - < $TMP/p/bad.policy
! <stdin>:4:1: error E002: expected one of '-', an amount of money, a percentage, percentage points, a number of days, a number, a string, a date, …, found '}'
!   |
! 4 | }
!   | ^
!
! FAILED <stdin>: does not parse, nothing written
? 1

# Usage and I/O errors exit 2.
$ policy fmt $TMP/nowhere
! policy: $TMP/nowhere: no such file or folder
? 2

$ write $TMP/empty/notes.txt
< no policy here
? 0

$ policy fmt $TMP/empty
! policy: $TMP/empty: no .policy files in this folder or below
? 2

$ policy fmt --bogus policies
! error: unknown option '--bogus'
! (run `policy --help` for usage)
? 2
