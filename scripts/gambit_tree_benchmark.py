"""Lemke on the sequence form: Parley against pygambit on the same trees, in one run (issue 4).

Trees: the largest generated poker-like tree of the fixtures (poker-12x3x3-5100.efg, written by
scripts/gambit_tree_fixtures.sh) and the reference's perfect-information tree b=2, D=6 (127
nodes; ../shared/reference/game-theory.md section 3, where lcp_solve took 1.45 s), written here.
Parley runs `game solve --method sequence-form --benchmark N` (exact integer pivoting, median of
N solves, reading excluded); pygambit lcp_solve(use_strategic=False), rational and double, timed
once with time.perf_counter. Payoffs of the equilibria are printed so they can be compared.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import splitmix64  # noqa: E402

PARLEY = os.environ.get("PARLEY", ".build-extensive-release/release/parley")
TREES = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit", "trees")


def reference_tree(b, depth, path):
    """Reference section 1: complete b-ary tree, player d % 2 + 1 at depth d, leaf payoffs
    next() % 100 from SplitMix64(777) in preorder, u1 then u2."""
    stream = splitmix64(777)
    lines = [f'EFG 2 R "reference b={b} D={depth}" {{ "1" "2" }}', '""']
    counters = [0, 0]
    outcome = [0]

    def visit(d):
        if d == depth:
            outcome[0] += 1
            u1, u2 = next(stream) % 100, next(stream) % 100
            lines.append(f't "" {outcome[0]} "" {{ {u1}, {u2} }}')
            return
        player = d % 2
        counters[player] += 1
        actions = " ".join(f'"{k}"' for k in range(b))
        lines.append(f'p "" {player + 1} {counters[player]} "" {{ {actions} }} 0')
        for _ in range(b):
            visit(d + 1)

    visit(0)
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")


def parley(path, runs):
    result = subprocess.run([PARLEY, "game", "solve", path, "--method", "sequence-form", "--json", "--benchmark", str(runs)],
                            capture_output=True, text=True, check=True)
    seconds = float(result.stderr.strip().split()[-1])
    payoffs = json.loads(result.stdout)["equilibria"][0]["payoffs_exact"]
    return seconds, payoffs


def gambit(path, rational):
    game = gbt.read_efg(path)
    start = time.perf_counter()
    result = gbt.nash.lcp_solve(game, rational=rational, use_strategic=False)
    seconds = time.perf_counter() - start
    eq = result.equilibria[0]
    return seconds, [str(eq.payoff(p)) for p in game.players]


def main():
    with tempfile.TemporaryDirectory() as scratch:
        reference = os.path.join(scratch, "reference-2-6.efg")
        reference_tree(2, 6, reference)
        for name, path in [("poker-12x3x3-5100 (109 + 10 sequences)", os.path.join(TREES, "poker-12x3x3-5100.efg")),
                           ("reference b=2 D=6 (127 nodes)", reference)]:
            ours, our_payoffs = parley(path, 5)
            exact, exact_payoffs = gambit(path, True)
            double, double_payoffs = gambit(path, False)
            print(f"{name}: Parley exact {ours * 1000:.1f} ms, payoffs {our_payoffs}; "
                  f"pygambit lcp rational {exact * 1000:.1f} ms ({exact / ours:.1f}x), payoffs {exact_payoffs}; "
                  f"double {double * 1000:.1f} ms ({double / ours:.1f}x)")


if __name__ == "__main__":
    main()
