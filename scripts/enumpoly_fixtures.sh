#!/usr/bin/env bash
# Installs pygambit 16.7.0 into a throw-away virtualenv and writes the enumpoly fixtures that
# Tests/ParleyGamesTests/PolynomialEnumerationTests.swift compares against. Re-runnable.
# Usage: scripts/enumpoly_fixtures.sh              (development games: enumpoly.json)
#        scripts/enumpoly_fixtures.sh --holdout    (the ten held-out games: enumpoly_holdout.json)
#        scripts/enumpoly_fixtures.sh --holdout2   (ten larger held-out games: enumpoly_holdout2.json)
#        scripts/enumpoly_fixtures.sh --catalog    (pygambit's catalog's strategic games: enumpoly_catalog.json)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0
"$VENV/bin/python" scripts/enumpoly_fixtures.py "$@"
