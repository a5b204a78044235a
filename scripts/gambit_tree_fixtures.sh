#!/usr/bin/env bash
# Installs pygambit 16.7.0 into a throw-away virtualenv and writes the game-tree fixtures
# (Tests/ParleyGamesTests/Fixtures/gambit/trees.json and trees/*.efg). Re-runnable.
# Usage: scripts/gambit_tree_fixtures.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0
"$VENV/bin/python" scripts/gambit_tree_fixtures.py "$@"
