#!/usr/bin/env bash
# Parley's exchange model against decide-exchange-model 2022.1.28 on the same input, in one run:
# the 15 x 13 generated case (Tests/ParleyBargainingTests/Fixtures/decide/synthetic-15x13.tsv),
# 10 rounds, decide's model loop without writers (ALLOW_RANDOM = False) and Parley's release
# build in its three arithmetics (hybrid, the default: binary with error bounds and decimals where
# they cannot decide, decide's numbers exactly; double, plain binary; decimal, decide's 28-digit decimals
# throughout).
# Prints each side's median and the ratios.
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
HYBRID=$("$HELPER" bench "$INPUT" 10 "$PARLEY_REPS" hybrid)
DOUBLE=$("$HELPER" bench "$INPUT" 10 "$PARLEY_REPS" double)
DECIMAL=$("$HELPER" bench "$INPUT" 10 "$PARLEY_REPS" decimal)
python3 - "$DECIDE" "$HYBRID" "$DOUBLE" "$DECIMAL" <<'PY'
import json, sys
decide, hybrid, double, decimal = (json.loads(a) for a in sys.argv[1:5])
print("input: synthetic-15x13.tsv (15 stakeholders x 13 issues), 10 rounds")
print("decide 2022.1.28         median of %d: %.3f s" % (len(decide["decide_seconds"]), decide["median"]))
for name, run in (("hybrid (default)", hybrid), ("double", double), ("decimal", decimal)):
    print("parley %-17s median of %d: %.4f s (%d exchanges realised), decide/parley %.0fx"
          % (name, len(run["seconds"]), run["median"], run["exchanges"], decide["median"] / run["median"]))
print("decimal/double: %.1fx, hybrid/double: %.2fx" % (decimal["median"] / double["median"], hybrid["median"] / double["median"]))
PY
