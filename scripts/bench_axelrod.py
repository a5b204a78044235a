#!/usr/bin/env python3
"""Times Parley against axelrod 4.14.0 on the same tournaments, in one run; prints medians and ratios.

Run through scripts/bench_axelrod.sh (which builds Parley in release mode and makes the venv).
Workloads: (1) the 10 classic strategies (Oracle A's 9 + Random(0.5)), (2) every deterministic
strategy Parley catalogues (84); both 200 turns, 10 repetitions, seed 1.
axelrod is timed in-process: serial (processes=None, with its ResultSet) and on all cores
(processes=0, i.e. cpu_count() workers); Parley as the CLI (`parley tournament --json`,
process start included) with --jobs 1 and with every core.
"""
import os
import statistics
import subprocess
import sys
import time
import warnings

warnings.simplefilter("ignore")
import axelrod as axl  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from axelrod_fixtures import CLASSIC, DETERMINISTIC, make  # noqa: E402

PARLEY = sys.argv[1]
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def axelrod_run(keys, processes):
    players = [make(k) for k in keys]
    t = axl.Tournament(players, turns=200, repetitions=10, seed=1)
    t.play(processes=processes, progress_bar=False)


def parley_run(keys, jobs):
    args = [PARLEY, "tournament", "--players", ",".join(keys), "--turns", "200", "--repetitions", "10",
            "--seed", "1", "--json"]
    if jobs:
        args += ["--jobs", str(jobs)]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def parley_engine(keys, jobs, runs):
    """Median in-process engine time reported by the CLI's hidden --benchmark-runs."""
    args = [PARLEY, "tournament", "--players", ",".join(keys), "--turns", "200", "--repetitions", "10",
            "--seed", "1", "--json", "--benchmark-runs", str(runs)]
    if jobs:
        args += ["--jobs", str(jobs)]
    out = subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    return float(out.split()[-1])


def main():
    cores = os.cpu_count() or 1
    workloads = [("10 classic", CLASSIC + ["Random"], REPEATS), (f"{len(DETERMINISTIC)} deterministic", DETERMINISTIC, max(1, REPEATS // 2))]
    print(f"machine: {cores} cores; medians of the repeats shown; times in seconds")
    rows = []
    for label, keys, repeats in workloads:
        a1 = median_time(lambda: axelrod_run(keys, None), repeats)
        an = median_time(lambda: axelrod_run(keys, 0), max(1, repeats // 2))
        p1 = median_time(lambda: parley_run(keys, 1), repeats)
        pn = median_time(lambda: parley_run(keys, None), repeats)
        e1 = parley_engine(keys, 1, 21)
        en = parley_engine(keys, None, 21)
        rows.append((label, repeats, a1, an, p1, pn, e1, en))
    print("Parley CLI (process start included):")
    print(f"{'workload':<18}{'axelrod 1 proc':>15}{'axelrod all':>12}{'parley 1 job':>13}{'parley all':>11}{'x 1 vs 1':>10}{'x all':>8}")
    for label, repeats, a1, an, p1, pn, e1, en in rows:
        print(f"{label:<18}{a1:>15.3f}{an:>12.3f}{p1:>13.4f}{pn:>11.4f}{a1 / p1:>10.0f}{an / pn:>8.0f}  ({repeats} repeats)")
    print("Parley engine in-process (median of 21, --benchmark-runs):")
    print(f"{'workload':<18}{'axelrod 1 proc':>15}{'axelrod all':>12}{'parley 1 job':>13}{'parley all':>11}{'x 1 vs 1':>10}{'x all':>8}")
    for label, repeats, a1, an, p1, pn, e1, en in rows:
        print(f"{label:<18}{a1:>15.3f}{an:>12.3f}{e1:>13.5f}{en:>11.5f}{a1 / e1:>10.0f}{an / en:>8.0f}")


if __name__ == "__main__":
    main()
