#!/usr/bin/env bash
# Times Parley's `game solve --method enumpoly` against pygambit 16.7.0's enumpoly_solve on the
# same random n-player games and prints CPU times and ratios.
# Usage: scripts/enumpoly_benchmark.sh [--quick] [--timeout SECONDS]   (from the repository root)
#   PARLEY=path/to/parley to use an existing release build.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0
if [ -z "${PARLEY:-}" ]; then
    swift build -c release --scratch-path .build-games-release --product parley >&2
    PARLEY=.build-games-release/release/parley
fi
PARLEY="$PARLEY" "$VENV/bin/python" scripts/enumpoly_benchmark.py "$@"
