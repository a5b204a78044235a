#!/usr/bin/env bash
# Fuzzes the web API of `parley serve` with schemathesis (PyPI), driven by the server's own
# /api/openapi.json: starts the server on an ephemeral loopback port with a throw-away run store,
# runs every operation with generated (valid and invalid) parameters and bodies, and fails on any
# 5xx answer or a server that stops answering. Always stops the server it started.
#   bash scripts/schemathesis.sh                        # builds parley (debug) first
#   PARLEY_BIN=.build/release/parley bash scripts/schemathesis.sh
#   bash scripts/schemathesis.sh --max-examples 200     # extra arguments go to `st run`
# Installs schemathesis into a throw-away venv (.venv-schemathesis, gitignored); re-runnable.
# The run's report (JUnit XML) and the server's standard error are left in out/schemathesis/.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="4.32.5"
VENV="${SCHEMATHESIS_VENV:-.venv-schemathesis}"
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('schemathesis') != '$VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q "schemathesis==$VERSION"
fi
if [ -z "${PARLEY_BIN:-}" ]; then
  swift build --product parley >&2
  PARLEY_BIN="$(swift build --show-bin-path)/parley"
fi
WORK="$(mktemp -d)"
OUT="out/schemathesis"
mkdir -p "$OUT"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# A debug build is slow: a long deadline keeps generated Monte Carlo requests from ending in 503,
# and --max-runs bounds what one request may ask for.
PARLEY_STORE="$WORK/runs.sqlite" "$PARLEY_BIN" serve --port 0 --compute-seconds 60 --max-runs 200 \
  >"$WORK/serve.out" 2>"$OUT/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q "serving on" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.out" | head -1)"
if [ -z "$URL" ]; then echo "parley serve did not start:" >&2; cat "$OUT/serve.err" >&2; exit 1; fi
echo "server: $URL (pid $SERVER_PID)"
status=0
ROOT="$(pwd)"
# Run from the throw-away folder: schemathesis keeps its cache (.schemathesis/) in the current one.
(cd "$WORK" && "$ROOT/$VENV/bin/st" run "$URL/api/openapi.json" \
  --checks not_a_server_error \
  --request-timeout 120 \
  --seed 1 \
  --suppress-health-check all \
  --report junit --report-junit-path "$ROOT/$OUT/junit.xml" \
  "$@") || status=$?
# The server must still be up and answering after the run.
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  echo "parley serve is no longer running" >&2
  status=1
elif ! "$VENV/bin/python" -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('$URL/api/health', timeout=30).status != 200)"; then
  echo "parley serve no longer answers /api/health" >&2
  status=1
fi
exit "$status"
