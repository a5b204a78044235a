#!/usr/bin/env bash
# Regenerates Tests/ParleySimulationTests/Fixtures/properscoring/crps.json, the oracle of
# ParleySimulation's ForecastScores: properscoring 0.1 from PyPI (crps_ensemble) scores small
# fixed samples against observations, and numpy's default (type-7, "linear") quantiles give the
# central 50% and 80% intervals. properscoring runs in a throw-away virtualenv
# (.venv-properscoring, gitignored). Re-runnable; takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Tests/ParleySimulationTests/Fixtures/properscoring
mkdir -p "$OUT"
VENV=.venv-properscoring
PYTHON=${PYTHON:-python3}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q properscoring==0.1 numpy
"$VENV/bin/python" scripts/properscoring_fixtures.py > "$OUT/crps.json"
echo "wrote $OUT/crps.json"
