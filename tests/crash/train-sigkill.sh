#!/usr/bin/env bash
# Crash harness for `scorescope train` (issue 12, deliverable 7): kills training with SIGKILL at seeded random points,
# resumes it by name (`train --resume runs/NAME`), and compares the final weights (model.ckpt, byte for byte) and
# metrics.csv (every column except the wall-clock ones, steps_per_second and elapsed_seconds) with an uninterrupted run.
# Every third trial also starts a second, concurrent resume, which must exit 2 naming the first one's pid.
# After all trials `runs clean` must leave no partial folder, temporary file or lock.
#
# Usage: tests/crash/train-sigkill.sh [TRIALS=20] [SEED=12] [WORKDIR=/tmp/scorescope-crash-train]
# Needs a Release build (dotnet build ScoreScope.slnx -c Release). Exits 1 when any trial fails.
set -u
TRIALS=${1:-20}
SEED=${2:-12}
WORK=${3:-/tmp/scorescope-crash-train}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$ROOT/src/ScoreScope.Cli/bin/Release/net10.0"
TRAIN=(train --data gmm8 --steps 300 --checkpoint-every 50 --evaluate-every 25 --width 32 --depth 2 --seed 5)
rm -rf "$WORK" && mkdir -p "$WORK/runs" && cd "$WORK" || exit 1
# A private copy of the build, so that rebuilding the repository during the trials changes nothing.
cp -r "$BIN" "$WORK/bin" || exit 1
CLI=(dotnet "$WORK/bin/ScoreScope.Cli.dll")
RANDOM=$SEED

same_metrics() { diff -q <(cut -d, -f1-5,8- "$1") <(cut -d, -f1-5,8- "$2") > /dev/null; }

# The reference run, timed from the moment its config.json appears (after process start-up and data set-up).
"${CLI[@]}" "${TRAIN[@]}" --out runs/reference > /dev/null 2> reference.err &
ref=$!
for ((w = 0; w < 600; w++)); do [[ -f runs/.reference.partial/config.json ]] && break; sleep 0.1; done
start=$(date +%s.%N)
wait "$ref" || { echo "reference run failed"; cat reference.err; exit 1; }
duration=$(echo "$(date +%s.%N) - $start" | bc)
echo "reference run: ${duration} s of training after config.json appeared"

passed=0; concurrent_ok=0; concurrent_tried=0; failures=()
for ((i = 1; i <= TRIALS; i++)); do
    name=runs/trial-$i
    # A seeded random delay in [0, 0.7) of the reference duration after config.json appears; when the run was faster
    # than that and completed before the kill, the trial is drawn again (at most 3 times).
    for ((attempt = 1; attempt <= 3; attempt++)); do
        rm -rf "$name" "runs/.trial-$i.partial"
        "${CLI[@]}" "${TRAIN[@]}" --out "$name" > /dev/null 2> "trial-$i.err" &
        pid=$!
        for ((w = 0; w < 600; w++)); do [[ -f runs/.trial-$i.partial/config.json ]] && break; sleep 0.1; done
        delay=$(echo "scale=2; $duration * 0.7 * $((RANDOM % 1000)) / 1000" | bc)
        sleep "$delay"
        kill -9 "$pid" 2> /dev/null; wait "$pid" 2> /dev/null
        [[ -d $name ]] || break
        echo "trial $i: completed before the kill after ${delay}s; drawn again"
    done
    state=$(ls -a runs | grep -c "^\.trial-$i\.partial$")
    if ((i % 3 == 0)); then
        "${CLI[@]}" train --resume "$name" > "resume-$i.out" 2> "resume-$i.err" &
        first=$!
        for ((w = 0; w < 300; w++)); do grep -q "\"pid\":$first," "runs/.trial-$i.partial/.scorescope.lock" 2> /dev/null && break; sleep 0.05; done
        "${CLI[@]}" train --resume "$name" > /dev/null 2> "second-$i.err"
        code=$?
        concurrent_tried=$((concurrent_tried + 1))
        if [[ $code -eq 2 ]] && grep -q "pid $first" "second-$i.err"; then concurrent_ok=$((concurrent_ok + 1)); else echo "trial $i: concurrent resume exited $code: $(cat "second-$i.err")"; fi
        wait "$first"; rc=$?
    else
        "${CLI[@]}" train --resume "$name" > "resume-$i.out" 2> "resume-$i.err"; rc=$?
    fi
    if [[ $rc -ne 0 ]]; then
        failures+=("trial $i (killed after ${delay}s, partial=$state): resume exited $rc: $(head -c 300 "resume-$i.err")")
    elif ! cmp -s "$name/model.ckpt" runs/reference/model.ckpt; then
        failures+=("trial $i (killed after ${delay}s): model.ckpt differs")
    elif ! same_metrics "$name/metrics.csv" runs/reference/metrics.csv; then
        failures+=("trial $i (killed after ${delay}s): metrics.csv differs")
    elif ls -A "$name" | grep -q '^\.'; then
        failures+=("trial $i: hidden files in the final folder: $(ls -A "$name" | grep '^\.')")
    else
        passed=$((passed + 1))
    fi
    echo "trial $i: killed after ${delay}s (+start), resume exit $rc"
done
"${CLI[@]}" runs clean runs > clean.out
leftovers=$(find runs -name '.*' | wc -l)
echo "SIGKILL trials: $passed of $TRIALS resumed by name with bit-identical model.ckpt and identical metrics.csv"
echo "concurrent resume: $concurrent_ok of $concurrent_tried exited 2 naming the holder's pid"
echo "leftovers after 'runs clean': $leftovers hidden files/folders"
for f in "${failures[@]}"; do echo "FAILED: $f"; done
[[ $passed -eq $TRIALS && $concurrent_ok -eq $concurrent_tried && $leftovers -eq 0 ]]
