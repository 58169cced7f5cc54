#!/usr/bin/env bash
# Whole-process benchmark of `stratc optimize` at scale, in one run:
#   1. a 4-trial grid on ONE thread          -> one trial's speed (trials/s)
#   2. the 64-trial grid on every core       -> trials/s, parallel efficiency = (2) / (cores x (1))
#   3. an 8-trial grid on every core         -> max RSS beside (2): memory must not grow with the trials
# over examples/momentum.strat on the synth:krx universe (2,700 symbols by default), bars generated once per
# process and shared read-only by every trial. Each measured by /usr/bin/time -v; the search time and rate are
# the ones `stratc -v optimize` logs (the data's generation excluded).
#
# Usage: bench/scripts/optimize-scale.sh [SYMBOLS] [DAYS]     (default 2700 5). Run from the repository root.
set -euo pipefail

symbols=${1:-2700}
days=${2:-5}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
spec="synth:krx?symbols=${symbols}&days=${days}"
strategy="$root/examples/momentum.strat"
cores=$(nproc)

"$root/stratc" --version >/dev/null            # builds the distribution first if sources changed
export STRATC_SKIP_BUILD=1

measure() {                                    # label, threads, -P options...: prints one table row
  local label=$1 threads=$2; shift 2
  local log="$work/time.log"
  /usr/bin/time -v "$root/stratc" -v optimize "$strategy" --data "$spec" --threads "$threads" "$@" \
    --out "$work/out-$threads-$label" >"$work/out.txt" 2>"$log" || { cat "$log" >&2; exit 1; }
  local wall user sys rss search
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$log")
  search=$(grep -o 'searched .*' "$log" || true)
  printf '| %s | %s | %s | %s + %s | %s GB | %s |\n' "$label" "$threads" "$wall" "$user" "$sys" "$rss" "$search"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $symbols symbols x $days days, $cores cores"
echo "| grid | threads | wall (s) | user + sys CPU (s) | max RSS | search |"
echo "|---|---|---|---|---|---|"
measure "4 trials" 1 -P 'volume_multiplier=2,3' -P 'surge_threshold=3%,4%'
measure "64 trials" "$cores" -P 'volume_multiplier=1.5,2,2.5,3' -P 'surge_threshold=2%,3%,4%,5%' \
  -P 'min_price=1000,2000,3000,5000'
measure "8 trials" "$cores" -P 'volume_multiplier=2,3' -P 'surge_threshold=3%,4%' -P 'min_price=1000,2000'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
