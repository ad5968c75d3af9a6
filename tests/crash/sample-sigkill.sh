#!/usr/bin/env bash
# Crash harness for `scorescope sample` and one `reproduce --quick` experiment (issue 12, deliverable 7): kills the run
# with SIGKILL at seeded random points, checks that the target folder was either not created or is complete (runs are
# written to a hidden partial folder and renamed), cleans up with `runs clean`, reruns the same command and compares the
# outputs with an uninterrupted run: samples.npy byte for byte (sample), cumulants.csv and checks.csv byte for byte
# (reproduce). After all trials no partial folder, temporary file or lock may be left.
#
# Usage: tests/crash/sample-sigkill.sh [SAMPLE_TRIALS=10] [REPRODUCE_TRIALS=3] [SEED=21] [WORKDIR=/tmp/scorescope-crash-sample]
# Needs a Release build (dotnet build ScoreScope.slnx -c Release). Exits 1 when any trial fails.
set -u
SAMPLE_TRIALS=${1:-10}
REPRODUCE_TRIALS=${2:-3}
SEED=${3:-21}
WORK=${4:-/tmp/scorescope-crash-sample}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$ROOT/src/ScoreScope.Cli/bin/Release/net10.0"
rm -rf "$WORK" && mkdir -p "$WORK/runs" && cd "$WORK" || exit 1
cp -r "$BIN" "$WORK/bin" || exit 1
CLI=(dotnet "$WORK/bin/ScoreScope.Cli.dll")
RANDOM=$SEED
failures=()

# trial KIND NAME DURATION FILES COMMAND…: one kill-clean-rerun trial; FILES are compared with runs/reference-KIND.
trial() {
    local kind=$1 name=$2 duration=$3 files=$4; shift 4
    local delay pid rc
    delay=$(echo "scale=2; $duration * 0.9 * $((RANDOM % 1000)) / 1000" | bc)
    "${CLI[@]}" "$@" --out "runs/$name" > /dev/null 2> "$name.err" &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2> /dev/null; wait "$pid" 2> /dev/null
    local killed_state="no target"
    if [[ -d runs/$name ]]; then
        killed_state="completed before the kill"
        for f in $files; do [[ -f runs/$name/$f ]] || { failures+=("$name: target exists after the kill but lacks $f"); return; }; done
    fi
    "${CLI[@]}" runs clean runs > /dev/null 2>&1
    "${CLI[@]}" "$@" --out "runs/$name" --force > /dev/null 2> "$name.rerun.err"; rc=$?
    if [[ $rc -ne 0 ]]; then failures+=("$name: rerun exited $rc: $(head -c 300 "$name.rerun.err")"); return; fi
    for f in $files; do
        cmp -s "runs/$name/$f" "runs/reference-$kind/$f" || { failures+=("$name (killed after ${delay}s): $f differs"); return; }
    done
    if ls -A "runs/$name" | grep -q '^\.'; then failures+=("$name: hidden files in the final folder"); return; fi
    echo "$name: killed after ${delay}s ($killed_state); rerun identical"
}

reference() {
    local kind=$1; shift
    local start; start=$(date +%s.%N)
    "${CLI[@]}" "$@" --out "runs/reference-$kind" > /dev/null 2> "reference-$kind.err" || { echo "reference $kind failed"; cat "reference-$kind.err"; exit 1; }
    echo "$(date +%s.%N) - $start" | bc
}

SAMPLE=(sample --data gmm8 --n 200000 --seed 5)
d=$(reference sample "${SAMPLE[@]}")
echo "reference sample run: ${d} s"
for ((i = 1; i <= SAMPLE_TRIALS; i++)); do trial sample "sample-$i" "$d" "samples.npy" "${SAMPLE[@]}"; done

REPRODUCE=(reproduce cumulants-toy --quick)
d=$(reference reproduce "${REPRODUCE[@]}")
echo "reference reproduce run: ${d} s"
for ((i = 1; i <= REPRODUCE_TRIALS; i++)); do trial reproduce "reproduce-$i" "$d" "cumulants.csv checks.csv" "${REPRODUCE[@]}"; done

"${CLI[@]}" runs clean runs > /dev/null 2>&1
leftovers=$(find runs -name '.*' | wc -l)
total=$((SAMPLE_TRIALS + REPRODUCE_TRIALS))
echo "SIGKILL trials: $((total - ${#failures[@]})) of $total reran to outputs identical to the uninterrupted run"
echo "leftovers after 'runs clean': $leftovers hidden files/folders"
for f in "${failures[@]}"; do echo "FAILED: $f"; done
[[ ${#failures[@]} -eq 0 && $leftovers -eq 0 ]]
