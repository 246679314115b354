#!/usr/bin/env bash
# The HTML report at scale, the figure of the README's "HTML report" section:
#
#     bench/html.sh
#
# One quantity stated by $DOCUMENTS (default 142) documents, each a different figure,
# gives C(142, 2) = 10,011 pairwise findings. Times, $RUNS (default 3) runs each, wall
# clock: writing the page (crosscheck check --format html --output), and loading it in
# headless Chromium until its script has run (chromium --headless --dump-dom), and
# their sum. Goal: under 5 s in all. Prints the page's size and each run; progress goes
# to standard error. Needs Debian's chromium. Work files in $CROSSCHECK_BENCH_DIR
# (default /tmp/crosscheck-bench). Not run by CI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CROSSCHECK_BENCH_DIR:-/tmp/crosscheck-bench}/html"
RUNS="${RUNS:-3}"
DOCUMENTS="${DOCUMENTS:-142}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { printf 'bench: %s\n' "$*" >&2; }
now() { date +%s.%N; }

[ -x "$CHROMIUM" ] || { log "no $CHROMIUM: apt-get install chromium"; exit 1; }
cd "$ROOT"
log "building (cargo build --release)"
cargo build --release --quiet
CROSSCHECK="$ROOT/target/release/crosscheck"

rm -rf "$WORK"
mkdir -p "$WORK/docs" "$WORK/claims"
for ((i = 0; i < DOCUMENTS; i++)); do
    printf 'A register of source %d says that in 1937 the camp held %d prisoners.\n' \
        "$i" "$((10000 + i * 1733))" >"$WORK/docs/$(printf '%04d' "$i").txt"
done
cat >"$WORK/claims/camp.toml" <<'TOML'
[[quantity]]
id = "camp_prisoners_1937"
description = "Prisoners the camp held in 1937"
unit = "people"

[[quantity.rule]]
pattern = "held {figure} prisoners"
TOML

chromium_load() {
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$WORK/profile" --dump-dom "file://$WORK/report.html" \
        >"$WORK/dom.html" 2>/dev/null
}

echo "| run | write (s) | load in Chromium (s) | total (s) |"
echo "|---|---|---|---|"
for ((run = 1; run <= RUNS; run++)); do
    start=$(now)
    # From the work folder, so that no crosscheck.toml or baseline of the project counts.
    (cd "$WORK" && "$CROSSCHECK" check docs --claims claims --format html \
        --output report.html) || [ $? -eq 1 ]
    written=$(now)
    rm -rf "$WORK/profile"
    chromium_load
    loaded=$(now)
    awk -v r="$run" -v s="$start" -v w="$written" -v l="$loaded" \
        'BEGIN { printf "| %d | %.2f | %.2f | %.2f |\n", r, w - s, l - w, l - s }'
done
findings=$(grep -c 'class="finding' "$WORK/report.html" || true)
size=$(stat -c %s "$WORK/report.html")
grep -q 'id="filter-count"' "$WORK/dom.html" || { log "the page did not load"; exit 1; }
echo
echo "page: $size bytes, $findings finding elements (each finding once in its quantity, the disputes once more at the top)"
