#!/usr/bin/env bash
# Installs axelrod 4.14.0 into a throw-away virtual environment (.venv-repeated, gitignored;
# about 6 GB because axelrod requires torch) and writes the fixtures that
# Tests/ParleyGamesTests/Repeated read. Re-runnable: the venv is reused when present.
#   bash scripts/axelrod_fixtures.sh                  # all fixtures
#   bash scripts/axelrod_fixtures.sh histories        # one of: data histories histories-extend classic sixteen
#                                                     # stochastic meta meta-histories catalogue attention
# (attention: EvolvedAttention and the meta strategies whose team contains it; scripts/axelrod_attention.py)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${AXELROD_VENV:-.venv-repeated}"
if ! "$VENV/bin/python" -c 'import axelrod, sys; sys.exit(axelrod.__version__ != "4.14.0")' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q "axelrod==4.14.0"
fi
"$VENV/bin/python" scripts/axelrod_fixtures.py "$@"
