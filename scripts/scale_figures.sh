#!/usr/bin/env bash
# The scale figures of docs/scaling.md: a sweep of RUNS (default 10^6) replicates as SHARDS (4)
# shard processes run one after another on this machine (each with every core, --jobs default),
# the merge, and one machine's unsharded run for the byte comparison; wall time, CPU time and
# peak memory of each from /usr/bin/time -v. Needs a release build:
#
#   swift build -c release --static-swift-stdlib --product parley
#   bash scripts/scale_figures.sh            # RUNS=... SHARDS=... MODELS="--model nash" to change;
#                                            # SINGLE=0 skips the unsharded run and the comparison
#
# Prints one line per process and whether the merge equals the single run byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
PARLEY=${PARLEY:-.build/release/parley}
RUNS=${RUNS:-1000000}
SHARDS=${SHARDS:-4}
SEED=${SEED:-20011205}
read -r -a MODELS <<<"${MODELS:---model weighted-mean --model nash}"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# One line: label, wall seconds, user+system seconds, peak resident MB.
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$TMP/time" "$@"
  awk -v label="$label" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%-14s wall %8.1f s  cpu %8.1f s  peak RSS %7.1f MB\n", label, wall, cpu, rss }' "$TMP/time"
}

echo "parley: $PARLEY ($(du -h "$PARLEY" | cut -f1)); runs $RUNS; shards $SHARDS; models ${MODELS[*]}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 0; i < SHARDS; i++)); do
  measure "shard $i/$SHARDS" "$PARLEY" sensitivity Examples/bonn-2001.yaml --runs "$RUNS" --seed "$SEED" "${MODELS[@]}" \
    --shard "$i/$SHARDS" --out "$TMP/shards" --no-store 2>/dev/null
done
du -sh "$TMP/shards" | awk '{print "shard files: " $1}'
measure "merge" sh -c "'$PARLEY' merge '$TMP/shards' --json > '$TMP/merged.json'"
[ "${SINGLE:-1}" = 1 ] || exit 0  # SINGLE=0: shards and merge only
measure "one machine" sh -c "'$PARLEY' sensitivity Examples/bonn-2001.yaml --runs $RUNS --seed $SEED ${MODELS[*]} --json --no-store > '$TMP/single.json'"
if cmp -s "$TMP/merged.json" "$TMP/single.json"; then echo "merge == one machine: byte-identical"; else echo "merge differs from one machine" >&2; exit 1; fi
