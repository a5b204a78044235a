#!/usr/bin/env bash
# Installs pygambit 16.7.0 into a throw-away virtualenv and writes the sequence-form fixtures
# (Tests/ParleyGamesTests/Fixtures/gambit/sequence_form.json, from the trees of gambit_tree_fixtures.sh). Re-runnable.
# Usage: scripts/sequence_form_fixtures.sh            (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0
"$VENV/bin/python" scripts/sequence_form_fixtures.py "$@"
