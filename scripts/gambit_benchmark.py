"""Parley against its peers on the same inputs, in one run (issue 4, point 6).

(a) All extreme equilibria of the SplitMix64 random games 4x4..10x10 (seeds 1000n+k, 5 seeds,
    3 at 10x10): Parley `game solve --method enum` (exact) against pygambit enummixed_solve
    (rational and double), nashpy vertex_enumeration (to 8x8; 93 s per 10x10 game in the
    reference) and lrsnash (exact, when `lrsnash` is on PATH).
(b) One equilibrium of 20x20..200x200 games: Parley `--method lemke-howson` (double precision,
    verified exactly) against pygambit lcp_solve(rational=False, stop_after=1).
(c) One equilibrium of random 3- and 4-player games (gambit_common.random_nplayer_rows, seeds
    given below): Parley `--method logit` (branch traced, then refined and verified exactly)
    against pygambit logit_solve(use_strategic=True) and simpdiv_solve from the centroid.
    `--nplayer-only` runs only this part.

All figures are CPU time (user + system), because the machine is shared and wall time there
counts the other load too; `--wall` gives wall time instead. Parley: the CPU time of
`--benchmark N` (N + 1 solves in one process) minus that of `--benchmark 1`, divided by N - 1,
so process start and file reading cancel out. Peers: time.process_time around the call (median
of up to 3 runs; 1 run when a run takes more than 2 s). lrsnash runs as a process (it prints no
timing we could use at this resolution): the median CPU time of 3 runs from getrusage, process
start included (about 1 ms). `--two-player-only` skips part (c), `--lh-only` runs only (b); Gambit's lcp runs on 200x200
only with `--gambit-200` (it did not finish one such game in 20 minutes). Every solver's equilibrium count is
checked against Parley's.
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from fractions import Fraction

import nashpy
import numpy as np
import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import check_generator, odometer, random_game, random_nplayer_rows, write_nplayer_nfg  # noqa: E402

PARLEY = os.environ.get("PARLEY", ".build-games-release/release/parley")
QUICK = "--quick" in sys.argv
# CPU time by default: the machine is shared, and wall time there measures the other load too.
WALL = "--wall" in sys.argv
TWO_PLAYER_ONLY = "--two-player-only" in sys.argv
GAMBIT_200 = "--gambit-200" in sys.argv
LH_ONLY = "--lh-only" in sys.argv


def write_nfg(a, b, path):
    m, n = len(a), len(a[0])
    values = []
    for j in range(n):
        for i in range(m):
            values += [str(a[i][j]), str(b[i][j])]
    with open(path, "w") as handle:
        handle.write(f'NFG 1 R "random" {{ "1" "2" }} {{ {m} {n} }}\n' + " ".join(values) + "\n")


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def parley_run(path, method, runs):
    start = child_cpu()
    result = subprocess.run([PARLEY, "game", "solve", path, "--method", method, "--json", "--benchmark", str(runs)],
                            capture_output=True, text=True, check=True)
    return child_cpu() - start, result


def parley(path, method, runs):
    """CPU seconds per solve: `--benchmark N` solves N + 1 times in one process, so the CPU time
    of a run with N and of a run with 1, subtracted, is that of N - 1 solves, with process start
    and file reading cancelled out. With WALL set, Parley's own median wall time instead."""
    runs = max(runs, 2)
    cpu_many, result = parley_run(path, method, runs)
    import json
    count = len(json.loads(result.stdout)["equilibria"])
    if WALL:
        wall = next(line for line in result.stderr.splitlines() if line.startswith("median_seconds "))
        return float(wall.split()[1]), count
    cpu_one, _ = parley_run(path, method, 1)
    return max(cpu_many - cpu_one, 0) / (runs - 1), count


def timed(function, repeats=3):
    """Median CPU time of up to `repeats` calls (wall time with WALL set); one call when a call
    takes more than 2 s."""
    clock = time.perf_counter if WALL else time.process_time
    times = []
    value = None
    for _ in range(repeats):
        start = clock()
        value = function()
        times.append(clock() - start)
        if times[-1] > 2:
            break
    return statistics.median(times), value


def lrsnash(a, b, directory):
    binary = shutil.which("lrsnash")
    if binary is None:
        return None, None
    path = os.path.join(directory, "game.lrs")
    with open(path, "w") as handle:
        handle.write(f"{len(a)} {len(a[0])}\n\n")
        handle.write("\n".join(" ".join(map(str, row)) for row in a) + "\n\n")
        handle.write("\n".join(" ".join(map(str, row)) for row in b) + "\n")

    def run():
        return subprocess.run([binary, path], capture_output=True, text=True, check=True).stdout

    if WALL:
        seconds, output = timed(run)
    else:
        # lrsnash runs as a process: its CPU time (process start included, about 1 ms).
        times = []
        for _ in range(3):
            start = child_cpu()
            output = run()
            times.append(child_cpu() - start)
        seconds = statistics.median(times)
    count = None
    for line in output.splitlines():
        if line.startswith("*Number of equilibria found:"):
            count = int(line.split(":")[1])
    return seconds, count


def gambit_game(a, b):
    return gbt.Game.from_arrays(np.array(a, dtype=object), np.array(b, dtype=object))


def fmt(seconds):
    if seconds is None:
        return "-"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def nplayer(directory):
    print("\n(c) one equilibrium of n-player games, median over seeds of each solver's median time")
    print(f"{'shape':>8} {'parley logit':>13} {'gambit logit':>13} {'gambit simpdiv':>15}   ratios (gambit / parley)")
    # Larger shapes are left out: a pygambit call ran for over 10 minutes on one of the
    # 3x3x3/4x4x4/2x2x2x2 seeds tried (Gambit's logit can hang, gambit#3, #876).
    for shape, seeds in [((2, 2, 2), [222000, 222001, 222002]), ((3, 3, 3), [333000, 333001, 333004])]:
        ours, logit, simpdiv = [], [], []
        for seed in seeds:
            rows = random_nplayer_rows(shape, seed)
            path = os.path.join(directory, f"n{seed}.nfg")
            write_nplayer_nfg(shape, rows, path)
            seconds, _ = parley(path, "logit", 5)
            ours.append(seconds)
            arrays = [np.zeros(shape, dtype=object) for _ in shape]
            for index, profile in enumerate(odometer(shape)):
                for player, array in enumerate(arrays):
                    array[profile] = Fraction(rows[index][player])
            game = gbt.Game.from_arrays(*arrays)
            s, _ = timed(lambda: gbt.nash.logit_solve(game, use_strategic=True))
            logit.append(s)
            s, _ = timed(lambda: gbt.nash.simpdiv_solve(game.mixed_strategy_profile(rational=True)))
            simpdiv.append(s)
        o, lg, sd = statistics.median(ours), statistics.median(logit), statistics.median(simpdiv)
        print(f"{'x'.join(map(str, shape)):>8} {fmt(o):>13} {fmt(lg):>13} {fmt(sd):>15}   logit {lg / o:.2f}x  simpdiv {sd / o:.2f}x")


def main():
    check_generator()
    print(f"parley: {PARLEY}; pygambit {gbt.__version__}; nashpy {nashpy.__version__}; lrsnash: {shutil.which('lrsnash') or 'not installed'}")
    directory = tempfile.mkdtemp(prefix="parley-bench-")
    if "--nplayer-only" in sys.argv:
        nplayer(directory)
        shutil.rmtree(directory, ignore_errors=True)
        return
    print("\n(a) all extreme equilibria, median over seeds of each solver's median time")
    print(f"{'size':>6} {'parley enum':>12} {'gambit rational':>16} {'gambit double':>14} {'nashpy vertex':>14} {'lrsnash':>10}   ratios (peer / parley)")
    sizes = [(4, 5), (6, 5), (8, 5), (10, 3)] if not QUICK else [(4, 2), (6, 2)]
    if LH_ONLY:
        sizes = []
    for size, seeds in sizes:
        rows = {"parley": [], "gr": [], "gd": [], "nv": [], "lrs": []}
        for k in range(seeds):
            seed = 1000 * size + k
            a, b = random_game(size, size, seed)
            path = os.path.join(directory, f"g{seed}.nfg")
            write_nfg(a, b, path)
            seconds, count = parley(path, "enum", {4: 2000, 6: 500, 8: 100, 10: 20}.get(size, 5))
            rows["parley"].append(seconds)
            game = gambit_game(a, b)
            s, result = timed(lambda: gbt.nash.enummixed_solve(game, rational=True))
            assert len(result.equilibria) == count, (seed, "gambit rational", len(result.equilibria), count)
            rows["gr"].append(s)
            s, result = timed(lambda: gbt.nash.enummixed_solve(game, rational=False))
            rows["gd"].append(s)
            if size <= 8:
                s, found = timed(lambda: list(nashpy.Game(np.array(a, dtype=float), np.array(b, dtype=float)).vertex_enumeration()))
                rows["nv"].append(s)
            s, lrs_count = lrsnash(a, b, directory)
            if s is not None:
                rows["lrs"].append(s)
                if lrs_count != count:
                    print(f"  note: seed {seed}: lrsnash listed {lrs_count} equilibria, Parley {count}")
        med = {key: (statistics.median(value) if value else None) for key, value in rows.items()}
        ratios = "  ".join(f"{name} {med[key] / med['parley']:.1f}x" for key, name in
                           [("gr", "gambit-rational"), ("gd", "gambit-double"), ("nv", "nashpy"), ("lrs", "lrsnash")] if med[key])
        print(f"{size}x{size:<3} {fmt(med['parley']):>12} {fmt(med['gr']):>16} {fmt(med['gd']):>14} {fmt(med['nv']):>14} {fmt(med['lrs']):>10}   {ratios}")

    print("\n(b) one equilibrium by Lemke-Howson from the first label, median over 5 seeds")
    print(f"{'size':>8} {'parley LH':>12} {'gambit lcp double':>18}   ratio (gambit / parley)")
    for size in ([20, 50, 100, 200] if not QUICK else [20, 50]):
        ours, theirs = [], []
        for k in range(5):
            seed = 1000 * size + k
            a, b = random_game(size, size, seed)
            path = os.path.join(directory, f"lh{seed}.nfg")
            write_nfg(a, b, path)
            seconds, _ = parley(path, "lemke-howson", {20: 1000, 50: 200, 100: 20}.get(size, 5))
            ours.append(seconds)
            if size >= 200 and not GAMBIT_200:
                continue
            game = gambit_game(a, b)
            s, result = timed(lambda: gbt.nash.lcp_solve(game, rational=False, stop_after=1))
            theirs.append(s)
        o = statistics.median(ours)
        if not theirs:
            print(f"{size}x{size:<4} {fmt(o):>12} {'not run':>18}   (Gambit's lcp took over 20 min on one 200x200 game; --gambit-200 runs it)")
            continue
        t = statistics.median(theirs)
        print(f"{size}x{size:<4} {fmt(o):>12} {fmt(t):>18}   {t / o:.1f}x")
    if not TWO_PLAYER_ONLY:
        nplayer(directory)
    shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
