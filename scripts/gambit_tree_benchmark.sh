#!/usr/bin/env bash
# Times Lemke on the sequence form: Parley (release build) against pygambit 16.7.0 lcp_solve on
# the same game trees (see scripts/gambit_tree_benchmark.py). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0
if [ -z "${PARLEY:-}" ]; then
    swift build -c release --scratch-path .build-extensive-release --product parley >&2
    PARLEY=.build-extensive-release/release/parley
fi
PARLEY="$PARLEY" "$VENV/bin/python" scripts/gambit_tree_benchmark.py "$@"
