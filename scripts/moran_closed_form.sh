#!/usr/bin/env bash
# Moran fixation probabilities against the closed forms, 10^6 runs each (issue 16):
#   neutral drift           one Tit For Tat among 9 Cooperators: rho = 1/N
#   constant fitness r      one Cooperator among N-1 Defectors in the game R=S=r, T=P=1
#                           (fitnesses r(N-1) and N-1): rho = (1 - 1/r) / (1 - 1/r^N)
# Each must agree within 1% (relative). Uses `parley evolve --json` from a release build
# (CONFIG=debug for the debug build; about ten times slower). Prints one line per case.
#   bash scripts/moran_closed_form.sh            (RUNS=1000000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG="${CONFIG:-release}"
RUNS="${RUNS:-1000000}"
swift build -c "$CONFIG" --product parley >/dev/null
PARLEY="$(swift build -c "$CONFIG" --show-bin-path)/parley"
python3 - "$PARLEY" "$RUNS" <<'PY'
import json, subprocess, sys, time
parley, runs = sys.argv[1], int(sys.argv[2])
cases = [("neutral drift, N=10", ["TitForTat"] + ["Cooperator"] * 9, "3,0,5,1", 1 / 10)]
for r, n in [(2.0, 10), (1.5, 6), (0.8, 5)]:
    cases.append((f"constant fitness r={r}, N={n}", ["Cooperator"] + ["Defector"] * (n - 1), f"{r},{r},1,1",
                  (1 - 1 / r) / (1 - (1 / r) ** n)))
failed = False
for label, players, payoffs, rho in cases:
    start = time.perf_counter()
    out = subprocess.run([parley, "evolve", "--players", ",".join(players), "--payoffs", payoffs, "--turns", "1",
                          "--runs", str(runs), "--seed", "2026", "--json"], check=True, capture_output=True, text=True).stdout
    elapsed = time.perf_counter() - start
    doc = json.loads(out)
    share = doc["fixations"][0]["share"]
    error = abs(share - rho) / rho
    ok = error <= 0.01
    failed |= not ok
    print(f"{label}: observed {share:.5f}, closed form {rho:.5f}, relative error {100 * error:.2f}% "
          f"({'ok' if ok else 'FAIL'}, {doc['runs']} runs, {elapsed:.1f} s)")
sys.exit(1 if failed else 0)
PY
