-- wrk script: POST the Bonn scenario (YAML) to /api/forecast. Used by scripts/load_test.sh.
local file = io.open(os.getenv("PARLEY_LOAD_BODY") or "Examples/bonn-2001.yaml", "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/yaml"
wrk.path = os.getenv("PARLEY_LOAD_PATH") or "/api/forecast"

function done(summary, latency, requests)
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.1f ms  p90: %.1f ms  p99: %.1f ms  max: %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx answers: %d  timeouts: %d  connect errors: %d\n", summary.errors.status, summary.errors.timeout, summary.errors.connect))
  -- Model answers close the connection (a client that hangs up cancels its work), so wrk counts one
  -- "read error" per answer; they are not failures.
end
