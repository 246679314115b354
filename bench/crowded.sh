#!/usr/bin/env bash
# Reconciliation of one crowded quantity, the figures of the README's "Speed" section:
#
#     bench/crowded.sh
#
# Times, best of $RUNS (default 3) runs each, wall clock and peak RSS:
#   1. one quantity with $CLAIMS (default 100,000) generated claims
#      (cargo run --release --example reconcile_bench -- $CLAIMS 12648430 1);
#   2. one rule that matches every figure of the seeds x 100 (20 MB, 500 documents):
#      crosscheck check --claims every/ corpus/, in the table and the JSON format;
#   3. the same figures extracted once and repeated to $FIGURE_COPIES x (default 15,
#      about 150 MB of JSON Lines), through check --figures.
# Goal: under 5 s and 500 MB each. Work files in $CROSSCHECK_BENCH_DIR (default
# /tmp/crosscheck-bench). Prints a Markdown table; progress goes to standard error.
# MB is 10^6 bytes. Not run by CI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CROSSCHECK_BENCH_DIR:-/tmp/crosscheck-bench}/crowded"
RUNS="${RUNS:-3}"
CLAIMS="${CLAIMS:-100000}"
FIGURE_COPIES="${FIGURE_COPIES:-15}"

log() { printf 'bench: %s\n' "$*" >&2; }

cd "$ROOT"
log "building (cargo build --release, example reconcile_bench)"
cargo build --release --quiet
cargo build --release --quiet --example reconcile_bench
CROSSCHECK="$ROOT/target/release/crosscheck"
BENCH="$ROOT/target/release/examples/reconcile_bench"

rm -rf "$WORK"
mkdir -p "$WORK/corpus" "$WORK/every"
shopt -s nullglob
seeds=("$ROOT"/seeds/*.txt)
shopt -u nullglob
[ "${#seeds[@]}" -gt 0 ] || { log "no seeds/*.txt"; exit 1; }
for ((i = 0; i < 100; i++)); do
    for seed in "${seeds[@]}"; do
        cp "$seed" "$WORK/corpus/$(printf '%03d' "$i")_$(basename "$seed")"
    done
done
cat >"$WORK/every/every.toml" <<'TOML'
[[quantity]]
id = "every_figure"
description = "Every figure of the corpus, as one quantity"
unit = "any"

[[quantity.rule]]
pattern = "{figure}"
TOML
"$CROSSCHECK" extract "$WORK/corpus" --format jsonl >"$WORK/once.jsonl"
: >"$WORK/figures.jsonl"
for ((i = 0; i < FIGURE_COPIES; i++)); do
    cat "$WORK/once.jsonl" >>"$WORK/figures.jsonl"
done
figure_records=$(wc -l <"$WORK/figures.jsonl")
figure_mb=$(awk -v b="$(stat -c %s "$WORK/figures.jsonl")" 'BEGIN { printf "%.0f", b / 1e6 }')

# measure CMD...: best wall clock of $RUNS runs (exit 0 or 1 both count: 1 means the
# report found errors) into best_seconds, the largest peak RSS into peak_mb.
measure() {
    local run start end seconds kb code
    best_seconds=""
    peak_mb=0
    for ((run = 1; run <= RUNS; run++)); do
        start=$EPOCHREALTIME
        code=0
        /usr/bin/time -f '%M' -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/stderr.txt" || code=$?
        end=$EPOCHREALTIME
        if [ "$code" -gt 1 ]; then
            log "failed ($code): $*"
            cat "$WORK/stderr.txt" >&2
            return 1
        fi
        seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
        kb=$(tail -n 1 "$WORK/time.txt")
        log "run $run: ${seconds}s, peak RSS ${kb} kB: $*"
        if [ -z "$best_seconds" ] || awk -v a="$seconds" -v b="$best_seconds" 'BEGIN { exit !(a < b) }'; then
            best_seconds=$seconds
        fi
        peak_mb=$(awk -v k="$kb" -v m="$peak_mb" 'BEGIN { v = k * 1024 / 1e6; printf "%.0f", (v > m ? v : m) }')
    done
}

row() { echo "| $1 | $2 | $best_seconds | $peak_mb MB |"; }

echo "| case | claims | seconds (best of $RUNS) | peak memory |"
echo "|---|---|---|---|"
measure "$BENCH" "$CLAIMS" 12648430 1
row "one quantity, generated (\`reconcile_bench $CLAIMS 12648430 1\`)" "$CLAIMS"
claims=$(grep -o '^[0-9]* documents read, [0-9]* claims' <("$CROSSCHECK" check --claims "$WORK/every" "$WORK/corpus" || true) | awk '{ print $4 }')
measure "$CROSSCHECK" check --claims "$WORK/every" "$WORK/corpus"
row "one rule matching every figure of the seeds × 100, table" "$claims"
measure "$CROSSCHECK" check --claims "$WORK/every" "$WORK/corpus" --format json
row "the same, JSON" "$claims"
measure "$CROSSCHECK" check --claims "$WORK/every" --figures "$WORK/figures.jsonl"
row "the same figures × $FIGURE_COPIES through \`--figures\` ($figure_mb MB)" "$figure_records"
