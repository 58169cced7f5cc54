#!/usr/bin/env bash
# Whole-process benchmark of `stratc optimize` on Apache Spark against the built-in optimiser, in one run:
# the same 64-trial grid (volume_multiplier x surge_threshold x min_price, 4 x 4 x 4) of examples/momentum.strat
# over a synth:krx universe (500 symbols by default), with
#   1. the built-in optimiser on 1 thread and on every core
#   2. --spark local[1] and --spark local[2] (Spark in the process: one executor with 1 or 2 task slots)
# Each measured by /usr/bin/time -v; "search" is the time and rate `stratc -v optimize` logs for the search alone
# (loading or generating the bars on the driver left out; on Spark it includes the job's scheduling and each
# executor generating its copy of the universe). The tables must be the same: the script compares them.
#
# Needs the job jar: ./mvnw -B -q -DskipTests -pl cluster -am package
# Usage: bench/scripts/optimize-spark.sh [SYMBOLS] [DAYS]     (default 500 5). Run from the repository root.
set -euo pipefail

symbols=${1:-500}
days=${2:-5}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
spec="synth:krx?symbols=${symbols}&days=${days}"
strategy="$root/examples/momentum.strat"
grid=(-P 'volume_multiplier=1.5,2,2.5,3' -P 'surge_threshold=2%,3%,4%,5%' -P 'min_price=1000,2000,3000,5000')

[ -f "$root/cluster/target/stratc-cluster-job.jar" ] || {
  echo "no job jar: build it with ./mvnw -B -q -DskipTests -pl cluster -am package" >&2; exit 2; }
"$root/stratc" --version >/dev/null            # builds the distribution first if sources changed
export STRATC_SKIP_BUILD=1
export STRATC_SPARK_JAVA_OPTS="-Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 -Dspark.driver.bindAddress=127.0.0.1"

measure() {                                    # label, options...: prints one table row, keeps the table
  local label=$1; shift
  local log="$work/time.log" out="$work/$label.txt"
  /usr/bin/time -v "$root/stratc" -v optimize "$strategy" --data "$spec" "${grid[@]}" --top 64 "$@" \
    >"$out" 2>"$log" || { tail -40 "$log" >&2; exit 1; }
  local wall user sys rss search
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.2f", $2 / 1048576}' "$log")
  search=$(grep -o 'searched .*' "$log" | tail -1 || true)
  printf '| %s | %s | %s + %s | %s GB | %s |\n' "$label" "$wall" "$user" "$sys" "$rss" "$search"
  tail -n +2 "$out" > "$work/$label.table"     # the ranked rows (the first line names the threads)
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $symbols symbols x $days days, $(nproc) cores, 64 trials"
echo "| run | wall (s) | user + sys CPU (s) | max RSS (all processes' peak) | search (as logged) |"
echo "|---|---|---|---|---|"
measure "built-in, 1 thread" --threads 1
measure "built-in, 2 threads" --threads 2
measure "spark local[1]" --spark 'local[1]'
measure "spark local[2]" --spark 'local[2]'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for t in "spark local[1]" "spark local[2]" "built-in, 2 threads"; do
  cmp -s "$work/built-in, 1 thread.table" "$work/$t.table" || { echo "DIFFERENT TABLE: $t" >&2; exit 1; }
done
echo "the four tables are identical (64 rows)"
