"""Parley's enumpoly against Gambit's on random n-player games (issue 17, point 3).

Games: SplitMix64 random games (scripts/gambit_common.py, payoffs 0..99) of shapes 2x2x2,
3x3x3, 4x4x4 and 2^k for k = 3..6 players, seeds 1717000 + 100 * size index + k. Each solver
runs in its own process with a time limit (--timeout, 300 s by default): Gambit through a
child Python process timing enumpoly_solve(use_strategic=True) with time.process_time; Parley
as `parley game solve FILE --method enumpoly --json`, CPU time of the child from getrusage
(process start and parsing included: a few milliseconds). Counts of equilibria are printed
for both; a mismatch is flagged with '!'. Ratios are Gambit's CPU time over Parley's, where
both finish.

To compare the solve itself, as Gambit's figure is (in process), the script also runs Parley
with its hidden `--benchmark N` option, which solves the game N more times in process and
prints the median CPU time of one solve (reading and output excluded; the process's CPU clock,
as Python's time.process_time reads for Gambit): N = 7 when the whole process took under a
second, else 1. Columns 'solve' and 'ratio (solve)'.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import check_generator, random_nplayer_rows, write_nplayer_nfg  # noqa: E402

PARLEY = os.environ.get("PARLEY", ".build-games-release/release/parley")
QUICK = "--quick" in sys.argv
TIMEOUT = float(sys.argv[sys.argv.index("--timeout") + 1]) if "--timeout" in sys.argv else 300.0

GAMBIT_CHILD = r"""
import sys, time, pygambit as gbt
game = gbt.read_nfg(sys.argv[1])
start = time.process_time()
result = gbt.nash.enumpoly_solve(game, use_strategic=True)
print(time.process_time() - start, len(result.equilibria))
"""


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def gambit(path):
    try:
        out = subprocess.run([sys.executable, "-c", GAMBIT_CHILD, path], capture_output=True, text=True, timeout=TIMEOUT, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    seconds, count = out.stdout.split()
    return float(seconds), int(count)


def parley(path):
    start = child_cpu()
    try:
        out = subprocess.run([PARLEY, "game", "solve", path, "--method", "enumpoly", "--json"],
                             capture_output=True, text=True, timeout=TIMEOUT, check=True)
    except subprocess.TimeoutExpired:
        return None, None
    seconds = child_cpu() - start
    return seconds, len(json.loads(out.stdout)["equilibria"])


def in_process(path, repeat):
    """Parley's median CPU time of one solve, in process (`--benchmark`)."""
    try:
        out = subprocess.run([PARLEY, "game", "solve", path, "--method", "enumpoly", "--json", "--benchmark", str(repeat)],
                             capture_output=True, text=True, timeout=TIMEOUT * (repeat + 1), check=True)
    except subprocess.TimeoutExpired:
        return None
    for line in out.stderr.splitlines():
        if line.startswith("median_cpu_seconds"):
            return float(line.split()[1])
    return None


def fmt(seconds):
    if seconds is None:
        return f">{TIMEOUT:.0f} s"
    return f"{seconds * 1e3:.3g} ms" if seconds < 1 else f"{seconds:.3g} s"


def main():
    check_generator()
    print(f"parley: {PARLEY}; time limit {TIMEOUT:.0f} s per solve; CPU time")
    shapes = [(2, 2, 2), (3, 3, 3), (4, 4, 4), (2, 2, 2, 2), (2, 2, 2, 2, 2), (2, 2, 2, 2, 2, 2)]
    seeds = 2 if QUICK else 3
    directory = tempfile.mkdtemp(prefix="parley-enumpoly-")
    print(f"{'shape':>12} {'seed':>8} {'parley':>10} {'solve':>10} {'#':>3} {'gambit':>10} {'#':>3}  ratio  ratio (solve)")
    for index, shape in enumerate(shapes):
        ratios = []
        solve_ratios = []
        for k in range(seeds):
            seed = 1717000 + 100 * index + k
            path = os.path.join(directory, f"g{seed}.nfg")
            write_nplayer_nfg(shape, random_nplayer_rows(shape, seed), path)
            ours, our_count = parley(path)
            theirs, their_count = gambit(path)
            solve = in_process(path, 7 if ours < 1 else 1) if ours is not None else None
            ratio = theirs / ours if ours and theirs else None
            solve_ratio = theirs / solve if solve and theirs else None
            if ratio:
                ratios.append(ratio)
                solve_ratios.append(solve_ratio)
            flag = "!" if ours is not None and theirs is not None and our_count != their_count else " "
            print(f"{'x'.join(map(str, shape)):>12} {seed:>8} {fmt(ours):>10} {fmt(solve):>10} {our_count if our_count is not None else '-':>3} "
                  f"{fmt(theirs):>10} {their_count if their_count is not None else '-':>3}{flag} {f'{ratio:.2g}x' if ratio else '-':>6} "
                  f"{f'{solve_ratio:.2g}x' if solve_ratio else '-':>6}", flush=True)
        if ratios:
            print(f"{'':>12} median ratio {statistics.median(ratios):.2g}x, solve only {statistics.median(solve_ratios):.2g}x", flush=True)


if __name__ == "__main__":
    main()
