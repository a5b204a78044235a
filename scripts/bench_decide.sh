#!/usr/bin/env bash
# Parley's exchange model against decide-exchange-model 2022.1.28 on the same input, in one run:
# the 15 x 13 generated case (Tests/ParleyBargainingTests/Fixtures/decide/synthetic-15x13.tsv),
# 10 rounds, decide's model loop without writers (ALLOW_RANDOM = False) and Parley's release
# build. Prints each side's median and the ratio.
#   scripts/bench_decide.sh [DECIDE_REPS=3] [PARLEY_REPS=21]
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT=Tests/ParleyBargainingTests/Fixtures/decide/synthetic-15x13.tsv
DECIDE_REPS=${1:-3}
PARLEY_REPS=${2:-21}
HELPER=$(scripts/decide_helper.sh)
VENV=.venv-exchange
PYTHON=${PYTHON:-python3.11}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q decide-exchange-model==2022.1.28
DECIDE=$("$VENV/bin/python" scripts/decide_fixtures.py time "$INPUT" --rounds 10 --repetitions "$DECIDE_REPS")
PARLEY=$("$HELPER" bench "$INPUT" 10 "$PARLEY_REPS")
python3 - "$DECIDE" "$PARLEY" <<'PY'
import json, sys
decide, parley = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("input: synthetic-15x13.tsv (15 stakeholders x 13 issues), 10 rounds")
print("decide 2022.1.28 median of %d: %.3f s" % (len(decide["decide_seconds"]), decide["median"]))
print("parley (release)  median of %d: %.6f s (%d exchanges realised)" % (len(parley["seconds"]), parley["median"], parley["exchanges"]))
print("ratio decide/parley: %.0fx" % (decide["median"] / parley["median"]))
PY
