# `policy check` on the shipped policies: a clean policy, a folder of policies (modules
# included), and the same as JSON for machines.
$ policy check policies/anyi
! ok policies/anyi: anyi — 1 version (2018-01-01), 13 rules, 25 parameters, 4 tables, 2 premiums
? 0

$ policy check policies
! ok policies/anyi: anyi — 1 version (2018-01-01), 13 rules, 25 parameters, 4 tables, 2 premiums
! ok policies/chifeng: chifeng — 1 version (2018-10-01), on ../modules/chifeng-resident, 13 rules, 16 parameters, 3 tables, 1 bands, 4 modifiers, 4 yearly caps, 2 audits, 1 premium
! ok policies/hefei: hefei — 1 version (2020-11-16), on ../modules/anhui-comprehensive, 9 rules, 13 parameters, 3 tables, 1 bands, 4 yearly caps, 2 audits, 1 premium
! ok policies/jinzhai: jinzhai — 1 version (2019-01-01), on ../modules/anhui-comprehensive, 10 rules, 10 parameters, 3 tables, 1 bands, 4 yearly caps, 3 audits
! ok policies/liuan: liuan — 2 versions (2024-08-14, 2024-09-01), on ../modules/anhui-base, 8 rules, 16 parameters, 2 tables, 1 bands, 1 modifiers, 4 yearly caps, 2 audits, 1 premium
? 0

$ policy check --format json policies/liuan
> {
>   "policies": [
>     {
>       "path": "policies/liuan",
>       "policy": "liuan",
>       "ok": true,
>       "diagnostics": []
>     }
>   ]
> }
? 0
