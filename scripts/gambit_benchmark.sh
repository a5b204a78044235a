#!/usr/bin/env bash
# Times Parley against pygambit 16.7.0 and nashpy 0.0.43 (and lrsnash when installed) on the
# same random games, in one run, and prints medians and ratios.
# Usage: scripts/gambit_benchmark.sh [--quick] [--nplayer-only] [--two-player-only] [--wall] [--gambit-200] [--lh-only]   (from the repository root)
#   CPU time by default (the machine is shared); --wall for wall time.
#   PARLEY=path/to/parley to use an existing release build.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-games}
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q pygambit==16.7.0 nashpy==0.0.43
if [ -z "${PARLEY:-}" ]; then
    swift build -c release --scratch-path .build-games-release --product parley >&2
    PARLEY=.build-games-release/release/parley
fi
PARLEY="$PARLEY" "$VENV/bin/python" scripts/gambit_benchmark.py "$@"
