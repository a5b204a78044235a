#!/usr/bin/env bash
# Monte Carlo throughput: replicates per second for each model on Bonn and on a generated
# 40 x 3 scenario, with 1 and 2 jobs, from a release build. Prints medians of REPEATS runs.
#
#   bash scripts/bench_montecarlo.sh            # RUNS=400 REPEATS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-400}
REPEATS=${REPEATS:-3}
swift build -c release --product parley --scratch-path .build-release >/dev/null
PARLEY=.build-release/release/parley
SYNTH=$(mktemp -d)/synthetic-40x3.yaml
python3 scripts/make_synthetic_scenario.py 40 3 1 > "$SYNTH"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() {  # seconds for one run of the given arguments
  local start end
  start=$(date +%s.%N)
  "$PARLEY" sensitivity "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf "%-22s %-18s %12s %12s %8s\n" scenario model "reps/s 1 job" "reps/s 2 jobs" speedup
for scenario in Examples/bonn-2001.yaml "$SYNTH"; do
  label=$(basename "$scenario" .yaml)
  for model in weighted-mean weighted-median nash expected-utility exchange spatial; do
    runs=$RUNS
    case $model in expected-utility|exchange|spatial) runs=$((RUNS / 4));; esac
    one=$(for _ in $(seq "$REPEATS"); do seconds "$scenario" --runs "$runs" --seed 1 --model "$model" --jobs 1 --top 0 --no-store; done | median)
    two=$(for _ in $(seq "$REPEATS"); do seconds "$scenario" --runs "$runs" --seed 1 --model "$model" --jobs 2 --top 0 --no-store; done | median)
    printf "%-22s %-18s %12.0f %12.0f %8.2f\n" "$label" "$model" "$(echo "$runs / $one" | bc -l)" "$(echo "$runs / $two" | bc -l)" "$(echo "$one / $two" | bc -l)"
  done
done
