#!/usr/bin/env bash
# Parley vs axelrod 4.14.0 on the same tournaments, one run, medians and ratios.
#   bash scripts/bench_axelrod.sh            (BENCH_REPEATS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${AXELROD_VENV:-.venv-repeated}"
if ! "$VENV/bin/python" -c 'import axelrod, sys; sys.exit(axelrod.__version__ != "4.14.0")' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q "axelrod==4.14.0"
fi
swift build -c release --scratch-path .build-repeated-release --product parley >/dev/null
"$VENV/bin/python" scripts/bench_axelrod.py "$(pwd)/.build-repeated-release/release/parley"
