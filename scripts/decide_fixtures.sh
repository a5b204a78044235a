#!/usr/bin/env bash
# Regenerates Tests/ParleyBargainingTests/Fixtures/decide, the oracle of the exchange model:
# 1. Parley exports the inputs to decide TSV (Bonn 2001, EC car emissions, and the generated
#    15 x 13 case SyntheticScenario.make(stakeholders: 15, issues: 13, seed: 1)) with its own
#    exporter, through scripts/decide_helper.sh;
# 2. decide-exchange-model 2022.1.28 from PyPI, in a throw-away virtualenv (.venv-exchange,
#    gitignored; Python 3.11, as the package pins), runs each with ALLOW_RANDOM = False;
# 3. scripts/decide_fixtures.py writes the JSON fixtures (about 550 KB in all);
# 4. two inputs shaped like decide's own .csv files (scripts/decide_shaped_inputs.py) run the same way.
# Re-runnable; takes about 30 s of decide time for the 15 x 13 case.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Tests/ParleyBargainingTests/Fixtures/decide
mkdir -p "$OUT"
HELPER=$(scripts/decide_helper.sh)
"$HELPER" export Examples/bonn-2001.yaml "$OUT/bonn-2001.tsv"
"$HELPER" export Examples/ec-car-emissions.yaml "$OUT/ec-car-emissions.tsv"
"$HELPER" synthetic 15 13 1 "$OUT/synthetic-15x13.tsv"
VENV=.venv-exchange
PYTHON=${PYTHON:-python3.11}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q decide-exchange-model==2022.1.28
"$VENV/bin/python" scripts/decide_fixtures.py fixtures rounds "$OUT/bonn-2001.tsv" "$OUT/ec-car-emissions.tsv" --out "$OUT"
# All 10 rounds (about 350 KB): Parley's decimal arithmetic matches them all; binary parts from
# decide at a knife edge in round 4 (ExchangeRound.knifeEdges).
"$VENV/bin/python" scripts/decide_fixtures.py fixtures rounds "$OUT/synthetic-15x13.tsv" --rounds 10 --out "$OUT"
"$VENV/bin/python" scripts/decide_fixtures.py fixtures randomized "$OUT/bonn-2001.tsv" --p 0.5 --out "$OUT"
# Inputs in the shape of decide's own data/input/*.csv files (the wheel does not ship them):
# written by scripts/decide_shaped_inputs.py, read by decide as they are.
python3 scripts/decide_shaped_inputs.py "$OUT"
"$VENV/bin/python" scripts/decide_fixtures.py fixtures rounds "$OUT/harbour.csv" "$OUT/river.csv" "$OUT/delta.csv" --out "$OUT"
