#!/usr/bin/env bash
# The one command that reproduces the Performance figures of the README:
#
#     bench/run.sh
#
# Builds crosscheck (release), makes a ≥20 MB input from the five seeds (concatenated and
# repeated, in $CROSSCHECK_BENCH_DIR, default /tmp/crosscheck-bench), and times, best of
# $RUNS (default 5: this machine is shared, and single runs vary by 5%) runs each, in this one run:
#   - crosscheck extract --format jsonl > /dev/null, on two cores and on one (taskset -c 0),
#     and two one-core runs side by side (the machine's ceiling for the speed-up);
#   - the same on the same text as a folder of small files, one per copy of a seed;
#   - ripgrep, a raw scan for digits (rg -o '[0-9][0-9,.]*'), the floor;
#   - quantulum3 on a 1 MB slice of the same text (it is slow), as MB/s;
#   - the 1 MB slice as plain text, as HTML and as PDF (written by the example
#     make_formats, the PDF by printpdf), extracted on one core: MB of text per second;
#   - reconciliation of $CLAIMS (default 1,000,000) generated claims
#     (cargo run --release --example reconcile_bench).
# Prints a Markdown table on standard output (progress goes to standard error) and keeps
# a copy in $CROSSCHECK_BENCH_DIR/table.md. MB is 10^6 bytes; memory is peak RSS.
# The peers come from bench/peers.sh; a missing one is reported in its row. Not run by CI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${CROSSCHECK_BENCH_DIR:-/tmp/crosscheck-bench}"
VENV="${CROSSCHECK_BENCH_VENV:-/tmp/crosscheck-bench-venv}"
RUNS="${RUNS:-5}"
CLAIMS="${CLAIMS:-1000000}"
TARGET_BYTES=20000000
SLICE_BYTES=1000000

log() { printf 'bench: %s\n' "$*" >&2; }

cd "$ROOT"
mkdir -p "$WORK"
load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg)

log "building (cargo build --release, example reconcile_bench)"
cargo build --release --quiet
cargo build --release --quiet --example reconcile_bench
cargo build --release --quiet --example make_formats
CROSSCHECK="$ROOT/target/release/crosscheck"

# The input: seeds/*.txt concatenated, repeated until at least 20 MB.
INPUT="$WORK/seeds-20mb.txt"
SLICE="$WORK/seeds-1mb.txt"
shopt -s nullglob
seeds=("$ROOT"/seeds/*.txt)
shopt -u nullglob
[ "${#seeds[@]}" -gt 0 ] || { log "no seeds/*.txt"; exit 1; }
cat "${seeds[@]}" >"$WORK/seeds-once.txt"
once=$(stat -c %s "$WORK/seeds-once.txt")
copies=$(((TARGET_BYTES + once - 1) / once))
: >"$INPUT"
for ((i = 0; i < copies; i++)); do
    cat "$WORK/seeds-once.txt" >>"$INPUT"
done
# The same text as a folder of files, one per seed copy: a corpus of many small files.
FOLDER="$WORK/seeds-files"
rm -rf "$FOLDER"
mkdir -p "$FOLDER"
for ((i = 0; i < copies; i++)); do
    for seed in "${seeds[@]}"; do
        cp "$seed" "$FOLDER/$(printf '%04d' "$i")_$(basename "$seed")"
    done
done
files=$((copies * ${#seeds[@]}))
# The 1 MB slice ends on a line boundary.
head -c "$SLICE_BYTES" "$INPUT" | sed '$d' >"$SLICE"
input_bytes=$(stat -c %s "$INPUT")
slice_bytes=$(stat -c %s "$SLICE")
log "input: $INPUT, ${#seeds[@]} seeds ($once bytes) x $copies = $input_bytes bytes"
cat "$INPUT" >/dev/null # into the page cache

# measure NAME CMD...: runs CMD $RUNS times (stdout to /dev/null) and sets
# best_seconds (fastest wall clock), best_cpu (least user+sys CPU seconds, which a busy
# machine disturbs less) and peak_kb (largest peak RSS over the runs).
measure() {
    local name=$1
    shift
    local run start end seconds kb cpu
    best_seconds=""
    best_cpu=""
    peak_kb=0
    for ((run = 1; run <= RUNS; run++)); do
        start=$EPOCHREALTIME
        /usr/bin/time -f '%M %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || {
            log "$name failed:"
            cat "$WORK/stderr.txt" >&2
            return 1
        }
        end=$EPOCHREALTIME
        seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')
        kb=$(awk 'END { print $1 }' "$WORK/time.txt")
        cpu=$(awk 'END { printf "%.2f", $2 + $3 }' "$WORK/time.txt")
        log "$name: run $run: ${seconds}s, CPU ${cpu}s, peak RSS ${kb} kB"
        if [ -z "$best_seconds" ] || awk -v a="$seconds" -v b="$best_seconds" 'BEGIN { exit !(a < b) }'; then
            best_seconds=$seconds
        fi
        if [ -z "$best_cpu" ] || awk -v a="$cpu" -v b="$best_cpu" 'BEGIN { exit !(a < b) }'; then
            best_cpu=$cpu
        fi
        [ "$kb" -le "$peak_kb" ] || peak_kb=$kb
    done
}

mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k * 1024 / 1e6 }'; }
# ratio X REF: X/REF as "12×", "1.0×", "0.35×", "0.0034×".
ratio() {
    awk -v x="$1" -v r="$2" 'BEGIN {
        q = x / r
        if (q >= 10) printf "%.0f×", q
        else if (q >= 1) printf "%.1f×", q
        else if (q >= 0.1) printf "%.2f×", q
        else { d = 2; t = q; while (t < 0.1) { t *= 10; d++ } printf "%.*f×", d, q }
    }'
}

# crosscheck, two cores (all the machine has) and one.
measure "crosscheck (all cores)" "$CROSSCHECK" extract "$INPUT" --format jsonl
cc_seconds=$best_seconds
cc_kb=$peak_kb
cc_mbps=$(mbps "$input_bytes" "$cc_seconds")
cc_cpu=$best_cpu
figures=$("$CROSSCHECK" extract "$INPUT" --format jsonl | wc -l)
measure "crosscheck (taskset -c 0)" taskset -c 0 "$CROSSCHECK" extract "$INPUT" --format jsonl
one_seconds=$best_seconds
one_kb=$peak_kb
one_mbps=$(mbps "$input_bytes" "$one_seconds")
one_cpu=$best_cpu
speedup=$(awk -v a="$one_seconds" -v b="$cc_seconds" 'BEGIN { printf "%.2f", a / b }')

# The machine's own ceiling for that speed-up: two one-core runs side by side, one on
# each of the first two cores, take longer than one alone where the cores share caches,
# memory or a host. Two such runs do twice the work: the ceiling is 2 x alone / pair.
ceiling=""
if [ "$(nproc)" -ge 2 ]; then
    pair_best=""
    for ((run = 1; run <= RUNS; run++)); do
        start=$EPOCHREALTIME
        taskset -c 0 "$CROSSCHECK" extract "$INPUT" --format jsonl >/dev/null &
        taskset -c 1 "$CROSSCHECK" extract "$INPUT" --format jsonl >/dev/null
        wait
        end=$EPOCHREALTIME
        seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')
        log "two one-core runs side by side: run $run: ${seconds}s"
        if [ -z "$pair_best" ] || awk -v a="$seconds" -v b="$pair_best" 'BEGIN { exit !(a < b) }'; then
            pair_best=$seconds
        fi
    done
    ceiling=$(awk -v a="$one_seconds" -v p="$pair_best" 'BEGIN { printf "%.2f", 2 * a / p }')
fi

# The same text in many small files.
measure "crosscheck, $files files (all cores)" "$CROSSCHECK" extract "$FOLDER" --format jsonl
files_seconds=$best_seconds
files_kb=$peak_kb
files_mbps=$(mbps "$input_bytes" "$files_seconds")
measure "crosscheck, $files files (taskset -c 0)" taskset -c 0 "$CROSSCHECK" extract "$FOLDER" --format jsonl
files_one_seconds=$best_seconds
files_one_kb=$peak_kb
files_one_mbps=$(mbps "$input_bytes" "$files_one_seconds")
files_speedup=$(awk -v a="$files_one_seconds" -v b="$files_seconds" 'BEGIN { printf "%.2f", a / b }')

rows=()
rows+=("| crosscheck \`extract --format jsonl\`, $(nproc) cores | $cc_mbps | 1× | $(mb "$cc_kb") |")
rows+=("| crosscheck, one core (\`taskset -c 0\`) | $one_mbps | $(ratio "$one_mbps" "$cc_mbps") | $(mb "$one_kb") |")
rows+=("| crosscheck, the same text as $files files, $(nproc) cores | $files_mbps | $(ratio "$files_mbps" "$cc_mbps") | $(mb "$files_kb") |")
rows+=("| crosscheck, the same text as $files files, one core | $files_one_mbps | $(ratio "$files_one_mbps" "$cc_mbps") | $(mb "$files_one_kb") |")

# The readers: the 1 MB slice as plain text, HTML and PDF, on one core. MB/s counts the
# bytes of the plain text, so the three rows read the same text.
"$ROOT/target/release/examples/make_formats" html "$SLICE" "$WORK/seeds-1mb.html"
"$ROOT/target/release/examples/make_formats" pdf "$SLICE" "$WORK/seeds-1mb.pdf"
for doc in txt html pdf; do
    measure "crosscheck, the 1 MB slice as $doc (taskset -c 0)" \
        taskset -c 0 "$CROSSCHECK" extract "$WORK/seeds-1mb.$doc" --format jsonl
    doc_mbps=$(mbps "$slice_bytes" "$best_seconds")
    doc_figures=$("$CROSSCHECK" extract "$WORK/seeds-1mb.$doc" --format jsonl | wc -l)
    doc_bytes=$(stat -c %s "$WORK/seeds-1mb.$doc")
    rows+=("| crosscheck, the 1 MB slice as .$doc ($(mb "$((doc_bytes / 1024))") file, $doc_figures figures), one core | $doc_mbps | $(ratio "$doc_mbps" "$cc_mbps") | $(mb "$peak_kb") |")
done

# ripgrep: the floor.
if command -v rg >/dev/null 2>&1; then
    rg_version=$(rg --version | awk 'NR == 1 { print $2 }')
    measure "ripgrep" rg -o '[0-9][0-9,.]*' "$INPUT"
    rg_mbps=$(mbps "$input_bytes" "$best_seconds")
    rows+=("| ripgrep $rg_version \`rg -o '[0-9][0-9,.]*'\` (raw digits, the floor) | $rg_mbps | $(ratio "$rg_mbps" "$cc_mbps") | $(mb "$peak_kb") |")
else
    rows+=("| ripgrep (the floor) | not installed: run bench/peers.sh | – | – |")
fi

# quantulum3 on the 1 MB slice; its own clock excludes the import and the warm-up.
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import quantulum3' >/dev/null 2>&1; then
    q_version=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("quantulum3"))')
    q_best=""
    q_peak=0
    for ((run = 1; run <= RUNS; run++)); do
        /usr/bin/time -f '%M' -o "$WORK/time.txt" \
            "$VENV/bin/python" "$ROOT/bench/quantulum3_extract.py" "$SLICE" >/dev/null 2>"$WORK/q.txt" || {
            log "quantulum3 failed:"
            cat "$WORK/q.txt" >&2
            exit 1
        }
        q_line=$(grep '^bytes=' "$WORK/q.txt")
        q_seconds=${q_line#*seconds=}
        q_seconds=${q_seconds%% *}
        kb=$(awk 'END { print $1 }' "$WORK/time.txt")
        log "quantulum3: run $run: $q_line, peak RSS $kb kB"
        if [ -z "$q_best" ] || awk -v a="$q_seconds" -v b="$q_best" 'BEGIN { exit !(a < b) }'; then
            q_best=$q_seconds
        fi
        [ "$kb" -le "$q_peak" ] || q_peak=$kb
    done
    q_mbps=$(awk -v b="$slice_bytes" -v s="$q_best" 'BEGIN { printf "%.3f", b / 1e6 / s }')
    rows+=("| quantulum3 $q_version (Python; 1 MB slice, scaled to MB/s) | $q_mbps | $(ratio "$q_mbps" "$cc_mbps") | $(mb "$q_peak") |")
else
    rows+=("| quantulum3 | not installed: run bench/peers.sh | – | – |")
fi

# Reconciliation: the example times the call to reconcile itself.
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p" <<<"$r_line"; }
r_best=""
r_peak=0
for ((run = 1; run <= RUNS; run++)); do
    r_out=$(cargo run --release --quiet --example reconcile_bench -- "$CLAIMS")
    r_line=$(head -n 1 <<<"$r_out")
    log "reconcile: run $run: $r_line"
    r_seconds=$(field seconds)
    r_mb=$(field peak_rss_mb)
    if [ -z "$r_best" ] || awk -v a="$r_seconds" -v b="$r_best" 'BEGIN { exit !(a < b) }'; then
        r_best=$r_seconds
    fi
    if awk -v a="$r_mb" -v b="$r_peak" 'BEGIN { exit !(a > b) }'; then
        r_peak=$r_mb
    fi
    r_claims=$(field claims)
    r_quantities=$(field quantities)
    r_findings=$(field findings)
    r_verdicts=$(sed -n 2p <<<"$r_out")
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock 2>/dev/null)" ]; then
    revision="$revision with uncommitted changes to src/"
fi
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
goal() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "not met"; fi; }

{
    echo "Extraction: $input_bytes bytes (the five seeds repeated ${copies} times, $figures figures), JSON Lines to /dev/null, best of $RUNS runs."
    echo
    echo "| tool | MB/s | ratio to crosscheck | peak memory |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Speed-up on $(nproc) cores over one: ${speedup}×${ceiling:+, of a ceiling of ${ceiling}× on this machine (two one-core runs side by side, one per core, against one alone)}." \
        "As $files files: ${files_speedup}×." \
        "CPU time (user+sys, least of $RUNS runs): ${cc_cpu} s on $(nproc) cores, ${one_cpu} s on one, that is $(mbps "$input_bytes" "$one_cpu") MB per CPU second."
    echo
    echo "Reconciliation (\`cargo run --release --example reconcile_bench -- $CLAIMS\`, best of $RUNS):"
    echo
    echo "| claims | quantities | findings | seconds | peak memory |"
    echo "|---|---|---|---|---|"
    echo "| $r_claims | $r_quantities | $r_findings | $r_best | $(awk -v m="$r_peak" 'BEGIN { printf "%.0f MB", m }') |"
    echo
    echo "Findings by verdict: ${r_verdicts#verdicts: }."
    echo
    echo "Goals: extraction ≥ 100 MB/s on one core: $(goal "$one_mbps >= 100"); peak memory < 100 MB: $(goal "$cc_kb * 1024 < 100e6");" \
        "speed-up on two cores near 2 (≥ 1.8×): $(goal "$speedup >= 1.8")${ceiling:+, within 5% of the ceiling of this machine: $(goal "$speedup >= 0.95 * $ceiling")};" \
        "reconciliation < 5 s: $(goal "$r_best < 5");" \
        "< 1 GB: $(goal "$r_peak < 1000")."
    echo
    echo "Machine: $(nproc) cores ($cpu), $mem memory, $(uname -sr); $(rustc --version); crosscheck $revision;" \
        "load average $load_at_start at the start, $(cut -d ' ' -f 1-3 /proc/loadavg) at the end."
} | tee "$WORK/table.md"
