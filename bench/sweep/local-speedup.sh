#!/usr/bin/env bash
# Local sweep backend speed-up (issue 18): the same sweep of 8 CPU-bound points (sample, 1500 Heun steps on gmm8,
# 8 seeds) run with 1 worker × 1 thread and with 2 workers × 1 thread, alternately, REPEATS times each; prints each
# wall time and the ratio of the medians. Needs a Release build (dotnet build ScoreScope.slnx -c Release).
# Usage: bench/sweep/local-speedup.sh [REPEATS=3] [WORKDIR=/tmp/scorescope-sweep-speedup]
set -u
REPEATS=${1:-3}
WORK=${2:-/tmp/scorescope-sweep-speedup}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLI=(dotnet "$ROOT/src/ScoreScope.Cli/bin/Release/net10.0/ScoreScope.Cli.dll")
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
cat > speedup.json <<'JSON'
{ "name": "speedup", "command": "sample",
  "options": { "data": "gmm8", "n": 2000, "steps": 1500, "sampler": "heun" },
  "axes": [ { "seeds": { "start": 1, "count": 8 } } ] }
JSON
one=(); two=()
for ((r = 1; r <= REPEATS; r++)); do
  for workers in 1 2; do
    rm -rf "out-$workers"
    start=$(date +%s.%N)
    "${CLI[@]}" sweep run speedup.json --out "out-$workers" --workers "$workers" --threads 1 > /dev/null 2>&1 || { echo "sweep with $workers worker(s) failed"; exit 1; }
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    echo "repeat $r, $workers worker(s): $seconds s"
    if [ "$workers" = 1 ]; then one+=("$seconds"); else two+=("$seconds"); fi
  done
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
echo "median 1 worker: $m1 s; median 2 workers: $m2 s; speed-up $(echo "scale=2; $m1 / $m2" | bc)× (nproc $(nproc), load $(cut -d' ' -f1-3 /proc/loadavg))"
