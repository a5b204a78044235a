#!/usr/bin/env bash
# Installs the peers (pygambit 16.7.0, nashpy 0.0.43) into a throw-away virtualenv and writes
# the equilibrium fixtures that Tests/ParleyGamesTests compare against. Re-runnable.
# Usage: scripts/gambit_fixtures.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0 nashpy==0.0.43
"$VENV/bin/python" scripts/gambit_fixtures.py "$@"
