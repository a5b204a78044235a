"""Writes Tests/ParleyGamesTests/Fixtures/gambit/equilibria.json: for each two-player game,
its payoff matrices and the full set of extreme Nash equilibria found by pygambit's
enummixed_solve(rational=True), plus its pure equilibria (enumpure_solve), Lemke-Howson
from label 0 (lcp_solve, double) and, where cheap, nashpy's vertex enumeration count.

Games: Gambit's example .nfg files copied into Fixtures/gambit/games, two catalog games
shipped with pygambit, random SplitMix64 games of sizes 2..10 (scripts/gambit_common.py),
and deliberately degenerate games. Run through scripts/gambit_fixtures.sh.

Also writes Fixtures/gambit/nplayer.json: games with three players (Gambit examples and
random SplitMix64 games, see random_nplayer) with enumpoly's equilibria, simpdiv's from the
centroid, logit_solve's, and logit QRE points at given lambdas (strategic form), plus what
Gambit's pure-only dominance leaves of mixdom.nfg. `--nplayer-only` writes only that file.
"""
import glob
import json
import os
import sys
import time
from fractions import Fraction

import nashpy
import numpy as np
import pygambit as gbt

sys.path.insert(0, os.path.dirname(__file__))
from gambit_common import check_generator, odometer, random_game, random_nplayer_rows, text  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "Tests", "ParleyGamesTests", "Fixtures", "gambit")

# Hand-made degenerate games: (name, A, B, why).
DEGENERATE = [
    ("all-zero-2x2", [[0, 0], [0, 0]], [[0, 0], [0, 0]], "every profile is an equilibrium: one component, 4 extreme points"),
    ("duplicate-rows-3x2", [[1, 0], [1, 0], [0, 1]], [[0, 1], [0, 1], [1, 0]], "two identical row strategies"),
    ("tie-column-2x3", [[3, 3, 0], [0, 0, 3]], [[2, 2, 1], [1, 1, 2]], "columns 1 and 2 are duplicates"),
    ("continuum-3x3", [[1, 1, 0], [1, 1, 0], [0, 0, 1]], [[1, 1, 0], [1, 1, 0], [0, 0, 1]], "a square of equilibria"),
    ("one-row-1x3", [[1, 2, 2]], [[1, 3, 3]], "one player has a single strategy; a segment of equilibria"),
    ("weak-dominance-2x2", [[1, 1], [0, 1]], [[1, 1], [1, 1]], "row 1 weakly dominates row 2"),
]


def game_from_arrays(a, b, title):
    a = np.array([[Fraction(v) for v in row] for row in a], dtype=object)
    b = np.array([[Fraction(v) for v in row] for row in b], dtype=object)
    return gbt.Game.from_arrays(a, b, title=title)


def matrices(game):
    p1, p2 = list(game.players)
    a = [[text(game[s1, s2][p1]) for s2 in p2.strategies] for s1 in p1.strategies]
    b = [[text(game[s1, s2][p2]) for s2 in p2.strategies] for s1 in p1.strategies]
    return a, b


def profile_entry(game, eq):
    p1, p2 = list(game.players)
    return {
        "strategies": [[text(eq[s]) for s in p.strategies] for p in (p1, p2)],
        "payoffs": [text(eq.payoff(p)) for p in (p1, p2)],
    }


def solve(name, source, game, note=""):
    started = time.process_time()
    result = gbt.nash.enummixed_solve(game, rational=True)
    elapsed = time.process_time() - started
    pure = gbt.nash.enumpure_solve(game)
    a, b = matrices(game)
    entry = {
        "name": name,
        "source": source,
        "note": note,
        "rows": len(a),
        "columns": len(a[0]),
        "a": a,
        "b": b,
        "equilibria": [profile_entry(game, eq) for eq in result.equilibria],
        "pure_count": len(pure.equilibria),
    }
    try:
        lcp = gbt.nash.lcp_solve(game, rational=False, stop_after=1)
        if lcp.equilibria:
            p1, p2 = list(game.players)
            eq = lcp.equilibria[0]
            entry["lcp_first_supports"] = [
                [k for k, s in enumerate(p.strategies) if float(eq[s]) > 1e-9] for p in (p1, p2)
            ]
    except Exception as error:  # recorded, not fatal: lcp is a secondary oracle
        entry["lcp_error"] = str(error)
    if len(a) * len(a[0]) <= 64:
        na = np.array([[float(Fraction(v)) for v in row] for row in a])
        nb = np.array([[float(Fraction(v)) for v in row] for row in b])
        try:
            entry["nashpy_vertex_count"] = len(list(nashpy.Game(na, nb).vertex_enumeration()))
        except Exception as error:
            entry["nashpy_error"] = str(error)
    print(f"{name}: {len(result.equilibria)} extreme equilibria ({len(pure.equilibria)} pure), {elapsed:.3f}s", file=sys.stderr)
    return entry


def random_nplayer(shape, seed):
    """The random n-player game of gambit_common.random_nplayer_rows as a pygambit game."""
    rows = random_nplayer_rows(shape, seed)
    arrays = [np.zeros(shape, dtype=object) for _ in shape]
    for index, profile in enumerate(odometer(shape)):
        for player, array in enumerate(arrays):
            array[profile] = Fraction(rows[index][player])
    return gbt.Game.from_arrays(*arrays, title=f"random {'x'.join(map(str, shape))} seed {seed}")


def nplayer_entry(name, source, game, lambdas=(0.05, 0.1, 0.2, 0.5, 1.0)):
    """Payoffs, Gambit's equilibria (enumpoly, simpdiv from the centroid, logit) and logit QRE points."""
    players = list(game.players)
    shape = [len(p.strategies) for p in players]
    strategies = [list(p.strategies) for p in players]
    payoffs = [[text(game[[strategies[i][c] for i, c in enumerate(profile)]][p]) for p in players] for profile in odometer(shape)]

    def floats(eq):
        return [[float(eq[s]) for s in p.strategies] for p in players]

    entry = {"name": name, "source": source, "shape": shape, "payoffs": payoffs}
    started = time.process_time()
    poly = gbt.nash.enumpoly_solve(game, use_strategic=True)
    entry["enumpoly_seconds"] = time.process_time() - started
    entry["enumpoly"] = [floats(eq) for eq in poly.equilibria]
    start = game.mixed_strategy_profile(rational=True)
    started = time.process_time()
    simpdiv = gbt.nash.simpdiv_solve(start)
    entry["simpdiv_seconds"] = time.process_time() - started
    entry["simpdiv"] = [[[text(eq[s]) for s in p.strategies] for p in players] for eq in simpdiv.equilibria]
    started = time.process_time()
    try:
        logit = gbt.nash.logit_solve(game, use_strategic=True)
        entry["logit_seconds"] = time.process_time() - started
        entry["logit"] = [floats(eq) for eq in logit.equilibria]
        entry["logit_regret"] = [float(eq.max_regret()) for eq in logit.equilibria]
        points = gbt.qre.logit_solve_lambda(game, list(lambdas), use_strategic=True)
        # Gambit lands within about 1e-8 of the lambda asked for: record the lambda it reached.
        entry["qre"] = [{"lambda": point.lam, "strategies": floats(point.profile)}
                        for lam, point in zip(lambdas, points) if abs(point.lam - lam) < 1e-6]
    except Exception as error:  # recorded: logit is allowed to fail on degenerate games
        entry["logit_error"] = str(error)
    print(f"{name}: enumpoly {len(entry['enumpoly'])} equilibria, simpdiv {len(entry['simpdiv'])}, "
          f"{len(entry.get('qre', []))} QRE points {entry.get('logit_error', '')}", file=sys.stderr)
    return entry


def nplayer_fixtures():
    """Writes Fixtures/gambit/nplayer.json."""
    games = []
    for file in ["2x2x2.nfg"]:
        games.append(nplayer_entry(file, "gambit contrib/games/" + file, gbt.read_nfg(os.path.join(ROOT, "games", file))))
    games.append(nplayer_entry("nau2004-sec4", "pygambit catalog journals/ijgt/nau2004/sec4", gbt.catalog.load("journals/ijgt/nau2004/sec4")))
    for shape, seeds in [((2, 2, 2), [222000, 222001, 222002]), ((3, 3, 3), [333000, 333001]), ((2, 3, 4), [234000])]:
        for seed in seeds:
            games.append(nplayer_entry(f"random-{'x'.join(map(str, shape))}-{seed}", f"SplitMix64 seed {seed}", random_nplayer(shape, seed)))
    mixdom = gbt.read_nfg(os.path.join(ROOT, "games", "mixdom.nfg"))
    undominated = gbt.supports.undominated_strategies_solve(mixdom.strategy_support_profile(), strict=False)
    kept = [[s.label for s in p.strategies if s in undominated] for p in mixdom.players]
    out = {"generated_by": "scripts/gambit_fixtures.sh", "pygambit": gbt.__version__, "games": games,
           "mixdom_undominated_pure_only": kept}
    with open(os.path.join(ROOT, "nplayer.json"), "w") as handle:
        json.dump(out, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {len(games)} n-player games", file=sys.stderr)


def main():
    check_generator()
    if "--nplayer-only" in sys.argv:
        nplayer_fixtures()
        return
    games = []
    for path in sorted(glob.glob(os.path.join(ROOT, "games", "*.nfg"))):
        game = gbt.read_nfg(path)
        if len(game.players) != 2:
            continue
        games.append(solve(os.path.basename(path), "gambit contrib/games/" + os.path.basename(path), game))
    for slug in ["journals/other/shapley1974/fig2", "journals/ijgt/nau2004/sec3"]:
        try:
            game = gbt.catalog.load(slug)
        except Exception as error:
            print(f"catalog {slug}: {error}", file=sys.stderr)
            continue
        games.append(solve(slug.split("/")[-1] + ".nfg", "pygambit catalog " + slug, game))
    for size in range(2, 11):
        count = 3 if size < 10 else 2
        for k in range(count):
            seed = 1000 * size + k
            a, b = random_game(size, size, seed)
            games.append(solve(f"random-{size}x{size}-{seed}", f"SplitMix64 seed {seed}", game_from_arrays(a, b, f"seed {seed}")))
    for name, a, b, note in DEGENERATE:
        games.append(solve(name, "hand-made degenerate game", game_from_arrays(a, b, name), note))
    out = {
        "generated_by": "scripts/gambit_fixtures.sh",
        "pygambit": gbt.__version__,
        "nashpy": nashpy.__version__,
        "games": games,
    }
    with open(os.path.join(ROOT, "equilibria.json"), "w") as handle:
        json.dump(out, handle, separators=(",", ":"))
        handle.write("\n")
    print(f"wrote {len(games)} games", file=sys.stderr)
    nplayer_fixtures()


if __name__ == "__main__":
    main()
