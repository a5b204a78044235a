#!/usr/bin/env bash
# Runs decide-exchange-model 2022.1.28 and Parley's exchange model on the same decide input (any
# of decide's own data/input/*.csv files, tab- or semicolon-separated) and compares every
# stakeholder's position after each of 10 rounds (scripts/decide_compare.py; exit 1 on a difference
# above 1e-9 relative). decide comes from PyPI in a throw-away virtualenv (.venv-exchange).
#   scripts/decide_compare.sh INPUT.csv...        PARLEY=path/to/parley to use another build
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || { echo "usage: scripts/decide_compare.sh INPUT.csv..." >&2; exit 64; }
PARLEY=${PARLEY:-.build/debug/parley}
[ -x "$PARLEY" ] || swift build --product parley >/dev/null
VENV=.venv-exchange
PYTHON=${PYTHON:-python3.11}
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install -q decide-exchange-model==2022.1.28
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
STATUS=0
for input in "$@"; do
  stem=$(basename "${input%.*}")
  echo "== $input"
  "$VENV/bin/python" scripts/decide_fixtures.py fixtures rounds "$input" --rounds 10 --out "$WORK" >/dev/null
  "$PARLEY" simulate "$input" --model exchange --json >"$WORK/$stem.parley.json"
  python3 scripts/decide_compare.py "$WORK/$stem.json" "$WORK/$stem.parley.json" || STATUS=1
done
exit $STATUS
