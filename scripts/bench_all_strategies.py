#!/usr/bin/env python3
"""Times Parley's round robin of every axelrod strategy it implements (200 turns, 40
repetitions, seed 1) and axelrod 4.14.0 on the same tournament.

Run through scripts/bench_all_strategies.sh (release build of Parley, the axelrod venv).
axelrod needs hours for the whole tournament on this machine, so it is timed on a subset
of SUBSET players drawn with a fixed seed from the same list; Parley is timed on the same
subset (the ratio on identical work) and on the whole list. The whole-tournament axelrod
time printed is the subset time scaled by the number of matches axelrod actually plays
(deterministic pairs once, as its cache does; stochastic pairs 40 times), an extrapolation
that assumes the subset's mean match cost.
"""
import json
import os
import random
import resource
import subprocess
import sys
import time
import warnings

warnings.simplefilter("ignore")
import axelrod as axl  # noqa: E402

PARLEY = sys.argv[1]
SUBSET = int(os.environ.get("BENCH_SUBSET", "24"))
TURNS, REPETITIONS = 200, 40


def parley_keys():
    out = subprocess.run([PARLEY, "tournament", "--list"], check=True, capture_output=True, text=True).stdout
    keys = [line.split()[0] for line in out.splitlines() if line.strip()]
    names = {cls.__name__ for cls in axl.all_strategies}
    return [k for k in keys if k in names]


def matches(keys):
    """Matches axelrod plays for a round robin with self-play: deterministic pairs once."""
    stochastic = {k: axl.Classifiers["stochastic"](getattr(axl, k)()) for k in keys}
    total = 0
    for i, a in enumerate(keys):
        for b in keys[i:]:
            total += REPETITIONS if stochastic[a] or stochastic[b] else 1
    return total


def parley(keys):
    args = [PARLEY, "tournament", "--players", ",".join(keys), "--turns", str(TURNS), "--repetitions",
            str(REPETITIONS), "--seed", "1", "--json"]
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def axelrod(keys):
    players = [getattr(axl, k)() for k in keys]
    t = axl.Tournament(players, turns=TURNS, repetitions=REPETITIONS, seed=1)
    start = time.perf_counter()
    t.play(processes=0, progress_bar=False)
    return time.perf_counter() - start


def main():
    keys = parley_keys()
    subset = sorted(random.Random(2026).sample(keys, min(SUBSET, len(keys))), key=keys.index)
    print(f"machine: {os.cpu_count()} cores; {TURNS} turns, {REPETITIONS} repetitions, seed 1, self-play included")
    p_all, rss_all = parley(keys)
    p_sub, _ = parley(subset)
    a_sub = axelrod(subset)
    m_all, m_sub = matches(keys), matches(subset)
    a_all = a_sub * m_all / m_sub
    print(f"Parley, all {len(keys)} strategies: {p_all:.2f} s (peak RSS {rss_all:.0f} MB)")
    print(f"subset of {len(subset)}: {', '.join(subset)}")
    print(f"  axelrod (all cores): {a_sub:.2f} s; Parley: {p_sub:.3f} s; ratio {a_sub / p_sub:.0f}x")
    print(f"axelrod, all {len(keys)} extrapolated by matches played ({m_all} vs {m_sub}): {a_all:.0f} s; "
          f"ratio {a_all / p_all:.0f}x")
    print(json.dumps({"strategies": len(keys), "parley_all_s": p_all, "parley_peak_rss_mb": rss_all,
                      "subset": len(subset), "axelrod_subset_s": a_sub, "parley_subset_s": p_sub,
                      "axelrod_all_extrapolated_s": a_all}))


if __name__ == "__main__":
    main()
