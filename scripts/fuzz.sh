#!/usr/bin/env bash
# Fuzzes every Parley reader with libFuzzer: builds the harnesses in Fuzz/ (one executable per
# reader, release, `--sanitize fuzzer --sanitize address`), seeds each corpus from the committed
# fixtures and examples (plus Fuzz/Seeds/<harness>/), runs each for SECONDS, and prints the
# executions and crashes per reader. A run that crashes is restarted until its time is used up;
# every crashing input is kept in Fuzz/.build/fuzz/crashes/<harness>/ (crash-*, timeout-*,
# oom-*, leak-*): turn each into a regression test.
#   scripts/fuzz.sh [SECONDS=60] [HARNESS...]      e.g. scripts/fuzz.sh 300 FuzzNFG FuzzEFG
#   FUZZ_RUNS=2000000 scripts/fuzz.sh 900          each harness stops at 2,000,000 executions or 900 s
# Linux only (libFuzzer ships with the Swift toolchain there). Exit status 1 when any crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
RUNS_EACH=${FUZZ_RUNS:-0}
shift || true
ALL=(FuzzScenarioYAML FuzzScenarioJSON FuzzKTABCSV FuzzKTABXML FuzzDecideTSV FuzzDEUCSV
     FuzzNFG FuzzEFG FuzzGameYAML FuzzGameJSON FuzzRepeatedCase FuzzShardFile FuzzAxelrodData)
HARNESSES=("$@")
[ ${#HARNESSES[@]} -gt 0 ] || HARNESSES=("${ALL[@]}")
# `--sanitize` alone instruments only the C targets: the Swift modules (Parley's libraries and
# the harnesses) get libFuzzer's edge coverage and ASan from -Xswiftc, so `cov:` counts them.
FLAGS=(--package-path Fuzz -c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address)
swift build "${FLAGS[@]}" 2>&1 | grep -E "error|warning: unre|Compiling Fuzz|Build complete" || true
BIN=$(swift build "${FLAGS[@]}" --show-bin-path)
WORK=Fuzz/.build/fuzz
mkdir -p "$WORK"

seeds() {  # the committed files a harness starts from
  case "$1" in
    FuzzScenarioYAML) ls Examples/bonn-2001.yaml Examples/ec-car-emissions.yaml Examples/dummyData_3Dim.yaml ;;
    FuzzScenarioJSON) ls Tests/ParleyBargainingTests/Fixtures/eum/ec-textbook.json ;;
    FuzzKTABCSV) ls Tests/ParleyIOTests/Fixtures/*.csv Tests/ParleyBargainingTests/Fixtures/ktab/*.csv 2>/dev/null ;;
    FuzzKTABXML) ls Tests/ParleyIOTests/Fixtures/*.xml ;;
    FuzzDecideTSV) ls Tests/ParleyIOTests/Fixtures/*.tsv Tests/ParleyBargainingTests/Fixtures/decide/*.tsv Tests/ParleyBargainingTests/Fixtures/decide/*.csv Tests/ParleyIOTests/Fixtures/decide/*.csv 2>/dev/null ;;
    FuzzDEUCSV) true ;;
    FuzzNFG) ls Tests/ParleyGamesTests/Fixtures/gambit/games/*.nfg ;;
    FuzzEFG) ls Tests/ParleyGamesTests/Fixtures/gambit/trees/*.efg Tests/ParleyGamesTests/Fixtures/gambit/games/*.efg ;;
    FuzzGameYAML) ls Examples/iran-2001-cooperation.yaml ;;
    FuzzGameJSON) true ;;
    FuzzRepeatedCase) ls Examples/axis-of-evil.yaml ;;
    FuzzShardFile) true ;;
    FuzzAxelrodData) true ;;  # Fuzz/Seeds/FuzzAxelrodData/: small PyTorch-shaped archives (scripts/torch_archive_seeds.py)
  esac
  [ -d "Fuzz/Seeds/$1" ] && ls "Fuzz/Seeds/$1"/* || true
}

FAILED=0
SUMMARY=()
for h in "${HARNESSES[@]}"; do
  corpus="$WORK/corpus/$h"
  crashes="$WORK/crashes/$h"
  mkdir -p "$corpus" "$crashes"
  for f in $(seeds "$h"); do cp "$f" "$corpus/seed-$(basename "$f")"; done
  executions=0
  found=0
  start=$(date +%s)
  end=$(( start + SECONDS_EACH ))
  coverage=()
  while :; do
    left=$(( end - $(date +%s) ))
    [ "$left" -ge 1 ] || break
    limit=()
    if [ "$RUNS_EACH" -gt 0 ]; then
      [ "$executions" -lt "$RUNS_EACH" ] || break
      limit=(-runs=$(( RUNS_EACH - executions )))
    fi
    log="$WORK/$h.log"
    set +e
    "$BIN/$h" "$corpus" -max_total_time="$left" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
      -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    runs=$(grep -E "^stat::number_of_executed_units" "$log" | awk '{print $2}' | tail -1)
    if [ -z "$runs" ]; then  # a crash ends libFuzzer before its final stats: take the last status line
      runs=$(grep -oE "^#[0-9]+" "$log" | tail -1 | tr -d '#')
    fi
    executions=$(( executions + ${runs:-0} ))
    [ ${#coverage[@]} -gt 0 ] || coverage+=("$(grep -oE "INITED cov: [0-9]+" "$log" | head -1 | awk '{print $3}')")
    coverage[1]=$(grep -oE " cov: [0-9]+" "$log" | tail -1 | awk '{print $2}')
    if [ "$status" -ne 0 ]; then
      found=$(( found + 1 ))
      grep -E "ERROR: |SUMMARY: |Test unit written" "$log" | head -3 | sed "s/^/  $h: /"
    fi
  done
  [ "$found" -eq 0 ] || FAILED=1
  SUMMARY+=("$(printf '%-18s %12s executions %3d crashes  %5d s  cov %s -> %s  corpus %d files' "$h" "$executions" "$found" \
    "$(( $(date +%s) - start ))" "${coverage[0]:-?}" "${coverage[1]:-?}" "$(ls "$corpus" | wc -l)")")
done
printf '%s\n' "${SUMMARY[@]}"
exit $FAILED
