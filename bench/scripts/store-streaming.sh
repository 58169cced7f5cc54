#!/usr/bin/env bash
# Whole-process proof that a backtest streamed from the store holds one time window, not the history: the same
# strategy over stores of SYMBOLS symbols and two day counts, each backtest forced to stream (at most
# MAX_BARS bars counted as fitting in memory, so windows of MAX_BARS/8 bars), max RSS from /usr/bin/time -v.
# Peak memory must not grow with the number of days. The in-memory load of the same stores is shown beside.
#
# Usage: bench/scripts/store-streaming.sh [SYMBOLS] [DAYS_A] [DAYS_B]      (default 2000 10 40)
# STORE_DIR chooses where the stores are written (default a temporary directory); an existing store is reused.
set -euo pipefail

symbols=${1:-2000}
days_a=${2:-10}
days_b=${3:-40}
max_bars=${MAX_BARS:-4000000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${STORE_DIR:-$(mktemp -d)}
strategy="$root/examples/momentum.strat"

"$root/stratc" --version >/dev/null          # builds the distribution first if sources changed
export STRATC_SKIP_BUILD=1                   # and never again inside a measured run

row() {                                      # label, then the command: one table row
  local label=$1; shift
  local log="$work/time.log"
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$log" || { cat "$log" >&2; exit 1; }
  awk -F': ' -v label="$label" '
    /Elapsed \(wall clock\)/ {n=split($2,a,":"); w=0; for(i=1;i<=n;i++) w=w*60+a[i]}
    /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {r=$2/1048576}
    END {printf "| %s | %.1f | %.1f + %.1f | %.2f GB |\n", label, w, u, s, r}' "$log"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| run | wall (s) | user + sys CPU (s) | max RSS |"
echo "|---|---|---|---|"
for days in "$days_a" "$days_b"; do
  store="$work/krx-${symbols}x${days}.duckdb"
  if [ ! -f "$store" ]; then
    row "data synth $symbols x $days days ($((symbols * days * 390)) bars)" \
      "$root/stratc" data synth --symbols "$symbols" --days "$days" --out "$store"
  fi
  STRATC_JAVA_OPTS="-Dstratc.store.maxBarsInMemory=$max_bars" \
    row "backtest, streamed, $days days" "$root/stratc" -v backtest "$strategy" --data "$store"
  cp "$work/out.txt" "$work/streamed-$days.txt"
  row "backtest, in memory, $days days" "$root/stratc" -v backtest "$strategy" --data "$store"
  diff "$work/streamed-$days.txt" "$work/out.txt" >&2 || { echo "streamed and in-memory runs disagree" >&2; exit 1; }
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); streamed and in-memory runs printed the same summary"
