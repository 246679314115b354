#!/usr/bin/env bash
# Shows that two builds of crosscheck print byte-identical output on the bundled corpora:
#
#     scripts/same-output.sh OLD_BINARY NEW_BINARY
#
# Runs `extract` in every format on the seeds, tests/corpus/ and the second corpus, and
# `check` in every format (and `--unmatched`, `explain`) on the seeds with their catalog
# and on the second corpus with its own, with each binary; compares standard output,
# standard error and exit status. Prints one line per difference and exits 1 on any.
# Used for refactorings that must not change behaviour.
set -uo pipefail
OLD="$1"; NEW="$2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
SECOND=tests/fixtures/second_corpus
runs=()
for fmt in table jsonl json csv; do
  runs+=("extract --format $fmt seeds")
  runs+=("extract --format $fmt tests/corpus")
  runs+=("extract --format $fmt $SECOND/docs")
done
for fmt in table json markdown csv github sarif; do
  runs+=("check --format $fmt")
  runs+=("check --format $fmt --baseline /nonexistent.toml")
  runs+=("check --format $fmt $SECOND/docs --claims $SECOND/claims --baseline /nonexistent.toml")
done
runs+=("check --unmatched")
runs+=("check --unmatched --format json")
runs+=("check --strict")
runs+=("check -W contradiction -D scope_mismatch")
runs+=("explain party_members_repressed_1937_1938")
runs+=("explain convicted_counterrevolutionary")
runs+=("check --format json $SECOND/docs --claims $SECOND/claims")
# Figures extracted once, reconciled by each binary.
"$OLD" extract --format jsonl seeds >"$OUT/seeds.jsonl" 2>/dev/null
runs+=("check --figures $OUT/seeds.jsonl")
runs+=("check --format json --unmatched --figures $OUT/seeds.jsonl")
runs+=("check --figures /nonexistent.jsonl")
status=0
for i in "${!runs[@]}"; do
  r="${runs[$i]}"
  for side in old new; do
    bin="$OLD"; [ "$side" = new ] && bin="$NEW"
    # shellcheck disable=SC2086
    NO_COLOR=1 "$bin" $r >"$OUT/$side.out" 2>"$OUT/$side.err"
    echo $? >"$OUT/$side.rc"
  done
  for part in out err rc; do
    if ! cmp -s "$OUT/old.$part" "$OUT/new.$part"; then
      echo "differs ($part): crosscheck $r"
      status=1
    fi
  done
done
echo "${#runs[@]} runs compared"
exit $status
