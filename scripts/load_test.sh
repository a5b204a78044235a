#!/usr/bin/env bash
# Load on `parley serve` over loopback: wrk POSTs the Bonn scenario to /api/forecast (all seven
# models) and reports requests per second and latency percentiles; then the same load runs while one
# client posts an oversized Monte Carlo request, to show the server stays responsive.
#   bash scripts/load_test.sh                         # builds parley in release mode first
#   PARLEY_BIN=.build/release/parley bash scripts/load_test.sh
#   DURATION=30s CONNECTIONS=32 bash scripts/load_test.sh
# Needs wrk (installed with apt-get when missing) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
if [ -z "${PARLEY_BIN:-}" ]; then
  swift build -c release --product parley >&2
  PARLEY_BIN="$(swift build -c release --show-bin-path)/parley"
fi
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
WORK="$(mktemp -d)"
SERVER_PID=""
HEAVY_PID=""
cleanup() {
  if [ -n "$HEAVY_PID" ]; then kill "$HEAVY_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# A generous Monte Carlo bound so the big request below is admitted and runs until the deadline.
PARLEY_STORE="$WORK/runs.sqlite" "$PARLEY_BIN" serve --port 0 --compute-seconds 20 --max-runs 1000000 --max-work 2000000000 \
  >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q "serving on" "$WORK/serve.out" 2>/dev/null && break
  sleep 0.1
done
URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.out" | head -1)"
if [ -z "$URL" ]; then echo "parley serve did not start:" >&2; cat "$WORK/serve.err" >&2; exit 1; fi
echo "server: $URL ($(nproc) cores; $(curl -s "$URL/api/health"))"
forecast_once() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}s' -H 'Content-Type: application/yaml' --data-binary @Examples/bonn-2001.yaml "$URL/api/forecast"
}
echo "warm-up forecast: $(forecast_once)"

echo
echo "== wrk -t2 -c$CONNECTIONS -d$DURATION --timeout 20s, POST /api/forecast (Bonn, all models)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 20s -s scripts/load_forecast.lua "$URL" | grep -E "requests/s|latency|non-2xx"

echo
echo "== a request over the bound is refused at once"
curl -s -o "$WORK/over.json" -w 'runs=2000000 (over --max-runs): HTTP %{http_code} in %{time_total}s\n' -H 'Content-Type: application/yaml' \
  --data-binary @Examples/bonn-2001.yaml "$URL/api/sensitivity?runs=2000000"
head -c 300 "$WORK/over.json"; echo

echo
echo "== the same load while one client posts an oversized Monte Carlo request (1,000,000 runs × 7 models)"
curl -s -o "$WORK/heavy.json" -w 'Monte Carlo: HTTP %{http_code} after %{time_total}s\n' -H 'Content-Type: application/yaml' \
  --data-binary @Examples/bonn-2001.yaml "$URL/api/sensitivity?runs=1000000" >"$WORK/heavy.out" &
HEAVY_PID=$!
sleep 1
echo "single forecast while it runs: $(forecast_once)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 20s -s scripts/load_forecast.lua "$URL" | grep -E "requests/s|latency|non-2xx"
echo "health while it runs: $(curl -s -o /dev/null -w '%{http_code} %{time_total}s' "$URL/api/health")"
wait "$HEAVY_PID" || true
HEAVY_PID=""
cat "$WORK/heavy.out"
head -c 400 "$WORK/heavy.json"; echo
