#!/usr/bin/env bash
# Drives the web app of `parley serve` in headless Chromium as a person would: load the Bonn example,
# change a salience in the table, rerun, store and compare the runs, provoke located errors, cancel a long
# Monte Carlo run, upload UTF-16 and wide scenarios, and check chart legibility and accessibility (labels,
# focus, contrast). Each failed check saves a screenshot in a temporary folder whose path is printed.
# Exits non-zero on any failed check.
#   bash scripts/browser_test.sh                      # builds parley (debug) first
#   PARLEY_BIN=.build/release/parley bash scripts/browser_test.sh
# Needs the Debian chromium package (installed with apt-get when missing) and a throw-away venv
# (.venv-browser, gitignored) holding websocket-client for the DevTools protocol.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq chromium
fi
VENV="${BROWSER_VENV:-.venv-browser}"
if ! "$VENV/bin/python" -c 'import websocket' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "websocket-client==1.8.0"
fi
if [ -z "${PARLEY_BIN:-}" ]; then
  swift build --product parley >&2
  PARLEY_BIN="$(swift build --show-bin-path)/parley"
fi
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# A long deadline and no run limit, so only Cancel can stop the browser test's long Monte Carlo run.
PARLEY_STORE="$WORK/runs.sqlite" "$PARLEY_BIN" serve --port 0 --compute-seconds 3600 --max-runs 100000000 --max-work 1000000000000 >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q "serving on" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.out" | head -1)"
if [ -z "$URL" ]; then echo "parley serve did not start:" >&2; cat "$WORK/serve.err" >&2; exit 1; fi
echo "server: $URL"
SHOTS="$(mktemp -d -t parley-browser-shots.XXXXXX)"
if "$VENV/bin/python" scripts/browser_test.py "$URL" "$SHOTS" "$WORK/chromium" "$WORK"; then
  rmdir "$SHOTS" 2>/dev/null || true
else
  echo "browser test failed; screenshots of the failures: $SHOTS" >&2
  exit 1
fi
