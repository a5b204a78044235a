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

The expensive strategies (DBS and the team-based meta strategies, whose every turn runs a
team of up to 138 strategies: seconds per match in axelrod) are kept out of the subset,
which would otherwise take hours; each is timed in axelrod on two 200-turn matches (against
Tit For Tat and Random) and its matches in the whole tournament are extrapolated from that
mean, added to the subset's extrapolation for the other strategies' matches.
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


def expensive(key):
    from axelrod.strategies.meta import MetaPlayer
    cls = getattr(axl, key)
    team_based = issubclass(cls, MetaPlayer) and key not in ("MetaHunter", "MetaHunterAggressive", "MemoryDecay")
    return team_based or bool(axl.Classifiers["long_run_time"](cls()))


def matches(keys, only=None):
    """Matches axelrod plays for a round robin with self-play: deterministic pairs once.
    With `only`, just the pairs (a, b) for which `only(a, b)` is true."""
    stochastic = {k: axl.Classifiers["stochastic"](getattr(axl, k)()) for k in keys}
    total = 0
    for i, a in enumerate(keys):
        for b in keys[i:]:
            if only is not None and not only(a, b):
                continue
            total += REPETITIONS if stochastic[a] or stochastic[b] else 1
    return total


def axelrod_match_cost(key):
    start = time.perf_counter()
    for seed, opponent in enumerate([axl.TitForTat(), axl.Random()]):
        axl.Match((getattr(axl, key)(), opponent), turns=TURNS, seed=seed).play()
    return (time.perf_counter() - start) / 2


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
    heavy = [k for k in keys if expensive(k)]
    light = [k for k in keys if k not in heavy]
    subset = sorted(random.Random(2026).sample(light, min(SUBSET, len(light))), key=keys.index)
    print(f"machine: {os.cpu_count()} cores; {TURNS} turns, {REPETITIONS} repetitions, seed 1, self-play included")
    p_all, rss_all = parley(keys)
    p_light, _ = parley(light)
    p_sub, _ = parley(subset)
    a_sub = axelrod(subset)
    m_light, m_sub = matches(light), matches(subset)
    a_all = a_sub * m_light / m_sub
    m_all = matches(keys)
    heavy_cost = {}
    for k in heavy:
        heavy_cost[k] = axelrod_match_cost(k)
        # the pairs in which k is the first expensive player listed (so each pair counts once)
        a_all += heavy_cost[k] * matches(keys, only=lambda a, b, k=k: a == k or (b == k and a not in heavy))
    print(f"Parley, all {len(keys)} strategies: {p_all:.2f} s (peak RSS {rss_all:.0f} MB)")
    print(f"Parley, the {len(light)} without the {len(heavy)} expensive ones ({', '.join(heavy)}): {p_light:.2f} s")
    print(f"subset of {len(subset)}: {', '.join(subset)}")
    print(f"  axelrod (all cores): {a_sub:.2f} s; Parley: {p_sub:.3f} s; ratio {a_sub / p_sub:.0f}x")
    print("axelrod seconds per match of the expensive strategies: "
          + ", ".join(f"{k} {c:.2f}" for k, c in heavy_cost.items()))
    print(f"axelrod, all {len(keys)} extrapolated ({m_all} matches; {m_light} among the {len(light)} others, "
          f"scaled from the subset's {m_sub}): {a_all:.0f} s; ratio {a_all / p_all:.0f}x")
    print(json.dumps({"strategies": len(keys), "parley_all_s": p_all, "parley_peak_rss_mb": rss_all, "parley_without_expensive_s": p_light,
                      "subset": len(subset), "axelrod_subset_s": a_sub, "parley_subset_s": p_sub,
                      "axelrod_all_extrapolated_s": a_all, "matches_all": m_all,
                      "axelrod_heavy_match_s": heavy_cost}))


if __name__ == "__main__":
    main()
