#!/usr/bin/env bash
# Whole-process benchmark of the store path against the in-memory path, side by side in one run:
#   1. stratc data synth --out STORE        (writing: bars/s)
#   2. stratc backtest --data 'synth:...'   (bars generated in the process)
#   3. stratc backtest --data STORE         (the same bars read from the DuckDB store)
# each measured by /usr/bin/time -v (wall, user + sys CPU, max RSS), with the phase times that 'stratc -v' logs.
# The two backtests must print the same summary; the script fails if they do not.
#
# Usage: bench/scripts/store-vs-memory.sh [SYMBOLS] [DAYS] [RUNS]     (default 2700 20 1)
# Run from the repository root. STORE_DIR chooses where the store is written (default a temporary directory);
# KEEP_STORE=1 reuses a store already there instead of writing it again.
set -euo pipefail

symbols=${1:-2700}
days=${2:-20}
runs=${3:-1}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${STORE_DIR:-$(mktemp -d)}
store="$work/krx-${symbols}x${days}.duckdb"
spec="synth:krx?symbols=${symbols}&days=${days}"
strategy="$root/examples/momentum.strat"
bars=$((symbols * days * 390))

"$root/stratc" --version >/dev/null            # builds the distribution first if sources changed
export STRATC_SKIP_BUILD=1                     # and never again inside a measured run

measure() {                                    # label, command...: prints one table row
  local label=$1; shift
  local log="$work/time.log" out="$work/out.txt"
  /usr/bin/time -v "$@" >"$out" 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$log")
  local phases
  phases=$(grep -o 'compiled and loaded.*' "$log" | sed 's/compiled and loaded [0-9]* bars of [0-9]* symbols in /load /' || true)
  printf '| %s | %s | %s + %s | %s GB | %s |\n' "$label" "$wall" "$user" "$sys" "$rss" "$phases"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $symbols symbols x $days days = $bars bars"
echo "| run | wall (s) | user + sys CPU (s) | max RSS | phases |"
echo "|---|---|---|---|---|"
for run in $(seq "$runs"); do
  if [ "${KEEP_STORE:-}" != 1 ] || [ ! -f "$store" ]; then
    rm -f "$store" "$store.wal"
    measure "data synth --out (write)" "$root/stratc" data synth --symbols "$symbols" --days "$days" --out "$store"
  fi
  measure "backtest --data '$spec'" "$root/stratc" -v backtest "$strategy" --data "$spec"
  cp "$work/out.txt" "$work/memory.txt"
  measure "backtest --data store" "$root/stratc" -v backtest "$strategy" --data "$store"
  # The summaries differ only in the data line (the source's name): everything else must be identical.
  if ! diff <(grep -v -i -E 'data|synthetic' "$work/memory.txt") <(grep -v -i -E 'data|synthetic' "$work/out.txt") >&2; then
    echo "the store path and the in-memory path disagree (summaries above)" >&2
    exit 1
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); both backtests printed the same summary"
