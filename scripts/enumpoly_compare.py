"""Compares Parley's enumpoly with Gambit's on the games of an enumpoly fixture file, and checks
every equilibrium Parley finds that Gambit does not with pygambit's own max_regret (an
independent check of Parley's exact verification). Run with the games venv:
    PARLEY=path/to/parley .venv-games/bin/python scripts/enumpoly_compare.py enumpoly_holdout2.json
Prints one line per game: equilibria (Parley, Gambit), how many of Gambit's Parley found, the
extra ones and the largest max_regret pygambit gives them. As a check of completeness by another
method, Gambit's global Newton method (gnm_solve) is run from ten random perturbations (numpy
seed 17, at most 60 s per game): every distinct equilibrium it finds must be in Parley's set
(within 1e-5).
"""
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
from fractions import Fraction

import numpy as np
import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import odometer  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit")
PARLEY = os.environ.get("PARLEY", ".build-games-release/release/parley")
PERTURBATIONS = 10
NEWTON_SECONDS = 60


def write_nfg(entry, path):
    shape = entry["shape"]
    players = " ".join(f'"P{i + 1}"' for i in range(len(shape)))
    counts = " ".join(map(str, shape))
    body = " ".join(value for row in entry["payoffs"] for value in row)
    with open(path, "w") as handle:
        handle.write(f'NFG 1 R "{entry["name"]}" {{ {players} }} {{ {counts} }}\n\n{body}\n')


def gambit_game(entry):
    shape = tuple(entry["shape"])
    arrays = [np.zeros(shape, dtype=object) for _ in shape]
    for index, profile in enumerate(odometer(shape)):
        for player, array in enumerate(arrays):
            array[profile] = Fraction(entry["payoffs"][index][player])
    return gbt.Game.from_arrays(*arrays)


def newton_child(entry, queue):
    game = gambit_game(entry)
    generator = np.random.default_rng(17)
    for _ in range(PERTURBATIONS):
        perturbation = game.random_strategy_profile(gen=generator)
        for eq in gbt.nash.gnm_solve(perturbation).equilibria:
            if eq.max_regret() < 1e-6:
                queue.put([[float(eq[s]) for s in p.strategies] for p in game.players])


def global_newton(entry):
    """Distinct equilibria gnm_solve finds from the perturbations, within NEWTON_SECONDS (a child process)."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=newton_child, args=(entry, queue))
    child.start()
    child.join(NEWTON_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
    found = []
    while not queue.empty():
        profile = queue.get()
        if not any(distance(profile, other) < 1e-5 for other in found):
            found.append(profile)
    return found


def distance(a, b):
    return max(abs(x - y) for ra, rb in zip(a, b) for x, y in zip(ra, rb))


def main():
    entries = json.load(open(os.path.join(ROOT, sys.argv[1])))["games"]
    directory = tempfile.mkdtemp(prefix="parley-compare-")
    failures = 0
    for entry in entries:
        path = os.path.join(directory, entry["name"] + ".nfg")
        write_nfg(entry, path)
        out = subprocess.run([PARLEY, "game", "solve", path, "--method", "enumpoly", "--json"], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout)
        ours = [eq["strategies"] for eq in result["equilibria"]]
        theirs = entry["enumpoly"]
        found = sum(1 for t in theirs if any(distance(t, o) < 1e-6 for o in ours))
        extras = [o for o in ours if not any(distance(t, o) < 1e-6 for t in theirs)]
        game = gambit_game(entry)
        regrets = []
        for profile in extras:
            mixed = game.mixed_strategy_profile(rational=False)
            for player, row in zip(game.players, profile):
                for strategy, value in zip(player.strategies, row):
                    mixed[strategy] = value
            regrets.append(float(mixed.max_regret()))
        newton = global_newton(entry)
        newton_found = sum(1 for t in newton if any(distance(t, o) < 1e-5 for o in ours))
        ok = newton_found == len(newton) and found == len(theirs) and all(r < 1e-9 for r in regrets) and result["enumpoly"]["complete"]
        failures += 0 if ok else 1
        print(f"{entry['name']:>28}  parley {len(ours):>2}  gambit {len(theirs):>2}  found {found}/{len(theirs)}  "
              f"extra {len(extras)}  max_regret of extras {max(regrets, default=0):.1e}  gnm {newton_found}/{len(newton)}  {'ok' if ok else 'MISMATCH'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
