#!/usr/bin/env bash
# Every axelrod strategy Parley implements, 200 turns, 40 repetitions: Parley (release build)
# against axelrod 4.14.0 (on a subset, extrapolated; see the .py). Prints times and ratios.
#   bash scripts/bench_all_strategies.sh          (BENCH_SUBSET=24 players for axelrod)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${AXELROD_VENV:-.venv-repeated}"
if ! "$VENV/bin/python" -c 'import axelrod, sys; sys.exit(axelrod.__version__ != "4.14.0")' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q "axelrod==4.14.0"
fi
swift build -c release --product parley >/dev/null
"$VENV/bin/python" scripts/bench_all_strategies.py "$(pwd)/.build/release/parley"
