#!/usr/bin/env bash
# Regenerates Tests/ParleyCoreTests/Fixtures/krippendorff.json, the oracle of
# KrippendorffAlpha.interval: small units x coders matrices with missing values (a seeded
# generator in scripts/krippendorff_fixtures.py, plus Krippendorff's own textbook example),
# each with the alpha (interval metric) that the krippendorff package from PyPI computes.
# The package is installed into a throw-away virtualenv (.venv-krippendorff, gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-krippendorff
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q krippendorff==0.9.0
"$VENV/bin/python" scripts/krippendorff_fixtures.py > Tests/ParleyCoreTests/Fixtures/krippendorff.json
echo "wrote Tests/ParleyCoreTests/Fixtures/krippendorff.json"
