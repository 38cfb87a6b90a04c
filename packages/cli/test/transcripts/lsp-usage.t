# `policy lsp --stdio` is started by an editor and speaks LSP on standard input and output
# (docs/editors.md; packages/cli/test/lsp-server.test.ts drives it with an LSP client).
# Without --stdio it says how to start it, and exits 2.
$ policy lsp
! policy: policy lsp needs --stdio (LSP over standard input and output)
? 2
