# `policy studio` serves the workbench until Ctrl-C (packages/studio/test drives it in chromium
# and over HTTP). Here only what it refuses before it listens: a folder that does not exist and
# a port that is not one; both exit 2.
$ policy studio --no-open no-such-folder
! policy: no-such-folder: no such folder
? 2
$ policy studio --no-open --port 70000
! policy: --port is a whole number 0–65535, not "70000"
? 2
