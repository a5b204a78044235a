#!/usr/bin/env bash
# Who won, with counterfactual influence (n + 1 runs of each model) and, for the closed-form
# models, Shapley shares (exact to 12 stakeholders, 1,000 sampled orders beyond): the time of
# `parley forecast --winners` per model on Bonn (11 stakeholders x 3 issues) and on a generated
# 40 x 8 scenario with a forum and status quos, release build, median of REPEATS runs, with
# JOBS threads and with 1.
#
#   bash scripts/bench_whowon.sh            # REPEATS=3 JOBS=2
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
JOBS=${JOBS:-2}
swift build -c release --product parley --scratch-path .build-release >/dev/null
PARLEY=.build-release/release/parley
SYNTH=$(mktemp -d)/synthetic-40x8.yaml
python3 scripts/make_synthetic_scenario.py 40 8 1 --forum > "$SYNTH"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() {
  local start end
  start=$(date +%s.%N)
  "$PARLEY" forecast "$@" --winners --json --no-store >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

printf "%-18s %-18s %10s %10s\n" scenario model "s, 1 job" "s, $JOBS jobs"
for scenario in Examples/bonn-2001.yaml "$SYNTH"; do
  label=$(basename "$scenario" .yaml)
  for model in weighted-mean weighted-median nash procedural expected-utility exchange spatial all; do
    args=("$scenario")
    [ "$model" != all ] && args+=(--model "$model")
    one=$(for _ in $(seq "$REPEATS"); do seconds "${args[@]}" --jobs 1; done | median)
    many=$(for _ in $(seq "$REPEATS"); do seconds "${args[@]}" --jobs "$JOBS"; done | median)
    printf "%-18s %-18s %10.2f %10.2f\n" "$label" "$model" "$one" "$many"
  done
done
