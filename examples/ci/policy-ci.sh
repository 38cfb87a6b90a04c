#!/usr/bin/env bash
# Policy review for a change to policies/: check, fmt --check, test --coverage on every policy,
# and `policy diff` of each changed policy against the base revision over a stored claims
# corpus. Writes a Markdown report (for a pull-request comment) and exits 1 when a check fails.
#
# Usage: examples/ci/policy-ci.sh BASE_REV
#   run from the root of the repository that holds policies/ (a clone of this one).
# Environment (all optional):
#   POLICY_CMD             how to run the CLI       (default: node packages/cli/dist/policy.cjs)
#   POLICY_CI_CORPUS       folder of corpora, one <policy>.csv or <policy>.jsonl per policy
#                                                   (default: examples/ci/corpus)
#   POLICY_CI_REPORT       where the report goes   (default: policy-ci-report.md)
#   POLICY_CI_MIN_COVERAGE rule coverage each policy must reach, % (default: 100)
#   POLICY_CI_FAIL_ON_CHANGE=1  also fail when a changed policy settles some corpus claim differently
set -uo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BASE_REV   (e.g. origin/main)" >&2
  exit 2
fi
BASE=$1
read -r -a POLICY <<<"${POLICY_CMD:-node packages/cli/dist/policy.cjs}"
CORPUS=${POLICY_CI_CORPUS:-examples/ci/corpus}
REPORT=${POLICY_CI_REPORT:-policy-ci-report.md}
MIN=${POLICY_CI_MIN_COVERAGE:-100}

if ! git rev-parse --verify --quiet "$BASE^{commit}" >/dev/null; then
  echo "policy-ci: $BASE is not a revision of this repository (fetch it first: git fetch origin)" >&2
  exit 2
fi
# Compare with where the branch left the base (what a pull request's diff shows).
BASE_COMMIT=$(git merge-base "$BASE" HEAD) || {
  echo "policy-ci: $BASE and HEAD have no common ancestor" >&2
  exit 2
}
if [ ! -d policies ]; then
  echo "policy-ci: no policies/ folder here; run from the repository root" >&2
  exit 2
fi

failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
: >"$REPORT"
say() { printf '%s\n' "$@" >>"$REPORT"; }

# One step: its status in the summary table, its output folded below.
step() {
  local title=$1
  shift
  "$@" >"$out" 2>&1
  local status=$?
  if [ $status -eq 0 ]; then
    rows+=("| \`$title\` | ok |")
  else
    rows+=("| \`$title\` | **failed** (exit $status) |")
    failed=1
  fi
  details+=("<details><summary>$title (exit $status)</summary>" "" '```' "$(cat "$out")" '```' "" "</details>" "")
}

# The policy folders (not modules) at HEAD.
policies=()
for d in policies/*/; do
  d=${d%/}
  [ "$(basename "$d")" = modules ] && continue
  ls "$d"/*.policy >/dev/null 2>&1 && policies+=("$d")
done

rows=()
details=()
step "policy check policies" "${POLICY[@]}" check policies
step "policy fmt --check policies" "${POLICY[@]}" fmt --check policies
step "policy test --coverage --min-coverage $MIN policies" "${POLICY[@]}" test --coverage --min-coverage "$MIN" policies

# Which policies the change touches: a change to a module may touch every policy.
changed=()
files=$(git diff --name-only "$BASE_COMMIT" HEAD -- policies/)
for d in "${policies[@]}"; do
  if grep -q '^policies/modules/' <<<"$files" || grep -q "^$d/" <<<"$files"; then changed+=("$d"); fi
done

say "## Policy review: ${#changed[@]} changed polic$([ ${#changed[@]} -eq 1 ] && echo y || echo ies) against \`$BASE\`" ""
say "| step | result |" "|---|---|" "${rows[@]}" ""
say "${details[@]}"

for d in "${changed[@]}"; do
  name=$(basename "$d")
  say "### \`$name\`" ""
  if ! git cat-file -e "$BASE_COMMIT:$d" 2>/dev/null; then
    say "New policy: nothing to compare it with." ""
    continue
  fi
  corpus=""
  for ext in csv jsonl; do [ -f "$CORPUS/$name.$ext" ] && corpus="$CORPUS/$name.$ext" && break; done
  if [ -z "$corpus" ]; then
    say "No claims corpus for this policy (\`$CORPUS/$name.csv\`): no diff." ""
    echo "policy-ci: warning: no corpus $CORPUS/$name.csv, $name not compared" >&2
    continue
  fi
  flags=()
  [ "${POLICY_CI_FAIL_ON_CHANGE:-0}" = 1 ] && flags+=(--fail-on-change)
  "${POLICY[@]}" diff --base-rev "$BASE_COMMIT" --head "$d" --in "$corpus" --format markdown "${flags[@]}" >"$out" 2>&1
  status=$?
  cat "$out" >>"$REPORT"
  say ""
  if [ $status -ne 0 ]; then
    failed=1
    say "**diff exited $status**" ""
  fi
done
[ ${#changed[@]} -eq 0 ] && say "No policy changed: nothing to compare." ""

cat "$REPORT"
exit $failed
