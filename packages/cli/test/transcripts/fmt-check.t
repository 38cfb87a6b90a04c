# --check changes nothing: it lists the files that are not formatted on stdout, one per line,
# and exits 1 if there is any. The shipped policies are formatted.
$ policy fmt --check policies
? 0

$ write $TMP/p/a.policy
< param a=1元 cites "X-1"
? 0

$ write $TMP/p/sub/b.policy
< param b = 2元 cites "X-1"
? 0

$ policy fmt --check $TMP/p
> $TMP/p/a.policy
? 1

# --diff changes nothing either: it prints what formatting would change as a unified diff.
$ policy fmt --diff $TMP/p
> --- a/$TMP/p/a.policy
> +++ b/$TMP/p/a.policy
> @@ -1,1 +1,1 @@
> -param a=1元 cites "X-1"
> +param a = 1元 cites "X-1"
? 1

$ cat $TMP/p/a.policy
> param a=1元 cites "X-1"
? 0
