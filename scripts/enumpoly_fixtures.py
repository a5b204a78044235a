"""Writes Tests/ParleyGamesTests/Fixtures/gambit/enumpoly.json (or enumpoly_holdout.json with
--holdout, enumpoly_catalog.json with --catalog): n-player strategic games with the equilibria pygambit 16.7's enumpoly_solve finds
(support enumeration plus polynomial systems; isolated equilibria only), as doubles, and its CPU
time. Run through scripts/enumpoly_fixtures.sh.

Development games: Gambit's 2x2x2.nfg (McKelvey-McLennan, 9 equilibria), the n-player strategic
games of pygambit's catalog, and random SplitMix64 games (scripts/gambit_common.py) of shapes
2x2x2, 3x3x3, 2x3x4, 2x2x2x2 and 3x3x2x2 with seeds 1700..1799. The held-out games use seeds
from 9170.. that were not looked at during development: five 3-player and five 4-player games.
A second held-out set (--holdout2, seeds 9270..9279, written after the session-8 speed work and
never used to tune it) has larger games: five 3-player games up to 4x4x4 and five 4-player ones.
The catalog games are every strategic (not tree) game of pygambit's catalog, with enummixed's
exact extreme equilibria as well for the two-player ones.
"""
import json
import multiprocessing
import os
import sys
import time
from fractions import Fraction

import numpy as np
import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import check_generator, odometer, random_nplayer_rows, text  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit")


def random_nplayer(shape, seed):
    rows = random_nplayer_rows(shape, seed)
    arrays = [np.zeros(shape, dtype=object) for _ in shape]
    for index, profile in enumerate(odometer(shape)):
        for player, array in enumerate(arrays):
            array[profile] = Fraction(rows[index][player])
    return gbt.Game.from_arrays(*arrays, title=f"random {'x'.join(map(str, shape))} seed {seed}")


def solve(game):
    players = list(game.players)
    started = time.process_time()
    result = gbt.nash.enumpoly_solve(game, use_strategic=True)
    seconds = time.process_time() - started
    equilibria = [[[float(eq[s]) for s in p.strategies] for p in players] for eq in result.equilibria]
    regrets = [float(eq.max_regret()) for eq in result.equilibria]
    return equilibria, regrets, seconds


def solve_in_child(game, timeout, queue):
    queue.put(solve(game))


def entry(name, source, game, enummixed=False, timeout=None):
    players = list(game.players)
    shape = [len(p.strategies) for p in players]
    strategies = [list(p.strategies) for p in players]
    payoffs = [[text(game[[strategies[i][c] for i, c in enumerate(profile)]][p]) for p in players] for profile in odometer(shape)]
    if timeout is None:
        equilibria, regrets, seconds = solve(game)
    else:
        # Gambit's enumpoly can run without end (gambitproject/gambit#1055): a forked child with a deadline.
        queue = multiprocessing.get_context("fork").Queue()
        child = multiprocessing.get_context("fork").Process(target=solve_in_child, args=(game, timeout, queue))
        child.start()
        child.join(timeout)
        if child.is_alive():
            child.kill()
            child.join()
            print(f"{name}: Gambit's enumpoly did not finish in {timeout} s", file=sys.stderr)
            out = {"name": name, "source": source, "shape": shape, "payoffs": payoffs, "enumpoly": [],
                   "enumpoly_regret": [], "enumpoly_seconds": None, "enumpoly_timeout": timeout}
            if enummixed:
                out["enummixed"] = exact_extreme(game)
            return out
        equilibria, regrets, seconds = queue.get()
    print(f"{name}: {len(equilibria)} equilibria in {seconds:.3f}s CPU, max regret {max(regrets, default=0):.2e}", file=sys.stderr)
    out = {"name": name, "source": source, "shape": shape, "payoffs": payoffs, "enumpoly": equilibria,
           "enumpoly_regret": regrets, "enumpoly_seconds": seconds}
    if enummixed:
        out["enummixed"] = exact_extreme(game)
    return out


def exact_extreme(game):
    """Two players: the extreme equilibria, exactly, from a second Gambit method (enummixed)."""
    mixed = gbt.nash.enummixed_solve(game, rational=True).equilibria
    return [[[str(eq[s]) for s in p.strategies] for p in game.players] for eq in mixed]


def main():
    check_generator()
    holdout = "--holdout" in sys.argv
    holdout2 = "--holdout2" in sys.argv
    catalog = "--catalog" in sys.argv
    games = []
    if catalog:
        # Every strategic (normal-form) game that pygambit's catalog ships, whatever its number of players.
        for slug in sorted(gbt.catalog.games()["Game"]):
            game = gbt.catalog.load(slug)
            if game.is_tree:
                continue
            games.append(entry(slug.replace("/", "-"), "pygambit catalog " + slug, game, enummixed=len(game.players) == 2, timeout=60))
        name = "enumpoly_catalog.json"
    elif holdout2:
        shapes = [(3, 3, 3), (4, 3, 3), (3, 4, 4), (4, 4, 3), (4, 4, 4), (2, 2, 2, 2), (3, 3, 2, 2), (2, 3, 2, 3), (3, 3, 3, 2), (2, 2, 2, 4)]
        for k, shape in enumerate(shapes):
            seed = 9270 + k
            games.append(entry(f"holdout2-{'x'.join(map(str, shape))}-{seed}", f"SplitMix64 seed {seed}", random_nplayer(shape, seed), timeout=300))
        name = "enumpoly_holdout2.json"
    elif holdout:
        shapes = [(2, 2, 2), (3, 3, 3), (2, 3, 4), (3, 3, 2), (4, 2, 3), (2, 2, 2, 2), (2, 2, 3, 2), (3, 2, 2, 2), (2, 2, 2, 3), (2, 3, 2, 2)]
        for k, shape in enumerate(shapes):
            seed = 9170 + k
            games.append(entry(f"holdout-{'x'.join(map(str, shape))}-{seed}", f"SplitMix64 seed {seed}", random_nplayer(shape, seed)))
        name = "enumpoly_holdout.json"
    else:
        games.append(entry("2x2x2.nfg", "gambit contrib/games/2x2x2.nfg (McKelvey-McLennan)",
                           gbt.read_nfg(os.path.join(ROOT, "games", "2x2x2.nfg"))))
        for slug in ["journals/ijgt/nau2004/sec4", "journals/ijgt/nau2004/sec5"]:
            try:
                games.append(entry(slug.split("/")[-2] + "-" + slug.split("/")[-1], "pygambit catalog " + slug, gbt.catalog.load(slug)))
            except Exception as error:
                print(f"catalog {slug}: {error}", file=sys.stderr)
        seed = 1700
        for shape in [(2, 2, 2), (2, 2, 2), (2, 2, 2), (3, 3, 3), (3, 3, 3), (2, 3, 4), (3, 2, 3), (2, 2, 2, 2), (2, 2, 2, 2), (3, 2, 2, 2)]:
            games.append(entry(f"random-{'x'.join(map(str, shape))}-{seed}", f"SplitMix64 seed {seed}", random_nplayer(shape, seed)))
            seed += 1
        name = "enumpoly.json"
    out = {"generated_by": "scripts/enumpoly_fixtures.sh" + (" --holdout" if holdout else " --holdout2" if holdout2 else " --catalog" if catalog else ""), "pygambit": gbt.__version__, "games": games}
    with open(os.path.join(ROOT, name), "w") as handle:
        json.dump(out, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {len(games)} games to {name}", file=sys.stderr)


if __name__ == "__main__":
    main()
