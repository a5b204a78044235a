"""Parley against its peers on the same inputs, in one run (issue 4, point 6).

(a) All extreme equilibria of the SplitMix64 random games 4x4..10x10 (seeds 1000n+k, 5 seeds,
    3 at 10x10): Parley `game solve --method enum` (exact) against pygambit enummixed_solve
    (rational and double), nashpy vertex_enumeration (to 8x8; 93 s per 10x10 game in the
    reference) and lrsnash (exact, when `lrsnash` is on PATH).
(b) One equilibrium of 20x20..200x200 games: Parley `--method lemke-howson` (double precision,
    verified exactly) against pygambit lcp_solve(rational=False, stop_after=1).

Parley is timed inside the process (`--benchmark N`: median of N solves, file reading
excluded); peers with time.perf_counter around the call (median of up to 3 runs; 1 run when a
run takes more than 2 s). lrsnash is timed as a process (it prints no timing we could use at
this resolution), so its figure includes process start (about 1-2 ms). Every solver's equilibrium count is
checked against Parley's.
"""
import os
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
from gambit_common import check_generator, random_game  # noqa: E402

PARLEY = os.environ.get("PARLEY", ".build-games-release/release/parley")
QUICK = "--quick" in sys.argv


def write_nfg(a, b, path):
    m, n = len(a), len(a[0])
    values = []
    for j in range(n):
        for i in range(m):
            values += [str(a[i][j]), str(b[i][j])]
    with open(path, "w") as handle:
        handle.write(f'NFG 1 R "random" {{ "1" "2" }} {{ {m} {n} }}\n' + " ".join(values) + "\n")


def parley(path, method, runs):
    result = subprocess.run([PARLEY, "game", "solve", path, "--method", method, "--json", "--benchmark", str(runs)],
                            capture_output=True, text=True, check=True)
    seconds = float(result.stderr.strip().split()[-1])
    import json
    count = len(json.loads(result.stdout)["equilibria"])
    return seconds, count


def timed(function, repeats=3):
    times = []
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
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

    seconds, output = timed(run)
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


def main():
    check_generator()
    print(f"parley: {PARLEY}; pygambit {gbt.__version__}; nashpy {nashpy.__version__}; lrsnash: {shutil.which('lrsnash') or 'not installed'}")
    directory = tempfile.mkdtemp(prefix="parley-bench-")
    print("\n(a) all extreme equilibria, median over seeds of each solver's median time")
    print(f"{'size':>6} {'parley enum':>12} {'gambit rational':>16} {'gambit double':>14} {'nashpy vertex':>14} {'lrsnash':>10}   ratios (peer / parley)")
    sizes = [(4, 5), (6, 5), (8, 5), (10, 3)] if not QUICK else [(4, 2), (6, 2)]
    for size, seeds in sizes:
        rows = {"parley": [], "gr": [], "gd": [], "nv": [], "lrs": []}
        for k in range(seeds):
            seed = 1000 * size + k
            a, b = random_game(size, size, seed)
            path = os.path.join(directory, f"g{seed}.nfg")
            write_nfg(a, b, path)
            seconds, count = parley(path, "enum", 5 if size < 10 else 3)
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
            seconds, _ = parley(path, "lemke-howson", 5)
            ours.append(seconds)
            game = gambit_game(a, b)
            s, result = timed(lambda: gbt.nash.lcp_solve(game, rational=False, stop_after=1))
            theirs.append(s)
        o, t = statistics.median(ours), statistics.median(theirs)
        print(f"{size}x{size:<4} {fmt(o):>12} {fmt(t):>18}   {t / o:.1f}x")
    shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
